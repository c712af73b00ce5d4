/**
 * Workbook-model figures (printed, not asserted):
 *  1. LibreOffice recalculation of a 5,000-platform cohort filled by wanmu, against the same
 *     cohort scored by a skilled hand — target ratio ≤ 1.0;
 *  2. `check` of a 20,000-row cohort: the human-readable report against --json — target ≤ 1.2×;
 *  3. `fill` of 20,000 rows: peak memory — target < 1 GB;
 *  4. reading workbooks of 100 and 200 tables — linear (ratio ≈ 2);
 *  5. recognition (every layout's recognize) of a 2,000- and a 20,000-row cohort: beyond the
 *     profile of the data rows (read/profile.ts), its time does not grow with the rows.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { run } from '../src/cli/main';
import { XlsxFileHost } from '../src/hosts/file/xlsx';
import { builtIn, tables } from '../src/rules';
import { fillWorkbook } from '../src/workbook';
import { analyze } from '../src/workbook/check/analyze';
import { Profiles, recognizers } from '../src/workbook/layouts';
import * as profile from '../src/workbook/read/profile';
import * as pairing from '../src/workbook/layouts/cohort/pairing';
import * as cohortTable from '../src/workbook/layouts/cohort/table';
import { buildSheet, type CellData, type SheetData, type WorkbookData } from '../src/workbook/core/model';
import { annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../test/fixtures/workbooks';
import { libreOfficeProfile } from '../test/helpers/workbook';

function out(s: string): void {
  process.stdout.write(`${s}\n`);
}

function recalcSeconds(file: string, profile: string): number {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-bench-lo-out-'));
  const t0 = performance.now();
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, file], { stdio: 'pipe', timeout: 600000 });
  return (performance.now() - t0) / 1000;
}

/** The cohort scored by a skilled hand: one formula per cell, 无量纲化 with absolute MIN/MAX ranges, 一级指标 subtotals and the total. */
async function handScored(rows: number, file: string): Promise<void> {
  const wb = annualWideWorkbook(annualRows(rows));
  const ws = wb.addWorksheet('手工评分');
  const D = "'培育名单数据'!";
  const first = WIDE_FIRST_ROW;
  const last = first + rows - 1;
  const yes = (c: string) => `IF(${D}${c}="是",1,0)`;
  const norm = (col: string, r: number, p: number) =>
    `(${D}${col}${r}-MIN(${D}$${col}$${first}:$${col}$${last}))/(MAX(${D}$${col}$${first}:$${col}$${last})-MIN(${D}$${col}$${first}:$${col}$${last}))*${p * 0.4}+${p * 0.6}`;
  ws.getCell(1, 1).value = '平台名称';
  tables.annual.indicators.forEach((ind, i) => (ws.getCell(1, 2 + i).value = `${ind.shortName}得分`));
  tables.annual.groups.forEach((g, gi) => (ws.getCell(1, 17 + gi).value = `${g.name}得分`));
  ws.getCell(1, 23).value = '总分';
  // 一级指标 subtotals as a skilled hand writes them: a SUM over the group's (adjacent) score columns
  const groupRanges = tables.annual.groups.map((_, gi) => {
    const cols = tables.annual.indicators.map((ind, i) => (ind.group === gi ? 2 + i : 0)).filter((c) => c > 0);
    return [Math.min(...cols), Math.max(...cols)] as const;
  });
  const letter = (c: number) => String.fromCharCode(64 + c);
  for (let k = 0; k < rows; k++) {
    const r = first + k;
    const f = [
      norm('C', r, 10),
      `MIN(5,${D}D${r}/0.8*5)`,
      `MIN(15,${D}E${r}*4+${D}F${r}*2+${D}G${r}*6)`,
      norm('H', r, 10),
      `MIN(10,${D}I${r}*5+${D}J${r}*3+${D}K${r}*2)`,
      `MIN(6,${D}L${r}*2+${D}M${r}+MIN(3,${D}N${r}))`,
      `MIN(6,(${D}O${r}+${D}P${r})*0.5)`,
      `MIN(3,${D}Q${r}*3)`,
      norm('R', r, 5),
      norm('S', r, 5),
      `${yes(`T${r}`)}+${yes(`U${r}`)}+${yes(`V${r}`)}+${yes(`W${r}`)}`,
      `MIN(5,${D}X${r}*3+MIN(2,${D}Y${r}))`,
      `MIN(5,MIN(3,${D}Z${r})+2*${yes(`AA${r}`)})`,
      `MAX(0,6-${D}AB${r}*0.5)`,
      `5*${yes(`AC${r}`)}`,
    ];
    ws.getCell(2 + k, 1).value = { formula: `${D}B${r}`, result: '' } as ExcelJS.CellFormulaValue;
    f.forEach((x, i) => (ws.getCell(2 + k, 2 + i).value = { formula: x, result: 0 } as ExcelJS.CellFormulaValue));
    groupRanges.forEach(([a, b], gi) => (ws.getCell(2 + k, 17 + gi).value = { formula: `SUM(${letter(a)}${2 + k}:${letter(b)}${2 + k})`, result: 0 } as ExcelJS.CellFormulaValue));
    ws.getCell(2 + k, 23).value = { formula: `SUM(B${2 + k}:P${2 + k})`, result: 0 } as ExcelJS.CellFormulaValue;
  }
  await wb.xlsx.writeFile(file);
}

