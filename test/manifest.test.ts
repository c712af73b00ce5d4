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

  it('has a ribbon button that opens the task pane', () => {
    const control = all(xml, 'Control').find((c) => c.$?.['xsi:type'] === 'Button');
    const action = all(control, 'Action')[0];
    expect(action.$?.['xsi:type']).toBe('ShowTaskpane');
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
