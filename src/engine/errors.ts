/**
 * Typed errors of the engine. An error has three separate parts:
 *  - its kind: which spreadsheet error it becomes (#VALUE!, #NUM!, #N/A …);
 *  - its reason: a code with the facts (field, value …), for programs and tests;
 *  - its displayed text: produced by `errorMessage`, in Chinese, only when shown.
 * The engine never throws for bad input; it returns these as values.
 */

export type ErrorKind = 'value' | 'num' | 'na' | 'div0' | 'ref' | 'name' | 'null' | 'spill' | 'calc' | 'busy';

/** How each kind is written in a cell. */
export const ERROR_TEXT: Readonly<Record<ErrorKind, string>> = {
  value: '#VALUE!',
  num: '#NUM!',
  na: '#N/A',
  div0: '#DIV/0!',
  ref: '#REF!',
  name: '#NAME?',
  null: '#NULL!',
  spill: '#SPILL!',
  calc: '#CALC!',
  busy: '#BUSY!',
};

const TEXT_TO_KIND: ReadonlyMap<string, ErrorKind> = new Map(
  (Object.entries(ERROR_TEXT) as [ErrorKind, string][]).map(([k, t]) => [t, k]),
);

/** Recognizes a spreadsheet error literal such as "#N/A" or "#REF!". */
export function errorKindFromText(text: string): ErrorKind | undefined {
  return TEXT_TO_KIND.get(text.trim().toUpperCase());
}

export type ErrorReason =
  | { code: 'unknown_table'; text: string }
  | { code: 'unknown_indicator'; table: string; number: string }
  | { code: 'missing'; field: string }
  | { code: 'not_number'; field: string; text: string }
  | { code: 'unit_in_cell'; field: string; text: string }
  | { code: 'negative'; field: string; value: number }
  | { code: 'not_whole'; field: string; value: number }
  | { code: 'share_above_one'; field: string; value: number }
  | { code: 'not_yes_no'; field: string; text: string }
  | { code: 'score_above_max'; field: string; value: number; max: number }
  | { code: 'not_positive'; field: string; value: number }
  | { code: 'out_of_cohort'; field: string; value: number; min: number; max: number }
  | { code: 'empty_cohort'; field: string }
  | { code: 'cohort_value'; field: string; position: number; inner: ErrorReason }
  | { code: 'cohort_unknown'; field: string }
  | { code: 'needs_cohort'; indicator: string }
  | { code: 'too_many_inputs'; indicator: string; expected: number; given: number }
  | { code: 'not_single_value'; field: string }
  | { code: 'bad_weight'; text: string }
  | { code: 'upstream'; kind: ErrorKind; field: string };

export type ErrorCode = ErrorReason['code'];

export interface WanmuError {
  readonly kind: ErrorKind;
  readonly reason: ErrorReason;
}

const KIND_OF: Readonly<Record<Exclude<ErrorCode, 'upstream'>, ErrorKind>> = {
  unknown_table: 'value',
  unknown_indicator: 'value',
  missing: 'na',
  not_number: 'value',
  unit_in_cell: 'value',
  negative: 'num',
  not_whole: 'num',
  share_above_one: 'num',
  not_yes_no: 'value',
  score_above_max: 'num',
  not_positive: 'num',
  out_of_cohort: 'num',
  empty_cohort: 'na',
  cohort_value: 'value',
  cohort_unknown: 'na',
  needs_cohort: 'na',
  too_many_inputs: 'value',
  not_single_value: 'value',
  bad_weight: 'value',
};

export function wanmuError(reason: ErrorReason): WanmuError {
  return { kind: reason.code === 'upstream' ? reason.kind : KIND_OF[reason.code], reason };
}

export function isWanmuError(x: unknown): x is WanmuError {
  return typeof x === 'object' && x !== null && 'kind' in x && 'reason' in x;
}

/** Number as shown inside messages: no exponent, at most 6 decimals. */
function n(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Math.round(x * 1e6) / 1e6);
}

/** The displayed text of an error, in Chinese. */
export function errorMessage(reason: ErrorReason): string {
  switch (reason.code) {
    case 'unknown_table':
      return `无法识别评价类型“${reason.text}”,应为“验收”或“年度”`;
    case 'unknown_indicator':
      return `${reason.table}没有序号为“${reason.number}”的指标`;
    case 'missing':
      return `缺少“${reason.field}”的数据`;
    case 'not_number':
      return `“${reason.field}”应为数字,实际为“${reason.text}”`;
    case 'unit_in_cell':
      return `“${reason.field}”单元格中带有文字或单位“${reason.text}”,请只填写数字`;
    case 'negative':
      return `“${reason.field}”不能为负数(${n(reason.value)})`;
    case 'not_whole':
      return `“${reason.field}”应为整数个数(${n(reason.value)})`;
    case 'share_above_one':
      return `“${reason.field}”是比重,应填小数或百分比(如72%填0.72),${n(reason.value)}大于1`;
    case 'not_yes_no':
      return `“${reason.field}”应填“是”或“否”,实际为“${reason.text}”(可填:是/否、有/无、√/×、Y/N、1/0,或已设立/未设立、已制定/未制定等)`;
    case 'score_above_max':
      return `“${reason.field}”不能超过${n(reason.max)}(${n(reason.value)})`;
    case 'not_positive':
      return `“${reason.field}”必须大于0(${n(reason.value)})`;
    case 'out_of_cohort':
      return `“${reason.field}”的值${n(reason.value)}不在培育名单的范围[${n(reason.min)}, ${n(reason.max)}]内`;
    case 'empty_cohort':
      return `培育名单中没有“${reason.field}”的数值`;
    case 'cohort_value':
      return `培育名单第${reason.position}个值有误:${errorMessage(reason.inner)}`;
    case 'cohort_unknown':
      return `培育名单中“${reason.field}”有数据错误,无法确定最小值和最大值,本列不计算无量纲化得分`;
    case 'needs_cohort':
      return `“${reason.indicator}”采用无量纲化标准处理,需要提供培育名单的数值范围`;
    case 'too_many_inputs':
      return `“${reason.indicator}”需要${reason.expected}个输入,实际提供了${reason.given}个`;
    case 'not_single_value':
      return `“${reason.field}”应为单个数值,不能是区域`;
    case 'bad_weight':
      return `分值“${reason.text}”无效,应为正数`;
    case 'upstream':
      return `“${reason.field}”引用的单元格为错误值${ERROR_TEXT[reason.kind]}`;
  }
}
