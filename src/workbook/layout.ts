/**
 * What recognition produces: where each platform's inputs, scores, subtotals and total are.
 * Both layouts (the issued vertical table, the wide cohort table) come down to this.
 */
import type { EvaluationId, EvaluationTable } from '../rules';
import type { Finding } from './model';

export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface PlatformLayout {
  readonly name: string;
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
  /** A vertical table: one new column per platform, on the indicator rows. */
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
 * The sheet wanmu adds for a cohort table without score places: a title row, a header row, then
 * one row per platform — name, each indicator's score, each 一级指标's score, the total.
 */
export const resultSheet = {
  titleRow: 1,
  headerRow: 2,
  firstRow: 3,
  nameCol: 1,
  indicatorCol: (i: number) => 2 + i,
  groupCol: (t: EvaluationTable, g: number) => 2 + t.indicators.length + g,
  totalCol: (t: EvaluationTable) => 2 + t.indicators.length + t.groups.length,
} as const;

export interface TableLayout {
  readonly kind: 'vertical' | 'cohort';
  readonly evaluation: EvaluationId;
  readonly sheet: string;
  readonly platforms: PlatformLayout[];
  readonly findings: Finding[];
  /** Where scores go for platforms/indicators without an existing place. */
  area: ScoreArea;
}
