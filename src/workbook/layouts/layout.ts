/**
 * The layout contract and the vocabulary every layout shares. A layout is a plug-in, as a host is:
 * it recognizes the sheets of its shape and says where each platform's inputs, scores, subtotals
 * and total are (`recognize` → TableLayout), where a score the workbook has no cell for goes
 * (`place`), what a fill writes around those places (`writeArea`), which cells a score formula
 * may read (`allowedReads`), and how a blank table of its shape is made (`template`, where it has
 * one). analyze, fill, review, the CLI and the pane ask the layout (layouts/index.ts is the
 * registry); none of them branches on a layout's kind, and no layout imports another.
 */
import type { EvaluationId, EvaluationTable, Indicator } from '../../rules';
import type { Finding } from '../findings/codes';
import type { CellData, SheetData, SheetLayout, WriteBatch } from '../model';
import type { FormulaRef } from '../refs';
import type { FormulaStyle } from '../formulas';
import type { IndicatorResult, TableResult } from '../analyze';
import type { Profiles } from '../read/profile';

export { Profiles } from '../read/profile';

/** The registered layouts' kinds (layouts/index.ts has one plug-in per kind). */
export type LayoutKind = 'issued' | 'matrix' | 'cohort';

export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** Where a recognized platform's name came from (a table of one platform: an issued table, a matrix). */
export type RecognizedNameSource =
  /** Its value column's header (a platform's name, or a header such as 2024年完成值 when nothing else names it). */
  | { readonly kind: 'header'; readonly cell: CellRef }
  /** A title above the table that names the platform. */
  | { readonly kind: 'title'; readonly text: string; readonly cell: CellRef }
  /** A 平台名称:X (or 填报单位:X) line above the table. */
  | { readonly kind: 'line'; readonly text: string; readonly cell: CellRef }
  /** The workbook's file name. */
  | { readonly kind: 'file'; readonly file: string }
  /** Nothing names it: the sheet's name. */
  | { readonly kind: 'sheet' };

/** Where a platform's name came from: recognized, or given by the user's mapping (with what was recognized). */
export type PlatformNameSource = RecognizedNameSource | { readonly kind: 'mapping'; readonly recognized: { readonly name: string; readonly source: RecognizedNameSource } };

export interface PlatformLayout {
  readonly name: string;
  /** The cell holding the platform's name (for findings and explanations). */
  readonly nameCell: CellRef | null;
  /** A table of one platform (issued, matrix): where its name came from; the user may change it (SheetOptions.platform). */
  readonly nameSource?: PlatformNameSource;
  /** inputs[i][f]: the cell of indicator i+1's field f, or null when the layout has none. */
  readonly inputs: (CellRef | null)[][];
  /** Existing score places per indicator (null: none). */
  readonly scores: (CellRef | null)[];
  readonly groups: (CellRef | null)[];
  total: CellRef | null;
}

/** Where a new score area goes when the layout has none. */
export type ScoreArea =
  | { readonly kind: 'none' }
  /** Indicators down the rows: one new column per platform, on the indicator rows. */
  | {
      readonly kind: 'columns';
      readonly sheet: string;
      readonly headerRow: number;
      readonly firstCol: number;
      /** rows[i]: the row of indicator i+1 (its 其中 rows are below it), or null when absent. */
      readonly rows: readonly (number | null)[];
      readonly totalRow: number | null;
    }
  /** One row per platform: a new sheet. */
  | { readonly kind: 'sheet'; readonly name: string };

// ---------------------------------------------------------------- column and sheet roles

export type ColumnRole =
  | { readonly kind: 'platform' }
  | { readonly kind: 'serial' }
  | { readonly kind: 'note' }
  /** A rank among the platforms (排名, 名次): derived from the totals, not reviewed as a score. */
  | { readonly kind: 'rank' }
  | { readonly kind: 'input'; readonly indicator: number; readonly field: number }
  | { readonly kind: 'score'; readonly indicator: number }
  | { readonly kind: 'subtotal'; readonly group: number }
  | { readonly kind: 'total' }
  | { readonly kind: 'ignored' }
  /** A fixed column of the issued table (一级指标, 二级指标, 评分标准, 分值, 责任分工), checked against the issued text. */
  | { readonly kind: 'fixed'; readonly name: string }
  | { readonly kind: 'unrecognized'; readonly text: string };

