import ExcelJS from 'exceljs';
import { annualRows, annualWideWorkbook, acceptanceVerticalWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { cell, check, fill, sheet } from '../helpers/workbook';
import { RECORD_SHEET } from '../../src/workbook/core/sheets';
import type { SheetData, WorkbookData } from '../../src/workbook/core/model';
import { readRecord } from '../../src/workbook/core/record';

function snapshot(wb: WorkbookData): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of wb.sheets) {
    s.rows.forEach((row, r) => row.forEach((c, k) => m.set(`${s.name}!${r},${k}`, JSON.stringify(c))));
    m.set(`${s.name}!merges`, JSON.stringify(s.merges));
  }
  return m;
}

describe('fill', () => {
  it('adds a score sheet for a cohort table with inputs only, aligned with the platforms', async () => {
    const rows = annualRows(6);
    const { result, after } = await fill(annualWideWorkbook(rows));
    const s = sheet(after, '评分结果');
    expect(cell(after, '评分结果', 'A2')?.value).toBe('序号');
    expect(cell(after, '评分结果', 'B2')?.value).toBe('平台名称');
    expect(cell(after, '评分结果', 'C2')?.value).toBe('年度工业产值或者营业收入得分(10分)');
    expect(cell(after, '评分结果', 'R2')?.value).toBe('产业培育得分(15分)');
    expect(cell(after, '评分结果', 'X2')?.value).toBe('总分');
    expect(cell(after, '评分结果', 'Y2')?.value).toBe('排名');
    expect(cell(after, '评分结果', 'Z2')?.value).toBe('说明');
    rows.forEach((r, i) => {
      expect(cell(after, '评分结果', `A${3 + i}`)?.value).toBe(i + 1);
      expect(cell(after, '评分结果', `B${3 + i}`)?.value).toBe(r.name);
      // the rank as RANK computes it over the totals shown
      expect(cell(after, '评分结果', `Y${3 + i}`)?.formula).toBe(`RANK(X${3 + i},$X$3:$X$${2 + rows.length})`);
    });
    const totals = rows.map((_, i) => cell(after, '评分结果', `X${3 + i}`)?.value as number);
    rows.forEach((_, i) => expect(cell(after, '评分结果', `Y${3 + i}`)?.value).toBe(1 + totals.filter((t) => t > totals[i]).length));
    // platforms, a blank row, then the cohort's MIN and MAX helper rows
    expect(s.rowCount).toBe(2 + rows.length + 3);
    expect(cell(after, '评分结果', `B${3 + rows.length + 1}`)?.value).toBe('培育名单最小值');
    // formulas read the platform's own row
    expect(cell(after, '评分结果', 'D4')?.formula).toBe(`MIN(5,'培育名单数据'!D${WIDE_FIRST_ROW + 1}/0.8*5)`);
    // 无量纲化 reads the cohort's MIN and MAX from labeled helper cells computed once
    expect(cell(after, '评分结果', 'C3')?.formula).toBe("IF($C$11=$C$10,10,(('培育名单数据'!C5-$C$10)/($C$11-$C$10)*0.4+0.6)*10)");
    expect(cell(after, '评分结果', 'C10')?.formula).toBe("MIN('培育名单数据'!$C$5:$C$10)");
    expect(cell(after, '评分结果', 'C11')?.formula).toBe("MAX('培育名单数据'!$C$5:$C$10)");
    expect(cell(after, '评分结果', 'X3')?.formula).toBe('SUM(C3,D3,E3,F3,G3,H3,I3,J3,K3,L3,M3,N3,O3,P3,Q3)');
    expect(cell(after, '评分结果', 'R3')?.formula).toBe('SUM(C3,D3)');
    // cached values are the engine's
    const total = result.totals[0].total as number;
    expect(cell(after, '评分结果', 'X3')?.value).toBeCloseTo(total, 12);
    expect(result.totals[0]).toMatchObject({ sheet: '评分结果', cell: 'X3' });
  });

  it('the result sheet reads without the add-in: min/max in the input\'s own format, widths that fit, frozen header, page set up', async () => {
    const rows = annualRows(6);
    const wb = annualWideWorkbook(rows);
    const data = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
    for (let r = WIDE_FIRST_ROW; r < WIDE_FIRST_ROW + rows.length; r++) data.getCell(`C${r}`).numFmt = '#,##0.0';
    const { result, after } = await fill(wb);
    const plan = result.plan;
    const at = (ref: string) => plan.batch.cells.find((c) => c.sheet === '评分结果' && `${String.fromCharCode(64 + c.col)}${c.row}` === ref);
    // raw 万元 figures are no 0.00 scores: the input's own format, as the data sheet shows them
    expect(cell(after, '评分结果', 'C10')?.numFmt).toBe('#,##0.0');
    expect(cell(after, '评分结果', 'C11')?.numFmt).toBe('#,##0.0');
    expect(cell(after, '评分结果', 'C3')?.numFmt).toBe('0.00');
    // header cells bold and wrapped
    expect(at('C2')).toMatchObject({ bold: true, wrap: true });
    // every column from 序号 to 说明 has a width; none is narrower than its scores need
    const widths = new Map(plan.batch.columnWidths.filter((w) => w.sheet === '评分结果').map((w) => [w.col, w.width]));
    for (let col = 1; col <= 26; col++) expect(widths.get(col)).toBeGreaterThanOrEqual(4);
    for (let col = 3; col <= 24; col++) expect(widths.get(col)).toBeGreaterThanOrEqual(8);
    expect(plan.batch.sheetLayouts).toEqual([{ sheet: '评分结果', freezeRows: 2, print: { landscape: true, fitWidth: true, titleRows: { first: 1, last: 2 }, footer: '第 &P 页,共 &N 页' } }]);
  });

  it('a score that cannot be computed shows "—" and the reason in 说明, never an empty cell; its rank is "—" too', async () => {
    const wb = annualWideWorkbook(annualRows(3));
    (wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet).getCell(`D${WIDE_FIRST_ROW}`).value = 85;
    const { after } = await fill(wb);
    expect(cell(after, '评分结果', 'D3')?.value).toBe('—');
    expect(cell(after, '评分结果', 'R3')?.value).toBe('—');
    expect(cell(after, '评分结果', 'X3')?.value).toBe('—');
    expect(cell(after, '评分结果', 'Y3')?.value).toBe('—');
    expect(String(cell(after, '评分结果', 'Z3')?.value)).toMatch(/^1 项指标无法计分:.+(.+)$/);
    expect(cell(after, '评分结果', 'Z4')).toBeNull();
    // the other platforms rank among themselves
    expect(cell(after, '评分结果', 'Y4')?.formula).toBe('RANK(X4,$X$3:$X$5)');
  });

  it('never touches any other cell, merge or sheet', async () => {
    const wb = annualWideWorkbook(annualRows(5));
    const before = snapshot(await (await import('../helpers/workbook')).hostOf(wb).then((h) => h.read()));
    const { after } = await fill(wb);
    const now = snapshot(after);
    for (const [k, v] of before) expect(now.get(k)).toBe(v);
    for (const k of now.keys()) if (!before.has(k)) expect(k.startsWith('评分结果!') || k.startsWith(`${RECORD_SHEET}!`)).toBe(true);
  });

  it('fills the score column of the issued table and the 合计 row', async () => {
    const { wb, rowOf, totalRow } = acceptanceVerticalWorkbook();
    const { after, result } = await fill(wb);
    expect(cell(after, '验收评价', `H${rowOf.get(1)}`)?.formula).toBe(`MIN(10,G${rowOf.get(1)}/1000*10)`);
    const c6 = rowOf.get(6) as number;
    expect(cell(after, '验收评价', `H${c6}`)?.formula).toBe(`MIN(10,G${c6 + 1}*2+G${c6 + 2}*1+G${c6 + 3}*3)`);
    const c9 = rowOf.get(9) as number;
    expect(cell(after, '验收评价', `H${c9}`)?.formula).toBe(`MIN(10,G${c9 + 1}*3+MIN(5,G${c9 + 2}*0.5))`);
    expect(cell(after, '验收评价', `H${totalRow}`)?.formula).toMatch(/^SUM\(/);
    expect(cell(after, '验收评价', `H${totalRow}`)?.value).toBeCloseTo(result.totals[0].total as number, 12);
  });

  it('adds a score column to an issued table that has none, on the indicator rows (not their 其中 rows)', async () => {
    const { wb, rowOf, totalRow } = acceptanceVerticalWorkbook();
    (wb.getWorksheet('验收评价') as ExcelJS.Worksheet).getCell(3, 8).value = null; // no score column
    const { after, result } = await fill(wb);
    expect(cell(after, '验收评价', 'I3')?.value).toBe('得分');
    const r6 = rowOf.get(6) as number;
    expect(result.scores.find((s) => s.indicator === 6)).toMatchObject({ sheet: '验收评价', cell: `I${r6}` });
    expect(cell(after, '验收评价', `I${r6}`)?.formula).toBe(`MIN(10,G${r6 + 1}*2+G${r6 + 2}*1+G${r6 + 3}*3)`);
    expect(cell(after, '验收评价', `I${r6 + 1}`)).toBeNull();
    expect(cell(after, '验收评价', `I${totalRow}`)?.formula).toMatch(/^SUM\(/);
  });

  it('writes WANMU functions or plain values on request', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook();
    const w = await fill(wb, { style: 'wanmu', replace: false });
    const c6 = rowOf.get(6) as number;
    expect(cell(w.after, '验收评价', `H${c6}`)?.formula).toBe(`WANMU.ACCEPTANCE(6,G${c6 + 1},G${c6 + 2},G${c6 + 3})`);
    const v = await fill(acceptanceVerticalWorkbook().wb, { style: 'values', replace: false });
    expect(cell(v.after, '验收评价', `H${c6}`)?.formula).toBeUndefined();
    expect(cell(v.after, '验收评价', `H${c6}`)?.value).toBe(10);
  });

  it('the annual cohort uses absolute MIN/MAX ranges in WANMU style too', async () => {
    const { after } = await fill(annualWideWorkbook(annualRows(4)), { style: 'wanmu', replace: false });
    expect(cell(after, '评分结果', 'C4')?.formula).toBe(`WANMU.ANNUAL(1,'培育名单数据'!C${WIDE_FIRST_ROW + 1},'培育名单数据'!$C$5:$C$8)`);
  });

  it('does not overwrite a non-empty cell it did not write, and says so', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({ scores: { 1: 8 } });
    const { after, result } = await fill(wb);
    expect(cell(after, '验收评价', `H${rowOf.get(1)}`)?.value).toBe(8);
    // kept, and reported: by the review (it is not the official score) and by the fill (it was kept)
    expect(result.findings.filter((f) => f.cell === `H${rowOf.get(1)}`).map((f) => f.code).sort()).toEqual(['kept_differs', 'score_mismatch']);
  });

  it('with replace, overwrites and records what was there so it can be restored', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({ scores: { 1: 8, 2: { formula: 'G5/0.8*10', result: 9 } } });
    const { after, result } = await fill(wb, { style: 'native', replace: true });
    expect(cell(after, '验收评价', `H${rowOf.get(1)}`)?.formula).toBe(`MIN(10,G${rowOf.get(1)}/1000*10)`);
    expect(result.plan.replaced).toHaveLength(2);
    // the record keeps exact types: the number 8 and the formula
    const record = readRecord(after.sheets.find((x) => x.name === RECORD_SHEET) as SheetData).records[0];
    expect(record.cells.find((c) => c.cell === `H${rowOf.get(1)}`)?.before).toEqual({ value: 8 });
    expect(record.cells.find((c) => c.cell === `H${rowOf.get(2)}`)?.before).toEqual({ value: 9, formula: 'G5/0.8*10' });
  });

  it('filling twice gives the same workbook (its own formulas may be rewritten)', async () => {
    const first = await fill(annualWideWorkbook(annualRows(3)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first.file);
    const second = await fill(wb);
    expect(second.result.findings.filter((f) => f.code === 'kept_existing')).toEqual([]);
    expect(snapshot(second.after)).toEqual(snapshot(first.after));
  });

  it('a score that depends on an invalid input is not written', async () => {
    const wb = annualWideWorkbook(annualRows(3));
    (wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet).getCell(`D${WIDE_FIRST_ROW}`).value = 85;
    const { after, result } = await fill(wb);
    expect(cell(after, '评分结果', 'D3')?.value).toBe('—');
    expect(cell(after, '评分结果', 'D4')?.formula).toBeDefined();
    expect(result.totals[0].total).toBeNull();
  });

  it('an input typed as text is scored, and written as a value rather than a formula', async () => {
    const wb = annualWideWorkbook(annualRows(3));
    (wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet).getCell(`D${WIDE_FIRST_ROW}`).value = '72%';
    const { after, result } = await fill(wb);
    expect(cell(after, '评分结果', 'D3')?.value).toBe(4.5);
    expect(cell(after, '评分结果', 'D3')?.formula).toBeUndefined();
    expect(result.findings.find((f) => f.code === 'value_instead_of_formula')).toMatchObject({ sheet: '评分结果', cell: 'D3' });
  });

  it('check reports where each score will go', async () => {
    const r = await check(annualWideWorkbook(annualRows(2)));
    expect(r.scores[0]).toMatchObject({ evaluation: 'annual', indicator: 1, sheet: '评分结果', cell: 'C3' });
  });
});