async function recalcRatio(dir: string): Promise<void> {
  const rows = 5000;
  const input = path.join(dir, 'cohort-5000.xlsx');
  await annualWideWorkbook(annualRows(rows)).xlsx.writeFile(input);
  const host = await XlsxFileHost.open(input);
  await fillWorkbook(host, { style: 'native', replace: false });
  const filled = path.join(dir, 'wanmu-5000.xlsx');
  await host.save(filled);
  const hand = path.join(dir, 'hand-5000.xlsx');
  await handScored(rows, hand);
  const profile = libreOfficeProfile();
  recalcSeconds(input, profile); // warm the profile
  const best = (f: string) => Math.min(recalcSeconds(f, profile), recalcSeconds(f, profile));
  const base = best(input);
  const w = best(filled) - base;
  const h = best(hand) - base;
  const ratio = w / h;
  out(`LibreOffice 重算 5,000 个平台(扣除打开数据表的 ${base.toFixed(2)} s):wanmu 填写 ${w.toFixed(2)} s,熟练手工公式 ${h.toFixed(2)} s,比值 ${ratio.toFixed(2)}(目标 ≤ 1.0)${ratio <= 1 ? '达标' : '未达标'}`);
}

async function reportRatio(dir: string): Promise<void> {
  const rows = 20000;
  const input = path.join(dir, 'cohort-20000.xlsx');
  await annualWideWorkbook(annualRows(rows)).xlsx.writeFile(input);
  const sink = { out: () => undefined, err: () => undefined };
  const time = async (args: string[]) => {
    const t0 = performance.now();
    await run(args, sink);
    return performance.now() - t0;
  };
  await time(['check', input, '--json']);
  const json = Math.min(await time(['check', input, '--json']), await time(['check', input, '--json']));
  const human = Math.min(await time(['check', input]), await time(['check', input]));
  const ratio = human / json;
  out(`检查 20,000 行:中文报告 ${(human / 1000).toFixed(2)} s,--json ${(json / 1000).toFixed(2)} s,比值 ${ratio.toFixed(2)}(目标 ≤ 1.2)${ratio <= 1.2 ? '达标' : '未达标'}`);

  // peak memory of fill, in a process of its own: the built command line when there is one (what
  // users run), else the sources through ts-node (which adds the compiler's own memory)
  const built = path.resolve(__dirname, '../build/cli/main.js');
  const output = path.join(dir, 'filled-20000.xlsx');
  let r;
  if (fs.existsSync(built)) {
    const script = `require(${JSON.stringify(built)}).run(['fill', ${JSON.stringify(input)}, '-o', ${JSON.stringify(output)}], { out: () => undefined, err: () => undefined }).then(() => process.stdout.write(String(process.resourceUsage().maxRSS)));`;
    r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  } else {
    const script = path.join(dir, 'fill-peak.ts');
    fs.writeFileSync(
      script,
      `import { run } from ${JSON.stringify(path.resolve(__dirname, '../src/cli/main'))};
run(['fill', ${JSON.stringify(input)}, '-o', ${JSON.stringify(output)}], { out: () => undefined, err: () => undefined }).then(() => process.stdout.write(String(process.resourceUsage().maxRSS)));\n`,
    );
    r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '..'), maxBuffer: 1 << 20 });
  }
  const kb = Number(r.stdout.trim().split('\n').pop());
  const mb = kb / 1024;
  out(`填写 20,000 行${fs.existsSync(built) ? '(已构建的命令行)' : '(ts-node)'}:峰值内存 ${Number.isFinite(mb) ? mb.toFixed(0) : '?'} MB(目标 < 1024 MB)${mb < 1024 ? '达标' : '未达标'}${r.status !== 0 ? `(子进程退出码 ${r.status}:${r.stderr.slice(0, 200)})` : ''}`);
}

