/**
 * End to end, in Debian's Chromium: the built pane in file mode (dist/file.html served on
 * 127.0.0.1) and the offline page (dist/wanmu-offline.html from file://) open a workbook, check it,
 * fill it and download it; LibreOffice recalculates the download and its scores must be the
 * official ones. No request may leave 127.0.0.1 / file:, no page error, and axe finds no serious
 * or critical violation. 自检 runs in file mode over the file host and passes, its report copied
 * to the clipboard, and the workbook downloaded after it holds exactly what was opened.
 * Screenshots go to test-artifacts/ (ignored by git).
 *
 * Needs `npm run build` (npm test builds first) and /usr/bin/chromium (apt-get install chromium):
 * without them it is skipped, saying why, or fails on CI (test/helpers/needs.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { checkWorkbook } from '../../src/workbook';
import { libreOfficeProfile, recalc, cell } from '../helpers/workbook';
import { CHROMIUM, needs } from '../helpers/needs';
import { staticHandler } from '../../scripts/static-server';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const artifacts = path.join(root, 'test-artifacts');
const EXAMPLE = path.join(root, 'examples', '年度评价-培育名单.xlsx');


function serve(): Promise<http.Server> {
  const server = http.createServer(staticHandler(dist));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Watch {
  readonly outside: string[];
  readonly errors: string[];
}

function watch(page: Page): Watch {
  const w: Watch = { outside: [], errors: [] };
  page.on('request', (r) => {
    const u = r.url();
    if (!/^(http:\/\/127\.0\.0\.1[:/]|file:|data:|blob:)/.test(u)) w.outside.push(u);
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  return w;
}

async function openCheckFillDownload(page: Page, name: string): Promise<string> {
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByRole('tab', { name: '检查' }).waitFor();
  await page.screenshot({ path: path.join(artifacts, `${name}-check.png`), fullPage: true });
  await page.getByRole('tab', { name: '识别结果' }).click();
  await page.getByText('各工作表').waitFor();
  await page.screenshot({ path: path.join(artifacts, `${name}-roles.png`), fullPage: true });
  await page.getByRole('tab', { name: '填写' }).click();
  await page.getByLabel('填写预览').waitFor();
  await page.screenshot({ path: path.join(artifacts, `${name}-fill.png`), fullPage: true });
  await page.getByRole('button', { name: '填写得分' }).click();
  await page.getByText(/已填写 \d+ 个单元格/).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载工作簿' }).click()]);
  expect(download.suggestedFilename()).toBe('年度评价-培育名单-已评分.xlsx');
  const out = path.join(artifacts, `${name}-filled.xlsx`);
  await download.saveAs(out);
  return out;
}

/** The downloaded workbook, recalculated by LibreOffice, shows the engine's score at every score cell. */
async function expectOfficialScores(file: string): Promise<void> {
  const expected = await checkWorkbook(await XlsxFileHost.open(EXAMPLE));
  const scored = expected.scores.filter((s) => s.score !== null);
  expect(scored.length).toBeGreaterThan(0);
  const after = await (await XlsxFileHost.open(recalc(file, libreOfficeProfile()))).read();
  const filled = await checkWorkbook(await XlsxFileHost.open(file));
  for (const s of filled.scores) {
    if (s.score === null) continue;
    const c = cell(after, s.sheet, s.cell);
    expect(typeof c?.value).toBe('number');
    expect(c?.value as number).toBeCloseTo(s.score, 6);
  }
  // the same scores as the original workbook's check, platform by platform
  const key = (s: { platform: string; indicator: number }) => `${s.platform}#${s.indicator}`;
  const want = new Map(scored.map((s) => [key(s), s.score as number]));
  const got = new Map(filled.scores.filter((s) => s.score !== null).map((s) => [key(s), s.score as number]));
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, v] of want) expect(got.get(k)).toBeCloseTo(v, 9);
}

