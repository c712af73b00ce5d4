/**
 * A recognized table as data: its platforms and where each one's inputs, scores, subtotals and
 * total are, the columns as read, units, and where new scores go; and the user's mapping of a
 * sheet. Made by a layout's `recognize`; read by the analysis, the writes and every surface.
 */
import type { EvaluationId, EvaluationTable, Indicator } from '../../rules';
import type { Finding } from '../findings/codes';
import type { CellRef } from '../core/address';
import type { ColumnDecision, ColumnRole, ColumnUnit, PlatformNameSource, SheetReadingRole } from '../findings/roles';

/** A registered layout's kind (layouts/index.ts derives the union from its registry). */
export type LayoutKind = string;


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
  /** The edition the table was read and is scored by (the one in force for its evaluation). */
  readonly table: EvaluationTable;
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

export interface SheetReading {
  readonly sheet: string;
  readonly role: SheetReadingRole;
  /** For a score sheet: the input sheet it scores. */
  readonly scores: string | null;
}

