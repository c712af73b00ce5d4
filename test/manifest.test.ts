/**
 * Offline checks of manifest.xml (office-addin-manifest's `validate` posts to an online service,
 * which is neither reachable nor wanted here).
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { parseStringPromise } from 'xml2js';

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.xml');

type X = { [k: string]: X[] | string | { [a: string]: string } } & { $?: Record<string, string>; _?: string };

function all(node: unknown, name: string, out: X[] = []): X[] {
  if (Array.isArray(node)) node.forEach((n) => all(n, name, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === name && Array.isArray(v)) out.push(...(v as X[]));
      if (k !== '$') all(v, name, out);
    }
  }
  return out;
}

describe('manifest.xml', () => {
  let xml: unknown;
  beforeAll(async () => {
    xml = await parseStringPromise(fs.readFileSync(manifestPath, 'utf8'));
  });

  it('is read by office-addin-manifest as an Excel add-in with a Chinese name', () => {
    // office-addin-manifest pulls in ES modules that jest cannot load: read it in plain Node.
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(${JSON.stringify(manifestPath)}).then((i) => process.stdout.write(JSON.stringify(i)))`;
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })) as Record<string, unknown>;
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.displayName).toBe('万亩千亿评分助手');
    expect(info.description).toMatch(/[\u4e00-\u9fa5]/);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultLocale).toBe('zh-CN');
  });

  it('declares custom functions under the WANMU namespace', () => {
    const ext = all(xml, 'ExtensionPoint').find((e) => e.$?.['xsi:type'] === 'CustomFunctions');
    expect(ext).toBeDefined();
    const ns = (all(ext, 'Namespace')[0].$ as Record<string, string>).resid;
    const str = all(xml, 'bt:String').find((s) => s.$?.id === ns);
    expect(str?.$?.DefaultValue).toBe('WANMU');
  });

  it('uses a long-lived shared runtime that the functions page and ribbon share', () => {
    const rt = all(xml, 'Runtime');
    expect(rt).toHaveLength(1);
    expect(rt[0].$).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const page = all(all(xml, 'Page')[0], 'SourceLocation')[0].$ as Record<string, string>;
    expect(page.resid).toBe('Taskpane.Url');
    expect((all(xml, 'FunctionFile')[0].$ as Record<string, string>).resid).toBe('Taskpane.Url');
    const sets = all(xml, 'Set').map((s) => s.$?.Name);
    expect(sets).toContain('SharedRuntime');
  });

  it('has a ribbon group 万亩千亿评分 with 检查, 填写得分, 撤销填写 and 打开面板', () => {
    const group = all(xml, 'Group').find((g) => g.$?.id === 'Wanmu.Group');
    const label = (resid: string) => all(xml, 'bt:String').find((s) => s.$?.id === resid)?.$?.DefaultValue;
    expect(label((all(group, 'Label')[0].$ as Record<string, string>).resid)).toBe('万亩千亿评分');
    const controls = all(group, 'Control');
    const labels = controls.map((c) => label((all(c, 'Label')[0].$ as Record<string, string>).resid));
    expect(labels).toEqual(['检查', '填写得分', '撤销填写', '打开面板']);
    const actions = controls.map((c) => all(c, 'Action')[0]);
    expect(actions[3].$?.['xsi:type']).toBe('ShowTaskpane');
    // the commands that need no dialog run from the ribbon, in the shared runtime the pane registers them in
    const pane = fs.readFileSync(path.join(root, 'src/taskpane/office.ts'), 'utf8');
    for (const a of actions.slice(0, 3)) {
      expect(a.$?.['xsi:type']).toBe('ExecuteFunction');
      const fn = all(a, 'FunctionName')[0] as unknown as string;
      expect(pane).toContain(`'${fn}'`);
    }
  });

  it('requires the Excel API set the Office.js host uses', () => {
    const sets = all(xml, 'Set').map((s) => s.$ as Record<string, string>);
    expect(sets).toContainEqual({ Name: 'ExcelApi', MinVersion: '1.4' });
  });

  it('takes its base URL at build time (WANMU_BASE_URL), https only', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { baseUrl, rebaseManifest } = require('../scripts/manifest-base') as { baseUrl: (s?: string) => string; rebaseManifest: (x: string, b: string) => string };
    expect(baseUrl(undefined)).toBe('https://localhost:3000');
    expect(baseUrl('https://oa.example.gov.cn/wanmu/')).toBe('https://oa.example.gov.cn/wanmu');
    expect(() => baseUrl('http://oa.example.gov.cn')).toThrow(/https/);
    const out = rebaseManifest(fs.readFileSync(manifestPath, 'utf8'), 'https://oa.example.gov.cn/wanmu');
    expect(out).not.toContain('localhost:3000');
    expect(out).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://oa.example.gov.cn/wanmu/taskpane.html"/>');
  });

  it('every resid resolves to a resource, and every resource is used', () => {
    const ids = new Set([...all(xml, 'bt:Image'), ...all(xml, 'bt:Url'), ...all(xml, 'bt:String')].map((r) => r.$?.id).filter(Boolean));
    const text = fs.readFileSync(manifestPath, 'utf8');
    const used = [...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const r of used) expect(ids).toContain(r);
    for (const id of ids) expect(used).toContain(id);
  });

  it('every URL points at a file the build produces or an icon in assets/', () => {
    const text = fs.readFileSync(manifestPath, 'utf8');
    const urls = [...text.matchAll(/https:\/\/localhost:3000\/([^"<]*)/g)].map((m) => m[1]).filter((u) => u !== '');
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      if (u.startsWith('assets/')) expect(fs.existsSync(path.join(root, u))).toBe(true);
      else expect(['functions.js', 'functions.json', 'taskpane.html']).toContain(u);
    }
  });

  it('icons are PNGs of the declared sizes', () => {
    for (const size of [16, 32, 64, 80]) {
      const buf = fs.readFileSync(path.join(root, `assets/icon-${size}.png`));
      expect(buf.subarray(1, 4).toString()).toBe('PNG');
      expect(buf.readUInt32BE(16)).toBe(size);
      expect(buf.readUInt32BE(20)).toBe(size);
    }
  });
});
