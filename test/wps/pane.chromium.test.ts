/**
 * The WPS pane page (dist/wps/pane.html) in Chromium, as WPS opens it with CreateTaskPane: a fake
 * `wps` / `Application` (the fake ET with a real workbook) is injected before the page loads. The
 * page shows the add-in's one task pane (src/taskpane/App.tsx, as in Excel) over WpsHost; it must
 * load without errors and drive 检查 → 预览 → 填写 → 撤销 on the fake workbook, re-read the workbook
 * when the ribbon records something in the shared state, and no request may leave the add-in's folder. Needs Debian's chromium (/usr/bin/chromium); without it
 * skipped, saying why, or failed on CI (test/helpers/needs.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { WorkbookData } from '../../src/workbook/core/model';
import { data as workbookData } from '../helpers/data';
import { CHROMIUM, needs } from '../helpers/needs';
import { toJson } from '../helpers/fakes/wps-runtime';

const DIST = path.resolve(__dirname, '../../dist/wps');
const ORIGIN = 'http://wanmu-addin.test';

/** Bundles test/helpers/fakes/wps-browser.ts for the page. */
async function fakeBundle(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-fake-wps-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    entry: path.resolve(__dirname, '../helpers/fakes/wps-browser.ts'),
    output: { path: out, filename: 'fake.js', library: { name: 'wanmuFake', type: 'var' } },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.resolve(__dirname, '../../tsconfig.build.json') } } }] },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      compiler.close((e) => (e ? reject(e) : resolve()));
    }),
  );
  const code = fs.readFileSync(path.join(out, 'fake.js'), 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  return code;
}

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml' };

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly profile: string;
  /** Uncaught page errors. */
  readonly errors: string[];
  /** Requests for anything outside the add-in's folder (aborted). */
  readonly outside: string[];
}

/** Opens pane.html as WPS does, over a fake `wps`/`Application` holding `data`, in a fresh profile. */
async function openPane(fake: string, data: WorkbookData, functions: boolean): Promise<Opened> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors: string[] = [];
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${ORIGIN}/`)) {
      outside.push(url);
      return route.abort();
    }
    const file = path.join(DIST, decodeURIComponent(new URL(url).pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) });
  });
  await context.addInitScript(`${fake}\nwanmuFake.install(${JSON.stringify(toJson(data))}, { functions: ${functions} });`);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${ORIGIN}/pane.html`);
  await page.getByRole('tab', { name: '检查' }).waitFor();
  return { context, page, profile, errors, outside };
}

async function close(o: Opened | undefined): Promise<void> {
  if (!o) return;
  await o.context.close();
  fs.rmSync(o.profile, { recursive: true, force: true });
}

/** The fake workbook's sheets and cells, comparable across page states. */
function dump(page: Page): Promise<string> {
  return page.evaluate(() => {
    type Sheet = { name: string; visible: number; merges: unknown[]; cells: Map<string, unknown> };
    const app = (window as unknown as { Application: { state: Sheet[] } }).Application;
    return JSON.stringify(app.state.map((s) => ({ name: s.name, visible: s.visible, merges: s.merges, cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) })));
  });
}

/** Formulas written in a sheet of the fake workbook. */
function formulas(page: Page, sheet: string): Promise<string[]> {
  return page.evaluate((name) => {
    type Sheet = { name: string; cells: Map<string, { formula?: string }> };
    const app = (window as unknown as { Application: { state: Sheet[] } }).Application;
    const s = app.state.find((x) => x.name === name);
    return s ? [...s.cells.values()].flatMap((c) => (c.formula ? [c.formula] : [])) : [];
  }, sheet);
}

/** The number the 检查 tab shows above `label` (错误, 警告, 已计算得分, 暂不计分). */
async function count(page: Page, label: string): Promise<number> {
  const group = page.getByRole('group', { name: '检查结果概览' });
  const text = await group.locator('div', { has: page.getByText(label, { exact: true }) }).last().locator('span').first().textContent();
  return Number(text);
}

/** Records a new revision of the shared state, as the ribbon's entry page does after a command. */
function ribbonRecords(page: Page, change: Record<string, unknown>): Promise<void> {
  return page.evaluate((c) => {
    const storage = (window as unknown as { wps: { PluginStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } } }).wps.PluginStorage;
    const raw = storage.getItem('wanmu.state');
    const state = raw ? (JSON.parse(raw) as { revision: number }) : { revision: 0 };
    storage.setItem('wanmu.state', JSON.stringify({ ...state, ...c, revision: state.revision + 1 }));
  }, change);
}

