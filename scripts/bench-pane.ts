/**
 * The task pane's operations through the Office.js host (over the faithful Excel fake of
 * test/helpers/fakes/excel.ts), on a 2,000-platform 培育名单: the check (host read + analysis) and its
 * syncs, explain on a selection change, the re-check after the user edits one input and one
 * 无量纲化 input (session.update), and the pane bundles' gzipped sizes (after npm run build).
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';
import type { RawValue } from '../src/engine';
import { ExcelHost } from '../src/hosts/excel/host';
import { MemoryHost } from '../src/hosts/memory/host';
import { XlsxFileHost } from '../src/hosts/file/xlsx';
import { WorkbookSession } from '../src/workbook';
import type { XlContext } from '../src/hosts/excel/host';
import { FakeExcel } from '../test/helpers/fakes/excel';
import { annualRows, annualWideWorkbook, handScoredWorkbook, toBuffer, WIDE_FIRST_ROW } from '../test/fixtures/workbooks';

const SHEET = '培育名单数据';
const EDITS = [['一个普通输入', 'D', 0.61, 50], ['一个无量纲化输入(整列重算)', 'C', 123.4, 200]] as const;

function target(ms: number, limit: number): string {
  return `(目标 < ${limit} ms)${ms < limit ? '达标' : '未达标'}`;
}

/**
 * The pause of a user between edits, before a timed re-check: the garbage collector finishes what
 * the bench itself just allocated (the fake's stand-in for Excel's recalculation) instead of
 * charging it to the step measured.
 */
const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

