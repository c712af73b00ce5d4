/** The write protocol: a write whose target the user changed after wanmu read it is refused whole; one whose targets are unchanged goes through. */
import { sameCell, type CellData, type CellRange, type ExpectedCell } from '../../workbook';
import { SCRATCH_ADDED, SCRATCH_SHEET, SCRATCH_SIGNATURE, SCRATCH_TEXT } from '../catalogue';
import { at, batch, cellWrite, present, readScratch, readScratchCell } from './shared';
import { fail, PASS, refused, type SelfTestStep } from './step';

/** The refused write's cells: B12 the user changed, C12 holds a formatted number, D12 is empty. */
const GUARDED: CellRange = { top: 12, left: 2, bottom: 12, right: 4 };

export const precondition: SelfTestStep = {
  id: 'precondition',
  after: ['addSheet'],
  async run(ctx) {
    const h = ctx.host;
    const setup = await h.write(batch({ cells: [cellWrite('B12', { value: SCRATCH_TEXT.original }), cellWrite('C12', { value: 0.5, numFmt: '0.00%' })] }), []);
    if (!setup.ok) return refused(setup);
    // the user types over B12 after wanmu read it
    const edit = await h.write(batch({ cells: [cellWrite('B12', { value: SCRATCH_TEXT.userEdit })] }), []);
    if (!edit.ok) return refused(edit);
    const expected: ExpectedCell[] = [
      { sheet: SCRATCH_SHEET, ...at('B12'), value: SCRATCH_TEXT.original },
      { sheet: SCRATCH_SHEET, ...at('C12'), value: 0.5 },
      { sheet: SCRATCH_SHEET, ...at('D12'), value: null },
    ];
    const r = await h.write(
      batch({
        addSheets: [{ name: SCRATCH_ADDED }],
        cells: [
          cellWrite('A1', { value: SCRATCH_SIGNATURE }, SCRATCH_ADDED),
          cellWrite('B12', { value: SCRATCH_TEXT.ownWrite }),
          cellWrite('C12', { value: 9, numFmt: '0.0' }),
          cellWrite('D12', { formula: 'C3+1', result: 1, numFmt: '0.00' }),
        ],
      }),
      expected,
    );
    if (r.ok) {
      // the sheet it should not have added goes, so that the later steps test what they test
      await h.write(batch({ deleteSheets: [SCRATCH_ADDED] }), []);
      return fail('precondition_ignored', { cell: 'B12' });
    }
    const conflicts = r.conflicts.map((c) => c.cell);
    if (conflicts.join() !== 'B12') return fail('conflicts_wrong', { expected: ['B12'], found: conflicts });
    const after = await readScratch(ctx, GUARDED);
    if (!after) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const want: ReadonlyArray<[string, CellData | null]> = [
      ['B12', { value: SCRATCH_TEXT.userEdit }],
      ['C12', { value: 0.5, numFmt: '0.00%' }],
      ['D12', null],
    ];
    const wrong = want.filter(([ref, c]) => !sameCell(c, present(after.get(ref)))).map(([ref, c]) => ({ cell: ref, expected: c, found: present(after.get(ref)) }));
    if (wrong.length > 0) return fail('cells_differ', { cells: wrong });
    const left = (await h.read({ sheets: [SCRATCH_ADDED] })).sheets.map((s) => s.name);
    return left.length > 0 ? fail('sheets_left', { sheets: left }) : PASS;
  },
};

export const accepted: SelfTestStep = {
  id: 'accepted',
  after: ['write'],
  async run(ctx) {
    // the expected formula cell's result may have been recalculated: formulas are compared by their text
    const expected: ExpectedCell[] = [
      { sheet: SCRATCH_SHEET, ...at('B7'), value: 2361, formula: 'B3*2' },
      { sheet: SCRATCH_SHEET, ...at('B3'), value: 1180.5 },
      { sheet: SCRATCH_SHEET, ...at('H14'), value: null },
    ];
    const r = await ctx.host.write(batch({ cells: [cellWrite('H14', { value: 7 })] }), expected);
    if (!r.ok) return refused(r);
    const h14 = await readScratchCell(ctx, 'H14');
    return sameCell({ value: 7 }, h14) ? PASS : fail('cells_differ', { cells: [{ cell: 'H14', expected: { value: 7 }, found: h14 }] });
  },
};
