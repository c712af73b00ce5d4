import ExcelJS from 'exceljs';
import { tables } from '../../src/rules';
import { acceptanceVerticalWorkbook } from '../fixtures/workbooks';
import { at, check, codes, msg } from '../helpers/workbook';

const S = '验收评价';

describe('checking the issued table against 附件2', () => {
  it('the table as issued has no findings', async () => {
    expect((await check(acceptanceVerticalWorkbook().wb)).findings).toEqual([]);
  });

  it('a changed number in a 评分标准 is an error at that cell, with both texts', async () => {
    const ind = tables.acceptance.indicators[0];
    const { wb, rowOf } = acceptanceVerticalWorkbook({ edits: [[1, 4, ind.standard.replace('/1000', '/800')]] });
    const f = at((await check(wb)).findings, S, `D${rowOf.get(1)}`);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', code: 'standard_changed' });
    expect(msg(f[0])).toContain('/1000');
    expect(msg(f[0])).toContain('/800');
  });

  it('a dropped word in a 二级指标 is an error', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({ edits: [[7, 3, '累计产业项目投资(亿元)']] });
    expect(at((await check(wb)).findings, S, `C${rowOf.get(7)}`).map((f) => f.code)).toContain('name_changed');
  });

  it('a different group weight is an error at the 一级指标 cell', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({ edits: [[6, 1, '标志性项目承载高地(20%)']] });
    const r = await check(wb);
    expect(at(r.findings, S, `A${rowOf.get(6)}`).map((f) => f.code)).toContain('group_changed');
  });

  it('an edited 分值 is one error at that cell (the sums it upsets are not reported again)', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({ edits: [[4, 5, 3]] });
    const r = await check(wb);
    expect(at(r.findings, S, `E${rowOf.get(4)}`).map((f) => f.code)).toEqual(['points_changed']);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['points_changed']);
    // the score still follows the official 分值
    expect(r.scores.find((s) => s.indicator === 4)?.score).toBeCloseTo(36.5 / 40 * 2, 12);
  });

  it('another city’s 责任分工 is shown for information, with both texts, never as an error', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({ edits: [[13, 6, '湖州市财政局']] });
    const r = await check(wb);
    const f = at(r.findings, S, `F${rowOf.get(13)}`);
    expect(f.map((x) => [x.code, x.severity])).toEqual([['responsibility_differs', 'info']]);
    expect(msg(f[0])).toContain('湖州市财政局');
    expect(msg(f[0])).toContain(tables.acceptance.indicators[12].responsibility);
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a changed 序号 is an error', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook({ edits: [[3, 2, 33]] });
    expect(at((await check(wb)).findings, S, `B${rowOf.get(3)}`).map((f) => f.code)).toContain('number_changed');
  });

  it('missing, duplicated and reordered indicators', async () => {
    const { wb, rowOf } = acceptanceVerticalWorkbook();
    const ws = wb.getWorksheet(S) as ExcelJS.Worksheet;
    // row of #14 now says #15's name: #14 missing, #15 duplicated
    const r14 = rowOf.get(14) as number;
    ws.getCell(r14, 2).value = 15;
    ws.getCell(r14, 3).value = tables.acceptance.indicators[14].name;
    const r = await check(wb);
    expect(codes(r.findings)).toEqual(expect.arrayContaining(['missing_indicator', 'duplicate_indicator']));
    expect(msg(r.findings.find((f) => f.code === 'missing_indicator'))).toContain('基础设施投入');

    const swapped = acceptanceVerticalWorkbook();
    const ws2 = swapped.wb.getWorksheet(S) as ExcelJS.Worksheet;
    const a = swapped.rowOf.get(1) as number;
    const b = swapped.rowOf.get(2) as number;
    for (let c = 2; c <= 7; c++) {
      const tmp = ws2.getCell(a, c).value;
      ws2.getCell(a, c).value = ws2.getCell(b, c).value;
      ws2.getCell(b, c).value = tmp;
    }
    const r2 = await check(swapped.wb);
    expect(codes(r2.findings)).toContain('reordered_indicator');
    // the swapped values follow their indicators
    expect(r2.scores.find((s) => s.indicator === 1)?.score).toBe(10);
  });
});
