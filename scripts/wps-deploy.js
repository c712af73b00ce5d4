/*
 * Makes the WPS add-in's deployment folders from dist/wps (run by `npm run build` after
 * webpack.wps.js):
 *  - dist/wps-server/: for an intranet HTTP server. @NAME@/ (the add-in, online mode), the same
 *    packed as @NAME@_<version>.zip, jsplugins.xml (what oem.ini's JSPluginsServer points at),
 *    publish.html (the client setting, for users and administrators). URLs in them start with
 *    WANMU_WPS_BASE_URL (the folder's address on the server, ending in '/').
 *  - dist/wps-offline/: @NAME@_<version>/ plus install/uninstall scripts for one PC (Windows .bat +
 *    .ps1, Linux .sh), and the same as dist/wanmu-wps-offline-<version>.zip.
 * `node scripts/wps-deploy.js [outDir]` writes them under outDir instead of dist (tests).
 * The entry formats (not all confirmed against every WPS build) are in DEPLOY below.
 */
const fs = require('fs');
const path = require('path');
const { zipSync } = require('fflate');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const DEPLOY = {
  name: pkg.name,
  version: pkg.version,
  /** First WPS build with wps.AddCustomFunction (the same as WPS_ADDIN_QUIRKS.functionsMinVersion). */
  minVersion: '12.1.0.20540',
  /** Used when WANMU_WPS_BASE_URL is not set: a placeholder the administrator replaces. */
  defaultBase: 'http://wps-addins.example.intranet/wanmu/',
  /** jsplugins.xml for JSPluginsServer: the add-in as a package WPS downloads (offline-package mode). */
  jsplugins: (base, d) => `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${d.name}" type="et" version="${d.version}" url="${base}${d.name}_${d.version}.zip" enable="true"/>\n</jsplugins>\n`,
  /** The same, loading the add-in's folder online instead of the package. */
  jspluginsOnline: (base, d) => `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${d.name}" type="et" url="${base}${d.name}/" enable="true"/>\n</jsplugins>\n`,
};

function baseUrl() {
  const b = process.env.WANMU_WPS_BASE_URL;
  if (!b) {
    console.warn(`wps-deploy: WANMU_WPS_BASE_URL not set; dist/wps-server uses ${DEPLOY.defaultBase} (set it to the server folder's address and build again)`);
    return DEPLOY.defaultBase;
  }
  if (!/^https?:\/\/[^\s"<>]+$/.test(b)) throw new Error(`WANMU_WPS_BASE_URL must be an http(s) URL: ${b}`);
  return b.endsWith('/') ? b : `${b}/`;
}

function fill(text, base) {
  return text.replace(/@NAME@/g, DEPLOY.name).replace(/@VERSION@/g, DEPLOY.version).replace(/@MIN_VERSION@/g, DEPLOY.minVersion).replace(/@BASE@/g, base);
}

function files(dir, prefix = '') {
  const out = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) Object.assign(out, files(path.join(dir, e.name), `${rel}/`));
    else out[rel] = fs.readFileSync(path.join(dir, e.name));
  }
  return out;
}

function zip(entries, to) {
  const input = {};
  for (const [name, data] of Object.entries(entries)) input[name] = [new Uint8Array(data), { mtime: new Date('2020-01-01T00:00:00Z') }];
  fs.writeFileSync(to, zipSync(input, { level: 9 }));
}

function main() {
  const dist = path.join(root, 'dist');
  const addin = path.join(dist, 'wps');
  if (!fs.existsSync(path.join(addin, 'ribbon.xml'))) throw new Error('dist/wps is missing: run webpack --config webpack.wps.js first');
  const out = process.argv[2] ? path.resolve(process.argv[2]) : dist;
  const base = baseUrl();
  const folder = `${DEPLOY.name}_${DEPLOY.version}`;
  const addinFiles = files(addin);
  const templates = path.join(root, 'deploy/wps');
  const template = (name) => fill(fs.readFileSync(path.join(templates, name), 'utf8'), base);

  const server = path.join(out, 'wps-server');
  fs.rmSync(server, { recursive: true, force: true });
  fs.cpSync(addin, path.join(server, DEPLOY.name), { recursive: true });
  zip(addinFiles, path.join(server, `${folder}.zip`));
  fs.writeFileSync(path.join(server, 'jsplugins.xml'), DEPLOY.jsplugins(base, DEPLOY));
  fs.writeFileSync(path.join(server, 'jsplugins-online.xml'), DEPLOY.jspluginsOnline(base, DEPLOY));
  fs.writeFileSync(path.join(server, 'publish.html'), template('publish.html'));
  // the address can be set again on the server without Node: set-address.sh / set-address.bat
  fs.writeFileSync(path.join(server, 'publish.template.html'), fill(fs.readFileSync(path.join(templates, 'publish.html'), 'utf8'), '@BASE@'));
  fs.copyFileSync(path.join(templates, 'registry.py'), path.join(server, 'registry.py'));
  fs.writeFileSync(path.join(server, 'set-address.sh'), template('set-address.sh'), { mode: 0o755 });
  fs.writeFileSync(path.join(server, 'set-address.bat'), fs.readFileSync(path.join(templates, 'set-address.bat'), 'utf8').replace(/\r?\n/g, '\r\n'));
  fs.writeFileSync(path.join(server, 'server.ps1'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(template('server.ps1').replace(/\r?\n/g, '\r\n'), 'utf8')]));

  const offline = path.join(out, 'wps-offline');
  fs.rmSync(offline, { recursive: true, force: true });
  fs.cpSync(addin, path.join(offline, folder), { recursive: true });
  const bom = Buffer.from([0xef, 0xbb, 0xbf]); // Windows PowerShell 5 reads a .ps1 without BOM in the ANSI code page
  for (const s of ['install.sh', 'uninstall.sh']) fs.writeFileSync(path.join(offline, s), template(s), { mode: 0o755 });
  // the Linux scripts edit WPS's registry files as XML through this (python3's own XML parser)
  fs.copyFileSync(path.join(templates, 'registry.py'), path.join(offline, 'registry.py'));
  // setup.ps1: install and uninstall (install.bat / uninstall.bat hand its text to PowerShell)
  fs.writeFileSync(path.join(offline, 'setup.ps1'), Buffer.concat([bom, Buffer.from(template('setup.ps1').replace(/\r?\n/g, '\r\n'), 'utf8')]));
  for (const s of ['install.bat', 'uninstall.bat']) fs.writeFileSync(path.join(offline, s), fs.readFileSync(path.join(templates, s), 'utf8').replace(/\r?\n/g, '\r\n'));
  fs.writeFileSync(path.join(offline, '安装说明.txt'), template('README.txt').replace(/\r?\n/g, '\r\n'));
  zip(files(offline, `${folder}-offline/`), path.join(out, `${DEPLOY.name}-wps-offline-${DEPLOY.version}.zip`));
  console.log(`wps-deploy: ${path.relative(root, server)} (base ${base}), ${path.relative(root, offline)}, ${DEPLOY.name}-wps-offline-${DEPLOY.version}.zip`);
}

main();
