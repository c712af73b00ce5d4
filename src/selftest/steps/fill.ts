/** A fill as the pane makes it (read, plan with its revert record, write with the precondition), then reverted from that record. */
import { cellAt, PlanBuilder, planRevert, type CellRange } from '../../workbook';
import { SCRATCH_ADDED, SCRATCH_RECORD, SCRATCH_SHEET, SCRATCH_SIGNATURE, SCRATCH_TEXT } from '../catalogue';
import type { CellMismatch } from '../types';
import { at, batch, cellWrite, present, readScratch, sameContent, SCRATCH_SHEETS, type Content } from './shared';
import { fail, PASS, refused, type SelfTestStep } from './step';

/** The row the fill writes (and the revert restores): what the fill finds there before it writes, and what it writes. */
const FILL_ROW: CellRange = { top: 16, left: 2, bottom: 16, right: 5 };
const BEFORE_FILL: ReadonlyArray<[string, Content]> = [
  ['B16', { value: 12, numFmt: '0.0' }],
  ['C16', { value: SCRATCH_TEXT.oldText }],
  ['D16', { formula: 'B3*2', result: 2361, numFmt: '0.00' }],
];
const FILL: ReadonlyArray<[string, Content]> = [
  ['B16', { value: 95.5, numFmt: '0.00' }],
  ['C16', { formula: 'C3+1', result: 1, numFmt: '0.00' }],
  ['D16', { value: 3 }],
  ['E16', { formula: 'D3*2', result: -6.5, numFmt: '0.00' }],
];

export const revert: SelfTestStep = {
  id: 'revert',
  after: ['addSheet'],
  async run(ctx) {
    const h = ctx.host;
    const setup = await h.write(batch({ cells: BEFORE_FILL.map(([ref, c]) => cellWrite(ref, c)) }), []);
    if (!setup.ok) return refused(setup);
    // a fill as the pane makes it: read, plan (the record on a scratch sheet of its own), write with the precondition
    const read = await h.read({ sheets: [SCRATCH_SHEET] });
    const scratch = read.sheets.find((s) => s.name === SCRATCH_SHEET);
    if (!scratch) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const before = new Map(BEFORE_FILL.map(([ref]) => [ref, present(cellAt(scratch, at(ref).row, at(ref).col))]));
    const plan = new PlanBuilder(read, { recordSheet: SCRATCH_RECORD });
    plan.addSheet(SCRATCH_ADDED);
    plan.write(cellWrite('A1', { value: SCRATCH_SIGNATURE }, SCRATCH_ADDED));
    plan.write(cellWrite('A2', { value: SCRATCH_TEXT.resultTitle }, SCRATCH_ADDED));
    for (const [ref, c] of FILL) plan.write(cellWrite(ref, c));
    const fill = plan.finish();
    const filled = await h.write(fill.batch, fill.expected);
    if (!filled.ok) return refused(filled);
    const afterFill = await h.read({ sheets: SCRATCH_SHEETS });
    const names = afterFill.sheets.map((s) => s.name);
    for (const name of [SCRATCH_ADDED, SCRATCH_RECORD]) if (!names.includes(name)) return fail('sheet_missing', { sheet: name });
    const record = afterFill.sheets.find((s) => s.name === SCRATCH_RECORD);
    if (record?.state !== 'veryHidden') return fail('sheet_state', { sheet: SCRATCH_RECORD, expected: 'veryHidden', found: record?.state ?? 'visible' });
    // revert as the session does: from the record, with no precondition
    const undo = planRevert(afterFill, SCRATCH_RECORD);
    const damaged = undo.findings.filter((f) => f.code === 'revert_record_damaged').length;
    if (undo.skipped > 0 || damaged > 0) return fail('revert_incomplete', { skipped: undo.skipped, damaged });
    const reverted = await h.write(undo.batch, []);
    if (!reverted.ok) return refused(reverted);
    const left = (await h.read({ sheets: [SCRATCH_ADDED, SCRATCH_RECORD] })).sheets.map((s) => s.name);
    if (left.length > 0) return fail('sheets_left', { sheets: left });
    const now = await readScratch(ctx, FILL_ROW);
    if (!now) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const wrong: CellMismatch[] = [];
    for (const [ref] of FILL) {
      const was = before.get(ref) ?? null;
      const is = present(now.get(ref));
      if (!sameContent(was, is)) wrong.push({ cell: ref, expected: was, found: is });
    }
    return wrong.length > 0 ? fail('cells_differ', { cells: wrong }) : PASS;
  },
};
