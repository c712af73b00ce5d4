/**
 * Row labels in the office's own words, in the matrix and issued-table layouts: the same evidence
 * as headers (similarity to the issued names, one assignment per table). A matrix whose indicator
 * and 其中 rows are written the office's way scores as the one with the issued labels; an uncertain
 * reading is used and said at the label; rows that are something else (上年, 联系人) are not used.
 * And the platform of an issued table, from the lines above it (its title, a 平台名称 line).
 */
import ExcelJS from 'exceljs';
import { ANNUAL_HEADER, annualRows } from '../../fixtures/workbooks';
import { check, codes } from '../../helpers/workbook';

/** The office's words for the indicator rows (index → label) and for 其中 rows ("indicator.item" → label). */
interface Words {
  readonly names?: Readonly<Record<number, string>>;
  readonly items?: Readonly<Record<string, string>>;
  /** Number the rows in a 序号 column (else the indicator rows are found by name alone). */
  readonly serial: boolean;
  /** Extra rows after an indicator's block (index → label and values). */
  readonly extra?: Readonly<Record<number, string>>;
}

function matrix(words: Words, platforms = 5): ExcelJS.Workbook {
  const rows = annualRows(platforms, 11);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标完成情况');
  ws.getCell(1, 1).value = '2024年度“万亩千亿”新产业平台年度评价指标完成情况表';
  const first = words.serial ? 2 : 1;
  if (words.serial) ws.getCell(3, 1).value = '序号';
  ws.getCell(3, first).value = '指标';
  rows.forEach((p, pi) => (ws.getCell(3, first + 1 + pi).value = p.name));
  let r = 4;
  let k = 0;
  const put = (label: string, values: (string | number | null)[] | null) => {
    ws.getCell(r, first).value = label;
    if (values) values.forEach((v, pi) => v !== null && (ws.getCell(r, first + 1 + pi).value = v));
    r++;
  };
  ANNUAL_HEADER.forEach(([name, children], i) => {
    if (words.serial) ws.getCell(r, 1).value = i + 1;
    const label = words.names?.[i] ?? name;
    if (children.length === 0) {
      put(label, rows.map((p) => p.values[k] as string | number | null));
      k++;
    } else {
      put(label, null);
      children.forEach((child, ci) => {
        put(words.items?.[`${i}.${ci}`] ?? `其中:${child}`, rows.map((p) => p.values[k] as string | number | null));
        k++;
      });
    }
    const extra = words.extra?.[i];
    if (extra) put(extra, rows.map((_, pi) => 100 + pi));
  });
  ws.getCell(r + 1, 1).value = '填报单位:某市发展和改革委员会';
  return wb;
}

const totalsOf = async (wb: ExcelJS.Workbook) => {
  const r = await check(wb);
  return { r, totals: r.totals.map((t) => [t.platform, t.total]) };
};

describe('row labels in the office’s own words', () => {
  it('其中 rows in own words (with 序号) score as the issued labels do', async () => {
    const base = await totalsOf(matrix({ serial: true }));
    expect(base.r.analysis.tables.map((t) => t.layout.kind)).toEqual(['matrix']);
    expect(base.totals.length).toBe(5);
    const own = await totalsOf(
      matrix({
        serial: true,
        items: {
          '2.0': '其中:50亿以上项目',
          '2.1': '  技术领先或领军企业投资项目',
          '2.2': '百亿元以上项目',
          '4.0': '世界500强/全球前十强',
          '4.2': '国内行业前十强',
          '5.0': '知名研发机构、高校',
          '6.1': '双创团队',
          '10.3': '平台挂牌',
        },
      }),
    );
    expect(own.totals).toEqual(base.totals);
    expect(codes(own.r.findings)).not.toContain('unknown_component');
  });

  it('indicator rows in own words without 序号 are found by resemblance and score the same', async () => {
    const base = await totalsOf(matrix({ serial: false }));
    const own = await totalsOf(
      matrix({
        serial: false,
        names: { 0: '工业产值或营收(亿元)', 3: '产业项目投资(亿元)', 7: '专项产业基金(支)', 8: '基础设施投资(亿元)', 13: '信息报送迟报漏报(次)' },
      }),
    );
    expect(own.r.analysis.tables.map((t) => t.layout.kind)).toEqual(['matrix']);
    expect(own.totals).toEqual(base.totals);
    expect(codes(own.r.findings)).not.toContain('indicator_not_in_table');
  });

  it('rows that are something else are not used: 上年同期 under an indicator, an unrelated line', async () => {
    const base = await totalsOf(matrix({ serial: true }));
    const own = await totalsOf(matrix({ serial: true, extra: { 0: '上年同期', 4: '联系人' } }));
    expect(own.totals).toEqual(base.totals);
  });

  it('an uncertain reading is used and said at the label; a label like none is reported', async () => {
    const own = await check(matrix({ serial: true, items: { '5.0': '研发机构合作', '5.1': '某某合作事项' } }));
    const uncertain = own.findings.filter((f) => f.code === 'row_uncertain');
    const unknown = own.findings.filter((f) => f.code === 'unknown_component');
    expect(uncertain.map((f) => f.facts)).toEqual([expect.objectContaining({ text: '研发机构合作', role: { kind: 'input', indicator: 5, field: 0 } })]);
    expect(uncertain[0].severity).toBe('warning');
    expect(unknown.map((f) => (f.facts as { text: string }).text)).toEqual(['某某合作事项']);
  });
});

