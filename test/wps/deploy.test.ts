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
    for (const s of ['install.ps1', 'uninstall.ps1']) {
      const buf = fs.readFileSync(path.join(offline, s));
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = buf.toString('utf8');
      expect(text).toContain("$Name = 'wanmu'");
      expect(text).toContain('kingsoft\\wps\\jsaddons');
      expect(text).not.toMatch(/@[A-Z_]+@/);
    }
    expect(fs.readFileSync(path.join(offline, 'install.bat'), 'utf8')).toContain('install.ps1');
    expect(fs.readFileSync(path.join(offline, 'uninstall.bat'), 'utf8')).toContain('uninstall.ps1');
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
