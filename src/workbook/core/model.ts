/**
 * The host-neutral workbook model and the host contract. Hosts (xlsx files, Excel, WPS, the
 * in-memory fake) read a workbook into `WorkbookData` in one call and apply a `WriteBatch` in one
 * call; everything else in src/workbook works on these types.
 *
 * Storage is sparse: a sheet lists the cells that exist, by row then column, so a stray cell at
 * XFD1048576 costs one entry, not a grid.
 */
import type { RawValue } from '../../engine';
import { a1 } from './address';
import { cellText } from './text';
import type { EvaluationId } from '../../rules';

export interface CellData {
  /** The value, or a formula's cached result (null when none is cached). */
  readonly value: RawValue;
  /** Formula text without the leading '='. */
  readonly formula?: string;
  /** Number format code; undefined for General. */
  readonly numFmt?: string;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetData {
  readonly name: string;
  /** Extent of the cells that exist: the largest row and column numbers (0 for an empty sheet). */
  readonly rowCount: number;
  readonly colCount: number;
  /**
   * Sparse cells: row number → column number → cell (1-based). A cell that exists but is empty
   * (a formatted blank) may be listed with value null.
   */
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, CellData>>;
  readonly merges: readonly CellRange[];
  readonly state?: SheetState;
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
}

export interface CellWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** A constant (null: an empty value). Ignored when `formula` is set or `clear` is true. */
  readonly value?: number | string | boolean | null;
  /** Formula without '='; `result` is written as its cached value. */
  readonly formula?: string;
  readonly result?: number | string | boolean;
  /** Number format to set; 'General' resets it. Undefined leaves the format as it is. */
  readonly numFmt?: string;
  /** Bold font (used only in sheets the batch adds). */
  readonly bold?: boolean;
  /** Text wrapped within the column's width, centred vertically (used only in sheets the batch adds: header rows). */
  readonly wrap?: boolean;
  /** Remove the cell entirely (value, formula and formatting): it did not exist before. */
  readonly clear?: boolean;
}

export interface SheetAdd {
  readonly name: string;
  readonly state?: SheetState;
}

/**
 * How a sheet the batch adds is viewed and printed (wanmu's result sheets, which are printed,
 * signed and stamped). Hosts apply it to sheets the same batch adds, never to the user's sheets.
 */
export interface SheetLayout {
  readonly sheet: string;
  /** Rows kept in view at the top while scrolling (title and header); 0: none. */
  readonly freezeRows: number;
  readonly print: {
    readonly landscape: boolean;
    /** Scaled to one page wide, as many pages tall as the rows need. */
    readonly fitWidth: boolean;
    /** Rows repeated at the top of every printed page. */
    readonly titleRows: { readonly first: number; readonly last: number } | null;
    /** Centre footer, in the header/footer codes every host shares (&P page, &N pages). */
    readonly footer: string | null;
  };
}

export interface WriteBatch {
  /** Sheets to add (at the end), before any cell is written. */
  readonly addSheets: readonly SheetAdd[];
  /** Sheets to delete (only sheets wanmu added: revert), after the cells are written. */
  readonly deleteSheets: readonly string[];
  readonly cells: readonly CellWrite[];
  readonly merges: ReadonlyArray<{ readonly sheet: string; readonly range: CellRange }>;
  readonly columnWidths: ReadonlyArray<{ readonly sheet: string; readonly col: number; readonly width: number }>;
  /** View and print settings of sheets this batch adds (hosts that declare `sheetLayout`; others skip them). */
  readonly sheetLayouts: readonly SheetLayout[];
}

/** What a target cell held when it was read; a write is refused if it holds something else now. */
export interface ExpectedCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** Null for an empty (or absent) cell. */
  readonly value: RawValue;
  readonly formula?: string;
}

export interface WriteConflict {
  readonly sheet: string;
  readonly cell: string;
  readonly expected: ExpectedCell;
  readonly found: CellData | null;
}

export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly conflicts: readonly WriteConflict[] };

/**
 * Optional abilities of a host, declared as configuration (never tested by host identity).
 * The session and the pane offer only what a host declares.
 */
