/**
 * The shapes of the layouts issue, one behaviour each: a header block's units row, a table-wide
 * 金额单位 line, years side by side, batches of one 培育名单 (joined, unsure, split by the
 * mapping), score columns headed only 得分 settled by what their formulas read, and sheets that
 * must not be read as platform tables.
 */
import ExcelJS from 'exceljs';
import { tables } from '../../../src/rules';
import { resolveMapping } from '../../../src/workbook/session/mapping';
import type { SheetOptions } from '../../../src/workbook/layouts';
import { check } from '../../helpers/workbook';

type Row = (string | number | null | { formula: string })[];

function sheet(wb: ExcelJS.Workbook, name: string, rows: Row[], merges: [number, number, number, number][] = []): void {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v as ExcelJS.CellValue)));
  for (const m of merges) ws.mergeCells(...m);
}

const OUTPUT = tables.annual.indicators[0].name; // 年度工业产值或者营业收入(亿元), 无量纲化
const INVEST = tables.annual.indicators[3].name; // 年度产业项目投资总额(亿元), 无量纲化
const bare = (s: string) => s.replace(/\(.*\)$/, '');

function options(json: unknown): { sheets: Map<string, SheetOptions> } {
  const r = resolveMapping(json);
  if (!r.ok) throw new Error(r.message);
  return { sheets: r.options };
}

describe('header block', () => {
  it('a units row under the labels is header, not a data row, and its 万元 converts', async () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, '基础数据', [
      ['2024年度年度评价基础数据'],
      ['平台名称', bare(OUTPUT), bare(INVEST)],
      [null, '万元', '亿元'],
      ['甲平台', 3000000, 80],
      ['乙平台', 5000000, 120],
      ['填报单位:某市发改委'],
    ]);
    const r = await check(wb);
    expect(r.findings.filter((f) => f.code === 'unnamed_row')).toEqual([]);
    const t = r.analysis.tables[0];
    expect(t.platforms.map((p) => p.name)).toEqual(['甲平台', '乙平台']);
    expect(t.values.map((v) => v[0][0])).toEqual([300, 500]);
    expect(r.findings.filter((f) => f.code === 'unit_converted').map((f) => f.cell)).toEqual(['B2']);
  });

  it('金额单位:万元 above the table converts every amount without a unit of its own', async () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, '基础数据', [['年度评价基础数据', null, '金额单位:万元'], ['平台名称', bare(OUTPUT), bare(INVEST)], ['甲平台', 3000000, 800000], ['乙平台', 5000000, 1200000]]);
    const t = (await check(wb)).analysis.tables[0];
    expect(t.values.map((v) => [v[0][0], v[3][0]])).toEqual([[300, 80], [500, 120]]);
  });

  it('a units row with a unit that cannot be converted withholds the indicator', async () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, '基础数据', [['平台名称', bare(OUTPUT), bare(INVEST)], [null, '万美元', '亿元'], ['甲平台', 3, 80], ['乙平台', 5, 120]]);
    const r = await check(wb);
    expect(r.findings.filter((f) => f.code === 'unit_unknown').map((f) => f.cell)).toEqual(['B1']);
    expect(r.analysis.tables[0].platforms.map((p) => p.indicators[0].score)).toEqual([null, null]);
  });
});

