import ExcelJS from 'exceljs';
import { acceptanceVerticalWorkbook, annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { at, check, fill, msg } from '../helpers/workbook';

const R = '评分结果';
const D = "'培育名单数据'";

/** A filled annual cohort workbook, reopened so that score cells can be edited. */
async function filled() {
  const rows = annualRows(6);
  const { file, result } = await fill(annualWideWorkbook(rows));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(R) as ExcelJS.Worksheet;
  const score = (p: number, i: number) => result.analysis.tables[0].platforms[p].indicators[i - 1].score as number;
  return { wb, ws, score, rows };
}

function setFormula(ws: ExcelJS.Worksheet, ref: string, formula: string, result: number): void {
  ws.getCell(ref).value = { formula, result } as ExcelJS.CellFormulaValue;
}

describe('reviewing existing score formulas', () => {
  it('the formulas wanmu writes pass review with no findings', async () => {
    const { wb } = await filled();
    expect((await check(wb)).findings).toEqual([]);
  });

  it('a typed constant with the right value is only noted (info): nothing in it is wrong', async () => {
    const { wb, ws, score } = await filled();
    ws.getCell('D3').value = score(0, 2);
    const f = at((await check(wb)).findings, R, 'D3');
    expect(f.map((x) => [x.severity, x.code])).toEqual([['info', 'typed_constant']]);
  });

  it('a value that differs from the official score is an error with the expected value and a correct formula', async () => {
    const { wb, ws, score } = await filled();
    ws.getCell('D3').value = 1.23;
    const f = at((await check(wb)).findings, R, 'D3').find((x) => x.code === 'score_mismatch');
    expect(f?.severity).toBe('error');
    expect(msg(f)).toContain(String(Math.round(score(0, 2) * 1e4) / 1e4));
    expect(msg(f)).toContain(`=MIN(5,${D}!D${WIDE_FIRST_ROW}/0.8*5)`);
  });

  it('a missing cap is reported when the score exceeds the 分值', async () => {
    const { wb, ws } = await filled();
    const data = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
    data.getCell(`E${WIDE_FIRST_ROW}`).value = 3;
    data.getCell(`F${WIDE_FIRST_ROW}`).value = 2;
    data.getCell(`G${WIDE_FIRST_ROW}`).value = 1;
    setFormula(ws, 'E3', `${D}!E5*4+${D}!F5*2+${D}!G5*6`, 22);
    const f = at((await check(wb)).findings, R, 'E3');
    expect(f.map((x) => x.code)).toEqual(['missing_cap']);
    expect(msg(f[0])).toMatch(/超过分值 15/);
  });

  it('a formula without a cap is noted (info) while its value is still right', async () => {
    const { wb, ws, score } = await filled();
    setFormula(ws, 'D3', `${D}!D5/0.8*5`, score(0, 2));
    const f = at((await check(wb)).findings, R, 'D3');
    expect(f.map((x) => [x.severity, x.code])).toEqual([['info', 'no_cap']]);
  });

  it('a formula that reads another platform’s row is an error', async () => {
    const { wb, ws, score } = await filled();
    setFormula(ws, 'D4', `MIN(5,${D}!D5/0.8*5)`, score(0, 2));
    const f = at((await check(wb)).findings, R, 'D4');
    expect(f.map((x) => x.code)).toContain('wrong_row');
    expect(msg(f.find((x) => x.code === 'wrong_row'))).toContain('第 5 行');
  });

  it('a relative MIN/MAX range that drifted when filled down is an error, even if the value happens to match', async () => {
    const { wb, ws, score } = await filled();
    const x = `${D}!C6`;
    const range = `${D}!C6:C11`;
    setFormula(ws, 'C4', `((${x}-MIN(${range}))/(MAX(${range})-MIN(${range}))*0.4+0.6)*10`, score(1, 1));
    const f = at((await check(wb)).findings, R, 'C4');
    expect(f.map((y) => y.code)).toContain('cohort_range');
    expect(msg(f.find((y) => y.code === 'cohort_range'))).toContain('$C$5:$C$10');
  });

  it('correct formulas of other shapes get no findings', async () => {
    const { wb, ws, score } = await filled();
    setFormula(ws, 'D3', `IF(${D}!D5/0.8*5>5,5,${D}!D5/0.8*5)`, score(0, 2));
    setFormula(ws, 'D4', `MIN(${D}!D6*5/0.8,5)`, score(1, 2));
    setFormula(ws, 'D5', `MEDIAN(0,5,${D}!D7/0.8*5)`, score(2, 2));
    const r = `${D}!$C$5:$C$10`;
    setFormula(ws, 'C3', `(0.6+0.4*(${D}!C5-MIN(${r}))/(MAX(${r})-MIN(${r})))*10`, score(0, 1));
    setFormula(ws, 'P3', `MAX(0,6-0.5*${D}!AB5)`, score(0, 14));
    setFormula(ws, 'C4', `WANMU.ANNUAL(1,${D}!C6,${r})`, score(1, 1));
    expect((await check(wb)).findings).toEqual([]);
  });

  it('subtotals and totals that do not add up are errors', async () => {
    const { wb, ws } = await filled();
    ws.getCell('X3').value = 99;
    const f = at((await check(wb)).findings, R, 'X3');
    // one finding per problem: the wrong typed total, not also that it is typed
    expect(f.map((x) => x.code).sort()).toEqual(['sum_mismatch']);
  });

  it('in the issued table: a missing cap and a typed constant', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({
      scores: { 1: { formula: 'G4/1000*10', result: 11.8 }, 7: 5 },
    });
    const r = await check(wb);
    expect(at(r.findings, '验收评价', `H${rowOf.get(1)}`).map((x) => x.code)).toEqual(['missing_cap']);
    expect(at(r.findings, '验收评价', `H${rowOf.get(7)}`).map((x) => x.code)).toEqual(['typed_constant']);
  });

  it('in the issued table: a formula reading another indicator’s value is an error', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({ scores: { 7: { formula: `MIN(5,G${rowOf_(1)}/300*5)`, result: 5 } } });
    const r = await check(wb);
    expect(at(r.findings, '验收评价', `H${rowOf.get(7)}`).map((x) => x.code)).toEqual(['wrong_input']);
  });
});

function rowOf_(n: number): number {
  return acceptanceVerticalWorkbook().rowOf.get(n) as number;
}
