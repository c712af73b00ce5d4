/**
 * What recognition produces: where each platform's inputs, scores, subtotals and total are, how
 * input columns convert to the rules' units, and every column's role with its evidence. Both
 * layouts (the issued table, the wide cohort table) come down to this.
 */
import type { EvaluationId, EvaluationTable } from '../../rules';
import { vocabulary } from '../../rules';
import type { Finding } from '../findings/codes';
import type { ColumnDecision, ColumnUnit } from './cohort';

export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface PlatformLayout {
  readonly name: string;
  /** The cell holding the platform's name (for findings and explanations). */
  readonly nameCell: CellRef | null;
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
  /** An issued table: one new column per platform, on the indicator rows. */
  | {
      readonly kind: 'columns';
      readonly sheet: string;
      readonly headerRow: number;
      readonly firstCol: number;
      /** rows[i]: the row of indicator i+1 (its 其中 rows are below it), or null when absent. */
      readonly rows: readonly (number | null)[];
      readonly totalRow: number | null;
    }
  /** A cohort table: a new sheet with one row per platform. */
  | { readonly kind: 'sheet'; readonly name: string };

/**
 * The sheet wanmu adds for a cohort table without score places: a title row, a header row, one
 * row per platform — name, each indicator's score, each 一级指标's score, the total — and two
 * labeled helper rows with each 无量纲化 column's MIN and MAX over the cohort.
 */
export const resultSheet = {
  titleRow: 1,
  headerRow: 2,
  firstRow: 3,
  nameCol: 1,
  indicatorCol: (i: number) => 2 + i,
  groupCol: (t: EvaluationTable, g: number) => 2 + t.indicators.length + g,
  totalCol: (t: EvaluationTable) => 2 + t.indicators.length + t.groups.length,
  /** Helper rows after the platforms (one blank row between). */
  minRow: (platforms: number) => 3 + platforms + 1,
  maxRow: (platforms: number) => 3 + platforms + 2,
  minLabel: vocabulary.cohortMinRow,
  maxLabel: vocabulary.cohortMaxRow,
} as const;

/** A unit conversion per indicator and field (factor 1: none). */
export type UnitTable = readonly (readonly ColumnUnit[])[];

export interface TableLayout {
  readonly kind: 'issued' | 'cohort';
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
  /** Where scores go for platforms/indicators without an existing place. */
  area: ScoreArea;
}

export const NO_UNIT: ColumnUnit = { header: null, factor: 1, unknown: false };

export function plainUnits(t: EvaluationTable): UnitTable {
  return t.indicators.map((ind) => ind.inputs.map(() => NO_UNIT));
}
