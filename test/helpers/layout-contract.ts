/**
 * The sheet-layout part of the host contract: a host that declares `sheetLayout` freezes the
 * header rows of a sheet a write adds and sets its page up for printing (landscape, one page wide,
 * title rows on every page, a footer with the page number); it never applies a layout to a sheet
 * the write did not add, and a sheet deleted later takes its print titles with it.
 */
import { emptyBatch, type SheetLayout, type WorkbookHost } from '../../src/workbook/core/model';
import { contractWorkbook } from './host-contract';

export interface LayoutHostUnderTest {
  readonly host: WorkbookHost;
  /** The view and print settings the workbook holds for a sheet now (null: none set). */
  readonly layoutOf: (sheet: string) => Promise<SheetLayout | null>;
}

export const SAMPLE_LAYOUT: SheetLayout = {
  sheet: '评分结果',
  freezeRows: 2,
  print: { landscape: true, fitWidth: true, titleRows: { first: 1, last: 2 }, footer: '第 &P 页,共 &N 页' },
};

export function describeSheetLayoutContract(name: string, make: () => Promise<LayoutHostUnderTest>): void {
  describe(`host contract, sheet layouts: ${name}`, () => {
    it('freezes the header and sets the page up of a sheet it adds', async () => {
      const { host, layoutOf } = await make();
      expect(host.capabilities.sheetLayout).toBe(true);
      const cells = [
        { sheet: '评分结果', row: 1, col: 1, value: '标题' },
        { sheet: '评分结果', row: 2, col: 1, value: '平台名称' },
        { sheet: '评分结果', row: 3, col: 1, value: '平台甲' },
      ];
      const out = await host.write({ ...emptyBatch(), addSheets: [{ name: '评分结果' }], cells, sheetLayouts: [SAMPLE_LAYOUT, { ...SAMPLE_LAYOUT, sheet: '基础数据' }] }, []);
      expect(out).toEqual({ ok: true });
      expect(await layoutOf('评分结果')).toEqual(SAMPLE_LAYOUT);
      // the user's sheet is left as it was, though the batch named it
      expect(await layoutOf('基础数据')).toBeNull();
      const wb = await host.read();
      expect(wb.sheets.map((s) => s.name)).toEqual(['基础数据', "评分 '22", '评分结果']);
    });

    it('a second added sheet gets its own print titles; deleting the first keeps the second', async () => {
      const { host, layoutOf } = await make();
      const add = (sheet: string) => ({ ...emptyBatch(), addSheets: [{ name: sheet }], cells: [{ sheet, row: 1, col: 1, value: 'x' }], sheetLayouts: [{ ...SAMPLE_LAYOUT, sheet }] });
      await host.write(add('评分结果'), []);
      await host.write({ ...add('评分结果汇总'), sheetLayouts: [{ ...SAMPLE_LAYOUT, sheet: '评分结果汇总', freezeRows: 1, print: { ...SAMPLE_LAYOUT.print, titleRows: { first: 1, last: 1 } } }] }, []);
      await host.write({ ...emptyBatch(), deleteSheets: ['评分结果'] }, []);
      expect((await host.read()).sheets.map((s) => s.name)).toEqual(['基础数据', "评分 '22", '评分结果汇总']);
      expect(await layoutOf('评分结果汇总')).toEqual({ ...SAMPLE_LAYOUT, sheet: '评分结果汇总', freezeRows: 1, print: { ...SAMPLE_LAYOUT.print, titleRows: { first: 1, last: 1 } } });
    });
  });
}

export { contractWorkbook };
