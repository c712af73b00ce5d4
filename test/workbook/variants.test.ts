import ExcelJS from 'exceljs';
import { tables } from '../../src/rules';
import { annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { cell, check, fill, msg } from '../helpers/workbook';
import { colLetters } from '../../src/workbook/core/address';

describe('more layout variants', () => {
  it('an acceptance cohort table is recognized from its content (验收 vs 年度)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    const headers = ['平台名称', '工业总产值或营业总收入(亿元)', '主导产业集聚度(%)', '高新技术产业产值(营业收入)占比(%)', '亩均税收(万元/亩)', '单位增加值综合能耗(吨标煤/万元)', '累计产业项目投资总额(亿元)', 'R&D经费占主营业务收入比重(%)', '基础设施投入(亿元)', '新型基础设施投入(亿元)', '公共服务设施用地占总用地比(%)', '年度评价平均分'];
    headers.forEach((h, i) => (ws.getCell(1, i + 1).value = h));
    [['甲平台', 1200, 0.8, 0.5, 40, 0.59, 300, 0.06, 50, 5, 0.1, 90], ['乙平台', 600, 0.4, 0.4, 20, 1.18, 150, 0.03, 25, 2.5, 0.05, 80]].forEach((row, r) =>
      row.forEach((v, c) => (ws.getCell(2 + r, 1 + c).value = v)),
    );
    const r = await check(wb);
    const t = r.analysis.tables[0];
    expect(t.table.evaluation).toBe('acceptance');
    expect(t.layout.kind).toBe('cohort');
    const byIndicator = (p: number, n: number) => t.platforms[p].indicators[n - 1].score;
    expect([1, 2, 3, 4, 5, 7, 10, 14, 15, 16, 17].map((n) => byIndicator(0, n))).toEqual([10, 10, 3.75, 2, 2, 5, 5, 3, 4, 3, 4.5]);
    expect(byIndicator(1, 5)).toBe(1);
    // indicators without columns are reported, not guessed
    expect(r.findings.filter((f) => f.code === 'indicator_not_in_table').map(msg).join()).toContain('累计引进标志性项目');
    // an indicator without its input columns is not scored: never as if the inputs were 0
    expect(byIndicator(0, 6)).toBeNull();
  });

  it('a unit the rule does not use and wanmu cannot convert is not scored as if it were the rule’s; a spelling of the same unit is', async () => {
    const energy = async (header: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Sheet1');
      const headers = ['平台名称', '工业总产值或营业总收入(亿元)', '主导产业集聚度(%)', '高新技术产业产值(营业收入)占比(%)', '亩均税收(万元/亩)', header];
      headers.forEach((h, i) => (ws.getCell(1, i + 1).value = h));
      [['甲平台', 1200, 0.8, 0.5, 40, 0.59], ['乙平台', 600, 0.4, 0.4, 20, 1.18]].forEach((row, r) => row.forEach((v, c) => (ws.getCell(2 + r, 1 + c).value = v)));
      const r = await check(wb);
      return { r, scores: r.analysis.tables[0].platforms.map((p) => p.indicators[4].score) };
    };
    expect((await energy('单位增加值综合能耗(吨标煤/万元)')).scores).toEqual([2, 1]);
    expect((await energy('单位增加值综合能耗(吨标准煤/万元)')).scores).toEqual([2, 1]);
    // 千克 is a thousandth of a 吨: 0.59 kg would score as if it were 0.59 t
    const kg = await energy('单位增加值综合能耗(千克标准煤/万元)');
    expect(kg.scores).toEqual([null, null]);
    expect(kg.r.findings.filter((f) => f.sheet === 'Sheet1' && f.cell === 'F1' && f.severity !== 'info').length).toBeGreaterThan(0);
  });

  it('score, subtotal and total columns in the same sheet are found and filled in place', async () => {
    const wb = annualWideWorkbook(annualRows(4), { title: false, twoRows: false });
    const ws = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
    const first = ws.columnCount + 1;
    tables.annual.indicators.forEach((ind, i) => (ws.getCell(1, first + i).value = `${ind.shortName}得分`));
    ws.getCell(1, first + 15).value = '产业培育得分';
    ws.getCell(1, first + 16).value = '总分';
    const { after, result } = await fill(wb);
    // no new visible sheet; the revert record is very hidden
    expect(after.sheets.filter((s) => s.state === undefined).map((s) => s.name)).toEqual(['培育名单数据']);
    expect(after.sheets.filter((s) => s.state === 'veryHidden').map((s) => s.name)).toEqual(['wanmu撤销记录']);
    const col = (k: number) => colLetters(first + k);
    expect(cell(after, '培育名单数据', `${col(1)}2`)?.formula).toBe('MIN(5,D2/0.8*5)');
    expect(cell(after, '培育名单数据', `${col(15)}2`)?.formula).toBe(`SUM(${col(0)}2,${col(1)}2)`);
    expect(result.totals[0]).toMatchObject({ sheet: '培育名单数据', cell: `${col(16)}2` });
    expect(cell(after, '培育名单数据', `${col(16)}2`)?.value).toBeCloseTo(result.totals[0].total as number, 12);
  });

  it('a “得分” column under an indicator header in a two-row header is that indicator’s score', async () => {
    const wb = annualWideWorkbook(annualRows(3));
    const ws = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
    const c = ws.columnCount + 1;
    ws.getCell(3, c).value = '组织管理';
    ws.mergeCells(3, c, 3, c + 1);
    ws.getCell(4, c).value = '小计';
    ws.getCell(4, c + 1).value = '得分';
    const r = await check(wb);
    const s = r.scores.find((x) => x.indicator === 11);
    expect(s).toMatchObject({ sheet: '培育名单数据', cell: `${colLetters(c + 1)}${WIDE_FIRST_ROW}` });
  });
});

describe('a single platform in an annual table', () => {
  it('gets full marks on 无量纲化 indicators, and is told why', async () => {
    const { XlsxFileHost } = await import('../../src/hosts/file/xlsx');
    const { templateBatch } = await import('../../src/workbook');
    const { analyze } = await import('../../src/workbook/check/analyze');
    const host = XlsxFileHost.empty();
    await host.write(templateBatch(tables.annual, 1), []);
    await host.write({ addSheets: [], deleteSheets: [], merges: [], columnWidths: [], sheetLayouts: [], cells: [{ sheet: '年度评价', row: 4, col: 7, value: 321 }] }, []);
    const a = analyze(await host.read());
    expect(a.tables[0].platforms[0].indicators[0].score).toBe(10);
    expect(a.findings.filter((f) => f.code === 'single_platform_cohort')).toEqual([expect.objectContaining({ severity: 'info', cell: 'G4' })]);
  });
});
