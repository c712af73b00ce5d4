import { errorMessage, type ErrorReason } from '../../src/engine';
import ExcelJS from 'exceljs';
import { annualRows, annualWideWorkbook, WIDE_FIRST_ROW, type Cell } from '../fixtures/workbooks';
import { at, check, msg } from '../helpers/workbook';

const S = '培育名单数据';
// columns of the wide fixture
const COL = { output: 'C', share: 'D', p50: 'E', invest: 'H', talents: 'O', yes1: 'T', late: 'AB' } as const;

async function withCell(col: string, value: Cell, platform = 0) {
  const wb = annualWideWorkbook(annualRows(5));
  const ws = wb.getWorksheet(S) as ExcelJS.Worksheet;
  ws.getCell(`${col}${WIDE_FIRST_ROW + platform}`).value = value as ExcelJS.CellValue;
  const r = await check(wb);
  return { r, findings: at(r.findings, S, `${col}${WIDE_FIRST_ROW + platform}`) };
}

describe('input checks, by field kind', () => {
  it('a negative amount is an error', async () => {
    const { findings } = await withCell(COL.invest, -3);
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'negative' });
  });
  it('a fractional count is an error', async () => {
    const { findings } = await withCell(COL.p50, 1.5);
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'not_whole' });
  });
  it('85 in a share column is an error, not 8500%', async () => {
    const { findings, r } = await withCell(COL.share, 85);
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'share_above_one' });
    expect(r.scores.find((s) => s.indicator === 2 && s.platform === r.analysis.tables[0].platforms[0].name)?.score).toBeNull();
  });
  it('"85%" typed as text is a warning and counts as 0.85', async () => {
    const { findings, r } = await withCell(COL.share, '85%');
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'percent_text' });
    expect(r.scores.find((s) => s.indicator === 2)?.score).toBe(5); // 0.85 / 80% × 5 is above the 分值
  });
  it('text such as “约120” is an error', async () => {
    const { findings } = await withCell(COL.invest, '约120');
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'not_number' });
    expect(msg(findings[0])).toContain('约120');
  });
  it('a unit typed in the cell is a finding', async () => {
    const { findings } = await withCell(COL.output, '3.2亿元');
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'unit_in_cell' });
  });
  it('full-width digits are a warning and the parsed value', async () => {
    const { findings, r } = await withCell(COL.talents, '１２');
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'fullwidth' });
    expect(r.scores.find((s) => s.indicator === 7)?.score).not.toBeNull();
  });
  it.each(['是', '否', 'TRUE', 'FALSE', 1, 0, '√', '×', true, false, '有', '无', '已设立', '未设立', 'Y', 'N'])('yes/no accepts %p', async (v) => {
    const { findings } = await withCell(COL.yes1, v);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it.each(['待定', '部分设立', 2, '是的'])('yes/no refuses %p', async (v) => {
    const { findings } = await withCell(COL.yes1, v);
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'not_yes_no' });
  });
  it('a blank required input is a finding and its score is not computed', async () => {
    const { findings, r } = await withCell(COL.late, null);
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'blank' });
    const p0 = r.analysis.tables[0].platforms[0];
    expect(p0.indicators[13].score).toBeNull();
    expect(errorMessage(p0.indicators[13].reason as ErrorReason)).toMatch(/缺少/);
    expect(p0.total.score).toBeNull();
  });
  it.each(['#N/A', '#REF!'])('a spreadsheet error %s is a finding', async (e) => {
    const { findings } = await withCell(COL.invest, { error: e });
    expect(findings[0]).toMatchObject({ severity: 'error', code: 'cell_error' });
    expect(msg(findings[0])).toContain(e);
  });
  it('an invalid value in a 无量纲化 column leaves the whole cohort column uncomputed, with the reason', async () => {
    const { r } = await withCell(COL.invest, '约120', 2);
    const scores = r.scores.filter((s) => s.indicator === 4);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.every((s) => s.score === null)).toBe(true);
    const other = r.analysis.tables[0].platforms[0].indicators[3];
    expect(errorMessage(other.reason as ErrorReason)).toMatch(/无法确定最小值和最大值/);
    expect(r.findings.filter((f) => f.code === 'cohort_not_scored')).toEqual([expect.objectContaining({ severity: 'warning', cell: `${COL.invest}${WIDE_FIRST_ROW}` })]);
    // other indicators are still scored
    expect(r.scores.filter((s) => s.indicator === 2).length).toBeGreaterThan(0);
    expect(r.scores.filter((s) => s.indicator === 2).every((s) => s.score !== null)).toBe(true);
  });
  it('a blank in a 无量纲化 column is not part of the cohort', async () => {
    const { r } = await withCell(COL.invest, null, 1);
    const scores = r.scores.filter((s) => s.indicator === 4).map((s) => s.score);
    expect(scores[1]).toBeNull();
    expect(scores.filter((s) => s === 10)).toHaveLength(1);
    expect(scores.filter((s) => s === 6)).toHaveLength(1);
  });
  it('a formula input uses its cached result, also when that result is 0', async () => {
    const { r, findings } = await withCell(COL.p50, { formula: '1-1', result: 0 });
    expect(findings).toEqual([]);
    expect(r.analysis.tables[0].platforms[0].indicators[2].score).not.toBeNull();
  });
});