describe('years side by side', () => {
  it('scores the title year and says once that the other year is not scored', async () => {
    const wb = new ExcelJS.Workbook();
    sheet(
      wb,
      '基础数据',
      [['2023年度年度评价数据'], ['平台名称', OUTPUT, null, INVEST, null], [null, '2022年', '2023年', '2022年', '2023年'], ['甲平台', 100, 300, 10, 80], ['乙平台', 200, 500, 20, 120]],
      [[2, 2, 2, 3], [2, 4, 2, 5], [2, 1, 3, 1]],
    );
    const r = await check(wb);
    const t = r.analysis.tables[0];
    expect(t.layout.year).toBe(2023);
    expect(t.values.map((v) => [v[0][0], v[3][0]])).toEqual([[300, 80], [500, 120]]);
    const notes = r.findings.filter((f) => f.code === 'other_year_columns');
    expect(notes.map((f) => [f.cell, f.facts])).toEqual([['B2', { year: 2022, evaluated: 2023, count: 2 }]]);
    expect(r.findings.filter((f) => f.code === 'duplicate_column')).toEqual([]);
  });

  it('上年 | 本年 labels are read against the title year', async () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, '基础数据', [['2023年度年度评价数据'], ['平台名称', OUTPUT, null, INVEST, null], [null, '上年', '本年', '上年', '本年'], ['甲平台', 100, 300, 10, 80], ['乙平台', 200, 500, 20, 120]], [[2, 2, 2, 3], [2, 4, 2, 5]]);
    const t = (await check(wb)).analysis.tables[0];
    expect(t.values.map((v) => v[0][0])).toEqual([300, 500]);
  });
});

describe('one 培育名单 over several sheets', () => {
  const batch = (wb: ExcelJS.Workbook, name: string, rows: [string, number, number][]) => sheet(wb, name, [['平台名称', bare(OUTPUT), bare(INVEST)], ...rows]);
  const two = (a: string, b: string) => {
    const wb = new ExcelJS.Workbook();
    batch(wb, a, [['甲平台', 100, 10], ['乙平台', 300, 30]]);
    batch(wb, b, [['丙平台', 200, 20], ['丁平台', 500, 50]]);
    return wb;
  };

  it('batch sheets are one table: xmin and xmax over every platform', async () => {
    const r = await check(two('第一批', '第二批'));
    expect(r.analysis.tables).toHaveLength(1);
    const t = r.analysis.tables[0];
    expect([t.layout.sheet, ...(t.layout.batchSheets ?? [])]).toEqual(['第一批', '第二批']);
    // 甲 is the minimum (100) and 丁 the maximum (500) of the whole list: 6 and 10 points
    expect(t.platforms.map((p) => [p.name, p.indicators[0].score])).toEqual([['甲平台', 6], ['乙平台', 8], ['丙平台', 7], ['丁平台', 10]]);
    expect(r.findings.filter((f) => f.code === 'cohort_batches').map((f) => f.facts)).toEqual([{ sheets: ['第一批', '第二批'] }]);
  });

  it('sheets whose names do not say they are batches are scored apart, with a warning at each 无量纲化 column', async () => {
    const r = await check(two('东片', '西片'));
    expect(r.analysis.tables).toHaveLength(2);
    const warned = r.findings.filter((f) => f.code === 'cohort_maybe_batches').map((f) => `${f.sheet}!${f.cell}`);
    expect(warned.sort()).toEqual(['东片!B1', '东片!C1', '西片!B1', '西片!C1']);
  });

  it('the mapping joins them (cohort: batch) or keeps a batch apart (cohort: own)', async () => {
    const joined = await check(two('东片', '西片'), options({ sheets: { 东片: { cohort: 'batch' }, 西片: { cohort: 'batch' } } }));
    expect(joined.analysis.tables).toHaveLength(1);
    const apart = await check(two('第一批', '第二批'), options({ sheets: { 第二批: { cohort: 'own' } } }));
    expect(apart.analysis.tables).toHaveLength(2);
    expect(apart.findings.filter((f) => f.code === 'cohort_batches')).toEqual([]);
  });

  it('two years of the same platforms are two cohorts, not batches', async () => {
    const wb = new ExcelJS.Workbook();
    batch(wb, '2022年', [['甲平台', 100, 10], ['乙平台', 300, 30]]);
    batch(wb, '2023年', [['甲平台', 200, 20], ['乙平台', 500, 50]]);
    const r = await check(wb);
    expect(r.analysis.tables).toHaveLength(2);
    expect(r.findings.filter((f) => f.code === 'cohort_batches' || f.code === 'cohort_maybe_batches')).toEqual([]);
  });
});

/**
 * A data sheet of 产业培育's two indicators for 甲 and 乙, and a score sheet 得分 with the group's
 * heading merged over three columns headed `labels`, holding `cells` (one row per platform).
 */
