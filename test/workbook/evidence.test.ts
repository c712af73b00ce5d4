/**
 * Roles from evidence, on layouts the office corpus does not cover: a score sheet told apart from a
 * data sheet by its values alone; a reading that stays ambiguous (reported, never written over);
 * an input derived by a formula in its own row; a score sheet paired with the year its formulas read.
 */
import { MemoryHost } from '../../src/hosts/memory/host';
import { WorkbookSession } from '../../src/workbook/session/session';
import { buildSheet, type CellData, type SheetData } from '../../src/workbook/core/model';

type Row = ReadonlyArray<CellData['value'] | { f: string; v: number }>;

function sheet(name: string, rows: readonly Row[]): SheetData {
  const cells: { row: number; col: number; cell: CellData }[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (v === null) return;
      cells.push({ row: i + 1, col: c + 1, cell: typeof v === 'object' && v !== null && 'f' in v ? { value: v.v, formula: v.f } : { value: v as CellData['value'] } });
    }),
  );
  return buildSheet(name, cells);
}

const NAMES = ['甲平台', '乙平台', '丙平台', '丁平台'];
const HEAD = ['平台名称', '年度工业产值或者营业收入(亿元)', '主导产业集聚度(%)', '设立专项产业基金(支)', '制定年度计划'];

/** A data sheet of the four platforms under the indicators’ own names, 产值 scaled by `scale` (not the data() helper: a sheet, not a workbook). */
function dataSheet(name: string, scale = 1): SheetData {
  return sheet(name, [HEAD, ...NAMES.map((n, i) => [n, (300 + 100 * i) * scale, 0.6 + 0.05 * i, i % 2, i % 2 ? '是' : '否'])]);
}

describe('roles from evidence', () => {
  it('a sheet of typed scores under the indicators’ own names is the data sheet’s score sheet when its values say so', async () => {
    // 产值 in the data sheet is far beyond its 分值 of 10; here it is within: these are scores
    const scores = sheet('Sheet2', [
      ['平台名称', '年度工业产值或者营业收入(亿元)', '主导产业集聚度(%)', '设立专项产业基金(支)', '制定年度计划'],
      ...NAMES.map((n, i) => [n, [6, 7.33, 8.67, 10][i], [3.75, 4.06, 4.38, 4.69][i], i % 2 ? 3 : 0, i % 2 ? 5 : 0]),
    ]);
    const s = await WorkbookSession.open(new MemoryHost({ sheets: [dataSheet('基础数据'), scores] }));
    const a = s.model.analysis;
    expect(a.sheets.map((x) => [x.sheet, x.role, x.scores])).toEqual([
      ['基础数据', 'inputs', null],
      ['Sheet2', 'scores', '基础数据'],
    ]);
    expect(a.tables).toHaveLength(1);
    expect(s.model.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual([]);
  });

  it('when the values cannot tell data from scores, the sheet is reported and nothing is written over it', async () => {
    const small = (name: string) => sheet(name, [['平台名称', '设立专项产业基金(支)', '制定年度计划'], ...NAMES.map((n, i) => [n, i % 2, i % 2])]);
    const host = new MemoryHost({ sheets: [dataSheet('基础数据'), small('Sheet2')] });
    const s = await WorkbookSession.open(host);
    expect(s.model.analysis.sheets.find((x) => x.sheet === 'Sheet2')?.role).toBe('none');
    expect(s.model.findings.filter((f) => f.code === 'ambiguous_sheet').map((f) => f.sheet)).toEqual(['Sheet2']);
    const plan = s.planFill({ style: 'native', replace: true });
    expect(plan.batch.cells.filter((c) => c.sheet === 'Sheet2')).toEqual([]);
  });

  it('an input derived by a formula in its own row is an input', async () => {
    const s = await WorkbookSession.open(
      new MemoryHost({
        sheets: [
          sheet('数据', [
            ['平台名称', '年度工业产值或者营业收入(亿元)', '主导产业产值', '主导产业集聚度'],
            ...NAMES.map((n, i) => [n, 400 + i, 300 + i, { f: `C${i + 2}/B${i + 2}`, v: (300 + i) / (400 + i) }]),
          ]),
        ],
      }),
    );
    const t = s.model.analysis.tables[0];
    const d = t.layout.columns[0].decisions.find((x) => x.col === 4);
    expect(d?.role).toEqual({ kind: 'input', indicator: 1, field: 0 });
    expect(t.platforms[0].indicators[1].score).toBeCloseTo((300 / 400 / 0.8) * 5, 12);
  });

  it('with two years of data, a score sheet is paired with the year its formulas read', async () => {
    const scores = sheet('评分', [
      ['平台名称', '主导产业集聚度得分', '总分'],
      ...NAMES.map((n, i) => [n, { f: `MIN(5,'2022年'!C${i + 2}/0.8*5)`, v: Math.min(5, ((0.6 + 0.05 * i) / 0.8) * 5) }, null]),
    ]);
    const s = await WorkbookSession.open(new MemoryHost({ sheets: [dataSheet('2021年', 0.9), dataSheet('2022年'), scores] }));
    expect(s.model.analysis.sheets.map((x) => [x.sheet, x.role, x.scores])).toEqual([
      ['2021年', 'inputs', null],
      ['2022年', 'inputs', null],
      ['评分', 'scores', '2022年'],
    ]);
    expect(s.model.analysis.tables.map((t) => [t.layout.sheet, t.layout.scoreSheets])).toEqual([
      ['2021年', []],
      ['2022年', ['评分']],
    ]);
    expect(s.model.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
