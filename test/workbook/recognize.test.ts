import { tables } from '../../src/rules';
import ExcelJS from 'exceljs';
import { annualRows, annualWideWorkbook, acceptanceVerticalWorkbook, PLATFORM_NAMES, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { check, codes } from '../helpers/workbook';
import { templateBatch } from '../../src/workbook';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { resolveMapping } from '../../src/workbook/session/mapping';

describe('the wide cohort table', () => {
  it('is recognized with title rows and a two-row header (indicator merged over its components)', async () => {
    const r = await check(annualWideWorkbook(annualRows(12)));
    expect(r.analysis.tables).toHaveLength(1);
    const t = r.analysis.tables[0];
    expect(t.layout.kind).toBe('cohort');
    expect(t.table.evaluation).toBe('annual');
    expect(t.platforms.map((p) => p.name)).toEqual(PLATFORM_NAMES);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.scores.filter((s) => s.score === null)).toEqual([]);
    // #3's three components were read from the row of each platform
    expect(t.layout.platforms[0].inputs[2].map((c) => c?.row)).toEqual([WIDE_FIRST_ROW, WIDE_FIRST_ROW, WIDE_FIRST_ROW]);
  });

  it('is recognized with a one-row header and no title', async () => {
    const r = await check(annualWideWorkbook(annualRows(5), { title: false, twoRows: false }));
    expect(r.analysis.tables[0].table.evaluation).toBe('annual');
    expect(r.scores.filter((s) => s.score === null)).toEqual([]);
  });

  it('gives the same scores whatever the header style', async () => {
    const a = await check(annualWideWorkbook(annualRows(6)));
    const b = await check(annualWideWorkbook(annualRows(6), { title: false, twoRows: false }));
    expect(a.totals.map((t) => t.total)).toEqual(b.totals.map((t) => t.total));
  });

  it('puts scores in another sheet whose rows are the same platforms, matched by name', async () => {
    const names = annualRows(4).map((r) => r.name);
    const shuffled = [names[2], names[0], names[3], names[1]];
    const r = await check(annualWideWorkbook(annualRows(4), { scoreSheet: shuffled }));
    const first = r.scores.find((s) => s.platform === names[0] && s.indicator === 1);
    expect(first).toMatchObject({ sheet: '得分', cell: 'B3' });
    const total = r.totals.find((t) => t.platform === names[2]);
    expect(total).toMatchObject({ sheet: '得分', cell: 'Q2' });
  });

  it('reports an unrecognized header at its cell, and a mapping file resolves it', async () => {
    const wb = annualWideWorkbook(annualRows(3), { title: false, twoRows: false });
    const ws = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
    ws.getCell(1, 3).value = '今年产出';
    const r = await check(wb);
    expect(r.findings.find((f) => f.cell === 'C1')).toMatchObject({ code: 'unknown_column', sheet: '培育名单数据' });
    expect(r.scores.filter((s) => s.indicator === 1)).toHaveLength(3);
    expect(r.scores.filter((s) => s.indicator === 1).every((s) => s.score === null)).toBe(true);
    const mapping = resolveMapping({ sheets: { 培育名单数据: { evaluation: 'annual', columns: { 今年产出: { indicator: 1 } } } } });
    if (!mapping.ok) throw new Error(mapping.message);
    const mapped = await check(wb, { sheets: mapping.options });
    expect(mapped.scores.filter((s) => s.indicator === 1)).toHaveLength(3);
    expect(mapped.scores.filter((s) => s.indicator === 1).every((s) => s.score !== null)).toBe(true);
  });

  it('a bad mapping file is refused with a Chinese message', () => {
    const r = resolveMapping({ sheets: { 数据: { evaluation: 'annual', columns: { C: { indicator: 99 } } } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/序号 99/);
    expect(resolveMapping({ sheets: 1 }).ok).toBe(false);
  });
});

describe('the issued vertical table', () => {
  it('is recognized with merged 一级指标, 其中 rows and a 合计 row', async () => {
    const { wb, rowOf, totalRow } = acceptanceVerticalWorkbook();
    const r = await check(wb);
    const t = r.analysis.tables[0];
    expect(t.layout.kind).toBe('issued');
    expect(t.table.evaluation).toBe('acceptance');
    expect(r.findings).toEqual([]);
    expect(r.scores.find((s) => s.indicator === 6)).toMatchObject({ sheet: '验收评价', cell: `H${rowOf.get(6)}` });
    expect(r.totals[0]).toMatchObject({ cell: `H${totalRow}` });
    expect(r.totals[0].total).not.toBeNull();
  });

  it('ignores harmless formatting: line breaks, spaces, full-width punctuation', async () => {
    const r = await check(acceptanceVerticalWorkbook({ noise: true }).wb);
    expect(r.findings).toEqual([]);
  });

  it('recognizes the annual table from its content, with several platform columns', async () => {
    const host = XlsxFileHost.empty();
    await host.write(templateBatch(tables.annual, 3), []);
    const wb = await host.read();
    const { analyze } = await import('../../src/workbook/check/analyze');
    const a = analyze(wb);
    expect(a.tables[0].table.evaluation).toBe('annual');
    expect(a.tables[0].platforms.map((p) => p.name)).toEqual(['平台1', '平台2', '平台3']);
    expect(codes(a.findings).filter((c) => c !== 'blank')).toEqual([]);
  });

  it('a score column named after the platform pairs with that platform', async () => {
    const { wb } = acceptanceVerticalWorkbook({ valueHeader: '衢州平台', scoreHeader: '衢州平台得分' });
    const r = await check(wb);
    expect(r.totals[0].platform).toBe('衢州平台');
    expect(r.scores[0].cell).toMatch(/^H/);
  });

  it('a workbook with no evaluation table says so (a warning: nothing in it is wrong)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '你好';
    const r = await check(wb);
    expect(codes(r.findings)).toEqual(['no_table']);
  });
});

describe('a mapping settles the issued table’s columns too', () => {
  it('names a platform’s data and score columns, and leaves a column out', async () => {
    const { resolveMapping } = await import('../../src/workbook/session/mapping');
    const { wb } = acceptanceVerticalWorkbook({ valueHeader: '2022年', scoreHeader: '复核' });
    (wb.getWorksheet('验收评价') as ExcelJS.Worksheet).getCell(3, 9).value = '附注';
    (wb.getWorksheet('验收评价') as ExcelJS.Worksheet).getCell(5, 9).value = 12;
    const mapping = resolveMapping({ sheets: { 验收评价: { columns: { G: { value: '衢州平台' }, H: { scoreOf: '衢州平台' }, I: 'ignore' } } } });
    if (!mapping.ok) throw new Error(mapping.message);
    const r = await check(wb, { sheets: mapping.options });
    const t = r.analysis.tables[0];
    expect(t.platforms.map((p) => p.name)).toEqual(['衢州平台']);
    expect(r.scores[0]).toMatchObject({ platform: '衢州平台', cell: 'H4' });
    expect(r.findings.filter((f) => f.cell.startsWith('I'))).toEqual([expect.objectContaining({ code: 'other_column' })]);
  });
});

describe('a mapping that only leaves columns out', () => {
  it('takes effect in a cohort table: the column is not read', async () => {
    const { resolveMapping } = await import('../../src/workbook/session/mapping');
    const { annualRows, annualWideWorkbook } = await import('../fixtures/workbooks');
    const wb = annualWideWorkbook(annualRows(3), { title: false, twoRows: false });
    const mapping = resolveMapping({ sheets: { 培育名单数据: { columns: { D: 'ignore' } } } });
    if (!mapping.ok) throw new Error(mapping.message);
    const r = await check(wb, { sheets: mapping.options });
    expect(r.scores.filter((s) => s.indicator === 2).map((s) => s.score)).toEqual([null, null, null]);
    const first = r.scores.filter((s) => s.indicator === 1);
    expect(first).toHaveLength(3);
    expect(first.every((s) => s.score !== null)).toBe(true);
  });
});

describe('a mapping names a one-platform table’s platform', () => {
  const mapped = (json: unknown) => {
    const m = resolveMapping(json);
    if (!m.ok) throw new Error(m.message);
    return m.options;
  };

  it('over what was recognized; the scores, the totals and the written scores use it, and it says what was recognized', async () => {
    const { wb } = acceptanceVerticalWorkbook();
    const sheets = mapped({ sheets: { 验收评价: { platform: '  衢州高端电子材料平台 ' } } });
    const r = await check(wb, { sheets, fileName: '衢州智造新城2024年度评价.xlsx' });
    const t = r.analysis.tables[0];
    expect(t.platforms[0].name).toBe('衢州高端电子材料平台');
    expect(t.layout.platforms[0].nameSource).toEqual({ kind: 'mapping', recognized: { name: '衢州智造新城', source: { kind: 'file', file: '衢州智造新城2024年度评价.xlsx' } } });
    expect(t.layout.columns[0].decisions.find((d) => d.role.kind === 'platform')?.evidence).toEqual([{ kind: 'mapping' }]);
    expect(new Set(r.scores.map((x) => x.platform))).toEqual(new Set(['衢州高端电子材料平台']));
    expect(r.totals.map((x) => x.platform)).toEqual(['衢州高端电子材料平台']);
    const { resultTables } = await import('../../src/workbook');
    expect(resultTables(r.analysis)[0].rows.map((x) => x.platform)).toEqual(['衢州高端电子材料平台']);
    expect(r.findings.filter((f) => f.code === 'platform_name_duplicate' || f.code === 'mapping_platform_unused')).toEqual([]);
  });

  it('older mappings (no platform) load as before', () => {
    const r = resolveMapping({ sheets: { 验收评价: { evaluation: 'acceptance', headerRow: 3, columns: { I: 'ignore' } }, 第二批: { cohort: 'own' } } });
    expect(r.ok).toBe(true);
    if (r.ok) expect([...r.options.values()].some((o) => 'platform' in o)).toBe(false);
  });

  it.each(['', '   ', '\u3000'])('an empty or blank name (%j) is refused in Chinese, naming the sheet', (name) => {
    const r = resolveMapping({ sheets: { 验收评价: { platform: name } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('工作表“验收评价”的平台名称不能为空或只有空格;请填写平台名称,或恢复为识别的名称');
  });

  it('a name another platform of the evaluation has is warned, at the platform’s column', async () => {
    const { wb } = acceptanceVerticalWorkbook();
    const copy = wb.addWorksheet('验收评价2');
    acceptanceVerticalWorkbook().wb.worksheets[0].eachRow((row, r) => row.eachCell((c, col) => (copy.getCell(r, col).value = c.value)));
    const r = await check(wb, { sheets: mapped({ sheets: { 验收评价2: { platform: '验收评价' } } }) });
    const dup = r.findings.filter((f) => f.code === 'platform_name_duplicate');
    expect(dup).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: '验收评价', cell: 'G3', facts: { name: '验收评价', evaluation: 'acceptance', other: '验收评价2' } }),
      expect.objectContaining({ severity: 'warning', sheet: '验收评价2', cell: 'G3', facts: { name: '验收评价', evaluation: 'acceptance', other: '验收评价' } }),
    ]);
    // different names: nothing to say
    const apart = await check(wb, { sheets: mapped({ sheets: { 验收评价2: { platform: '衢州高端电子材料平台' } } }) });
    expect(apart.findings.filter((f) => f.code === 'platform_name_duplicate')).toEqual([]);
  });

  it('is said unused on a sheet of several platforms', async () => {
    const wb = annualWideWorkbook(annualRows(3));
    const r = await check(wb, { sheets: mapped({ sheets: { 培育名单数据: { platform: '衢州高端电子材料平台' } } }) });
    expect(r.findings.filter((f) => f.code === 'mapping_platform_unused').map((f) => f.facts)).toEqual([{ name: '衢州高端电子材料平台', platforms: 3 }]);
    expect(r.analysis.tables[0].platforms.map((p) => p.name)).not.toContain('衢州高端电子材料平台');
  });
});
