/**
 * Scoring: one indicator, one platform, a whole cohort. Pure functions over the rules data;
 * the only branching is on the rule kind, never on an indicator number.
 *
 * Inputs are numbers aligned with `indicator.inputs` (yes/no as 1/0, shares as fractions, blank
 * as null). Every score is clamped to [0, 分值]; nothing is rounded here.
 */
import { FULL_MARKS, type EvaluationTable, type Indicator, type InputField, type Normalization } from '../rules';
import { wanmuError, type WanmuError } from './errors';

export type IndicatorValues = ReadonlyArray<number | null>;

/** xmin and xmax of the cohort (培育名单) for one 无量纲化 indicator. */
export interface CohortRange {
  readonly min: number;
  readonly max: number;
  /** When true (a cohort the user gave explicitly), a value outside [min, max] is an error. */
  readonly strict: boolean;
}

export type ScoreOutcome =
  | { readonly ok: true; readonly score: number; readonly raw: number }
  | { readonly ok: false; readonly error: WanmuError };

function failed(error: WanmuError): ScoreOutcome {
  return { ok: false, error };
}

/** Checks one value against its field's domain. Returns the value to use, or an error. */
export function checkValue(field: InputField, value: number | null): number | WanmuError {
  if (value === null) {
    if (field.optional && field.defaultValue !== undefined) return field.defaultValue;
    return wanmuError({ code: 'missing', field: field.label });
  }
  if (!Number.isFinite(value)) return wanmuError({ code: 'not_number', field: field.label, text: String(value) });
  switch (field.kind) {
    case 'yesno':
      if (value !== 0 && value !== 1) return wanmuError({ code: 'not_yes_no', field: field.label, text: String(value) });
      return value;
    case 'share':
      if (value < 0) return wanmuError({ code: 'negative', field: field.label, value });
      if (value > 1) return wanmuError({ code: 'share_above_one', field: field.label, value });
      return value;
    case 'count':
      if (value < 0) return wanmuError({ code: 'negative', field: field.label, value });
      if (!Number.isInteger(value)) return wanmuError({ code: 'not_whole', field: field.label, value });
      return value;
    case 'score':
      if (value < 0) return wanmuError({ code: 'negative', field: field.label, value });
      if (value > FULL_MARKS) return wanmuError({ code: 'score_above_max', field: field.label, value, max: FULL_MARKS });
      return value;
    case 'amount':
      if (field.positive && value <= 0) return wanmuError({ code: 'not_positive', field: field.label, value });
      if (value < 0) return wanmuError({ code: 'negative', field: field.label, value });
      return value;
  }
}

function clamp(raw: number, points: number): number {
  return raw > points ? points : raw < 0 ? 0 : raw;
}

/** The normalized score before clamping, in the order of 附件4's formula (the edition's constants). */
export function normalizedRaw(x: number, range: { min: number; max: number }, points: number, normalization: Normalization): number {
  if (range.max === range.min) return points;
  return ((x - range.min) / (range.max - range.min) * normalization.span + normalization.floor) * points;
}

/** The normalized score, clamped to [0, 分值] like every score. */
export function normalizedScore(x: number, range: { min: number; max: number }, points: number, normalization: Normalization): number {
  return clamp(normalizedRaw(x, range, points, normalization), points);
}

/**
 * Checks the inputs of one indicator; on success `out` holds the values to score with.
 * Exposed so that callers who only validate (the workbook checks) use the same rules.
 */
export function checkInputs(indicator: Indicator, values: IndicatorValues, out: number[]): WanmuError | undefined {
  const fields = indicator.inputs;
  if (values.length > fields.length) {
    return wanmuError({ code: 'too_many_inputs', indicator: indicator.shortName, expected: fields.length, given: values.length });
  }
  for (let i = 0; i < fields.length; i++) {
    const v = checkValue(fields[i], i < values.length ? values[i] : null);
    if (typeof v !== 'number') return v;
    out[i] = v;
  }
  return undefined;
}

const indexCache = new WeakMap<Indicator, Map<string, number>>();

/** Position of an input field in `indicator.inputs` (cached: scoring is hot). */
export function inputIndex(indicator: Indicator, id: string): number {
  let m = indexCache.get(indicator);
  if (!m) {
    m = new Map(indicator.inputs.map((f, i) => [f.id, i]));
    indexCache.set(indicator, m);
  }
  return m.get(id) ?? -1;
}

/**
 * Score of one indicator. `cohort` is needed (only) for 无量纲化 indicators, scored by the
 * `normalization` of the indicator's edition.
 */
export function scoreIndicator(indicator: Indicator, values: IndicatorValues, cohort: CohortRange | undefined, normalization: Normalization): ScoreOutcome {
  const v: number[] = new Array(indicator.inputs.length);
  const err = checkInputs(indicator, values, v);
  if (err) return failed(err);
  const rule = indicator.rule;
  const points = indicator.points;
  let raw: number;
  switch (rule.kind) {
    case 'ratio':
      raw = (v[inputIndex(indicator, rule.input)] / rule.target) * points;
      break;
    case 'inverse':
      raw = (v[inputIndex(indicator, rule.benchmarkInput)] / v[inputIndex(indicator, rule.input)]) * points;
      break;
    case 'points': {
      raw = 0;
      for (const item of rule.items) {
        const part = v[inputIndex(indicator, item.input)] * item.points;
        raw += item.cap !== undefined && part > item.cap ? item.cap : part;
      }
      break;
    }
    case 'deduction':
      raw = points - v[inputIndex(indicator, rule.input)] * rule.perOccurrence;
      break;
    case 'normalized': {
      const field = indicator.inputs[inputIndex(indicator, rule.input)];
      if (!cohort) return failed(wanmuError({ code: 'needs_cohort', indicator: indicator.shortName }));
      const x = v[inputIndex(indicator, rule.input)];
      if (cohort.strict && (x < cohort.min || x > cohort.max)) {
        return failed(wanmuError({ code: 'out_of_cohort', field: field.label, value: x, min: cohort.min, max: cohort.max }));
      }
      raw = normalizedRaw(x, cohort, points, normalization);
      break;
    }
  }
  return { ok: true, score: clamp(raw, points), raw };
}

