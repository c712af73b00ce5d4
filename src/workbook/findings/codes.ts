/**
 * Findings are data: a severity, a code, the cell, and the facts that code carries. Sentences are
 * rendered per surface (CLI, task pane) by a catalogue; nothing here builds a Chinese sentence.
 */
import type { ErrorReason } from '../../engine';
import type { EvaluationId } from '../../rules';
import { a1 } from '../core/address';
import type { Severity } from '../core/model';
import { type ColumnRole } from './roles';

/** The engine's own input errors, reported with the engine's reason as facts. */
/** Findings about the whole workbook, placed at a sheet's first cell only to be shown somewhere: never marked on that cell. */
export const WORKBOOK_CODES: ReadonlySet<string> = new Set(['no_table']);

export const INPUT_ERROR_CODES = ['not_number', 'unit_in_cell', 'negative', 'not_whole', 'share_above_one', 'not_yes_no', 'score_above_max', 'not_positive', 'cell_error', 'missing'] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

export function isInputErrorCode(code: string): code is InputErrorCode {
  return (INPUT_ERROR_CODES as readonly string[]).includes(code);
}

type Ind = { readonly evaluation: EvaluationId; readonly indicator: number };

/** Facts carried by each finding code. */
/** Facts of an input error: the engine's reason (field, value, text …). */
export type InputErrorFacts = { readonly reason: ErrorReason };

export interface FactsByCode extends Record<InputErrorCode, InputErrorFacts> {
  // ---- the issued table's fixed text
  group_changed: { official: string; found: string; attachment: string };
  number_changed: Ind & { found: number | null };
  name_changed: { official: string; found: string; attachment: string };
  standard_changed: { official: string; found: string; attachment: string };
  points_changed: Ind & { official: number; found: string };
  responsibility_differs: { official: string; found: string; attachment: string; header: string };
  missing_indicator: Ind;
  duplicate_indicator: Ind & { firstRow: number };
  reordered_indicator: Ind;
  unknown_indicator: { evaluation: EvaluationId; found: string };
  group_points_sum: { evaluation: EvaluationId; group: number; sum: number | null };
  points_sum: { sum: number | null; expected: number };
  points_total_changed: { found: number; expected: number };
  unknown_component: { text: string };
  components_missing: Ind;
  no_value_column: Record<string, never>;
  // ---- recognition
  no_table: Record<string, never>;
  unknown_column: { text: string };
  score_column_unmatched: { text: string };
  /** A header in the user's words taken for `role` with little certainty (used: said at the header). */
  column_uncertain: { text: string; evaluation: EvaluationId; role: ColumnRole; score: number; runnerUp: ColumnRole | null };
  /** Two readings equally close: not used. */
  column_ambiguous: { text: string; evaluation: EvaluationId; role: ColumnRole; runnerUp: ColumnRole };
  /** Resembles an input or score, but too little to use. */
  column_resembles: { text: string; evaluation: EvaluationId; role: ColumnRole; score: number };
  /** A row label in the user's words (an issued table's or a matrix's) taken for an indicator (`score` role) or one of its inputs with little certainty. */
  row_uncertain: { text: string; evaluation: EvaluationId; role: ColumnRole; score: number; runnerUp: ColumnRole | null };
  /** A matrix row that reads as an indicator but as none the table lacks. */
  unknown_indicator_row: { text: string; evaluation: EvaluationId };
  other_column: { text: string };
  other_evaluation_column: { text: string; evaluation: EvaluationId };
  duplicate_column: { text: string; firstColumn: string };
  parameter_sheet: Record<string, never>;
  cohort_batches: { sheets: string[] };
  cohort_maybe_batches: Ind & { sheets: string[] };
  other_year_columns: { year: number; evaluated: number; count: number };
  indicator_not_in_table: Ind;
  field_not_in_table: Ind & { field: number };
  no_platform_column: Record<string, never>;
  duplicate_platform: { name: string; firstRow: number };
  unnamed_row: { row: number };
  platform_not_in_score_sheet: { name: string; scoreSheet: string };
  unknown_platform_in_score_sheet: { name: string; inputSheet: string };
  ambiguous_score_sheet: { candidates: string[] };
  ambiguous_sheet: { reasons: string[] };
  score_sheet_without_data: Record<string, never>;
  mapping_sheet_missing: { sheet: string };
  mapping_column_missing: { column: string };
  mapping_unreadable: { message: string };
  /** The mapping names a sheet's platform, but the sheet's table names its platforms itself (`platforms`: how many; 0: no table). */
  mapping_platform_unused: { name: string; platforms: number };
  /** A one-platform table's name that a platform of another table of the same evaluation has too. */
  platform_name_duplicate: { name: string; evaluation: EvaluationId; other: string };
  // ---- units
  unit_converted: Ind & { field: number; from: string; to: string; factor: number };
  percent_points: Ind & { field: number };
  unit_unknown: Ind & { field: number; unit: string; expected: string };
  // ---- inputs
  percent_text: { text: string; value: number };
  fullwidth: { text: string; value: number };
  number_as_text: { text: string; value: number };
  blank: { field: string };
  no_cached_value: { what: 'input' | 'score'; count: number };
  cohort_not_scored: Ind;
  single_platform_cohort: Ind;
  // ---- review of existing scores
  score_mismatch: Ind & { expected: number; found: number; formula: string | null; decimals: number | null };
  missing_cap: Ind & { expected: number; found: number; points: number; formula: string | null };
  score_not_number: { text: string };
  no_score_mark_stale: Record<string, never>;
  /** A score cell showing an error value (#DIV/0! …), with the likely cause when it can be seen. */
  score_error_value: { error: string; cause: Finding | null; input: { cell: string; text: string } | null };
  typed_constant: { what: 'score' | 'subtotal' | 'total' };
  wrong_row: { ref: string; row: number; platform: string };
  wrong_input: { ref: string; other: 'platform' | 'indicator' };
  cohort_range: { ref: string; top: number; bottom: number; expected: string; relative: boolean };
  cohort_columns: { ref: string; first: string; last: string; expected: string };
  cohort_batch_missing: { ref: string; missing: string; expected: string };
  no_cap: Ind & { points: number };
  sum_mismatch: { what: 'subtotal' | 'total'; group: string | null; expected: number; found: number };
  sum_cells_mismatch: { what: 'subtotal' | 'total'; group: string | null; cells: number; found: number };
  wanmu_args: Ind & { expected: string; found: string };
  wanmu_uncalculated: Ind;
  total_includes_kept: { official: number; shown: number };
  // ---- fill
  kept_existing: Ind | { what: 'subtotal' | 'total' };
  kept_differs: Ind & { expected: number; found: number };
  value_instead_of_formula: { why: 'text_input' | 'cohort_text' | 'irregular' | 'wanmu_cohort' };
  replaced: { value: string; formula: string };
  input_not_replaced: Record<string, never>;
  cohort_values_written: Ind;
  // ---- session
  changed_since_check: { count: number };
  changed_since_fill: Record<string, never>;
  sheet_changed_since_fill: { sheet: string; cleared: boolean };
  nothing_to_revert: Record<string, never>;
  revert_record_damaged: { row: number };
}