function groupedScores(labels: string[], cells: Row[]): ExcelJS.Workbook {
  const t = tables.annual;
  const wb = new ExcelJS.Workbook();
  sheet(wb, '数据', [['平台名称', bare(OUTPUT), bare(t.indicators[1].name)], ['甲平台', 100, 0.72], ['乙平台', 300, 0.9]]);
  sheet(wb, '得分', [['平台名称', t.groups[0].text, null, null], [null, ...labels], ['甲平台', ...cells[0]], ['乙平台', ...cells[1]]], [[1, 2, 1, 4], [1, 1, 2, 1]]);
  return wb;
}

describe('score columns headed only 得分', () => {
  it('are placed by their group and corrected by what their formulas read', async () => {
    const t = tables.annual;
    const g0 = t.indicators.filter((x) => x.group === 0); // 产业培育: indicators 1 and 2
    expect(g0.map((x) => x.number)).toEqual([1, 2]);
    // the score columns in the other order than the group's: 集聚度 first, then 产值
    const wb = groupedScores(['得分', '得分', '小计'], [
      [{ formula: 'MIN(5,数据!C2/0.8*5)' }, { formula: '((数据!B2-MIN(数据!$B$2:$B$3))/(MAX(数据!$B$2:$B$3)-MIN(数据!$B$2:$B$3))*0.4+0.6)*10' }, { formula: 'SUM(B3:C3)' }],
      [{ formula: 'MIN(5,数据!C3/0.8*5)' }, { formula: '((数据!B3-MIN(数据!$B$2:$B$3))/(MAX(数据!$B$2:$B$3)-MIN(数据!$B$2:$B$3))*0.4+0.6)*10' }, { formula: 'SUM(B4:C4)' }],
    ]);
    const r = await check(wb);
    const scoreSheet = r.analysis.tables[0].layout.columns.find((c) => c.sheet === '得分');
    const roles = scoreSheet?.decisions.filter((d) => d.col > 1).map((d) => [d.col, d.role, d.evidence.map((e) => e.kind).filter((k) => k === 'formula_reads' || k === 'position')]);
    expect(roles).toEqual([
      [2, { kind: 'score', indicator: 1 }, ['formula_reads']],
      [3, { kind: 'score', indicator: 0 }, ['formula_reads']],
      [4, { kind: 'subtotal', group: 0 }, []],
    ]);
  });
});

describe('a score column the layout cannot place', () => {
  it('is said at its header (未复核), not left silently unreviewed', async () => {
    // three 得分 columns under a group of two indicators, none of them adding the others
    const wb = groupedScores(['得分', '得分', '得分'], [[6, 4.5, 1], [10, 5, 2]]);
    const r = await check(wb);
    const said = r.findings.filter((f) => f.code === 'score_column_unmatched').map((f) => `${f.sheet}!${f.cell}`);
    expect(said).toEqual(['得分!B2', '得分!C2', '得分!D2']);
    expect(r.findings.find((f) => f.code === 'score_column_unmatched')?.severity).toBe('warning');
  });
});

describe('sheets that are not platform tables', () => {
  it('a parameter sheet is claimed as parameters: no table, no error, one note', async () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, '参数', [['序号', '项目', '参数值', '说明'], [1, '主导产业集聚度 基准值', 0.8, '集聚度/80%×5'], [2, '年度引进标志性项目 分值', 15, null], [3, '基准值', 0.59, null]]);
    const r = await check(wb);
    expect(r.analysis.tables).toEqual([]);
    expect(r.analysis.sheets.map((s) => s.role)).toEqual(['parameters']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'parameter_sheet')).toHaveLength(1);
  });

  it('a list of indicator names with explanations is not a matrix', async () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, '指标解释', [['指标', '解释'], ...tables.annual.indicators.map((x) => [x.name, x.standard] as Row)]);
    const r = await check(wb);
    expect(r.analysis.tables).toEqual([]);
  });
});
