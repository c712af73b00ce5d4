/**
 * Every worksheet function as data: its name, its parameters (label, kind, optional) and a pure
 * implementation that only sees converted values. `runFunction` does argument conversion and
 * error handling once for all of them (after HyperFormula's implementedFunctions/runFunction).
 */
import {
  explainIndicator,
  isWanmuError,
  normalizedScore,
  parseInput,
  scoreIndicator,
  wanmuError,
  type CohortRange,
  type IndicatorValues,
  type RawValue,
  type WanmuError,
} from '../engine';
import { editionName, findTable, tables, type EvaluationTable, type Indicator } from '../rules';
import { isBlank, matrix, scalar, upstream, type Arg, type CellResult, type FnResult, type Matrix } from './args';

export type FunctionId = 'NORMALIZE' | 'ACCEPTANCE' | 'ANNUAL' | 'EXPLAIN';

/** How the wrapper converts an argument before the implementation sees it. */
export type ParamKind =
  /** 表: 验收/年度 → the table */
  | 'table'
  /** 序号: a whole number */
  | 'index'
  /** a positive number (分值) */
  | 'positive'
  /** an indicator input: a value or a range (cohort), kept raw for the indicator's own parsing */
  | 'input'
  /** a value or a range, always as a matrix */
  | 'range';

export interface ParamDeclaration {
  readonly name: string;
  /** Chinese label used in messages. */
  readonly label: string;
  readonly kind: ParamKind;
  readonly optional: boolean;
}

/** Converted arguments, by parameter kind. */
export type Converted = EvaluationTable | number | Arg | Matrix;

export interface FunctionDeclaration {
  readonly id: FunctionId;
  readonly params: readonly ParamDeclaration[];
  /** Pure implementation over converted arguments. */
  readonly impl: (args: readonly Converted[]) => FnResult;
}

function p(name: string, label: string, kind: ParamKind, optional = false): ParamDeclaration {
  return { name, label, kind, optional };
}

// ---------- NORMALIZE ----------