needs('chromium').describe('WPS pane page in Chromium (the shared task pane over WpsHost)', () => {
  let fake: string;
  let data: WorkbookData;
  beforeAll(async () => {
    data = await workbookData({ platforms: 4 });
    fake = await fakeBundle();
  });

  describe('WPS older than 12.1.0.20540 (no AddCustomFunction)', () => {
    let o: Opened;
    beforeAll(async () => {
      o = await openPane(fake, data, false);
    });
    afterAll(() => close(o));

    it('is the Excel pane, in Chinese, connected to WPS 表格, and says which WPS the functions need', async () => {
      const { page } = o;
      await expect(page.getByRole('heading', { name: '万亩千亿评分助手' }).count()).resolves.toBe(1);
      for (const tab of ['检查', '填写', '解释', '识别结果', '待补数据', '图表', '转换与模板']) await expect(page.getByRole('tab', { name: tab }).count()).resolves.toBe(1);
      const status = page.getByRole('status').first();
      await expect(status.textContent()).resolves.toMatch(/^已连接:WPS 表格\(此版本的 WPS 不能添加工作表函数 WANMU\.\*\(需要 WPS 12\.1\.0\.20540 或更高版本/);
      // no file bar: the workbook is WPS's, not an opened file
      await expect(page.getByRole('button', { name: '打开工作簿…' }).count()).resolves.toBe(0);
      await page.getByRole('tab', { name: '填写' }).click();
      await expect(page.getByRole('radio', { name: 'WANMU 函数' }).isDisabled()).resolves.toBe(true);
      await expect(page.getByRole('radio', { name: '普通公式(推荐)' }).isChecked()).resolves.toBe(true);
      await expect(page.getByText(/^此版本的 WPS 不能添加工作表函数.*需要 WPS 12\.1\.0\.20540 或更高版本.*请使用“普通公式”或“数值”填写。$/).count()).resolves.toBe(1);
      expect(o.errors).toEqual([]);
    });

    it('drives check → preview → fill (ordinary formulas) → revert on the fake workbook; no request leaves the add-in', async () => {
      const { page } = o;
      const original = await dump(page);
      await page.getByRole('tab', { name: '检查' }).click();
      expect(await count(page, '已计算得分')).toBeGreaterThan(0);

      await page.getByRole('tab', { name: '填写' }).click();
      const preview = page.getByRole('region', { name: '填写预览' });
      await preview.getByText(/^将写入 \d+ 个单元格/).waitFor();
      await preview.getByText(/^新增工作表:.*评分结果/).waitFor();
      expect(await dump(page)).toBe(original);

      await page.getByRole('button', { name: '填写得分' }).click();
      await page.getByText(/^已填写 \d+ 个单元格$/).waitFor();
      const written = await formulas(page, '评分结果');
      expect(written.length).toBeGreaterThan(4 * 15);
      expect(written.some((f) => f.includes('WANMU.'))).toBe(false);

      await page.getByRole('button', { name: '撤销填写' }).click();
      await page.getByText(/^已撤销填写:/).waitFor();
      expect(await dump(page)).toBe(original);

      // no selection events through WpsHost: 解释 asks for the cell, as in file mode
      await page.getByRole('tab', { name: '解释' }).click();
      await page.getByText('WPS 表格不会把选中的单元格告诉面板:请在下面选择工作表、输入单元格地址。').waitFor();
      await expect(page.getByPlaceholder('如 D5').count()).resolves.toBe(1);

      // the charts come from a chunk loaded now, from the add-in's folder
      await page.getByRole('tab', { name: '图表' }).click();
      await page.getByText(/各一级指标得分/).first().waitFor();

      expect(o.errors).toEqual([]);
      expect(o.outside).toEqual([]);
    });

    it('shows a failure the ribbon recorded in the shared state', async () => {
      const { page } = o;
      await ribbonRecords(page, { lastAction: { kind: 'error', at: '2026-01-01T00:00:00Z', action: '填写得分', message: '工作表受保护' } });
      await page.getByText('填写得分失败:工作表受保护').waitFor({ timeout: 5000 });
      expect(o.errors).toEqual([]);
    });

    it('reads the workbook again when the ribbon records a command (store.refresh), even without a change event', async () => {
      const { page } = o;
      await page.getByRole('tab', { name: '检查' }).click();
      expect(await count(page, '已计算得分')).toBeGreaterThan(0);
      // what a ribbon command might leave behind, written past the object model: no SheetChange event
      await page.evaluate(() => {
        type Sheet = { cells: Map<string, unknown> };
        for (const s of (window as unknown as { Application: { state: Sheet[] } }).Application.state) s.cells.clear();
      });
      await page.waitForTimeout(1500);
      expect(await count(page, '已计算得分')).toBeGreaterThan(0);
      await ribbonRecords(page, { lastAction: null });
      await page.waitForFunction(() => {
        const group = document.querySelector('[role="group"][aria-label="检查结果概览"]');
        const cells = group ? [...group.children] : [];
        const scored = cells.find((c) => c.textContent?.endsWith('已计算得分'));
        return scored?.querySelector('span')?.textContent === '0';
      }, undefined, { timeout: 5000 });
      expect(o.errors).toEqual([]);
    });
  });

  describe('WPS with AddCustomFunction', () => {
    let o: Opened;
    beforeAll(async () => {
      o = await openPane(fake, data, true);
    });
    afterAll(() => close(o));

    it('lists the functions and fills with WANMU functions when asked, then reverts', async () => {
      const { page } = o;
      await page.getByText('已连接:WPS 表格(已添加工作表函数:WANMU.NORMALIZE、WANMU.ACCEPTANCE、WANMU.ANNUAL、WANMU.EXPLAIN)').waitFor();
      const original = await dump(page);
      await page.getByRole('tab', { name: '填写' }).click();
      await expect(page.getByText(/需要 WPS/).count()).resolves.toBe(0);
      await page.getByRole('radio', { name: 'WANMU 函数' }).check();
      await page.getByRole('region', { name: '填写预览' }).getByText(/^将写入 \d+ 个单元格/).waitFor();
      await page.getByRole('button', { name: '填写得分' }).click();
      await page.getByText(/^已填写 \d+ 个单元格$/).waitFor();
      expect((await formulas(page, '评分结果')).filter((f) => f.startsWith('WANMU.ANNUAL(')).length).toBeGreaterThan(0);
      await page.getByRole('button', { name: '撤销填写' }).click();
      await page.getByText(/^已撤销填写:/).waitFor();
      expect(await dump(page)).toBe(original);
      expect(o.errors).toEqual([]);
      expect(o.outside).toEqual([]);
    });
  });
});
