/**
 * The revert record: every fill writes, into a very hidden sheet of the workbook itself, what each
 * cell it wrote held before (exact type, formula, number format) and which sheets it added. Revert
 * restores from it — also after the workbook was saved and opened again, in any host.
 *
 * Every record cell is text with a type prefix (s: text, n: number, b: boolean, e: error), so no
 * host converts "00123" into a number or "=x" into a formula.
 */
import { errorKindFromText, ERROR_TEXT, isSheetError, sheetError, type RawValue } from '../../engine';
import { parseA1 } from './address';
import { sameContentAs } from './same';
import { cellAt, type CellData, type CellWrite, type SheetData, type WorkbookData } from './model';
import { RECORD_SHEET } from './sheets';

const MAGIC = 's:wanmu-revert-record';

/** Whether a sheet is a revert record (its first cell says so). */
export function isRevertRecord(sheet: SheetData): boolean {
  return cellAt(sheet, 1, 1)?.value === MAGIC;
}
const VERSION = 's:1';

export function encodeValue(v: RawValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'number') return `n:${String(v)}`;
  if (typeof v === 'boolean') return v ? 'b:1' : 'b:0';
  return `e:${ERROR_TEXT[v.sheetError]}`;
}

export function decodeValue(text: RawValue): RawValue | undefined {
  if (text === null || text === '') return null;
  if (typeof text !== 'string' || text.length < 2 || text[1] !== ':') return undefined;
  const body = text.slice(2);
  switch (text[0]) {
    case 's':
      return body;
    case 'n': {
      const n = Number(body);
      return body.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'b':
      return body === '1';
    case 'e':
      return sheetError(errorKindFromText(body) ?? 'value');
  }
  return undefined;
}

/** One cell the fill wrote in a sheet that existed before. */
export interface CellRecord {
  readonly sheet: string;
  readonly cell: string;
  readonly before: CellData | null;
  readonly after: CellData;
}

export interface AddedSheet {
  readonly name: string;
  /** Fingerprint of what the fill wrote into it: revert removes it only while it is unchanged. */
  readonly fingerprint: string;
  /**
   * Each written cell's content hash, by row then column (records written before this existed
   * have none): when the user changed the sheet, revert clears the cells that still hold what the
   * fill wrote and keeps the rest with the sheet.
   */
  readonly rows?: ReadonlyMap<number, ReadonlyMap<number, string>>;
}

export interface FillRecord {
  readonly op: number;
  readonly cells: readonly CellRecord[];
  readonly addedSheets: readonly AddedSheet[];
}

/**
 * A fingerprint of a sheet's content: formulas by their text, constants by their value (cached
 * results are left out: a spreadsheet recalculates them). Each cell is hashed (FNV-1a, 32 bits)
 * with its position and the hashes are added in two independent sums, so the order in which a host
 * lists the cells does not matter and no copy of the sheet is kept.
 */
export function fingerprint(cells: Iterable<{ row: number; col: number; value?: RawValue; formula?: string }>): string {
  let count = 0;
  let a = 0;
  let b = 0;
  for (const c of cells) {
    // a formula is hashed as "=" and its text, a constant as its encoded value
    const content = c.formula !== undefined ? c.formula : encodeValue(c.value ?? null);
    if (content === '' && c.formula === undefined) continue;
    let h = 0x811c9dc5;
    const mix = (code: number) => {
      h ^= code;
      h = Math.imul(h, 0x01000193) >>> 0;
    };
    mix(c.row & 0xffff);
    mix(c.row >>> 16);
    mix(c.col);
    if (c.formula !== undefined) mix(61);
    for (let i = 0; i < content.length; i++) mix(content.charCodeAt(i));
    count++;
    a = (a + h) >>> 0;
    b = (b + Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)) >>> 0;
  }
  return `${count}:${a.toString(16)}:${b.toString(16)}`;
}