async function axe(page: Page): Promise<string[]> {
  // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) pass focus on at once;
  // Fluent UI places them around arrow-key groups by design, and axe cannot see that.
  const r = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.html.slice(0, 160)).join(" | ")}`);
}

needs('chromium', 'build').describe('task pane end to end (Chromium)', () => {
  let browser: Browser;
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    server = await serve();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('file mode: opens, checks, fills and downloads a workbook with the official scores, at 320 px', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${origin}/file.html`);
    await page.getByText('打开工作簿…').waitFor();
    const file = await openCheckFillDownload(page, 'file-mode');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('tab', { name: '图表' }).click();
    await page.getByText(/各一级指标得分/).first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'file-mode-charts.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // no chart label is clipped at 320 px: every label's text fits its box (names wrap, never cut to “…”)
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('ol li span')]
        .filter((e) => (e as HTMLElement).scrollWidth > (e as HTMLElement).clientWidth + 1 || (e.textContent ?? '').includes('…'))
        .map((e) => e.textContent),
    );
    expect(clipped).toEqual([]);
    expect(await page.locator('ol[aria-label$="总分排名"] li').count()).toBeGreaterThan(0);
    // 结果: every platform, totals as the filled cells show them; axe stays clean
    await page.getByRole('tab', { name: '结果', exact: true }).click();
    const table = page.getByRole('table', { name: /结果$/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'file-mode-results.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 CSV' }).click();
    const csv = fs.readFileSync((await (await download).path()) as string);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1).split('\r\n')[0].startsWith('序号,平台,')).toBe(true);
    await page.getByRole('tab', { name: '解释' }).click();
    await page.getByPlaceholder('如 D5').fill('D6');
    await page.getByRole('button', { name: '解释', exact: true }).click();
    await page.getByText(/^评分标准:/).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'file-mode-explain.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole('tab', { name: '填写' }).click();
    await page.getByRole('button', { name: '撤销填写' }).click();
    await page.getByText(/^已撤销填写:/).waitFor();
    await context.close();
    expect(w.outside).toEqual([]);
    expect(w.errors).toEqual([]);
    await expectOfficialScores(file);
  });

  it('file mode: 自检 passes over the file host, its report is copied, and the workbook is as it was', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${origin}/file.html`);
    await page.getByTestId('file-input').setInputFiles(EXAMPLE);
    await page.getByRole('tab', { name: '转换与模板' }).click();
    await page.getByRole('button', { name: '运行自检' }).click();
    await page.getByText(/^自检结果:(全部通过|未通过)/).waitFor({ timeout: 60000 });
    const report = await page.getByRole('textbox', { name: '报告全文' }).inputValue();
    // every step passes but those the file host does not offer (its functions are not calculated; no selection or change events)
    expect(report).toContain('结果:全部通过');
    expect(report).toMatch(/\[跳过\] 自定义函数 WANMU\.ANNUAL/);
    expect(report).toMatch(/表格程序:浏览器\(文件模式\) Mozilla\/5\.0/);
    await page.screenshot({ path: path.join(artifacts, 'file-mode-selftest.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: '复制报告' }).click();
    await page.getByText(/^已复制报告/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);
    // nothing was written outside the scratch sheets, which are gone: the workbook reads as the file opened
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载工作簿' }).click()]);
    const out = path.join(artifacts, 'file-mode-after-selftest.xlsx');
    await download.saveAs(out);
    expect(await (await XlsxFileHost.open(out)).read()).toEqual(await (await XlsxFileHost.open(EXAMPLE)).read());
    await context.close();
    expect(w.outside).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('the Office page in a plain browser: Office.onReady never settles, so the pane turns to file mode', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    const w = watch(page);
    // office.js outside Office: loaded (here served in place, so nothing leaves the machine), never ready
    const intercepted: string[] = [];
    await page.route('https://appsforoffice.microsoft.com/**', (route) => {
      intercepted.push(route.request().url());
      return route.fulfill({ contentType: 'text/javascript', body: 'var Office = { onReady: function () { return new Promise(function () {}); } };' });
    });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByText('正在连接 Office…').waitFor();
    await page.getByText('未在 Excel 中运行:可打开本机的 .xlsx 文件').waitFor({ timeout: 15000 });
    await page.getByRole('button', { name: '打开工作簿…' }).waitFor();
    await context.close();
    expect(intercepted).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(w.outside).toEqual(intercepted);
    expect(w.errors).toEqual([]);
  });

  it('the offline page works from file:// with no server and no network', async () => {
    const html = fs.readFileSync(path.join(dist, 'wanmu-offline.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('Content-Security-Policy');
    const context = await browser.newContext({ viewport: { width: 800, height: 900 }, acceptDownloads: true, colorScheme: 'dark' });
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`file://${path.join(dist, 'wanmu-offline.html')}`);
    await page.getByText('离线模式').waitFor();
    const file = await openCheckFillDownload(page, 'offline');
    expect(await axe(page)).toEqual([]);
    // 结果 in the dark theme at 320 px: readable, contrast clean, nothing wider than the pane
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByRole('tab', { name: '结果', exact: true }).click();
    await page.getByRole('table', { name: /结果$/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(artifacts, 'offline-results-dark.png'), fullPage: true });
    await context.close();
    expect(w.outside).toEqual([]);
    expect(w.errors).toEqual([]);
    await expectOfficialScores(file);
  });
});
