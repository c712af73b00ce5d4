/**
 * Pieces every live spreadsheet host (Office.js, WPS) needs, in one place:
 *  - turning a `WriteBatch` into a write plan of dense rectangles (2-D block writes, never one
 *    call per cell when a block works);
 *  - what to type into a cell so the host stores exactly the model's value (text guard);
 *  - telling a formula from text that merely starts with '=' when reading;
 *  - the expected-cell precondition (`sameContentAs` of src/workbook/core/same, as the in-memory host checks it);
 *  - A1 range addresses in and out, error literals.
 */
import { errorKindFromText, sheetError, type RawValue } from '../../engine';
import { a1, colLetters, colNumber } from '../../workbook/core/address';
import type { CellData, CellRange, CellWrite, ExpectedCell, WriteBatch, WriteConflict } from '../../workbook/core/model';
import { sameContentAs } from '../../workbook/core/same';

/** A1 address of a rectangle: "B3" for one cell, "B3:D9" otherwise. */
export function rangeAddress(r: CellRange): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

/**
 * Parses an A1 address as hosts report it: optional sheet prefix ("'评分 ''22'!A1:D1"),
 * optional '$' signs, one cell or a rectangle. Undefined when it is not one rectangle.
 */
export function parseRangeAddress(address: string): CellRange | undefined {
  const bang = address.lastIndexOf('!');
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim();
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
  if (!m) return undefined;
  const r1 = Number(m[2]);
  const c1 = colNumber(m[1]);
  const r2 = m[4] !== undefined ? Number(m[4]) : r1;
  const c2 = m[3] !== undefined ? colNumber(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export function rangeCells(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export interface Positioned<T> {
  readonly row: number;
  readonly col: number;
  readonly item: T;
}

/** A dense rectangle of items: `items[r][c]` is the cell at (top + r, left + c); every cell is present. */
export interface Block<T> {
  readonly range: CellRange;
  readonly items: T[][];
}

/**
 * Groups cells into dense rectangles: runs of consecutive columns in a row, then runs of rows with
 * the same column span stacked into one rectangle. A filled column of 2,000 platforms is one
 * block; a filled table is one block. Duplicate positions: the last one wins.
 */
export function denseBlocks<T>(cells: Iterable<Positioned<T>>): Block<T>[] {
  const byRow = new Map<number, Map<number, T>>();
  for (const c of cells) {
    let line = byRow.get(c.row);
    if (!line) byRow.set(c.row, (line = new Map()));
    line.set(c.col, c.item);
  }
  // Row runs, in row order.
  const runs: { row: number; left: number; right: number; items: T[] }[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const line = byRow.get(row)!;
    let run: { row: number; left: number; right: number; items: T[] } | null = null;
    for (const col of [...line.keys()].sort((a, b) => a - b)) {
      if (run && col === run.right + 1) {
        run.right = col;
        run.items.push(line.get(col)!);
      } else {
        if (run) runs.push(run);
        run = { row, left: col, right: col, items: [line.get(col)!] };
      }
    }
    if (run) runs.push(run);
  }
  // Stack runs with the same span on consecutive rows.
  const open = new Map<string, { top: number; bottom: number; left: number; right: number; items: T[][] }>();
  const out: Block<T>[] = [];
  const close = (b: { top: number; bottom: number; left: number; right: number; items: T[][] }) =>
    out.push({ range: { top: b.top, left: b.left, bottom: b.bottom, right: b.right }, items: b.items });
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const b = open.get(key);
    if (b && b.bottom === run.row - 1) {
      b.bottom = run.row;
      b.items.push(run.items);
    } else {
      if (b) close(b);
      open.set(key, { top: run.row, bottom: run.row, left: run.left, right: run.right, items: [run.items] });
    }
  }
  for (const b of open.values()) close(b);
  return out.sort((x, y) => x.range.top - y.range.top || x.range.left - y.range.left);
}

/**
 * Text is typed into a cell with a leading apostrophe (Excel's and WPS's quote prefix) whenever
 * the host could read it as something else: a formula ('=', '+', '-', '@'), a number, date, time,
 * percentage or currency (any digit: "00123", "1,234", "2022-01-01", "1月2日"), a boolean, an
 * error literal, or text that itself starts with an apostrophe. The prefix is not part of the
 * value: both hosts read the text back without it, so it reads back exactly. Number formats stay
 * untouched (the alternative, format "@", would change the cell's numFmt).
 */
export function textNeedsGuard(text: string): boolean {
  if (text === '') return false;
  if (/^[=+\-@']/.test(text)) return true;
  if (/\d/.test(text)) return true;
  const t = text.trim().toUpperCase();
  if (t === 'TRUE' || t === 'FALSE') return true;
  return errorKindFromText(t) !== undefined;
}

/** What to type into a cell for a write: formulas as '=…', text guarded, "" for an empty value. */
export type CellInput = string | number | boolean;

export function cellInput(w: CellWrite): CellInput {
  if (w.formula !== undefined) return `=${w.formula}`;
  return constantInput(w.value ?? null);
}

/** What to type for a constant: text guarded (see textNeedsGuard), "" for an empty value. */
export function constantInput(v: string | number | boolean | null): CellInput {
  if (v === null) return '';
  if (typeof v === 'string') return textNeedsGuard(v) ? `'${v}` : v;
  return v;
}

/**
 * The formula of a cell as hosts report it, or undefined. Hosts report a constant's text in the
 * formula grid too, so text that starts with '=' (typed with a quote prefix) looks like a formula;
 * it is text when its value is that same string (a formula whose result equals its own text does
 * not occur in practice).
 */
export function formulaOf(value: RawValue, formulaText: unknown): string | undefined {
  if (typeof formulaText !== 'string' || !formulaText.startsWith('=')) return undefined;
  if (typeof value === 'string' && value === formulaText) return undefined;
  return formulaText.slice(1);
}

/** An error literal ("#DIV/0!") as a sheet error, or undefined. */
export function errorValue(text: string): RawValue | undefined {
  const kind = errorKindFromText(text);
  return kind ? sheetError(kind) : undefined;
}

/** Compares expected cells with what the host holds now (looked up by the caller). */
export function findConflicts(expected: readonly ExpectedCell[], found: (e: ExpectedCell) => CellData | null): WriteConflict[] {
  const out: WriteConflict[] = [];
  for (const e of expected) {
    const f = found(e);
    if (!sameContentAs(e, f)) out.push({ sheet: e.sheet, cell: a1(e.row, e.col), expected: e, found: f });
  }
  return out;
}

/** The cells of a sheet's content block: what to type, and the number format to set (null: leave it). */
export interface ContentCell {
  readonly input: CellInput;
  readonly numFmt: string | null;
}

export interface SheetWritePlan {
  readonly sheet: string;
  /** Cells to remove (value and formatting). */
  readonly clears: CellRange[];
  /** Dense blocks of content to type. */
  readonly content: Block<ContentCell>[];
  /** Dense blocks sharing one number format ('General' resets). */
  readonly formats: { readonly numFmt: string; readonly ranges: CellRange[] }[];
  readonly bold: CellRange[];
  readonly wrap: CellRange[];
  readonly merges: CellRange[];
  /** Runs of adjacent columns with the same width (Excel character units). */
  readonly widths: { readonly left: number; readonly right: number; readonly width: number }[];
}

export interface WritePlan {
  readonly addSheets: WriteBatch['addSheets'];
  readonly sheets: SheetWritePlan[];
  readonly deleteSheets: readonly string[];
}

/** Turns a batch into block writes per sheet (sheets in first-mention order). */
export function planWrite(batch: WriteBatch): WritePlan {
  const order: string[] = [];
  const per = new Map<string, { cells: Map<string, CellWrite>; merges: CellRange[]; widths: Map<number, number> }>();
  const sheet = (name: string) => {
    let s = per.get(name);
    if (!s) {
      per.set(name, (s = { cells: new Map(), merges: [], widths: new Map() }));
      order.push(name);
    }
    return s;
  };
  for (const w of batch.cells) {
    const cells = sheet(w.sheet).cells;
    const key = `${w.row}:${w.col}`;
    cells.delete(key); // last write wins, and keeps its place
    cells.set(key, w);
  }
  for (const m of batch.merges) sheet(m.sheet).merges.push(m.range);
  for (const c of batch.columnWidths) sheet(c.sheet).widths.set(c.col, c.width);

  const sheets: SheetWritePlan[] = order.map((name) => {
    const s = per.get(name)!;
    const writes = [...s.cells.values()];
    const clears = denseBlocks(writes.filter((w) => w.clear).map((w) => ({ row: w.row, col: w.col, item: true }))).map((b) => b.range);
    const kept = writes.filter((w) => !w.clear);
    const content = denseBlocks(kept.map((w) => ({ row: w.row, col: w.col, item: { input: cellInput(w), numFmt: w.numFmt ?? null } })));
    const byFmt = new Map<string, CellWrite[]>();
    for (const w of kept) {
      if (w.numFmt === undefined) continue;
      const list = byFmt.get(w.numFmt) ?? [];
      list.push(w);
      byFmt.set(w.numFmt, list);
    }
    const formats = [...byFmt].map(([numFmt, list]) => ({ numFmt, ranges: denseBlocks(list.map((w) => ({ row: w.row, col: w.col, item: true }))).map((b) => b.range) }));
    const bold = denseBlocks(kept.filter((w) => w.bold).map((w) => ({ row: w.row, col: w.col, item: true }))).map((b) => b.range);
    const wrap = denseBlocks(kept.filter((w) => w.wrap).map((w) => ({ row: w.row, col: w.col, item: true }))).map((b) => b.range);
    const widths: { left: number; right: number; width: number }[] = [];
    for (const col of [...s.widths.keys()].sort((a, b) => a - b)) {
      const width = s.widths.get(col)!;
      const last = widths[widths.length - 1];
      if (last && last.right === col - 1 && last.width === width) last.right = col;
      else widths.push({ left: col, right: col, width });
    }
    return { sheet: name, clears, content, formats, bold, wrap, merges: s.merges, widths };
  });
  return { addSheets: batch.addSheets, sheets, deleteSheets: batch.deleteSheets };
}

/** Column letters span for whole columns ("C:E"). */
export function columnsAddress(left: number, right: number): string {
  return `${colLetters(left)}:${colLetters(right)}`;
}

/** Rough JSON size of a value in a request or response, for payload budgeting. */
export function jsonSize(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === 'string') return v.length * (/[^\x00-\x7f]/.test(v) ? 3 : 1) + 2;
  if (typeof v === 'number') return String(v).length;
  if (typeof v === 'boolean') return v ? 4 : 5;
  return JSON.stringify(v).length;
}

/**
 * Multi-area addresses of the ranges ("A1,B2:B5"), each at most `limit` characters (hosts limit
 * the address a range is asked for by), in the ranges' order. A range is never split.
 */
export function areaChunks(ranges: readonly CellRange[], limit: number, separator = ','): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of ranges) {
    const a = rangeAddress(r);
    if (cur !== '' && cur.length + separator.length + a.length > limit) {
      out.push(cur);
      cur = '';
    }
    cur = cur === '' ? a : `${cur}${separator}${a}`;
  }
  if (cur !== '') out.push(cur);
  return out;
}