export interface GroupScore {
  readonly group: number;
  readonly name: string;
  readonly weight: number;
  /** null when any indicator of the group could not be scored. */
  readonly score: number | null;
}

export interface PlatformScore {
  readonly indicators: readonly ScoreOutcome[];
  readonly groups: readonly GroupScore[];
  /** null when any indicator could not be scored. */
  readonly total: number | null;
}

/**
 * The sum of scores as a spreadsheet's SUM of the cells that show them: left to right, unrounded
 * (the same order `summarize` adds indicators in).
 */
export function addScores(scores: readonly number[]): number {
  let total = 0;
  for (const x of scores) total += x;
  return total;
}

/** Adds indicator outcomes into 一级指标 subtotals and the total (unrounded). */
export function summarize(table: EvaluationTable, outcomes: readonly ScoreOutcome[]): PlatformScore {
  const sums: (number | null)[] = table.groups.map(() => 0);
  let total: number | null = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i];
    const g = table.indicators[i].group;
    if (o.ok) {
      const s = sums[g];
      if (s !== null) sums[g] = s + o.score;
      if (total !== null) total += o.score;
    } else {
      sums[g] = null;
      total = null;
    }
  }
  return {
    indicators: outcomes,
    groups: table.groups.map((gr, i) => ({ group: i, name: gr.name, weight: gr.weight, score: sums[i] })),
    total,
  };
}

/**
 * Scores one platform on every indicator. `cohorts[i]` is the range for indicator i+1 when it
 * is a 无量纲化 indicator (ignored otherwise).
 */
export function scorePlatform(
  table: EvaluationTable,
  values: ReadonlyArray<IndicatorValues>,
  cohorts: ReadonlyArray<CohortRange | WanmuError | undefined> = [],
): PlatformScore {
  const outcomes = table.indicators.map((ind, i) => {
    const c = cohorts[i];
    if (c && 'reason' in c) {
      // The platform's own bad value is the better reason; otherwise the cohort's.
      const own = checkInputs(ind, values[i] ?? [], new Array(ind.inputs.length));
      return failed(own ?? c);
    }
    return scoreIndicator(ind, values[i] ?? [], c, table.normalization);
  });
  return summarize(table, outcomes);
}

/**
 * The cohort range of a 无量纲化 indicator over the platforms' values (blanks are not part of
 * the cohort). Any invalid value makes the range unknown: xmin and xmax cannot be trusted.
 */
export function cohortRange(indicator: Indicator, column: ReadonlyArray<IndicatorValues>): CohortRange | WanmuError {
  if (indicator.rule.kind !== 'normalized') return wanmuError({ code: 'cohort_unknown', field: indicator.shortName });
  const idx = inputIndex(indicator, indicator.rule.input);
  const field = indicator.inputs[idx];
  let min = Infinity;
  let max = -Infinity;
  for (const values of column) {
    const x = values[idx];
    if (x === null || x === undefined) continue;
    const checked = checkValue(field, x);
    if (typeof checked !== 'number') return wanmuError({ code: 'cohort_unknown', field: field.label });
    if (checked < min) min = checked;
    if (checked > max) max = checked;
  }
  if (min === Infinity) return wanmuError({ code: 'empty_cohort', field: field.label });
  return { min, max, strict: false };
}

/**
 * Scores every platform of a cohort. `platforms[p][i]` are platform p's values for indicator i+1.
 * 无量纲化 indicators use xmin/xmax over the platforms given.
 */
export function scoreCohort(table: EvaluationTable, platforms: ReadonlyArray<ReadonlyArray<IndicatorValues>>): PlatformScore[] {
  const cohorts = table.indicators.map((ind, i) =>
    ind.rule.kind === 'normalized' ? cohortRange(ind, platforms.map((p) => p[i] ?? [])) : undefined,
  );
  return platforms.map((p) => scorePlatform(table, p, cohorts));
}

/**
 * Ranks as the spreadsheet's RANK(x, range, 0) does: 1 for the highest, equal figures share the
 * better rank and the next rank is skipped (92, 90, 90, 85 → 1, 2, 2, 4). Null figures get no rank.
 */
export function rankDescending(figures: readonly (number | null)[]): (number | null)[] {
  // highest first; a figure's rank is 1 + how many are higher (one sort: 20,000 platforms rank at once)
  const known = figures.filter((x): x is number => x !== null).sort((a, b) => b - a);
  const rankOf = new Map<number, number>();
  known.forEach((x, i) => {
    if (!rankOf.has(x)) rankOf.set(x, i + 1);
  });
  return figures.map((x) => (x === null ? null : (rankOf.get(x) as number)));
}
