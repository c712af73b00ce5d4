/** The run's start: the workbook as it was (scratch sheets of an interrupted run removed), then the signed scratch sheet. */
import { cellAt, sameCell } from '../../workbook';
import { SCRATCH_SHEET, SCRATCH_SIGNATURE } from '../catalogue';
import { batch, cellWrite, isOurs, isScratchSheet, present, removeScratch } from './shared';
import { fail, offers, PASS, refused, type SelfTestStep } from './step';

export const prepare: SelfTestStep = {
  id: 'prepare',
  after: [],
  async run(ctx) {
    const wb = await ctx.host.read();
    const foreign = wb.sheets.find((s) => isScratchSheet(s.name) && !isOurs(s));
    if (foreign) return fail('sheet_name_taken', { sheet: foreign.name });
    ctx.before = { sheets: wb.sheets.filter((s) => !isScratchSheet(s.name)) };
    if (offers(ctx, 'marks') && ctx.host.readMarks) ctx.marksBefore = (await ctx.host.readMarks()).filter((m) => !isScratchSheet(m.sheet));
    return (await removeScratch(ctx, wb.sheets)) ?? PASS;
  },
};

export const addSheet: SelfTestStep = {
  id: 'addSheet',
  after: ['prepare'],
  async run(ctx) {
    const r = await ctx.host.write(batch({ addSheets: [{ name: SCRATCH_SHEET }], cells: [cellWrite('A1', { value: SCRATCH_SIGNATURE, bold: true })] }), []);
    if (!r.ok) return refused(r);
    const wb = await ctx.host.read({ sheets: [SCRATCH_SHEET] });
    const s = wb.sheets.find((x) => x.name === SCRATCH_SHEET);
    if (!s) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    if ((s.state ?? 'visible') !== 'visible') return fail('sheet_state', { sheet: SCRATCH_SHEET, expected: 'visible', found: s.state ?? 'visible' });
    const a = present(cellAt(s, 1, 1));
    return sameCell({ value: SCRATCH_SIGNATURE }, a) ? PASS : fail('cells_differ', { cells: [{ cell: 'A1', expected: { value: SCRATCH_SIGNATURE }, found: a }] });
  },
};
