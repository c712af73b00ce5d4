/**
 * The workbook host over Office.js (Excel on Windows, Mac and the web).
 *
 * No globals: the host is given an `Excel.run`-like function and the requirement-set check
 * (`officeJsDeps(Excel, Office, …)` builds them from the real namespaces). It uses only the
 * object-model members declared in the `Xl*` interfaces (object-model.ts); `officeJsDeps` checks
 * at compile time that the real Office.js types satisfy them.
 *
 * Round trips (context.sync calls):
 *  - read: the first read is 2 — one sync for the sheet list (`worksheets.load('items/…')`, as
 *    the Office.js documentation loads a collection), one for the sheets' used ranges and merged
 *    areas (`getItem(name)`). Later reads are 1: they use the sheet list remembered from the last
 *    read or write, checked against Excel's list in the same sync; if the user added, deleted or
 *    renamed sheets since, the host reads again with the new list (one more sync). When the used
 *    ranges do not fit one response (Excel on the web: 5 MB), they are read in row bands over
 *    more syncs. Only documented patterns: no calls on null objects (an earlier version chained
 *    `getNextOrNullObject()` to read in one sync, which the documentation does not promise).
 *  - check + fill of a workbook the host has not read: 3 (2 to read, 1 to write).
 *  - `readRanges` (the re-check after an edit): 1, with the sheet list when not known (2).
 *  - `onChanged`: 1 to register; an event on a sheet the host knows is handled without a sync,
 *    one on a sheet it does not know (added since the last read) costs 1 for the sheet's name.
 *  - write: 1, whatever the number of rows, with `suspendApiCalculationUntilNextSync()`; split
 *    into more syncs only when the estimated request exceeds the budget (PAYLOAD_BUDGET).
 *  - write with expected cells (the precondition "the target cells have not changed since they
 *    were read"): the same single sync. Office.js runs a batch's operations in order, so the batch
 *    first loads every expected cell and every cell the write will change (values, formulas,
 *    number formats), then writes. After the sync the host compares; if any expected cell had
 *    changed, a second sync restores every target cell to exactly what was loaded (contents, then
 *    number formats) and deletes the sheets the write added, and the write is
 *    refused (`{ok: false, conflicts}`). A conflict so never loses the user's edit, and the common
 *    case costs one sync. With `mergeUndoGroup` (ExcelApi 1.20) the write and its undoing are one
 *    undo step. Not restorable, hence checked in a sync of its own before writing (2 syncs): a
 *    write that deletes sheets, or clears cells or merges ranges on existing sheets. Bold and
 *    column widths a refused write set on existing sheets are not put back (formatting, not
 *    data). Expected cells on sheets the host has not seen cost one sync to list the sheets first.
 *  - marks (conditional formats, ExcelApi 1.9): not part of `read`, which stays one sync; `readMarks`
 *    is one sync to find wanmu's formats on every sheet (with the sheet list) and one for their
 *    ranges (none when there are none); `setMarks` is one sync to find them and one that deletes
 *    them and adds the new ones (the first of each takes one more before any read has listed the
 *    sheets, or when the user added sheets since).
 *
 * Text that Excel would parse (numbers, dates, formulas, booleans) is written with a leading
 * apostrophe (see textNeedsGuard); Excel stores it as a quote prefix and reads the text back
 * without it. Formula results are not written: Excel calculates them after the write.
 *
 * The pieces, one file each: object-model.ts (the Office.js slice), deps.ts (requirement sets,
 * request budget, `officeJsDeps`), state.ts (the remembered sheet list), read.ts, write.ts,
 * checked-write.ts (the check-then-write protocol), marks.ts and events.ts. This class composes
 * them; every `Excel.run` starts here.
 */
import { planWrite } from '../shared/blocks';
import type { ChangedCells, ExpectedCell, HostCapabilities, MarkSet, RangeCells, ReadScope, SheetRange, WorkbookData, WorkbookHost, WriteBatch, WriteOutcome } from '../../workbook/core/model';
import { checkedWrite } from './checked-write';
import { CHANGE_EVENTS_REQUIREMENT, MARKS_REQUIREMENT, PAYLOAD_BUDGET, SHEET_LAYOUT_REQUIREMENT, UNDO_GROUP_REQUIREMENT, type ExcelHostDeps } from './deps';
import { listenToChanges } from './events';
import { readMarkSets, writeMarkSets } from './marks';
import { readCellRanges, readSheets } from './read';
import { ExcelState } from './state';

export type * from './object-model';
export { CHANGE_EVENTS_REQUIREMENT, MARKS_REQUIREMENT, MERGED_AREAS_REQUIREMENT, officeJsDeps, PAYLOAD_BUDGET, SHEET_LAYOUT_REQUIREMENT, UNDO_GROUP_REQUIREMENT, type ExcelHostDeps } from './deps';
export { structuralChange } from './events';
export { RANGES_ADDRESS_LIMIT } from './marks';
export { splitAreas } from './read';
export { widthToPoints } from './write';

export class ExcelHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  /** The sheet list remembered between calls, the request budget and the capabilities. */
  private readonly state: ExcelState;

  constructor(private readonly deps: ExcelHostDeps) {
    const has = (r: { set: string; version: string }) => deps.isSetSupported(r.set, r.version);
    this.capabilities = { select: true, changeEvents: has(CHANGE_EVENTS_REQUIREMENT), undoGroup: has(UNDO_GROUP_REQUIREMENT), marks: has(MARKS_REQUIREMENT), sheetLayout: has(SHEET_LAYOUT_REQUIREMENT) };
    this.state = new ExcelState(this.capabilities, deps.payloadBudget ?? PAYLOAD_BUDGET);
  }

  async read(scope: ReadScope = {}): Promise<WorkbookData> {
    return this.deps.run((ctx) => readSheets(ctx, this.state, scope));
  }

  /** Rectangles, in one sync (see readCellRanges in read.ts). */
  async readRanges(ranges: readonly SheetRange[]): Promise<readonly RangeCells[]> {
    return this.deps.run((ctx) => readCellRanges(ctx, this.state, ranges));
  }

  /** The write, checked against the expected cells first when there are any (see checked-write.ts). */
  async write(batch: WriteBatch, expected: readonly ExpectedCell[]): Promise<WriteOutcome> {
    const plan = planWrite(batch);
    return this.deps.run((ctx) => checkedWrite(ctx, this.state, plan, batch.sheetLayouts, expected), this.capabilities.undoGroup ? { mergeUndoGroup: true } : undefined);
  }

  /** wanmu's marks and their ranges, in two syncs (see marks.ts). */
  async readMarks(): Promise<MarkSet[]> {
    return this.deps.run((ctx) => readMarkSets(ctx, this.state));
  }

  /** Replaces wanmu's marks, in two syncs (see marks.ts). */
  async setMarks(marks: readonly MarkSet[]): Promise<void> {
    await this.deps.run((ctx) => writeMarkSets(ctx, this.state, marks), this.capabilities.undoGroup ? { mergeUndoGroup: true } : undefined);
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.deps.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  onChanged(listener: (change: ChangedCells) => void): () => void {
    return listenToChanges(this.deps, this.state, listener);
  }
}