/** One cell's content hash (formula text or constant, as the fingerprint counts it), base 36. */
export function cellHash(c: { value?: RawValue; formula?: string }): string {
  const content = c.formula !== undefined ? `=${c.formula}` : encodeValue(c.value ?? null);
  let h = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    h ^= content.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The per-row cell hashes of what a plan writes into a sheet it adds (empty constants are no cells). */
export function addedRows(cells: Iterable<{ row: number; col: number; value?: RawValue; formula?: string; clear?: boolean }>): Map<number, Map<number, string>> {
  const rows = new Map<number, Map<number, string>>();
  for (const c of cells) {
    if (c.clear || (c.formula === undefined && encodeValue(c.value ?? null) === '')) continue;
    let line = rows.get(c.row);
    if (!line) rows.set(c.row, (line = new Map()));
    line.set(c.col, cellHash(c));
  }
  return rows;
}

function encodeRow(line: ReadonlyMap<number, string>): string {
  return [...line].map(([col, h]) => `${col}=${h}`).join(',');
}

function decodeRow(text: string): Map<number, string> | undefined {
  const line = new Map<number, string>();
  for (const part of text.split(',')) {
    const m = /^(\d+)=([0-9a-z]+)$/.exec(part);
    if (!m) return undefined;
    line.set(Number(m[1]), m[2]);
  }
  return line;
}

export function sheetFingerprint(sheet: SheetData): string {
  const cells: { row: number; col: number; value: RawValue; formula?: string }[] = [];
  sheet.rows.forEach((line, row) => line.forEach((c, col) => cells.push({ row, col, value: c.value, ...(c.formula !== undefined ? { formula: c.formula } : {}) })));
  return fingerprint(cells);
}

const COLS = ['op', 'kind', 'sheet', 'cell', 'existed', 'value', 'formula', 'numFmt', 'afterValue', 'afterFormula'] as const;

/** The cells that append one fill's record to the record sheet (creating it when absent). */
export function recordWrites(existing: SheetData | undefined, rec: Omit<FillRecord, 'op'>, sheet: string = RECORD_SHEET): { cells: CellWrite[]; addSheet: boolean; op: number } {
  const cells: CellWrite[] = [];
  const previous = existing ? readRecord(existing) : { records: [], damaged: [] };
  const op = previous.records.reduce((m, r) => Math.max(m, r.op), 0) + 1;
  let row = existing ? existing.rowCount + 1 : 2;
  if (!existing) {
    cells.push({ sheet, row: 1, col: 1, value: MAGIC }, { sheet, row: 1, col: 2, value: VERSION });
    COLS.forEach((c, i) => cells.push({ sheet, row: 1, col: 3 + i, value: `s:${c}` }));
  }
  const put = (values: readonly string[]) => {
    values.forEach((v, i) => {
      if (v !== '') cells.push({ sheet, row, col: i + 1, value: v });
    });
    row++;
  };
  for (const a of rec.addedSheets) {
    put([`n:${op}`, 's:sheet', `s:${a.name}`, '', '', `s:${a.fingerprint}`, '', '', '', '']);
    for (const [r, line] of a.rows ?? []) put([`n:${op}`, 's:row', `s:${a.name}`, `n:${r}`, '', `s:${encodeRow(line)}`, '', '', '', '']);
  }
  for (const c of rec.cells) {
    put([
      `n:${op}`,
      's:cell',
      `s:${c.sheet}`,
      `s:${c.cell}`,
      c.before ? 'b:1' : 'b:0',
      encodeValue(c.before?.value ?? null),
      c.before?.formula !== undefined ? `s:${c.before.formula}` : '',
      c.before?.numFmt !== undefined ? `s:${c.before.numFmt}` : '',
      encodeValue(c.after.value),
      c.after.formula !== undefined ? `s:${c.after.formula}` : '',
    ]);
  }
  return { cells, addSheet: !existing, op };
}

/** Reads every fill's record; rows that cannot be read are listed (the record was edited). */
export function readRecord(sheet: SheetData): { records: FillRecord[]; damaged: number[] } {
  const byOp = new Map<number, { cells: CellRecord[]; addedSheets: { name: string; fingerprint: string; rows?: Map<number, Map<number, string>> }[] }>();
  const damaged: number[] = [];
  if (decodeValue(cellAt(sheet, 1, 1)?.value ?? null) !== MAGIC.slice(2)) return { records: [], damaged: sheet.rowCount > 0 ? [1] : [] };
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (!sheet.rows.has(r)) continue;
    const get = (c: number) => decodeValue(cellAt(sheet, r, c)?.value ?? null);
    const op = get(1);
    const kind = get(2);
    const sheetName = get(3);
    if (typeof op !== 'number' || typeof sheetName !== 'string' || (kind !== 'sheet' && kind !== 'cell' && kind !== 'row')) {
      damaged.push(r);
      continue;
    }
    let entry = byOp.get(op);
    if (!entry) byOp.set(op, (entry = { cells: [], addedSheets: [] }));
    if (kind === 'sheet') {
      const fp = get(6);
      entry.addedSheets.push({ name: sheetName, fingerprint: typeof fp === 'string' ? fp : '' });
      continue;
    }
    if (kind === 'row') {
      const at = get(4);
      const hashes = get(6);
      const line = typeof hashes === 'string' ? decodeRow(hashes) : undefined;
      const added = entry.addedSheets.find((a) => a.name === sheetName);
      if (typeof at !== 'number' || !Number.isInteger(at) || at < 1 || !line || !added) {
        damaged.push(r);
        continue;
      }
      if (!added.rows) added.rows = new Map();
      added.rows.set(at, line);
      continue;
    }
    const cell = get(4);
    const existed = get(5);
    const value = get(6);
    const formula = get(7);
    const numFmt = get(8);
    const afterValue = get(9);
    const afterFormula = get(10);
    if (typeof cell !== 'string' || !parseA1(cell) || typeof existed !== 'boolean' || value === undefined || afterValue === undefined) {
      damaged.push(r);
      continue;
    }
    const before: CellData | null = existed
      ? { value, ...(typeof formula === 'string' ? { formula } : {}), ...(typeof numFmt === 'string' ? { numFmt } : {}) }
      : null;
    entry.cells.push({ sheet: sheetName, cell, before, after: { value: afterValue, ...(typeof afterFormula === 'string' ? { formula: afterFormula } : {}) } });
  }
  const records = [...byOp].sort((a, b) => a[0] - b[0]).map(([op, e]) => ({ op, cells: e.cells, addedSheets: e.addedSheets }));
  return { records, damaged };
}