/** Reads a cohort range: blanks are not part of it; text or errors make it invalid. */
function readCohort(cohort: Matrix, label: string): CohortRange | WanmuError {
  let min = Infinity;
  let max = -Infinity;
  let position = 0;
  for (const row of cohort) {
    for (const cell of row) {
      position++;
      if (typeof cell === 'number' && Number.isFinite(cell)) {
        // fast path: most cohort cells are plain numbers
        if (cell < min) min = cell;
        if (cell > max) max = cell;
        continue;
      }
      if (isBlank(cell)) continue;
      const up = upstream(cell, label);
      if (up) return up;
      const parsed = parseInput({ kind: 'amount', label }, cell);
      if (!parsed.ok) return wanmuError({ code: 'cohort_value', field: label, position, inner: parsed.error.reason });
      const x = parsed.value as number;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  if (min === Infinity) return wanmuError({ code: 'empty_cohort', field: label });
  return { min, max, strict: true };
}

/** NORMALIZE scores by 附件4 as the built-in annual edition in force carries it (both 2020 tables share it). */
const NORMALIZATION = tables.annual.normalization;

function normalizeOne(cell: RawValue, range: CohortRange, points: number, label: string): CellResult {
  if (typeof cell === 'number' && Number.isFinite(cell) && cell >= range.min && cell <= range.max) {
    return normalizedScore(cell, range, points, NORMALIZATION);
  }
  if (isBlank(cell)) return '';
  const up = upstream(cell, label);
  if (up) return up;
  const parsed = parseInput({ kind: 'amount', label }, cell);
  if (!parsed.ok) return parsed.error;
  const x = parsed.value as number;
  if (x < range.min || x > range.max) return wanmuError({ code: 'out_of_cohort', field: label, value: x, min: range.min, max: range.max });
  return normalizedScore(x, range, points, NORMALIZATION);
}

function normalizeImpl(args: readonly Converted[]): FnResult {
  const xs = args[0] as Matrix;
  const range = readCohort(args[1] as Matrix, NORMALIZATION.cohortName);
  if ('reason' in range) return range;
  const points = args[2] as number;
  // One pass over x: the cohort's min/max were found once above.
  return xs.map((row) => row.map((cell) => normalizeOne(cell, range, points, 'x')));
}

// ---------- ACCEPTANCE / ANNUAL / EXPLAIN ----------

function indicatorOf(table: EvaluationTable, index: number): Indicator | WanmuError {
  const ind = Number.isInteger(index) ? table.indicators[index - 1] : undefined;
  return ind ?? wanmuError({ code: 'unknown_indicator', table: table.shortName, number: String(index) });
}

interface PreparedInputs {
  readonly values: IndicatorValues;
  readonly cohort?: CohortRange;
}

/**
 * Converts an indicator's inputs. For 无量纲化 indicators the second input is the cohort range
 * (培育名单); otherwise each input is one value, in the order the 评分标准 names them.
 */
function prepareInputs(table: EvaluationTable, ind: Indicator, inputs: readonly Arg[]): PreparedInputs | WanmuError {
  const given = inputs.length;
  if (ind.rule.kind === 'normalized') {
    if (given > 2) return wanmuError({ code: 'too_many_inputs', indicator: ind.shortName, expected: 2, given });
    const field = ind.inputs[0];
    const x = scalar(inputs[0], field.label);
    if (isWanmuError(x)) return x;
    const parsed = parseInput(field, x);
    if (!parsed.ok) return parsed.error;
    if (given < 2 || inputs[1] === null) return wanmuError({ code: 'needs_cohort', indicator: ind.shortName });
    const cohort = readCohort(matrix(inputs[1]), `${table.normalization.cohortName}“${field.label}”`);
    if ('reason' in cohort) return cohort;
    return { values: [parsed.value], cohort };
  }
  if (given > ind.inputs.length) {
    return wanmuError({ code: 'too_many_inputs', indicator: ind.shortName, expected: ind.inputs.length, given });
  }
  const values: (number | null)[] = [];
  for (let i = 0; i < given; i++) {
    const field = ind.inputs[i];
    const x = scalar(inputs[i], field.label);
    if (isWanmuError(x)) return x;
    const parsed = parseInput(field, x);
    if (!parsed.ok) return parsed.error;
    values.push(parsed.value);
  }
  return { values };
}

/** Omitted optional arguments arrive as null; trailing ones are dropped, not passed as blanks. */
function trimTrailing(inputs: readonly Converted[]): Arg[] {
  const out = inputs.slice() as Arg[];
  while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
  return out;
}

function scoreImpl(table: EvaluationTable) {
  return (args: readonly Converted[]): FnResult => {
    const ind = indicatorOf(table, args[0] as number);
    if ('reason' in ind) return ind;
    const prepared = prepareInputs(table, ind, trimTrailing(args.slice(1)));
    if ('reason' in prepared) return prepared;
    const outcome = scoreIndicator(ind, prepared.values, prepared.cohort, table.normalization);
    return outcome.ok ? outcome.score : outcome.error;
  };
}

function explainImpl(args: readonly Converted[]): FnResult {
  const table = args[0] as EvaluationTable;
  const ind = indicatorOf(table, args[1] as number);
  if ('reason' in ind) return ind;
  const prepared = prepareInputs(table, ind, trimTrailing(args.slice(2)));
  if ('reason' in prepared) return prepared;
  const outcome = explainIndicator(ind, prepared.values, prepared.cohort, table.normalization);
  return outcome.ok ? `${table.shortName}第${ind.number}项“${ind.shortName}”:${outcome.text}(按${editionName(table)})` : outcome.error;
}

const inputParams = (n: number): ParamDeclaration[] =>
  Array.from({ length: n }, (_, i) => p(`input${i + 1}`, `输入${i + 1}`, 'input', i > 0));

/** Most inputs any indicator takes: 附件2 → 3 (#6, #8), 附件3 → 4 (#11). */
export const MAX_INPUTS = { acceptance: 3, annual: 4, explain: 4 } as const;

export const declarations: Readonly<Record<FunctionId, FunctionDeclaration>> = {
  NORMALIZE: {
    id: 'NORMALIZE',
    params: [p('x', 'x', 'range'), p('cohort', '培育名单', 'range'), p('weight', '分值', 'positive')],
    impl: normalizeImpl,
  },
  ACCEPTANCE: {
    id: 'ACCEPTANCE',
    params: [p('index', '序号', 'index'), ...inputParams(MAX_INPUTS.acceptance)],
    impl: (args) => scoreImpl(findTable('验收') as EvaluationTable)(args),
  },
  ANNUAL: {
    id: 'ANNUAL',
    params: [p('index', '序号', 'index'), ...inputParams(MAX_INPUTS.annual)],
    impl: (args) => scoreImpl(findTable('年度') as EvaluationTable)(args),
  },
  EXPLAIN: {
    id: 'EXPLAIN',
    params: [p('table', '表', 'table'), p('index', '序号', 'index'), ...inputParams(MAX_INPUTS.explain)],
    impl: explainImpl,
  },
};

// ---------- the one wrapper ----------

function convert(param: ParamDeclaration, arg: Arg): Converted | WanmuError {
  switch (param.kind) {
    case 'range':
      return matrix(arg);
    case 'input':
      return arg === undefined ? null : arg;
    case 'table': {
      const v = scalar(arg, param.label);
      if (isWanmuError(v)) return v;
      const up = upstream(v, param.label);
      if (up) return up;
      const text = typeof v === 'string' ? v : String(v ?? '');
      return findTable(text) ?? wanmuError({ code: 'unknown_table', text });
    }
    case 'index':
    case 'positive': {
      const v = scalar(arg, param.label);
      if (isWanmuError(v)) return v;
      const up = upstream(v, param.label);
      if (up) return up;
      const parsed = parseInput({ kind: 'amount', label: param.label }, v);
      if (!parsed.ok) return parsed.error;
      if (parsed.value === null) return wanmuError({ code: 'missing', field: param.label });
      if (param.kind === 'positive' && !(parsed.value > 0)) return wanmuError({ code: 'bad_weight', text: String(parsed.value) });
      return parsed.value;
    }
  }
}

/** Runs a worksheet function on host-neutral arguments. Never throws for bad input. */
export function runFunction(id: FunctionId, rawArgs: readonly Arg[]): FnResult {
  const decl = declarations[id];
  const given = rawArgs.filter((a) => a !== null && a !== undefined).length;
  if (rawArgs.slice(decl.params.length).some((a) => a !== null && a !== undefined)) {
    return wanmuError({ code: 'too_many_inputs', indicator: `WANMU.${id}`, expected: decl.params.length, given });
  }
  const converted: Converted[] = [];
  for (let i = 0; i < decl.params.length; i++) {
    const param = decl.params[i];
    const arg = rawArgs[i];
    if (!param.optional && (arg === undefined || arg === null) && param.kind !== 'input') {
      return wanmuError({ code: 'missing', field: param.label });
    }
    const c = convert(param, arg);
    if (isWanmuError(c)) return c;
    converted.push(c);
  }
  return decl.impl(converted);
}
