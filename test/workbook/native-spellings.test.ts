/**
 * One meaning for inputs: every spelling the engine accepts either gives the same score in the
 * written native formula — proved by LibreOffice recalculating the filled workbook with every
 * cached result removed — or is written as a value with an info finding. Also units stated in
 * headers (万元 → 亿元, percentage points) and a data row without a platform name, which stays
 * out of every written range.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { RECORD_SHEET } from '../../src/workbook/core/sheets';
import { a1 } from '../../src/workbook/core/address';
import type { FillResult } from '../../src/workbook';
import { annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { cell, fill, libreOfficeProfile, recalc, stripCachedResults } from '../helpers/workbook';

const DATA = '培育名单数据';
let profile: string;
beforeAll(() => {
  execFileSync('soffice', ['--version'], { stdio: 'pipe' });
  profile = libreOfficeProfile();
});

/** Every formula the fill wrote, recalculated by LibreOffice, against the cached figure it wrote. */
async function verifyWritten(result: FillResult, file: string): Promise<number> {
  const recalculated = await (await XlsxFileHost.open(recalc(await stripCachedResults(file), profile))).read();
  const written = result.plan.batch.cells.filter((c) => c.formula !== undefined && c.sheet !== RECORD_SHEET);
  const wrong = written.filter((c) => {
    const v = cell(recalculated, c.sheet, a1(c.row, c.col))?.value;
    const e = c.result as number;
    return !(typeof v === 'number' && Math.abs(v - e) <= 1e-12 * Math.max(1, Math.abs(e)));
  });
  expect(wrong.map((c) => `${c.sheet}!${a1(c.row, c.col)} =${c.formula} → ${String(cell(recalculated, c.sheet, a1(c.row, c.col))?.value)}, expected ${String(c.result)}`)).toEqual([]);
  return written.length;
}

/** Column of each field in annualWideWorkbook (two header rows). */
const COL = { output: 'C', share: 'D', investment: 'H', leadingGroup: 'T', management: 'U', team: 'V', signage: 'W', activities: 'Z', showroom: 'AA', plan: 'AC' } as const;

