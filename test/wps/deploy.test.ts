/**
 * The WPS deployment folders made by scripts/wps-deploy.js (from the built dist/wps): the intranet
 * server folder with its base URL from WANMU_WPS_BASE_URL, and the offline package whose Linux
 * install/uninstall scripts are run here in a temporary HOME, next to another add-in they must
 * leave alone.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const folder = `${pkg.name}_${pkg.version}`;
let out: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-deploy-'));
  execFileSync(process.execPath, [path.join(root, 'scripts/wps-deploy.js'), out], { env: { ...process.env, WANMU_WPS_BASE_URL: 'http://10.1.2.3:8080/addins/wanmu' }, stdio: 'pipe' });
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('intranet server folder', () => {
  it('holds the add-in, its package, jsplugins.xml and publish.html under WANMU_WPS_BASE_URL', () => {
    const server = path.join(out, 'wps-server');
    for (const f of ['index.html', 'main.js', 'functions.js', 'pane.html', 'pane.js', 'ribbon.xml', 'functions.json', 'images/check.svg']) expect(fs.existsSync(path.join(server, 'wanmu', f))).toBe(true);
    expect(fs.readFileSync(path.join(server, 'jsplugins.xml'), 'utf8')).toContain(`<jsplugin name="wanmu" type="et" version="${pkg.version}" url="http://10.1.2.3:8080/addins/wanmu/${folder}.zip"`);
    expect(fs.readFileSync(path.join(server, 'jsplugins-online.xml'), 'utf8')).toContain('url="http://10.1.2.3:8080/addins/wanmu/wanmu/"');
    const publish = fs.readFileSync(path.join(server, 'publish.html'), 'utf8');
    expect(publish).toContain('JSPluginsServer=http://10.1.2.3:8080/addins/wanmu/jsplugins.xml');
    expect(publish).toContain('12.1.0.20540');
    expect(publish).not.toMatch(/@[A-Z_]+@/);
    const zipped = unzipSync(fs.readFileSync(path.join(server, `${folder}.zip`)));
    expect(Object.keys(zipped).sort()).toEqual(expect.arrayContaining(['index.html', 'ribbon.xml', 'pane.html', 'main.js', 'functions.js']));
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/wps-deploy.js'), out], { env: { ...process.env, WANMU_WPS_BASE_URL: 'file:///x' }, stdio: 'pipe' })).toThrow(/WANMU_WPS_BASE_URL/);
  });
});

describe('offline package', () => {
  it('Windows scripts: PowerShell with a BOM (Chinese text in Windows PowerShell 5), .bat calling them', () => {
    const offline = path.join(out, 'wps-offline');
    const buf = fs.readFileSync(path.join(offline, 'setup.ps1'));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const ps = buf.toString('utf8');
    expect(ps).toContain("$Name = 'wanmu'");
    expect(ps).toContain('kingsoft\\wps\\jsaddons');
    expect(ps).not.toMatch(/@[A-Z_]+@/);
    // Windows 7's PowerShell 2.0: none of what came later
    expect(ps).not.toMatch(/\$PSScriptRoot|-Directory\b|\[ordered\]|::new\(/);
    // the registry files through the XML DOM, never line by line
    expect(ps).toContain('System.Xml.XmlDocument');
    expect(ps).not.toMatch(/ReadAllLines|-notmatch/);
    for (const [bat, action] of [['install.bat', 'install'], ['uninstall.bat', 'uninstall']]) {
      const text = fs.readFileSync(path.join(offline, bat), 'utf8');
      expect(text).toContain(`setup.ps1', [Text.Encoding]::UTF8))) ${action}`);
      expect(text).not.toMatch(/ExecutionPolicy/i);
      expect(text).toContain('\r\n');
    }
    const zipped = unzipSync(fs.readFileSync(path.join(out, `wanmu-wps-offline-${pkg.version}.zip`)));
    expect(Object.keys(zipped)).toEqual(expect.arrayContaining([`${folder}-offline/install.sh`, `${folder}-offline/install.bat`, `${folder}-offline/${folder}/ribbon.xml`]));
  });

  it('Linux install.sh / uninstall.sh in a temporary HOME: installs, updates in place, leaves other add-ins alone, uninstalls', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-home-'));
    try {
      const addons = path.join(home, '.local/share/Kingsoft/wps/jsaddons');
      fs.mkdirSync(path.join(addons, 'other_1.0.0'), { recursive: true });
      fs.mkdirSync(path.join(addons, 'wanmu_0.0.1'));
      const other = '<jsplugin name="other" type="wps" url="http://x/other/" version="1.0.0"/>';
      fs.writeFileSync(path.join(addons, 'jsplugins.xml'), `<jsplugins>\n  ${other}\n  <jsplugin name="wanmu" type="et" url="file:///old/" version="0.0.1"/>\n</jsplugins>\n`);
      const run = (script: string) => execFileSync('sh', [path.join(out, 'wps-offline', script)], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home }, encoding: 'utf8' });

      expect(run('install.sh')).toContain(`已安装万亩千亿评分助手 ${pkg.version}`);
      expect(run('install.sh')).toContain('已安装');
      const dest = path.join(addons, folder);
      expect(fs.existsSync(path.join(dest, 'ribbon.xml'))).toBe(true);
      expect(fs.existsSync(path.join(addons, 'wanmu_0.0.1'))).toBe(false);
      expect(fs.existsSync(path.join(addons, 'other_1.0.0'))).toBe(true);
      const jsplugins = fs.readFileSync(path.join(addons, 'jsplugins.xml'), 'utf8');
      expect(jsplugins).toContain(other);
      expect(jsplugins.match(/name="wanmu"/g)).toHaveLength(1);
      expect(jsplugins).toContain(`<jsplugin name="wanmu" type="et" url="file://${dest}/" version="${pkg.version}" enable="true"/>`);
      const publish = fs.readFileSync(path.join(addons, 'publish.xml'), 'utf8');
      expect(publish).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<jsplugins>\n  <jsplugin name="wanmu" type="et" url="file:\/\/[^"]+" version="[^"]+" enable="enable_dev" install="null"\/>\n<\/jsplugins>\n$/);

      expect(run('uninstall.sh')).toContain('已卸载');
      expect(fs.existsSync(dest)).toBe(false);
      expect(fs.readFileSync(path.join(addons, 'jsplugins.xml'), 'utf8')).toBe(`<jsplugins>\n  ${other}\n</jsplugins>\n`);
      expect(fs.readFileSync(path.join(addons, 'publish.xml'), 'utf8')).not.toContain('wanmu');
      expect(fs.existsSync(path.join(addons, 'other_1.0.0'))).toBe(true);
      expect(run('uninstall.sh')).toContain('未找到已安装的万亩千亿评分助手');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('Linux installers edit WPS registry files as XML (registry.py)', () => {
  const OA = '<jsplugin name="oa-assistant" type="wps" url="http://oa.example/addin/" version="3.2" enable="true"/>';
  const OTHER = '<jsplugin name="other" type="et" url="http://x/?a=1&amp;b=2" version="1.0"></jsplugin>';
  const OLD = '<jsplugin name="wanmu" type="et" url="file:///old/" version="0.0.1" enable="true"/>';
  const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
  const corpus: Record<string, string | null> = {
    'one line, another add-in before and after an old entry': `${DECL}<jsplugins>${OA}${OLD}${OTHER}</jsplugins>`,
    'one line, only another add-in': `${DECL}<jsplugins>${OA}</jsplugins>`,
    'many lines, CRLF, BOM, comments': `\ufeff${DECL}\r\n<!-- 由单位统一部署 -->\r\n<jsplugins>\r\n  <!-- OA -->\r\n  ${OA}\r\n  ${OLD}\r\n  ${OTHER}\r\n</jsplugins>\r\n`,
    'no declaration, tabs': `<jsplugins>\n\t${OTHER}\n</jsplugins>`,
    'empty file': '',
    'missing file': null,
  };

  type Plugin = Record<string, string>;
  /** The jsplugin elements' attributes, in order (what the file means to WPS). */
  async function plugins(text: string): Promise<Plugin[]> {
    const { parseStringPromise } = await import('xml2js');
    if (text.replace(/^\ufeff/, '').trim() === '') return [];
    const doc = (await parseStringPromise(text.replace(/^\ufeff/, ''))) as { jsplugins: { jsplugin?: { $: Plugin }[] } | string };
    return typeof doc.jsplugins === 'string' ? [] : (doc.jsplugins.jsplugin ?? []).map((p) => p.$);
  }

  function home(content: string | null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-home-'));
    const addons = path.join(dir, '.local/share/Kingsoft/wps/jsaddons');
    fs.mkdirSync(addons, { recursive: true });
    for (const f of ['jsplugins.xml', 'publish.xml']) if (content !== null) fs.writeFileSync(path.join(addons, f), content);
    const run = (script: string) => execFileSync('sh', [path.join(out, 'wps-offline', script)], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir }, encoding: 'utf8', stdio: 'pipe' });
    return { dir, addons, run };
  }

  for (const [label, content] of Object.entries(corpus)) {
    it(`${label}: install keeps every other add-in and adds exactly one entry; uninstall gives the rest back`, async () => {
      const h = home(content);
      try {
        const before = content === null ? [] : (await plugins(content)).filter((p) => p.name !== 'wanmu');
        expect(h.run('install.sh')).toContain('已安装');
        for (const f of ['jsplugins.xml', 'publish.xml']) {
          const text = fs.readFileSync(path.join(h.addons, f), 'utf8');
          const after = await plugins(text);
          expect(after.filter((p) => p.name !== 'wanmu')).toEqual(before);
          const ours = after.filter((p) => p.name === 'wanmu');
          expect(ours).toHaveLength(1);
          expect(ours[0].url).toBe(`file://${path.join(h.addons, folder)}/`);
          // comments, the BOM and line ends as they were
          if (content?.includes('<!-- OA -->')) expect(text).toContain('<!-- 由单位统一部署 -->\r\n<jsplugins>\r\n  <!-- OA -->\r\n  ' + OA);
          if (content?.startsWith('\ufeff')) expect(text.startsWith('\ufeff')).toBe(true);
        }
        expect(h.run('uninstall.sh')).toContain('已卸载');
        for (const f of ['jsplugins.xml', 'publish.xml']) {
          const text = fs.readFileSync(path.join(h.addons, f), 'utf8');
          expect(await plugins(text)).toEqual(before);
          // a file that had no entry of ours is given back byte for byte
          if (content !== null && content !== '' && !content.includes('name="wanmu"')) expect(text).toBe(content);
        }
      } finally {
        fs.rmSync(h.dir, { recursive: true, force: true });
      }
    });
  }

  it('a malformed registry file: nothing is changed or copied, a Chinese message, exit non-zero', () => {
    const bad = `${DECL}<jsplugins>${OA}<jsplugin name="wanmu"`;
    const h = home(bad);
    try {
      let failure: { status: number; stderr: string; stdout: string } | undefined;
      try {
        h.run('install.sh');
      } catch (e) {
        failure = e as { status: number; stderr: string; stdout: string };
      }
      // it must fail: no failure is itself a failure of this test
      expect(failure).toBeDefined();
      expect(failure?.status).not.toBe(0);
      expect(failure?.stderr).toContain('未作任何改动');
      expect(failure?.stdout ?? '').not.toContain('已安装');
      for (const f of ['jsplugins.xml', 'publish.xml']) expect(fs.readFileSync(path.join(h.addons, f), 'utf8')).toBe(bad);
      expect(fs.existsSync(path.join(h.addons, folder))).toBe(false);
    } finally {
      fs.rmSync(h.dir, { recursive: true, force: true });
    }
  });

  it('without python3 nothing is changed, and the message says what to do', () => {
    const h = home(`${DECL}<jsplugins>${OA}</jsplugins>`);
    try {
      // a PATH with sh and the tools the script uses, but no python3
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-bin-'));
      for (const t of ['sh', 'dirname', 'mkdir', 'rm', 'cp']) {
        const real = execFileSync('sh', ['-c', `command -v ${t}`], { encoding: 'utf8' }).trim();
        fs.symlinkSync(real, path.join(bin, t));
      }
      let failure: { status: number; stderr: string } | undefined;
      try {
        execFileSync(path.join(bin, 'sh'), [path.join(out, 'wps-offline', 'install.sh')], { env: { PATH: bin, HOME: h.dir }, encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        failure = e as { status: number; stderr: string };
      }
      expect(failure).toBeDefined();
      expect(failure?.status).not.toBe(0);
      expect(failure?.stderr).toContain('python3');
      expect(fs.existsSync(path.join(h.addons, folder))).toBe(false);
      fs.rmSync(bin, { recursive: true, force: true });
    } finally {
      fs.rmSync(h.dir, { recursive: true, force: true });
    }
  });
});

