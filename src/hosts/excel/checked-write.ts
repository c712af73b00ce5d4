/**
 * The check-then-write protocol: a write with expected cells (the precondition "the target cells
 * have not changed since they were read"). The batch loads every expected cell and every cell the
 * write will change, then writes, in one sync; if an expected cell had changed, a second sync
 * restores what was loaded and deletes the sheets the write added. A write that could not be
 * undone is checked in a sync of its own first. See host.ts for the round trips.
 */
import type { RawValue } from '../../engine';
import type { CellData, CellRange, ExpectedCell, WriteBatch, WriteOutcome } from '../../workbook/core/model';
import { constantInput, denseBlocks, findConflicts, formulaOf, jsonSize, rangeAddress, type CellInput, type WritePlan } from '../shared/blocks';
import type { XlContext, XlRange, XlWorksheet } from './object-model';
import { BYTES_PER_CELL, cellValue } from './read';
import { errorCode, type ExcelState, type SheetInfo } from './state';
import { applyWrite, gridSize, OP_OVERHEAD } from './write';

/** Response bytes per expected cell read back (value, formula, type as JSON). */
const CHECK_BYTES_PER_CELL = 48;

/** A block the write will change, as it was loaded just before: what a restore types back. */
interface Target {
  readonly sheet: string;
  readonly range: CellRange;
  readonly inputs: CellInput[][];
  /** Number formats to put back (typing can change a format too, e.g. a date formula's). */
  readonly formats: unknown[][];
}

/** The precondition's queued loads: readable after the sync that runs them. */
interface Precondition {
  /** Request bytes of loads still queued (for the caller's sync). */
  readonly queued: number;
  /** What an expected cell holds now (null: empty, or on a missing sheet). */
  readonly found: (e: ExpectedCell) => CellData | null;
  readonly targets: readonly Target[];
}

/**
 * What to type to put a loaded cell back: its formula, its text (quote-prefixed where Excel would
 * parse it, see textNeedsGuard), or the constant as Excel reports it in the formula grid.
 */
function restoreInput(value: RawValue, formula: string | undefined, formulaText: unknown): CellInput {
  if (formula !== undefined) return `=${formula}`;
  if (value === null || typeof value !== 'object') return constantInput(value);
  // an error constant: its text ("#N/A") types back as that error
  if (typeof formulaText === 'string') return formulaText;
  throw new Error(`无法还原单元格内容 ${String(formulaText)}`);
}

/**
 * Writes the plan unless an expected cell has changed: `{ok: true}`, or `{ok: false, conflicts}`
 * with the workbook as it was (see the file comment).
 */
export async function checkedWrite(ctx: XlContext, state: ExcelState, plan: WritePlan, layouts: WriteBatch['sheetLayouts'], expected: readonly ExpectedCell[]): Promise<WriteOutcome> {
  if (expected.length === 0) {
    await applyWrite(ctx, state, plan, 0, layouts);
    return { ok: true };
  }
  const added = new Set(plan.addSheets.map((a) => a.name));
  // The write goes in the same sync as the precondition only when a conflict can be undone:
  // cell contents and number formats are restored and added sheets deleted, but deleted
  // sheets, cleared ranges and merges on existing sheets could not be put back.
  const restorable = plan.deleteSheets.length === 0 && plan.sheets.every((s) => added.has(s.sheet) || (s.clears.length === 0 && s.merges.length === 0));
  const needed = new Set([...expected.map((e) => e.sheet), ...(restorable ? plan.sheets.filter((s) => !added.has(s.sheet)).map((s) => s.sheet) : [])]);
  const names = (list: readonly SheetInfo[]) => new Set(list.map((s) => s.name));
  let known = names(state.known ?? []);
  // Expected cells on a sheet the host has not seen: list the sheets first (cells on a missing
  // sheet are empty). Not needed after a read, which is how a fill is always preceded.
  if (state.known === null || [...needed].some((n) => !known.has(n))) known = names(await state.loadSheetList(ctx));
  for (let attempt = 0; ; attempt++) {
    let pre: Precondition;
    try {
      pre = await queuePrecondition(ctx, state.budget, expected, restorable ? plan : null, known, added);
      if (restorable) await applyWrite(ctx, state, plan, pre.queued, layouts);
      else await ctx.sync();
    } catch (e) {
      // A sheet of the remembered list was deleted or renamed since: its loads come first in
      // the batch, so nothing was written. List the sheets again and retry once.
      if (errorCode(e) !== 'ItemNotFound' || attempt > 0) throw e;
      const now = names(await state.loadSheetList(ctx));
      if ([...needed].every((n) => !known.has(n) || now.has(n))) throw e;
      known = now;
      continue;
    }
    const conflicts = findConflicts(expected, pre.found);
    if (conflicts.length === 0) {
      if (!restorable) await applyWrite(ctx, state, plan, 0, layouts);
      return { ok: true };
    }
    if (restorable) await restore(ctx, state, pre.targets, plan.addSheets.map((a) => a.name));
    return { ok: false, conflicts };
  }
}

/**
 * Queues loads of the expected cells and (with a plan) of every cell the plan's content blocks
 * will write on existing sheets (values, formulas, number formats: what a restore needs), grouped
 * into blocks. Loads whose estimated responses exceed the budget are synced early, before any
 * write; the last group is left queued for the caller's sync. Cells on sheets not in `known` are
 * taken as empty.
 */