describe('every spelling the engine accepts means the same in the written workbook', () => {
  it('是/否 spelled every way: native where LOWER(TRIM()) reads it, a value otherwise', async () => {
    const spellings: ExcelJS.CellValue[] = [' 是', '是 ', '✓', '√', 'true', true, 1, '否', '×', 0, null, 'TRUE', 'True', '✗', false, '１',
      // the answer words of the vocabulary: 有/无, Y/N, the items' own verbs
      '有', '无', ' 有', '没有', 'Y', 'n', 'Yes', 'NO', '✔', '✘', '已设立', '未设立', '已制定', '未制定', '已挂牌', '未挂牌', '已印发', '未印发'];
    const NO_WORDS = ['否', '×', 0, null, '✗', false, '无', '没有', 'n', 'NO', '✘', '未设立', '未制定', '未挂牌', '未印发'];
    const rows = annualRows(spellings.length);
    const wb = annualWideWorkbook(rows);
    const ws = wb.getWorksheet(DATA) as ExcelJS.Worksheet;
    spellings.forEach((v, i) => {
      ws.getCell(`${COL.leadingGroup}${WIDE_FIRST_ROW + i}`).value = v;
      ws.getCell(`${COL.showroom}${WIDE_FIRST_ROW + i}`).value = v;
      ws.getCell(`${COL.plan}${WIDE_FIRST_ROW + i}`).value = v;
    });
    const { result, file, after } = await fill(wb);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const t = result.analysis.tables[0];
    // the engine's reading of each spelling
    expect(t.platforms.map((p) => p.indicators[14].score)).toEqual(spellings.map((v) => (NO_WORDS.includes(v as never) ? 0 : 5)));
    // every answer word but the full-width one is read by the written formula itself
    // the full-width １ is read by the engine but not by a spreadsheet's LOWER(TRIM()): written as a value
    const fw = spellings.indexOf('１');
    const planCell = `${String.fromCharCode(64 + 17)}${3 + fw}`; // 评分结果: indicator 15 in column Q
    expect(cell(after, '评分结果', planCell)?.formula).toBeUndefined();
    expect(cell(after, '评分结果', planCell)?.value).toBe(5);
    expect(result.findings.some((f) => f.code === 'value_instead_of_formula' && f.cell === planCell)).toBe(true);
    // every other answer word is read by the written formula itself
    expect(result.findings.filter((f) => f.code === 'value_instead_of_formula' && f.cell?.startsWith('Q')).map((f) => f.cell)).toEqual([planCell]);
    expect(await verifyWritten(result, file)).toBeGreaterThan(spellings.length * 15);
  });

  it('numbers as text ("1,234.5", full-width) are read by the engine and written as values, the 无量纲化 column whole', async () => {
    const rows = annualRows(6);
    const wb = annualWideWorkbook(rows);
    const ws = wb.getWorksheet(DATA) as ExcelJS.Worksheet;
    ws.getCell(`${COL.output}${WIDE_FIRST_ROW + 1}`).value = '1,234.5';
    ws.getCell(`${COL.activities}${WIDE_FIRST_ROW + 2}`).value = '２';
    const { result, file, after } = await fill(wb);
    expect(result.analysis.tables[0].values[1][0]).toEqual([1234.5]);
    // MIN/MAX would skip the text: every score of that column is written as a value
    for (let p = 0; p < 6; p++) expect(cell(after, '评分结果', `C${3 + p}`)?.formula).toBeUndefined();
    expect(result.findings.filter((f) => f.code === 'value_instead_of_formula' && f.facts.why === 'cohort_text')).toHaveLength(6);
    // the platform with the full-width count: value; the others: formulas
    expect(cell(after, '评分结果', `O${3 + 2}`)?.formula).toBeUndefined();
    expect(cell(after, '评分结果', `O${3 + 1}`)?.formula).toBeDefined();
    await verifyWritten(result, file);
  });

  it('amounts in 万元 and shares in percentage points: converted, said once at the header, formulas divide', async () => {
    const rows = annualRows(8);
    const wb = annualWideWorkbook(rows);
    const ws = wb.getWorksheet(DATA) as ExcelJS.Worksheet;
    ws.getCell(`${COL.output}3`).value = '年度工业产值或者营业收入(万元)';
    ws.getCell(`${COL.share}3`).value = '主导产业集聚度(%)';
    rows.forEach((r, i) => {
      ws.getCell(`${COL.output}${WIDE_FIRST_ROW + i}`).value = Math.round((r.values[0] as number) * 10000);
      ws.getCell(`${COL.share}${WIDE_FIRST_ROW + i}`).value = Math.round((r.values[1] as number) * 10000) / 100;
    });
    const plain = await fill(annualWideWorkbook(rows));
    const { result, file, after } = await fill(wb);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.findings.filter((f) => f.code === 'unit_converted').map((f) => f.cell)).toEqual([`${COL.output}3`]);
    expect(result.findings.filter((f) => f.code === 'percent_points').map((f) => f.cell)).toEqual([`${COL.share}3`]);
    // the same scores as the table in 亿元 and fractions
    const scores = (r: FillResult) => r.scores.map((s) => s.score);
    scores(result).forEach((s, i) => expect(s).toBeCloseTo(scores(plain.result)[i] as number, 12));
    expect(cell(after, '评分结果', 'D3')?.formula).toBe(`MIN(5,'${DATA}'!D${WIDE_FIRST_ROW}/100/0.8*5)`);
    expect(cell(after, '评分结果', 'C3')?.formula).toContain(`'${DATA}'!C${WIDE_FIRST_ROW}/10000`);
    await verifyWritten(result, file);
  });

  it('a mixed share column keeps its per-cell errors', async () => {
    const rows = annualRows(5);
    const wb = annualWideWorkbook(rows);
    const ws = wb.getWorksheet(DATA) as ExcelJS.Worksheet;
    ws.getCell(`${COL.share}3`).value = '主导产业集聚度(%)';
    ws.getCell(`${COL.share}${WIDE_FIRST_ROW}`).value = 85;
    const { result } = await fill(wb);
    expect(result.findings.filter((f) => f.code === 'share_above_one').map((f) => f.cell)).toEqual([`${COL.share}${WIDE_FIRST_ROW}`]);
    expect(result.findings.filter((f) => f.code === 'percent_points')).toEqual([]);
  });

  it('a data row without a platform name is an error at its name cell and stays out of every written range', async () => {
    const rows = annualRows(6);
    const wb = annualWideWorkbook(rows);
    const ws = wb.getWorksheet(DATA) as ExcelJS.Worksheet;
    const blankRow = WIDE_FIRST_ROW + 3;
    ws.getCell(`B${blankRow}`).value = null;
    ws.getCell(`${COL.output}${blankRow}`).value = 99999; // would be the cohort's maximum
    const { result, file, after } = await fill(wb);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.cell])).toEqual([['unnamed_row', `B${blankRow}`]]);
    expect(result.analysis.tables[0].platforms).toHaveLength(5);
    const min = cell(after, '评分结果', 'C9')?.formula;
    expect(min).toBe(`MIN('${DATA}'!$C$${WIDE_FIRST_ROW}:$C$${blankRow - 1},'${DATA}'!$C$${blankRow + 1}:$C$${WIDE_FIRST_ROW + 5})`);
    await verifyWritten(result, file);
  });

  it('notes, sign-off lines and a 合计 row under the table are not platforms', async () => {
    const rows = annualRows(4);
    const wb = annualWideWorkbook(rows);
    const ws = wb.getWorksheet(DATA) as ExcelJS.Worksheet;
    const r = WIDE_FIRST_ROW + 4;
    ws.getCell(`B${r}`).value = '合计';
    ws.getCell(`${COL.output}${r}`).value = { formula: `SUM(C${WIDE_FIRST_ROW}:C${r - 1})`, result: 1 };
    ws.getCell(`A${r + 2}`).value = '注:1.比重按小数填写;2.金额单位为亿元。';
    ws.getCell(`A${r + 3}`).value = '填报单位:衢州市发改委';
    ws.getCell(`E${r + 3}`).value = '填报人:张三';
    ws.getCell(`A${r + 4}`).value = '联系电话:0570-1234567';
    const { result } = await fill(wb);
    expect(result.analysis.tables[0].platforms.map((p) => p.name)).toEqual(rows.map((x) => x.name));
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