describe('the server address without Node (set-address.sh)', () => {
  function copyServer(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-server-'));
    fs.cpSync(path.join(out, 'wps-server'), dir, { recursive: true });
    return dir;
  }

  it('writes the address into jsplugins.xml, jsplugins-online.xml and publish.html, touching nothing else', () => {
    const dir = copyServer();
    try {
      const before = fs.readFileSync(path.join(dir, 'jsplugins.xml'), 'utf8');
      const said = execFileSync('sh', [path.join(dir, 'set-address.sh'), 'http://10.9.8.7/addins/wanmu'], { encoding: 'utf8' });
      expect(said).toContain('JSPluginsServer=http://10.9.8.7/addins/wanmu/jsplugins.xml');
      const after = fs.readFileSync(path.join(dir, 'jsplugins.xml'), 'utf8');
      expect(after).toBe(before.replace('http://10.1.2.3:8080/addins/wanmu/', 'http://10.9.8.7/addins/wanmu/'));
      expect(fs.readFileSync(path.join(dir, 'jsplugins-online.xml'), 'utf8')).toContain('url="http://10.9.8.7/addins/wanmu/wanmu/"');
      const html = fs.readFileSync(path.join(dir, 'publish.html'), 'utf8');
      expect(html).toContain('JSPluginsServer=http://10.9.8.7/addins/wanmu/jsplugins.xml');
      expect(html).not.toContain('10.1.2.3');
      expect(html).not.toMatch(/@[A-Z_]+@/);
      for (const f of ['set-address.bat', 'server.ps1', 'registry.py']) expect(fs.existsSync(path.join(dir, f))).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'server.ps1'), 'utf8')).toContain('System.Xml.XmlDocument');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an address that is not http(s) or holds quotes, and changes nothing', () => {
    const dir = copyServer();
    try {
      const before = fs.readFileSync(path.join(dir, 'jsplugins.xml'), 'utf8');
      for (const bad of ['ftp://x/', 'http://x/"a', '']) {
        expect(() => execFileSync('sh', [path.join(dir, 'set-address.sh'), bad], { encoding: 'utf8', stdio: 'pipe' })).toThrow();
      }
      expect(fs.readFileSync(path.join(dir, 'jsplugins.xml'), 'utf8')).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