async function queuePrecondition(ctx: XlContext, budget: number, expected: readonly ExpectedCell[], plan: WritePlan | null, known: ReadonlySet<string>, added: ReadonlySet<string>): Promise<Precondition> {
  const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}:${col}`;
  const expectedAt = new Map<string, ExpectedCell>();
  for (const e of expected) expectedAt.set(key(e.sheet, e.row, e.col), e);
  // Response bytes of one cell: from what it is expected to hold where known, else a fixed bound.
  const cellCost = (sheet: string, row: number, col: number, numFmt: boolean) => {
    const e = expectedAt.get(key(sheet, row, col));
    if (!e) return numFmt ? BYTES_PER_CELL : CHECK_BYTES_PER_CELL;
    const size = jsonSize(e.value === null || typeof e.value !== 'object' ? e.value ?? '' : '#VALUE!');
    return 24 + size + (e.formula !== undefined ? jsonSize(e.formula) + 1 : size) + (numFmt ? 24 : 0);
  };
  const reads: { sheet: string; range: CellRange; r: XlRange; target: boolean }[] = [];
  let pending = 0;
  let queued = 0;
  const sheets = new Map<string, XlWorksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) sheets.set(name, (ws = ctx.workbook.worksheets.getItem(name)));
    return ws;
  };
  const queue = async (name: string, range: CellRange, target: boolean) => {
    // row bands under the budget
    let top = range.top;
    let cost = 0;
    const flushBand = async (bottom: number) => {
      const band = { ...range, top, bottom };
      if (queued > 0 && pending + cost > budget) {
        await ctx.sync();
        sheets.clear();
        pending = 0;
        queued = 0;
      }
      const r = sheet(name).getRange(rangeAddress(band));
      r.load(target ? 'values,formulas,valueTypes,numberFormat' : 'values,formulas,valueTypes');
      reads.push({ sheet: name, range: band, r, target });
      pending += cost;
      queued++;
      top = bottom + 1;
      cost = 0;
    };
    for (let row = range.top; row <= range.bottom; row++) {
      let line = 0;
      for (let col = range.left; col <= range.right; col++) line += cellCost(name, row, col, target);
      if (row > top && cost + line > budget) await flushBand(row - 1);
      cost += line;
    }
    await flushBand(range.bottom);
  };
  const covered = new Set<string>();
  for (const s of plan?.sheets ?? []) {
    if (added.has(s.sheet) || !known.has(s.sheet)) continue;
    for (const b of s.content) {
      for (let i = 0; i <= b.range.bottom - b.range.top; i++) for (let j = 0; j <= b.range.right - b.range.left; j++) covered.add(key(s.sheet, b.range.top + i, b.range.left + j));
      await queue(s.sheet, b.range, true);
    }
  }
  const bySheet = new Map<string, ExpectedCell[]>();
  for (const e of expected) {
    if (!known.has(e.sheet) || covered.has(key(e.sheet, e.row, e.col))) continue;
    const list = bySheet.get(e.sheet);
    if (list) list.push(e);
    else bySheet.set(e.sheet, [e]);
  }
  for (const [name, cells] of bySheet) for (const b of denseBlocks(cells.map((e) => ({ row: e.row, col: e.col, item: e })))) await queue(name, b.range, false);

  const state = new Map<string, CellData | null>();
  const targets: Target[] = [];
  let collected = false;
  const collect = () => {
    if (collected) return;
    collected = true;
    for (const { sheet: name, range, r, target } of reads) {
      const inputs: CellInput[][] = [];
      for (let i = 0; i <= range.bottom - range.top; i++) {
        const line: CellInput[] = [];
        for (let j = 0; j <= range.right - range.left; j++) {
          const type = r.valueTypes[i][j];
          const value = cellValue(r.values[i][j], type);
          const formula = formulaOf(value, r.formulas[i][j]);
          state.set(key(name, range.top + i, range.left + j), value === null && formula === undefined ? null : { value, ...(formula !== undefined ? { formula } : {}) });
          line.push(restoreInput(value, formula, r.formulas[i][j]));
        }
        inputs.push(line);
      }
      if (target) targets.push({ sheet: name, range, inputs, formats: r.numberFormat });
    }
  };
  return {
    queued: queued * OP_OVERHEAD,
    found: (e) => {
      collect();
      return state.get(key(e.sheet, e.row, e.col)) ?? null;
    },
    get targets() {
      collect();
      return targets;
    },
  };
}

/**
 * Undoes a write whose precondition failed: every target cell gets back what was loaded just
 * before the write (contents first, then the number formats the write changed), and the sheets
 * the write added are deleted. Syncs once, more only above the request budget.
 */
async function restore(ctx: XlContext, state: ExcelState, targets: readonly Target[], addedSheets: readonly string[]): Promise<void> {
  let pending = 0;
  let sheets = new Map<string, XlWorksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) sheets.set(name, (ws = ctx.workbook.worksheets.getItem(name)));
    return ws;
  };
  const add = async (bytes: number, queue: () => void) => {
    if (pending > 0 && pending + bytes > state.budget) {
      await ctx.sync();
      sheets = new Map();
      pending = 0;
    }
    queue();
    pending += bytes;
  };
  for (const t of targets) {
    await add(OP_OVERHEAD + gridSize(t.inputs) + gridSize(t.formats), () => {
      const range = sheet(t.sheet).getRange(rangeAddress(t.range));
      range.formulas = t.inputs;
      range.numberFormat = t.formats;
    });
  }
  for (const name of addedSheets) await add(OP_OVERHEAD, () => sheet(name).delete());
  if (pending > 0) await ctx.sync();
  if (state.known && addedSheets.length > 0) state.known = state.known.filter((s) => !addedSheets.includes(s.name));
}
