/**
 * What the steps share: the scratch sheets (which they are, which may be deleted, removing them)
 * and the cells (writing one on a scratch sheet, reading them back, comparing them, waiting for a
 * calculation).
 */
import { a1, cellAt, emptyBatch, isRevertRecord, parseA1, sameCell, type CellData, type CellRange, type CellWrite, type RangeCells, type SheetData, type WriteBatch } from '../../workbook';
import { SCRATCH_ADDED, SCRATCH_LAYOUT, SCRATCH_RECORD, SCRATCH_SHEET, SCRATCH_SIGNATURE } from '../catalogue';
import type { StepResult } from '../types';
import { fail, refused, type StepContext } from './step';

// ---- The scratch sheets -------------------------------------------------------------------------

export const SCRATCH_SHEETS: readonly string[] = [SCRATCH_SHEET, SCRATCH_ADDED, SCRATCH_RECORD, SCRATCH_LAYOUT];

export function isScratchSheet(name: string): boolean {
  return SCRATCH_SHEETS.includes(name);
}

/** A sheet the self-test may delete: empty, signed, or a revert record. */
export function isOurs(sheet: SheetData): boolean {
  return sheet.rows.size === 0 || cellAt(sheet, 1, 1)?.value === SCRATCH_SIGNATURE || isRevertRecord(sheet);
}

/** Deletes the scratch sheets present that are the self-test's; reports foreign ones. */
export async function removeScratch(ctx: StepContext, sheets: readonly SheetData[]): Promise<StepResult | null> {
  const scratch = sheets.filter((s) => isScratchSheet(s.name));
  const foreign = scratch.find((s) => !isOurs(s));
  if (foreign) return fail('sheet_name_taken', { sheet: foreign.name });
  if (scratch.length === 0) return null;
  const r = await ctx.host.write(batch({ deleteSheets: scratch.map((s) => s.name) }), []);
  if (!r.ok) return refused(r);
  const left = (await ctx.host.read({ sheets: SCRATCH_SHEETS })).sheets.map((s) => s.name);
  return left.length > 0 ? fail('sheets_left', { sheets: left }) : null;
}

// ---- Cells ---------------------------------------------------------------------------------------

/** What a write puts in a cell. */
export type Content = Omit<CellWrite, 'sheet' | 'row' | 'col'>;

export function at(ref: string): { row: number; col: number } {
  const p = parseA1(ref);
  if (!p) throw new Error(`not an address: ${ref}`);
  return p;
}

export function cellWrite(ref: string, content: Content, sheet = SCRATCH_SHEET): CellWrite {
  return { sheet, ...at(ref), ...content };
}

export function batch(partial: Partial<WriteBatch>): WriteBatch {
  return { ...emptyBatch(), ...partial };
}

export function byAddress(cells: RangeCells['cells']): Map<string, CellData> {
  return new Map((cells ?? []).map((c) => [a1(c.row, c.col), c.cell]));
}

/** Empty text and an absent cell are the same; a formatted blank (value null) is empty. */
export function present(c: CellData | null | undefined): CellData | null {
  if (!c) return null;
  if (c.formula === undefined && (c.value === null || c.value === '')) return null;
  return c;
}

/** Contents equal; formulas by their text (a recalculated result is no difference). */
export function sameContent(a: CellData | null, b: CellData | null): boolean {
  if (a?.formula !== undefined || b?.formula !== undefined) return a?.formula === b?.formula && a?.numFmt === b?.numFmt;
  return sameCell(a, b);
}

export async function readScratch(ctx: StepContext, range: CellRange): Promise<Map<string, CellData> | null> {
  const [r] = await ctx.host.readRanges([{ sheet: SCRATCH_SHEET, range }]);
  return r?.cells ? byAddress(r.cells) : null;
}

/** One cell of the scratch sheet as it reads now (null where it is empty or the sheet is gone). */
export async function readScratchCell(ctx: StepContext, ref: string): Promise<CellData | null> {
  const { row, col } = at(ref);
  return present((await readScratch(ctx, { top: row, left: col, bottom: row, right: col }))?.get(ref));
}

/**
 * Reads until `check` finds nothing wrong or the calculation time is up: Excel calculates after
 * the write (and custom functions show #BUSY! meanwhile). The first answer may be given.
 */
export async function settle<T>(ctx: StepContext, read: () => Promise<T>, check: (found: T) => boolean, first?: T): Promise<{ found: T; waitedMs: number }> {
  let found = first ?? (await read());
  const attempts = Math.max(1, Math.ceil(ctx.calcTimeoutMs / ctx.pollMs));
  let waitedMs = 0;
  for (let i = 0; i < attempts && !check(found); i++) {
    await ctx.wait(ctx.pollMs);
    waitedMs += ctx.pollMs;
    found = await read();
  }
  return { found, waitedMs };
}
