/**
 * The layout contract and the vocabulary every layout shares. A layout is a plug-in, as a host is:
 * it recognizes the sheets of its shape and says where each platform's inputs, scores, subtotals
 * and total are (`recognize` → TableLayout), where a score the workbook has no cell for goes
 * (`place`), what a fill writes around those places (`writeArea`), which cells a score formula
 * may read (`allowedReads`), and how a blank table of its shape is made (`template`, where it has
 * one). analyze, fill, review, the CLI and the pane ask the layout (layouts/index.ts is the
 * registry); none of them branches on a layout's kind, and no layout imports another.
 */
import type { EvaluationTable } from '../../rules';
import type { Finding } from '../findings/codes';
import type { CellData, SheetData, SheetLayout, WriteBatch } from '../core/model';
import type { FormulaRef } from '../core/refs';
import type { FormulaStyle } from '../formulas/native';
import type { IndicatorResult, TableResult } from './analysis';
import type { Profiles } from '../read/profile';
import type { CellRef } from '../core/address';
import type { LayoutKind, SheetOptions, SheetReading, TableLayout } from './table';
import type { SheetReadingRole } from '../findings/roles';

export type { CellRef } from '../core/address';
export type { ColumnDecision, ColumnRole, ColumnUnit, Evidence, PlatformNameSource, RecognizedNameSource, SheetReadingRole, SheetRole } from '../findings/roles';

export { Profiles } from '../read/profile';
export * from './table';

// ---------------------------------------------------------------- the contract

export interface RecognizeInput {
  /** The sheets no earlier layout claimed, in workbook order. */
  readonly sheets: readonly SheetData[];
  readonly options: (sheet: string) => SheetOptions | undefined;
  readonly profiles: Profiles;
  /** Sheet names in use (a layout that adds a sheet takes a free name and adds it). */
  readonly taken: Set<string>;
}

export interface Recognition {
  readonly tables: readonly TableLayout[];
  /** The sheets this layout claims, with what each was read as; others go to the next layout. */
  readonly readings: readonly SheetReading[];
  readonly findings: readonly Finding[];
}

/** What a fill's writes around the score places go through (the fill plan owns the batch). */
export interface AreaWriter {
  readonly style: FormulaStyle;
  addSheet(name: string): void;
  /** A text cell; bold and wrapped only in sheets the fill adds. */
  label(ref: CellRef, text: string, bold?: boolean, wrap?: boolean): void;
  /** A number or a formula with its cached result; `numFmt` instead of the score format (0.00). */
  put(ref: CellRef, formula: string | undefined, result: number, numFmt?: string): void;
  width(sheet: string, col: number, width: number): void;
  /** View and print settings of a sheet the fill adds. */
  layout(layout: SheetLayout): void;
  addColumn(sheet: string, col: number, header: string): void;
  empty(ref: CellRef): boolean;
  valueAt(ref: CellRef): number;
  /** A cell's number format as read (undefined: General). */
  formatAt(ref: CellRef): string | undefined;
}

/** The cells of one 无量纲化 indicator's MIN and MAX helpers a fill wrote, by indicator index. */
export type AreaBounds = Map<number, { readonly min: string; readonly max: string }>;

export interface ReadsCheck {
  readonly t: TableResult;
  readonly sheets: Map<string, SheetData>;
  readonly pi: number;
  readonly result: IndicatorResult;
  readonly at: CellRef;
  readonly refs: readonly FormulaRef[];
}

export type NewPlace = { readonly what: 'indicator' | 'group' | 'total'; readonly index: number };

/** Claims sheets of a kind: a layout (below), or a kind of sheet that holds no table (parameters). */
export interface Recognizer {
  recognize(input: RecognizeInput): Recognition;
  /** The reading roles it gives the sheets it claims (SheetReading.role), each in words (识别结果, --roles). */
  readonly sheetRoles: Readonly<Record<SheetReadingRole, string>>;
}

export interface Layout<K extends LayoutKind = LayoutKind> extends Recognizer {
  readonly kind: K;
  /** Its name as the CLI and the pane say it (data for the catalogues). */
  readonly names: { readonly cli: string; readonly pane: string };
  /** Where a score the workbook has no cell for goes (platform index p), or null. */
  place(layout: TableLayout, table: EvaluationTable, p: number, what: NewPlace): CellRef | null;
  /** Headers, labels and helper cells of the new score area; returns the 无量纲化 helpers written. */
  writeArea(t: TableResult, w: AreaWriter): AreaBounds;
  /** The first reference of a score formula that reads cells it must not (a finding), or null. */
  allowedReads(check: ReadsCheck): Finding | null;
  /** A blank table of this shape, where the shape has one. */
  readonly template?: (table: EvaluationTable, platforms: number, sheetName?: string) => WriteBatch;
}

/** A cell's text, for layouts reading labels. */
export type CellReader = (row: number, col: number) => CellData | null;