export interface HostCapabilities {
  /** `select(sheet, cell)` moves the user's selection. */
  readonly select: boolean;
  /** `onChanged` reports cells the user edited. */
  readonly changeEvents: boolean;
  /** A write is one step of the host's own undo. */
  readonly undoGroup: boolean;
  /** `setMarks` and `readMarks` mark problem cells with wanmu's conditional formats (see MarkSet). */
  readonly marks: boolean;
  /** Applies a batch's `sheetLayouts` (frozen header, page setup) to the sheets it adds. */
  readonly sheetLayout: boolean;
}

export interface ReadScope {
  /** Only these sheets (all when omitted). */
  readonly sheets?: readonly string[];
}

export interface ChangedCells {
  readonly sheet: string;
  /** A1 addresses or ranges (A1:C4). */
  readonly cells: readonly string[];
  /**
   * Rows, columns or cells were inserted or deleted (or the host cannot tell): positions moved,
   * so the sheet must be read again as a whole.
   */
  readonly structural?: boolean;
}

/** A rectangle of one sheet. */
export interface SheetRange {
  readonly sheet: string;
  readonly range: CellRange;
}

/** What a rectangle holds now: the cells that exist in it (every other cell is empty). */
export interface RangeCells {
  readonly sheet: string;
  readonly range: CellRange;
  /** In row, then column order; null when the sheet does not exist (deleted or renamed since it was read). */
  readonly cells: ReadonlyArray<{ readonly row: number; readonly col: number; readonly cell: CellData }> | null;
}

/** One read and one write per operation. */
export interface WorkbookHost {
  readonly capabilities: HostCapabilities;
  read(scope?: ReadScope): Promise<WorkbookData>;
  /**
   * Reads some rectangles (the cells a user edited, and the formula cells that may have been
   * recalculated since): values, formulas and number formats as `read` gives them, in one round
   * trip where the host has round trips. Answers in the order asked.
   */
  readRanges(ranges: readonly SheetRange[]): Promise<readonly RangeCells[]>;
  /** Applies the batch as one write, unless a cell in `expected` no longer holds what was read. */
  write(batch: WriteBatch, expected: readonly ExpectedCell[]): Promise<WriteOutcome>;
  select?(sheet: string, cell: string): Promise<void>;
  onChanged?(listener: (change: ChangedCells) => void): () => void;
  /** Replaces all of wanmu's marks in the workbook with these (none: clears them); see MarkSet. */
  setMarks?(marks: readonly MarkSet[]): Promise<void>;
  /** wanmu's marks the workbook holds now (a separate call: the first read stays one round trip). */
  readMarks?(): Promise<MarkSet[]>;
}

export const NO_CAPABILITIES: HostCapabilities = { select: false, changeEvents: false, undoGroup: false, marks: false, sheetLayout: false };

export type MarkSeverity = 'error' | 'warning';

/**
 * Problem cells of one sheet marked for one severity: in the workbook, a conditional format of
 * type expression whose formula is an always-true marker naming wanmu and the severity
 * (src/workbook/core/marks.ts), with a fill colour. Marks never change a cell's value, formula, number
 * format or fill; wanmu recognizes its own rules by the marker alone and never touches others.
 */
export interface MarkSet {
  readonly sheet: string;
  readonly severity: MarkSeverity;
  readonly ranges: readonly CellRange[];
}

export function emptyBatch(): WriteBatch {
  return { addSheets: [], deleteSheets: [], cells: [], merges: [], columnWidths: [], sheetLayouts: [] };
}

export type Severity = 'error' | 'warning' | 'info';

export interface ScoreRecord {
  readonly evaluation: EvaluationId;
  readonly platform: string;
  readonly indicator: number;
  readonly score: number | null;
  readonly sheet: string;
  readonly cell: string;
}

export interface TotalRecord {
  readonly evaluation: EvaluationId;
  readonly platform: string;
  /** The engine's total (官方). */
  readonly total: number | null;
  /** What the total cell shows (after a fill: what it wrote), null when it has no cell or no figure; see results.ts. */
  readonly shown: number | null;
  /** RANK among the table's platforms, of the shown figure where there is one. */
  readonly rank: number | null;
  readonly sheet: string;
  readonly cell: string;
}

