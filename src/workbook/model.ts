/**
 * The host-neutral workbook model. Hosts (xlsx files, Excel, WPS) read a workbook into this in
 * one call and apply a WriteBatch in one call; everything else works on these types.
 */
import type { RawValue } from '../engine';
import { a1 } from './address';
import { cellText } from './text';
import type { EvaluationId } from '../rules';

export interface CellData {
  /** The value, or a formula's cached result (null when none is cached). */
  readonly value: RawValue;
  /** Formula text without the leading '='. */
  readonly formula?: string;
  readonly numFmt?: string;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetData {
  readonly name: string;
  /** Used range, from A1: number of rows and columns. */
  readonly rowCount: number;
  readonly colCount: number;
  /** cells[r-1][c-1]; null for an empty cell. */
  readonly cells: ReadonlyArray<ReadonlyArray<CellData | null>>;
  readonly merges: readonly CellRange[];
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
}

export interface CellWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value?: number | string | boolean | null;
  /** Formula without '='; `result` is written as its cached value. */
  readonly formula?: string;
  readonly result?: number | string;
  readonly numFmt?: string;
  readonly bold?: boolean;
}

export interface WriteBatch {
  readonly addSheets: readonly string[];
  readonly cells: readonly CellWrite[];
  readonly merges: ReadonlyArray<{ readonly sheet: string; readonly range: CellRange }>;
  readonly columnWidths: ReadonlyArray<{ readonly sheet: string; readonly col: number; readonly width: number }>;
}

/** One read and one write per operation. */
export interface WorkbookHost {
  read(): Promise<WorkbookData>;
  write(batch: WriteBatch): Promise<void>;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly sheet: string;
  readonly cell: string;
}

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
  readonly total: number | null;
  readonly sheet: string;
  readonly cell: string;
}

export function sheetsByName(wb: WorkbookData): Map<string, SheetData> {
  return new Map(wb.sheets.map((s) => [s.name, s]));
}

/** No formula and no visible text. */
export function isEmptyCell(cell: CellData | null): boolean {
  return cell === null || (cell.formula === undefined && cellText(cell.value).trim() === '');
}

/** A finding at a cell given by row and column. */
export function findingAt(severity: Severity, code: string, message: string, sheet: string, row: number, col: number): Finding {
  return { severity, code, message, sheet, cell: a1(row, col) };
}

export function cellAt(sheet: SheetData, row: number, col: number): CellData | null {
  if (row < 1 || col < 1 || row > sheet.rowCount || col > sheet.colCount) return null;
  return sheet.cells[row - 1]?.[col - 1] ?? null;
}
