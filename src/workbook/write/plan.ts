/**
 * Building a write that revert can undo: the cells written in existing sheets (with what they
 * held), the sheets added (with a fingerprint of what was written into them), the precondition
 * that every target still holds what was read, and the revert record itself. Fill, convert,
 * template and the missing-inputs sheet all go through this.
 */
import { a1 } from '../core/address';
import { RECORD_SHEET } from '../core/sheets';
import type { Finding } from '../findings/codes';
import { cellAt, sheetsByName, type CellData, type CellWrite, type ExpectedCell, type SheetData, type SheetLayout, type WorkbookData, type WriteBatch } from '../core/model';
import { addedRows, fingerprint, recordWrites, type CellRecord } from '../core/record';

export interface Replaced {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string;
  readonly formula: string;
}

export interface FillPreview {
  /** Cells the fill writes (scores, sums, headers), not counting its own record. */
  readonly cells: number;
  /** Existing cells it would replace (with replace). */
  readonly replaced: readonly Replaced[];
  readonly addSheets: readonly string[];
  /** New columns in existing sheets: sheet, column letter, header. */
  readonly addColumns: ReadonlyArray<{ readonly sheet: string; readonly column: string; readonly header: string }>;
}

export interface FillPlan {
  readonly batch: WriteBatch;
  /** Every written cell of an existing sheet, as read: the write is refused if one changed. */
  readonly expected: readonly ExpectedCell[];
  readonly findings: readonly Finding[];
  readonly preview: FillPreview;
  readonly replaced: readonly Replaced[];
  /** Cells written, for reporting. */
  readonly written: number;
}

/** A sheet name not yet in use: base, base2, base3 … (31 characters at most). */
export function freeSheetName(taken: ReadonlySet<string>, base: string): string {
  let name = base.slice(0, 31);
  for (let k = 2; taken.has(name); k++) name = `${base.slice(0, 29)}${k}`;
  return name;
}

/** The writes into one sheet, one by one (a large plan is not copied to fingerprint what it adds). */
function* cellsOf(cells: readonly CellWrite[], sheet: string): Generator<CellWrite> {
  for (const c of cells) if (c.sheet === sheet) yield c;
}

export class PlanBuilder {
  readonly sheets: Map<string, SheetData>;
  private readonly cells: CellWrite[] = [];
  private readonly records: CellRecord[] = [];
  private readonly expected: ExpectedCell[] = [];
  private readonly added: { name: string }[] = [];
  private readonly newSheets = new Set<string>();
  readonly findings: Finding[] = [];
  readonly replaced: Replaced[] = [];
  readonly addColumns: { sheet: string; column: string; header: string }[] = [];
  private readonly widths: { sheet: string; col: number; width: number }[] = [];
  private readonly merges: { sheet: string; range: { top: number; left: number; bottom: number; right: number } }[] = [];
  private readonly layouts: SheetLayout[] = [];

  /** Where the revert record goes: the workbook's own (RECORD_SHEET) unless given (the self-test keeps one on its scratch sheets). */
  private readonly recordSheet: string;

  constructor(workbook: WorkbookData, options: { readonly recordSheet?: string } = {}) {
    this.sheets = sheetsByName(workbook);
    this.recordSheet = options.recordSheet ?? RECORD_SHEET;
  }

  /** Names in use, including sheets this plan adds. */
  takenNames(): Set<string> {
    return new Set([...this.sheets.keys(), ...this.newSheets]);
  }

  addSheet(name: string): void {
    this.added.push({ name });
    this.newSheets.add(name);
  }

  isNew(sheet: string): boolean {
    return this.newSheets.has(sheet);
  }

  before(sheet: string, row: number, col: number): CellData | null {
    if (this.newSheets.has(sheet)) return null;
    const s = this.sheets.get(sheet);
    return s ? cellAt(s, row, col) : null;
  }

  /** Writes a cell; in an existing sheet, records what it held and requires it unchanged. */
  write(w: CellWrite): void {
    // a formula built from many pieces is a tree of string parts until it is read; reading one
    // character flattens it into one string now, so a large plan does not hold the trees
    if (w.formula !== undefined) w.formula.charCodeAt(0);
    this.cells.push(w);
    if (this.newSheets.has(w.sheet)) return;
    const before = this.before(w.sheet, w.row, w.col);
    this.records.push({ sheet: w.sheet, cell: a1(w.row, w.col), before, after: w.formula !== undefined ? { value: w.result ?? null, formula: w.formula } : { value: w.value ?? null } });
    this.expected.push({ sheet: w.sheet, row: w.row, col: w.col, value: before?.value ?? null, ...(before?.formula !== undefined ? { formula: before.formula } : {}) });
  }

  width(sheet: string, col: number, width: number): void {
    this.widths.push({ sheet, col, width });
  }

  /** View and print settings of a sheet this plan adds. */
  layout(layout: SheetLayout): void {
    if (!this.newSheets.has(layout.sheet)) throw new Error(`layout of a sheet the plan does not add: ${layout.sheet}`);
    this.layouts.push(layout);
  }

  merge(sheet: string, range: { top: number; left: number; bottom: number; right: number }): void {
    this.merges.push({ sheet, range });
  }

  /** The plan: the batch (with the revert record appended), its preconditions and a preview. */
  finish(): FillPlan {
    const written = this.cells.length;
    const cells = [...this.cells];
    const addSheets: { name: string; state?: 'veryHidden' }[] = [...this.added];
    if (this.records.length > 0 || this.added.length > 0) {
      const addedSheets = this.added.map((a) => ({ name: a.name, fingerprint: fingerprint(cellsOf(this.cells, a.name)), rows: addedRows(cellsOf(this.cells, a.name)) }));
      const rec = recordWrites(this.sheets.get(this.recordSheet), { cells: this.records, addedSheets }, this.recordSheet);
      if (rec.addSheet) addSheets.push({ name: this.recordSheet, state: 'veryHidden' });
      // one by one: spreading a large array into push overflows the call stack
      for (const c of rec.cells) cells.push(c);
    }
    const preview: FillPreview = { cells: written, replaced: this.replaced, addSheets: this.added.map((a) => a.name), addColumns: this.addColumns };
    return {
      batch: { addSheets, deleteSheets: [], cells, merges: this.merges, columnWidths: this.widths, sheetLayouts: this.layouts },
      expected: this.expected,
      findings: this.findings,
      preview,
      replaced: this.replaced,
      written,
    };
  }
}
