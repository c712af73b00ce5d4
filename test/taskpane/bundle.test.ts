/**
 * The built pane (needs `npm run build`): initial script size, code-split charts, the pages'
 * Content-Security-Policy, the offline page being one self-contained file, and no Node module or
 * network address in the browser bundles other than office.js.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

const dist = path.resolve(__dirname, '../../dist');
const read = (f: string) => fs.readFileSync(path.join(dist, f), 'utf8');
const gz = (f: string) => gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;

function csp(html: string): string {
  const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
  if (!m) throw new Error('no Content-Security-Policy meta');
  return m[1];
}

describe('pane bundles', () => {
  it('loads at most 350 KB of gzipped script at first (functions.js + taskpane.js); the charts come later', () => {
    expect(gz('taskpane.js') + gz('functions.js')).toBeLessThanOrEqual(350 * 1024);
    // the charts' own words are in their chunk, not in the first script
    expect(read('taskpane.js')).not.toContain('各一级指标得分');
    const chunks = fs.readdirSync(dist).filter((f) => f.endsWith('.chunk.js'));
    expect(chunks.some((f) => read(f).includes('各一级指标得分'))).toBe(true);
  });

  it('each page has a Content-Security-Policy; only the Office page allows appsforoffice.microsoft.com', () => {
    const office = csp(read('taskpane.html'));
    expect(office).toContain("default-src 'none'");
    expect(office).toContain('https://appsforoffice.microsoft.com');
    expect(read('taskpane.html')).toMatch(/<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?/);
    for (const f of ['file.html', 'wanmu-offline.html']) {
      const policy = csp(read(f));
      expect(policy).toContain("default-src 'none'");
      expect(policy).not.toContain('appsforoffice');
      expect(read(f)).not.toContain('office.js');
    }
    expect(csp(read('wanmu-offline.html'))).toContain("connect-src 'none'");
  });

  it('the offline page is one file: every script inline, nothing loaded from elsewhere', () => {
    const html = read('wanmu-offline.html');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link[^>]*rel="?stylesheet/);
    expect(html).toContain('万亩千亿评分助手');
  });

  it('no Node module in the browser bundles (the file host’s fs-free core is used)', () => {
    for (const f of ['taskpane.js', 'wanmu-offline.html']) {
      const code = read(f);
      expect(code).not.toMatch(/require\(["'](fs|path|os|child_process|write-file-atomic)["']\)/);
      expect(code).not.toContain('writeFileAtomically');
    }
  });
});