export type FindingCode = keyof FactsByCode;

export type Finding = {
  [K in FindingCode]: { readonly severity: Severity; readonly code: K; readonly sheet: string; readonly cell: string; readonly facts: FactsByCode[K] };
}[FindingCode];

export function finding<K extends FindingCode>(severity: Severity, code: K, sheet: string, row: number, col: number, facts: FactsByCode[K]): Finding {
  return { severity, code, sheet, cell: a1(row, col), facts } as Finding;
}

export function findingAtCell<K extends FindingCode>(severity: Severity, code: K, sheet: string, cell: string, facts: FactsByCode[K]): Finding {
  return { severity, code, sheet, cell, facts } as Finding;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * One finding per problem: the same code at the same cell once, the most severe first;
 * sorted by severity, then by sheet order and position as given.
 */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  // results missing from the file are said once per sheet, with how many cells lack them
  const uncalculated = new Map<string, Finding & { code: 'no_cached_value' }>();
  const merged: Finding[] = [];
  for (const f of findings) {
    if (f.code !== 'no_cached_value') {
      merged.push(f);
      continue;
    }
    const k = `${f.sheet}\u0000${f.facts.what}`;
    const first = uncalculated.get(k);
    if (first) (first.facts as { count: number }).count += f.facts.count;
    else {
      const copy = { ...f, facts: { ...f.facts } };
      uncalculated.set(k, copy);
      merged.push(copy);
    }
  }
  for (const f of merged) {
    const key = `${f.code}\u0000${f.sheet}\u0000${f.cell}\u0000${JSON.stringify(f.facts)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}
