/** The view and print settings of an added sheet, on a scratch sheet of their own. */
import { vocabulary } from '../../rules';
import { cellAt, sameCell } from '../../workbook';
import { SCRATCH_LAYOUT, SCRATCH_SIGNATURE, SCRATCH_TEXT } from '../catalogue';
import { batch, cellWrite, present } from './shared';
import { fail, PASS, refused, type SelfTestStep } from './step';

/**
 * A sheet added with the result sheets' view and print settings (frozen header, landscape, one
 * page wide, print titles, a footer): the host applies them in the same write, or the step fails
 * with the host's error. Excel's "0 pages tall" for "as many as needed" is not stated in the
 * Office.js documentation (see SHEET_LAYOUT_REQUIREMENT): this is where a live Excel shows whether
 * it takes it. The sheet is removed again.
 */
export const layout: SelfTestStep = {
  id: 'layout',
  requires: 'sheetLayout',
  after: ['addSheet'],
  async run(ctx) {
    const sheet = SCRATCH_LAYOUT;
    const r = await ctx.host.write(
      batch({
        addSheets: [{ name: sheet }],
        cells: [
          cellWrite('A1', { value: SCRATCH_SIGNATURE, bold: true }, sheet),
          cellWrite('A2', { value: SCRATCH_TEXT.layoutSerial, bold: true, wrap: true }, sheet),
          cellWrite('B2', { value: SCRATCH_TEXT.layoutHeader, bold: true, wrap: true }, sheet),
          cellWrite('B3', { value: 8.4, numFmt: '0.00' }, sheet),
        ],
        sheetLayouts: [{ sheet, freezeRows: 2, print: { landscape: true, fitWidth: true, titleRows: { first: 1, last: 2 }, footer: vocabulary.printFooter } }],
      }),
      [],
    );
    if (!r.ok) return refused(r);
    const s = (await ctx.host.read({ sheets: [sheet] })).sheets.find((x) => x.name === sheet);
    if (!s) return fail('sheet_missing', { sheet });
    const b3 = present(cellAt(s, 3, 2));
    if (!sameCell({ value: 8.4, numFmt: '0.00' }, b3)) return fail('cells_differ', { cells: [{ cell: 'B3', expected: { value: 8.4, numFmt: '0.00' }, found: b3 }] });
    const d = await ctx.host.write(batch({ deleteSheets: [sheet] }), []);
    if (!d.ok) return refused(d);
    const left = (await ctx.host.read({ sheets: [sheet] })).sheets.map((x) => x.name);
    return left.length > 0 ? fail('sheets_left', { sheets: left }) : PASS;
  },
};
