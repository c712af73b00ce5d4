/**
 * What a score or input cell is (WorkbookSession.explain): the indicator, its 评分标准, the inputs
 * it read and the values the engine used, and the engine's arithmetic in Chinese or why there is
 * no score. Nothing is scored anew but a 无量纲化 indicator's cohort range.
 */
import {
  cohortRange,
  explainIndicator,
  isWanmuError,
  type CohortRange,
  type ErrorReason,
  type IndicatorValues,
  type RawValue,
  type WanmuError,
} from '../../engine';
import { editionName, type Indicator } from '../../rules';
import { a1, parseA1 } from '../core/address';
import { cellAt, sheetsByName, type SheetData } from '../core/model';
import type { Analysis, IndicatorResult, PlatformResult, TableResult } from '../contract/analysis';
import { cellKey, type IndexedAnalysis } from './cells';

export interface ExplainedInput {
  readonly label: string;
  readonly unit: string;
  readonly cell: { readonly sheet: string; readonly cell: string } | null;
  readonly raw: RawValue;
  /** The value the engine used (after units and defaults), or null. */
  readonly value: number | null;
}

export interface Explanation {
  readonly evaluation: TableResult['table']['evaluation'];
  /** The edition the score is computed by, as users name it. */
  readonly edition: string;
  readonly platform: string;
  readonly indicator: Indicator;
  /** 评分标准, verbatim. */
  readonly standard: string;
  readonly inputs: readonly ExplainedInput[];
  readonly score: number | null;
  /** The engine's arithmetic, in Chinese, or why there is no score. */
  readonly text: string;
  readonly reason: ErrorReason | null;
  /** Where the score is (or will be written). */
  readonly scoreCell: { readonly sheet: string; readonly cell: string } | null;
}

/** The explanation of a score or input cell (an input read by several indicators: the first), or undefined for any other cell. */
export function explainCell(from: IndexedAnalysis, sheet: string, cell: string): Explanation | undefined {
  const at = parseA1(cell);
  if (!at) return undefined;
  const index = from.cellIndex();
  const k = cellKey(sheet, at.row, at.col);
  const hit = index.places.get(k) ?? index.inputs.get(k)?.[0];
  if (!hit) return undefined;
  const analysis = from.analysis();
  const t = analysis.tables[hit.t];
  const p = t.platforms[hit.pi];
  return explainResult(analysis, t, hit.pi, p, p.indicators[hit.i]);
}

function explainResult(analysis: Analysis, t: TableResult, pi: number, p: PlatformResult, r: IndicatorResult): Explanation {
  const ind = r.indicator;
  const i = ind.number - 1;
  const values: IndicatorValues = t.values[pi][i];
  const sheets = sheetsByName(analysis.workbook);
  let range: CohortRange | WanmuError | undefined;
  if (ind.rule.kind === 'normalized') range = cohortRange(ind, t.values.map((v) => v[i]));
  const out = range && isWanmuError(range) ? range : undefined;
  const explained = out ? { ok: false as const, error: out } : explainIndicator(ind, values, range && !isWanmuError(range) ? range : undefined, t.table.normalization);
  const inputs = ind.inputs.map((f, fi): ExplainedInput => {
    const c = r.inputs[fi];
    const raw = c ? cellAt(sheets.get(c.sheet) as SheetData, c.row, c.col)?.value ?? null : null;
    const v = values[fi];
    return { label: f.label, unit: f.unit, cell: c ? { sheet: c.sheet, cell: a1(c.row, c.col) } : null, raw, value: v === null || v === undefined || Number.isNaN(v) ? null : v };
  });
  return {
    evaluation: t.table.evaluation,
    edition: editionName(t.table),
    platform: p.name,
    indicator: ind,
    standard: ind.standard,
    inputs,
    score: r.score,
    text: explained.ok ? explained.text : '',
    reason: r.reason ?? (explained.ok ? null : explained.error.reason),
    scoreCell: r.place.ref ? { sheet: r.place.ref.sheet, cell: a1(r.place.ref.row, r.place.ref.col) } : null,
  };
}