describe('the platform of an issued table', () => {
  const { acceptanceVerticalWorkbook } = jest.requireActual('../../fixtures/workbooks') as typeof import('../../fixtures/workbooks');
  const titled = (title: string | null, line: string | null, valueHeader?: string) => {
    const { wb } = acceptanceVerticalWorkbook();
    const ws = wb.worksheets[0];
    if (title !== null) ws.getCell(2, 1).value = title;
    if (line !== null) ws.getCell(1, 1).value = line;
    if (valueHeader) ws.getCell(3, 7).value = valueHeader;
    return wb;
  };
  const nameOf = async (wb: ExcelJS.Workbook, fileName?: string) => {
    const r = await check(wb, fileName === undefined ? {} : { fileName });
    const t = r.analysis.tables[0];
    const d = t.layout.columns[0].decisions.find((x) => x.role.kind === 'platform');
    return { name: t.platforms[0].name, evidence: d?.evidence, source: t.layout.platforms[0].nameSource, r };
  };

  it('is named by the title when the title says which platform it is, over a value header such as 2024年完成值', async () => {
    const n = await nameOf(titled('衢州智造新城高端电子材料平台2024年度“万亩千亿”新产业平台验收评价表', null, '2024年完成值'));
    expect(n.name).toBe('衢州智造新城高端电子材料平台');
    expect(n.evidence).toEqual([{ kind: 'title', text: '衢州智造新城高端电子材料平台2024年度“万亩千亿”新产业平台验收评价表' }]);
  });

  it('else by a 平台名称 line, or a 填报单位 that is the platform’s own body — not by a bureau', async () => {
    expect((await nameOf(titled(null, '平台名称:湖州南太湖新材料平台'))).name).toBe('湖州南太湖新材料平台');
    expect((await nameOf(titled(null, '填报单位:南太湖新区管委会'))).name).toBe('南太湖新区管委会');
    expect((await nameOf(titled(null, '填报单位:湖州市发展和改革委员会'))).name).not.toBe('湖州市发展和改革委员会');
    // the issued title names no platform
    expect((await nameOf(titled(null, null))).name).not.toMatch(/新产业平台/);
  });

  it('says where the name was read: the title’s cell, the 平台名称 line’s cell', async () => {
    expect((await nameOf(titled('衢州智造新城高端电子材料平台2024年度“万亩千亿”新产业平台验收评价表', null))).source).toEqual({
      kind: 'title',
      text: '衢州智造新城高端电子材料平台2024年度“万亩千亿”新产业平台验收评价表',
      cell: { sheet: '验收评价', row: 2, col: 1 },
    });
    expect((await nameOf(titled(null, '平台名称:湖州南太湖新材料平台'))).source).toEqual({ kind: 'line', text: '平台名称:湖州南太湖新材料平台', cell: { sheet: '验收评价', row: 1, col: 1 } });
  });

  it('else by the workbook’s file name, which the scores and results then use', async () => {
    const n = await nameOf(titled(null, null), '衢州智造新城2024年度评价.xlsx');
    expect(n.name).toBe('衢州智造新城');
    expect(n.source).toEqual({ kind: 'file', file: '衢州智造新城2024年度评价.xlsx' });
    expect(n.evidence).toEqual([{ kind: 'file_name', file: '衢州智造新城2024年度评价.xlsx' }]);
    expect(new Set(n.r.scores.map((x) => x.platform))).toEqual(new Set(['衢州智造新城']));
    expect(n.r.totals.map((x) => x.platform)).toEqual(['衢州智造新城']);
    // a value header that is no platform's name (2024年完成值) gives way to the file name too
    expect((await nameOf(titled(null, null, '2024年完成值'), 'XX高新区新产业平台-验收.xlsx')).name).toBe('XX高新区新产业平台');
  });

  it('the title and the 平台名称 line outweigh the file name; a header naming the platform is kept', async () => {
    const file = '衢州智造新城2024年度评价.xlsx';
    expect((await nameOf(titled('衢州高端电子材料平台2024年度“万亩千亿”新产业平台验收评价表', null), file)).name).toBe('衢州高端电子材料平台');
    expect((await nameOf(titled(null, '平台名称:湖州南太湖新材料平台'), file)).name).toBe('湖州南太湖新材料平台');
    expect((await nameOf(titled(null, null, '绍兴滨海集成电路平台'), file)).name).toBe('绍兴滨海集成电路平台');
  });

  it.each(['年度评价.xlsx', 'Book1.xlsx', '评分表(1).xlsx', '验收评价-平台自评.xlsx'])('a file name that names no platform (%s) leaves the sheet’s name', async (file) => {
    const n = await nameOf(titled(null, null), file);
    expect(n.name).toBe('验收评价');
    expect(n.source).toEqual({ kind: 'sheet' });
    expect(n.evidence).toEqual([{ kind: 'sheet_name', sheet: '验收评价' }]);
  });

  it('two tables of one evaluation are not both named by the file name', async () => {
    const wb = titled(null, null);
    const second = titled(null, null).worksheets[0];
    const copy = wb.addWorksheet('验收评价2');
    second.eachRow((row, r) => row.eachCell((c, col) => (copy.getCell(r, col).value = c.value)));
    const r = await check(wb, { fileName: '衢州智造新城2024年度评价.xlsx' });
    expect(r.analysis.tables.map((t) => t.platforms[0].name)).toEqual(['验收评价', '验收评价2']);
  });
});