export type SheetRole = 'inputs' | 'scores' | 'combined' | 'ambiguous' | 'none';

export type Evidence =
  | { readonly kind: 'mapping' }
  /** A platform's name read from the lines above the table: its title, or a 平台名称/填报单位 line. */
  | { readonly kind: 'title'; readonly text: string }
  /** A platform's name read from the workbook's file name. */
  | { readonly kind: 'file_name'; readonly file: string }
  /** Nothing names the platform: it is called by its sheet's name. */
  | { readonly kind: 'sheet_name'; readonly sheet: string }
  | { readonly kind: 'header'; readonly text: string }
  | { readonly kind: 'score_words'; readonly text: string }
  | { readonly kind: 'formula'; readonly sheet: string | null; readonly cells: number }
  /** A score column told apart by what its formulas read (the header names no indicator). */
  | { readonly kind: 'formula_reads'; readonly evaluation: EvaluationId; readonly indicator: number; readonly cells: number }
  | { readonly kind: 'values_beyond_points'; readonly max: number; readonly points: number }
  | { readonly kind: 'values_within_points'; readonly max: number; readonly points: number }
  | { readonly kind: 'unit'; readonly unit: string }
  /** Headed only 得分 under a 一级指标: its place among the group's columns. */
  | { readonly kind: 'position'; readonly evaluation: EvaluationId; readonly group: number; readonly index: number }
  /** A subtotal told apart by its formulas adding the columns beside it. */
  | { readonly kind: 'sums_neighbours'; readonly cells: number }
  /** The year a column's header names (years side by side). */
  | { readonly kind: 'year'; readonly year: number; readonly evaluated: boolean }
  | { readonly kind: 'sheet_role'; readonly role: SheetRole }
  | { readonly kind: 'duplicate_of'; readonly column: string }
  /**
   * A header in the user's own words, matched by similarity (src/workbook/match): how alike it
   * reads to the label it was taken for (`score`, 0 … 1, values and wording weighed in), how sure
   * that is, and the best other reading. `confidence` 'tie' or 'none': not used.
   */
  | {
      readonly kind: 'match';
      readonly confidence: 'confident' | 'uncertain' | 'tie' | 'none';
      readonly score: number;
      /** The reading it resembles most (its role when used). */
      readonly role: ColumnRole;
      readonly label: string;
      readonly runnerUp?: { readonly role: ColumnRole; readonly label: string; readonly score: number };
    };

/** How values in an input column are turned into the rule's unit. */
export interface ColumnUnit {
  readonly header: string | null;
  /** Multiply (≥ 1) or divide by the reciprocal (< 1): see engine convertUnit. */
  readonly factor: number;
  /** The header states a unit the rule's cannot be converted from: withhold the score. */
  readonly unknown: boolean;
}

export interface ColumnDecision {
  readonly col: number;
  readonly header: string;
  readonly role: ColumnRole;
  readonly evidence: readonly Evidence[];
  readonly unit: ColumnUnit;
}

export type IssuedOverride = { readonly kind: 'value' | 'score'; readonly platform: string } | { readonly kind: 'other' };

/** A user's mapping for one sheet (the command line's mapping file; the pane's 识别结果 view). */
export interface SheetOptions {
  readonly evaluation?: EvaluationId;
  readonly headerRow?: number;
  /** Column letter or header key → role. */
  readonly columns?: Readonly<Record<string, ColumnRole>>;
  readonly role?: 'inputs' | 'scores' | 'none';
  /** For a score sheet: the input sheet it scores. */
  readonly inputSheet?: string;
  /** For the issued table: column letter or header key → a platform's data or score column, or other. */
  readonly issued?: Readonly<Record<string, IssuedOverride>>;
  /**
   * For sheets that may be batches of one 培育名单 (第一批, 第二批 …): 'batch' joins this sheet's
   * platforms with the other batches into one 培育名单; 'own' scores them as a 培育名单 of their own.
   */
  readonly cohort?: 'batch' | 'own';
  /** For a table of one platform (issued, matrix): the platform's name, over what was recognized. */
  readonly platform?: string;
}