function med(xs: number[]): number {
  return xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

async function edit(x: FakeExcel, address: string, value: number): Promise<void> {
  await x.run(async (ctx: XlContext) => {
    ctx.workbook.worksheets.getItem(SHEET).getRange(address).formulas = [[value]];
    await ctx.sync();
  });
}

export async function runPaneBench(platforms = 2000, runs = 3): Promise<void> {
  const data = await (await XlsxFileHost.fromBuffer(await toBuffer(annualWideWorkbook(annualRows(platforms))))).read();
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const checks: number[] = [];
  let syncs = 0;
  let session: WorkbookSession | undefined;
  let x: FakeExcel | undefined;
  for (let i = 0; i < runs; i++) {
    x = FakeExcel.from(data, () => null);
    const host = new ExcelHost({ run: x.run, runIn: x.runIn, isSetSupported: () => true, reportError: (e) => { throw e; } });
    const before = x.syncs;
    const t0 = performance.now();
    session = await WorkbookSession.open(host);
    checks.push(performance.now() - t0);
    syncs = x.syncs - before;
  }
  if (!session || !x) return;
  out(`面板检查 ${platforms.toLocaleString()} 个平台(Office.js 宿主,模拟 Excel):median ${med(checks).toFixed(0)} ms,${syncs} 次 sync(首次读取:工作表列表 1 次,内容 1 次)`);
  {
    // check + fill of a workbook the host has not read: the sheet list, the contents, the write
    const fx = FakeExcel.from(data, () => null);
    const fhost = new ExcelHost({ run: fx.run, runIn: fx.runIn, isSetSupported: () => true, reportError: (e) => { throw e; } });
    const s = await WorkbookSession.open(fhost);
    const applied = await s.apply(s.planFill({ style: 'native', replace: false }), { refresh: false });
    // a new 评分结果 sheet and its revert record exceed one request (PAYLOAD_BUDGET, for Excel on the web's 5 MB)
    out(`面板检查并填写 ${platforms.toLocaleString()} 个平台(新增评分结果表):${fx.syncs} 次 sync${applied.ok ? '' : '(写入被拒绝)'}(读取 2 次,写入按每次请求不超过 4 MB 分批)`);
    // a score column already filled by hand, which the fill writes over (test/hosts/excel.test.ts): ≤ 3
    const scored = await (await XlsxFileHost.fromBuffer(await toBuffer(handScoredWorkbook(annualRows(platforms)).wb))).read();
    const sx = FakeExcel.from(scored, () => null);
    const shost = new ExcelHost({ run: sx.run, runIn: sx.runIn, isSetSupported: () => true, reportError: (e) => { throw e; } });
    const ss = await WorkbookSession.open(shost);
    const done = await ss.apply(ss.planFill({ style: 'native', replace: true }), { refresh: false });
    out(`面板检查并填写 ${platforms.toLocaleString()} 个平台(覆盖已有的一列得分):${sx.syncs} 次 sync${done.ok ? '' : '(写入被拒绝)'}(目标 ≤ 3)${sx.syncs <= 3 && done.ok ? '达标' : '未达标'}`);
  }

  // the pane builds the index of cells and formulas when idle after opening
  const p0 = performance.now();
  session.prepareUpdates();
  out(`打开后空闲时准备解释与增量检查(单元格与公式索引):${(performance.now() - p0).toFixed(0)} ms`);

  // explain on a selection change: any input or score cell
  const times: number[] = [];
  for (let k = 0; k < 200; k++) {
    const row = WIDE_FIRST_ROW + ((k * 37) % platforms);
    const col = 'CDEFGHIJKLMNOPQ'[k % 15];
    const t0 = performance.now();
    const ex = session.explain(SHEET, `${col}${row}`);
    times.push(performance.now() - t0);
    if (!ex) throw new Error(`no explanation for ${col}${row}`);
  }
  out(`选中单元格后的解释:median ${med(times).toFixed(2)} ms,最长 ${Math.max(...times).toFixed(2)} ms(200 次)`);

  // re-check after the user edits one input (D: 主导产业集聚度) and one 无量纲化 input (C: 工业产值)
  let t0: number;
  for (const [label, col, value, limit] of EDITS) {
    const address = `${col}${WIDE_FIRST_ROW + 10}`;
    await edit(x, address, value);
    await pause();
    const before = x.syncs;
    t0 = performance.now();
    await session.update({ sheet: SHEET, cells: [address] });
    const ms = performance.now() - t0;
    out(`修改${label}后重新检查:${ms.toFixed(0)} ms,${x.syncs - before} 次 sync${target(ms, limit)}`);
  }

  // the same on a workbook whose score columns hold native formulas (as wanmu fills them), which
  // Excel recalculates after each edit: the re-check reads the edited cell and the formulas that
  // read it, and finds no error
  const unfilled = new MemoryHost(data);
  const fillPlan = (await WorkbookSession.open(unfilled)).planFill({ style: 'native', replace: false });
  const filledHost = new MemoryHost(data);
  await filledHost.write(fillPlan.batch, []);
  const filled = await filledHost.read();
  const results = async () => {
    const plan = (await WorkbookSession.open(new MemoryHost(await unfilled.read()))).planFill({ style: 'native', replace: false });
    const byFormula = new Map<string, RawValue>();
    for (const c of plan.batch.cells) if (c.formula !== undefined) byFormula.set(c.formula, c.result ?? null);
    return (f: string) => byFormula.get(f) ?? null;
  };
  const fx = FakeExcel.from(filled, await results());
  const fhost = new ExcelHost({ run: fx.run, runIn: fx.runIn, isSetSupported: () => true, reportError: (e) => { throw e; } });
  const fsession = await WorkbookSession.open(fhost);
  fsession.prepareUpdates();
  const errors = (m: { findings: readonly { severity: string }[] }) => m.findings.filter((f) => f.severity === 'error').length;
  // three edits of each kind (three platforms), the median reported; every re-check must find no error
  for (const [label, col, value, limit] of EDITS) {
    const times: number[] = [];
    let syncs = 0;
    let found = 0;
    for (let k = 0; k < 3; k++) {
      const address = `${col}${WIDE_FIRST_ROW + 11 + k * 7}`;
      const typed = value + k / 100;
      unfilled.edit(SHEET, { [address]: typed });
      await edit(fx, address, typed);
      fx.recalculate(await results());
      await pause();
      const before = fx.syncs;
      t0 = performance.now();
      const m = await fsession.update({ sheet: SHEET, cells: [address] });
      times.push(performance.now() - t0);
      syncs = Math.max(syncs, fx.syncs - before);
      found += errors(m);
    }
    const ms = med(times);
    out(`已填写得分公式的工作簿,修改${label}后重新检查:median ${ms.toFixed(0)} ms(3 次:${times.map((t) => t.toFixed(0)).join('、')}),至多 ${syncs} 次 sync,错误 ${found} 个${target(ms, limit)}`);
  }

  // bundle sizes
  const dist = path.resolve(__dirname, '..', 'dist');
  if (!fs.existsSync(dist)) {
    out('面板包大小:dist/ 不存在,请先运行 npm run build');
    return;
  }
  const size = (f: string) => {
    const p = path.join(dist, f);
    if (!fs.existsSync(p)) return null;
    const b = fs.readFileSync(p);
    return { raw: b.length, gz: gzipSync(b, { level: 9 }).length };
  };
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const chunks = fs.readdirSync(dist).filter((f) => f.endsWith('.chunk.js'));
  const initial = ['taskpane.js', 'functions.js'].map(size).reduce((a, s) => a + (s?.gz ?? 0), 0);
  for (const f of ['functions.js', 'taskpane.js', ...chunks, 'wanmu-offline.html']) {
    const s = size(f);
    if (s) out(`  ${f}: ${kb(s.raw)},gzip ${kb(s.gz)}`);
  }
  out(`面板首次加载脚本(functions.js + taskpane.js):gzip ${kb(initial)}(目标 ≤ 350 KB)${initial <= 350 * 1024 ? '达标' : '未达标'}`);
}