function tablesWorkbook(n: number): SheetData[] {
  const sheets: SheetData[] = [];
  const labels = ['平台名称', '年度工业产值或者营业收入(亿元)', '主导产业集聚度', '年度产业项目投资总额(亿元)', '设立专项产业基金(支)', '制定年度计划'];
  for (let s = 0; s < n; s++) {
    const cells: { row: number; col: number; cell: CellData }[] = [];
    labels.forEach((l, c) => cells.push({ row: 1, col: c + 1, cell: { value: l } }));
    for (let p = 0; p < 20; p++) {
      const vals = [`表${s}平台${p}`, 100 + p * 7 + s, 0.5 + (p % 5) / 10, 20 + p, p % 3, p % 2 ? '是' : '否'];
      vals.forEach((v, c) => cells.push({ row: 2 + p, col: c + 1, cell: { value: v } }));
    }
    sheets.push(buildSheet(`表${s}`, cells));
  }
  return sheets;
}

function readTables(): void {
  const time = (n: number) => {
    const sheets = tablesWorkbook(n);
    analyze({ sheets }); // warm-up
    const t0 = performance.now();
    analyze({ sheets });
    return performance.now() - t0;
  };
  const a = Math.min(time(100), time(100));
  const b = Math.min(time(200), time(200));
  out(`读取多表工作簿:100 张表 ${a.toFixed(0)} ms,200 张表 ${b.toFixed(0)} ms,比值 ${(b / a).toFixed(2)}(线性约为 2)${b / a < 2.6 ? '达标' : '未达标'}`);
}

type Timed = Record<string, (...a: unknown[]) => unknown>;

/**
 * Every recognizer over a workbook: the whole time, the part spent on the data rows' profile
 * (rows, column statistics, the platform-name index) and the part spent making each platform's
 * places (the layout's output, one entry per row); what is left is deciding the layout.
 */
function recognition(workbook: WorkbookData): { total: number; profile: number; places: number } {
  const parts: [keyof ReturnType<typeof recognition>, Timed, string][] = [
    ['profile', profile as unknown as Timed, 'dataRows'],
    ['profile', profile as unknown as Timed, 'columnStats'],
    ['profile', pairing as unknown as Timed, 'platformKeys'],
    ['places', cohortTable as unknown as Timed, 'buildCohortLayout'],
  ];
  const spent = { total: 0, profile: 0, places: 0 };
  const originals = parts.map(([, m, name]) => m[name]);
  parts.forEach(([part, m, name], k) => {
    m[name] = (...a: unknown[]) => {
      const t0 = performance.now();
      try {
        return originals[k](...a);
      } finally {
        spent[part] += performance.now() - t0;
      }
    };
  });
  try {
    const t0 = performance.now();
    let offered: readonly SheetData[] = workbook.sheets;
    const input = { options: () => undefined, profiles: new Profiles(workbook, builtIn.inForce), taken: new Set<string>() };
    for (const r of recognizers) {
      const claimed = new Set(r.recognize({ ...input, sheets: offered }).readings.map((x) => x.sheet));
      offered = offered.filter((s) => !claimed.has(s.name));
    }
    spent.total = performance.now() - t0;
    return spent;
  } finally {
    parts.forEach(([, m, name], k) => (m[name] = originals[k]));
  }
}

export async function recognitionByRows(): Promise<void> {
  const at = async (n: number) => {
    const wb = await (await XlsxFileHost.fromBuffer(Buffer.from(await annualWideWorkbook(annualRows(n)).xlsx.writeBuffer()))).read();
    recognition(wb); // warm-up
    return [recognition(wb), recognition(wb), recognition(wb)].sort((a, b) => a.total - b.total)[1];
  };
  const small = await at(2000);
  const large = await at(20000);
  const decide = (r: { total: number; profile: number; places: number }) => Math.max(0, r.total - r.profile - r.places);
  const grow = decide(large) - decide(small);
  const show = (r: { total: number; profile: number; places: number }) => `${r.total.toFixed(0)} ms(数据行概况 ${r.profile.toFixed(0)} ms,各平台位置 ${r.places.toFixed(0)} ms,判断版式 ${decide(r).toFixed(0)} ms)`;
  out(`识别(各版式 recognize):2,000 行 ${show(small)};20,000 行 ${show(large)};判断版式的时间随行数增加 ${grow.toFixed(0)} ms(目标:不随行数增长,< 20 ms)${grow < 20 ? '达标' : '未达标'}`);
}

export async function runModelBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-bench-model-'));
  readTables();
  await recognitionByRows();
  await reportRatio(dir);
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    await recalcRatio(dir);
  } catch (e) {
    out(`LibreOffice 重算比值:未测量(${(e as Error).message.split('\n')[0]})`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