/** A unit conversion per indicator and field (factor 1: none). */
export type UnitTable = readonly (readonly ColumnUnit[])[];

export interface TableLayout {
  /** Made anew with every recognition (see version.ts). */
  readonly version: number;
  readonly kind: LayoutKind;
  readonly evaluation: EvaluationId;
  readonly sheet: string;
  readonly headerRow: number;
  readonly platforms: PlatformLayout[];
  readonly findings: Finding[];
  /** units[i][f]: how field f of indicator i+1 is converted (cohort tables). */
  readonly units: UnitTable;
  /** Every column's role and evidence, per sheet (the input sheet and its score sheets). */
  readonly columns: ReadonlyArray<{ readonly sheet: string; readonly headerRow: number; readonly decisions: readonly ColumnDecision[] }>;
  /** Score sheets paired with this table. */
  readonly scoreSheets: readonly string[];
  /** Further sheets holding platforms of the same 培育名单 (batches: 第一批, 第二批 …), besides `sheet`. */
  readonly batchSheets?: readonly string[];
  /** The year scored, when the table holds several years side by side. */
  readonly year?: number;
  /** The workbook's own 责任分工/责任部门 cells, per indicator index (an issued table's column), when it has them. */
  readonly responsibility?: ReadonlyArray<CellRef | null>;
  /** Where scores go for platforms/indicators without an existing place. */
  area: ScoreArea;
}

export const NO_UNIT: ColumnUnit = { header: null, factor: 1, unknown: false };

export function plainUnits(t: EvaluationTable): UnitTable {
  return t.indicators.map((ind) => ind.inputs.map(() => NO_UNIT));
}

/** Whether an indicator's inputs go in "其中:" sub-rows (several categories) rather than its own row. */
export function usesComponentRows(ind: Indicator): boolean {
  return ind.inputs.filter((f) => f.kind !== 'amount' || !f.optional).length > 1;
}

/** Every sheet a table reads its inputs from. */
export function inputSheetsOf(layout: TableLayout): readonly string[] {
  return [layout.sheet, ...(layout.batchSheets ?? [])];
}

// ---------------------------------------------------------------- what one sheet was read as

export type SheetReadingRole = 'issued' | 'matrix' | 'inputs' | 'scores' | 'combined' | 'ambiguous' | 'none' | 'record' | 'parameters';

export interface SheetReading {
  readonly sheet: string;
  readonly role: SheetReadingRole;
  /** For a score sheet: the input sheet it scores. */
  readonly scores: string | null;
}

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
}

export interface Layout extends Recognizer {
  readonly kind: LayoutKind;
  /** Its name as the CLI and the pane say it (data for the catalogues). */
  readonly names: { readonly cli: string; readonly pane: string };
  /** Where a score the workbook has no cell for goes (platform index p), or null. */
  place(layout: TableLayout, table: EvaluationTable, p: number, what: NewPlace): CellRef | null;
  /** Headers, labels and helper cells of the new score area; returns the 无量纲化 helpers written. */
  writeArea(t: TableResult, w: AreaWriter): AreaBounds;
  /** The first reference of a score formula that reads cells it must not (a finding), or null. */
  allowedReads(check: ReadsCheck): Finding | null;
  /** A blank table of this shape, where the shape has one. */
  readonly template?: (evaluation: EvaluationId, platforms: number, sheetName?: string) => WriteBatch;
}

/** A cell's text, for layouts reading labels. */
export type CellReader = (row: number, col: number) => CellData | null;