export function sheetsByName(wb: WorkbookData): Map<string, SheetData> {
  return new Map(wb.sheets.map((s) => [s.name, s]));
}

/** No formula and no visible text. */
export function isEmptyCell(cell: CellData | null | undefined): boolean {
  return cell === null || cell === undefined || (cell.formula === undefined && cellText(cell.value).trim() === '');
}

export function cellAt(sheet: SheetData, row: number, col: number): CellData | null {
  return sheet.rows.get(row)?.get(col) ?? null;
}

/** Whether a cell of these sheets is empty (a cell on a sheet not among them is). */
export function emptyIn(sheets: ReadonlyMap<string, SheetData>): (ref: { readonly sheet: string; readonly row: number; readonly col: number }) => boolean {
  return (ref) => {
    const s = sheets.get(ref.sheet);
    return !s || isEmptyCell(cellAt(s, ref.row, ref.col));
  };
}

/** Rows that exist, in order. */
export function rowNumbers(sheet: SheetData): number[] {
  return [...sheet.rows.keys()].sort((a, b) => a - b);
}

/** A1 address of a row/column pair (re-exported for callers that build findings). */
export function addressOf(row: number, col: number): string {
  return a1(row, col);
}

/** Builds a sparse sheet from cells given in any order (hosts and tests). */
export function buildSheet(
  name: string,
  cells: Iterable<{ row: number; col: number; cell: CellData }>,
  merges: readonly CellRange[] = [],
  state?: SheetState,
): SheetData {
  const rows = new Map<number, Map<number, CellData>>();
  let rowCount = 0;
  let colCount = 0;
  for (const { row, col, cell } of cells) {
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, cell);
    if (row > rowCount) rowCount = row;
    if (col > colCount) colCount = col;
  }
  for (const m of merges) {
    if (m.bottom > rowCount) rowCount = m.bottom;
    if (m.right > colCount) colCount = m.right;
  }
  return { name, rowCount, colCount, rows, merges, ...(state && state !== 'visible' ? { state } : {}) };
}

/** 2-D arrays as Office.js and WPS return them (0-based, starting at `origin`). */
export interface CellGrid {
  readonly origin: { readonly row: number; readonly col: number };
  readonly values: ReadonlyArray<ReadonlyArray<RawValue>>;
  /** Formula text with '=' (anything else: no formula). */
  readonly formulas?: ReadonlyArray<ReadonlyArray<string | null | undefined>>;
  readonly numFmts?: ReadonlyArray<ReadonlyArray<string | null | undefined>>;
}

/** The cells of a grid that exist: empty strings with no formula are not cells; General is no format. */
export function gridCells(grid: CellGrid): { row: number; col: number; cell: CellData }[] {
  const out: { row: number; col: number; cell: CellData }[] = [];
  grid.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const f = grid.formulas?.[r]?.[c];
      const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
      const value = v === '' && formula === undefined ? null : v;
      const fmt = grid.numFmts?.[r]?.[c];
      const numFmt = fmt && fmt !== 'General' ? fmt : undefined;
      if (value === null && formula === undefined) return;
      out.push({ row: grid.origin.row + r, col: grid.origin.col + c, cell: { value, ...(formula !== undefined ? { formula } : {}), ...(numFmt ? { numFmt } : {}) } });
    }),
  );
  return out;
}

/** Builds a sparse sheet from 2-D arrays as Office.js and WPS return them. */
export function sheetFromGrid(name: string, grid: CellGrid, merges: readonly CellRange[] = [], state?: SheetState): SheetData {
  return buildSheet(name, gridCells(grid), merges, state);
}


/** The cells of a sheet inside a rectangle, as `readRanges` answers (for hosts that read whole sheets). */
export function cellsInRange(sheet: SheetData | undefined, range: CellRange): RangeCells['cells'] {
  if (!sheet) return null;
  const out: { row: number; col: number; cell: CellData }[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    const line = sheet.rows.get(row);
    if (!line) continue;
    if (line.size < range.right - range.left + 1) {
      for (const [col, cell] of line) if (col >= range.left && col <= range.right) out.push({ row, col, cell });
    } else {
      for (let col = range.left; col <= range.right; col++) {
        const cell = line.get(col);
        if (cell) out.push({ row, col, cell });
      }
    }
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}