/**
 * Whether a cell holds what a fill recorded in the workbook wrote there (and nobody changed
 * since): the review does not take wanmu's own values for a user's typed numbers.
 */
export function writtenByFill(workbook: WorkbookData): (sheet: string, row: number, col: number, now: CellData) => boolean {
  const record = workbook.sheets.find((s) => s.name === RECORD_SHEET);
  if (!record) return () => false;
  const { records } = readRecord(record);
  const cells = new Map<string, CellData>();
  const rows = new Map<string, ReadonlyMap<number, ReadonlyMap<number, string>>>();
  for (const rec of records) {
    for (const c of rec.cells) {
      const at = parseA1(c.cell);
      if (at) cells.set(`${c.sheet}!${at.row},${at.col}`, c.after);
    }
    for (const a of rec.addedSheets) if (a.rows) rows.set(a.name, a.rows);
  }
  if (cells.size === 0 && rows.size === 0) return () => false;
  return (sheet, row, col, now) => {
    const after = cells.get(`${sheet}!${row},${col}`);
    if (after) return sameContentAs(after, now);
    const h = rows.get(sheet)?.get(row)?.get(col);
    return h !== undefined && h === cellHash(now);
  };
}

export function valueOf(v: RawValue): number | string | boolean | null {
  if (isSheetError(v)) return ERROR_TEXT[v.sheetError];
  return v;
}

export function resultOf(v: RawValue): number | string | boolean | undefined {
  if (v === null) return undefined;
  return valueOf(v) ?? undefined;
}
