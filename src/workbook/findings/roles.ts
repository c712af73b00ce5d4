/**
 * What a column, a sheet and a platform's name were read as, and why (the evidence): data shared
 * by the findings, the layouts and every surface's sentences.
 */
import type { EvaluationId } from '../../rules';
import type { CellRef } from '../core/address';

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

/**
 * What a sheet was read as: a reading role a recognizer declares (its `sheetRoles`: issued, matrix,
 * inputs, scores, parameters …), or one of the analysis' own (none, record).
 */
export type SheetReadingRole = string;

