/**
 * Chinese sentences for findings, from their codes and facts. One catalogue serves every surface;
 * what differs between surfaces (how a user maps a column, how to replace existing cells) comes
 * in as a `Surface`, so no CLI flag or pane button is named in the workbook layer.
 */
import { differs, figureOf, type Figure, type ResultRow } from '../check/results';
import { errorMessage, fmt, fmtScoreFixed } from '../../engine';
import { builtIn, vocabulary, type EditionDifference, type EvaluationId, type EvaluationTable, type Tables } from '../../rules';
import type { FactsByCode, Finding, FindingCode } from '../findings/codes';
import type { MappingProblem } from '../findings/mapping';
import { type ColumnDecision, type ColumnRole, type Evidence, type PlatformNameSource, type SheetReadingRole } from '../findings/roles';
import { a1 } from '../core/address';
import { sheetRoleText } from '../layouts';

export interface Surface {
  /** How to tell the tool what a column holds (the command line names its mapping file, the pane its 识别结果 view). */
  readonly mapHint: string;
  /** How to have existing cells replaced. */
  readonly replaceHint: string;
  /** How to undo a fill. */
  readonly revertHint: string;
  /** How to score batch sheets each as a 培育名单 of its own ('own'), or join them into one ('batch'). */
  readonly cohortHint: { readonly own: string; readonly batch: string };
  /** How to give a one-platform table's platform its name. */
  readonly platformHint: string;
}

/** The tables a sentence names indicators from when a surface gives none: the built-in editions in force. */
const BUILT_IN: Tables = builtIn.inForce;

function ind(t: Tables, e: EvaluationId, n: number): string {
  return t[e].indicators[n - 1]?.shortName ?? `第 ${n} 项`;
}

function field(t: Tables, e: EvaluationId, n: number, f: number): string {
  return t[e].indicators[n - 1]?.inputs[f]?.label ?? '';
}

/** Sheet names in a sentence: “A”“B”“C”, or the first three and how many more. */
function sheetList(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => `“${n}”`).join('');
  return names.length > 3 ? `${shown}等 ${names.length} 张表` : shown;
}

type Render = { readonly [K in FindingCode]: (facts: FactsByCode[K], s: Surface, t: Tables) => string };

const SUM_WORD = { subtotal: vocabulary.subtotal[0], total: vocabulary.total[1] } as const;

const render: Render = {
  group_changed: (f) => `一级指标与${f.attachment}不一致:应为“${f.official}”,表中为“${f.found}”`,
  number_changed: (f, _s, t) => `序号与${t[f.evaluation].attachment}不一致:“${ind(t, f.evaluation, f.indicator)}”应为 ${f.indicator},表中为 ${f.found ?? '空'}`,
  name_changed: (f) => `二级指标与${f.attachment}不一致:应为“${f.official}”,表中为“${f.found}”`,
  standard_changed: (f) => `评分标准与${f.attachment}不一致:应为“${f.official}”,表中为“${f.found}”`,
  points_changed: (f, _s, t) => `分值与${t[f.evaluation].attachment}不一致:“${ind(t, f.evaluation, f.indicator)}”应为 ${f.official},表中为 ${f.found || '空'}`,
  responsibility_differs: (f) => `${f.header}与${f.attachment}的文字不同(各地部门名称可以不同,仅供核对):${f.attachment}为“${f.official}”,表中为“${f.found}”`,
  missing_indicator: (f, _s, t) => `缺少${t[f.evaluation].attachment}第 ${f.indicator} 项“${ind(t, f.evaluation, f.indicator)}”`,
  duplicate_indicator: (f, _s, t) => `“${ind(t, f.evaluation, f.indicator)}”重复出现(第一次在第 ${f.firstRow} 行)`,
  reordered_indicator: (f, _s, t) => `“${ind(t, f.evaluation, f.indicator)}”的位置与${t[f.evaluation].attachment}不同(应为第 ${f.indicator} 项)`,
  unknown_indicator: (f, _s, t) => `${t[f.evaluation].shortName}没有这一项指标:“${f.found.trim()}”`,
  group_points_sum: (f, _s, t) => `“${t[f.evaluation].groups[f.group].name}”各项分值之和为 ${f.sum ?? '无法计算'},应等于权重 ${t[f.evaluation].groups[f.group].weight}`,
  points_sum: (f) => `分值合计为 ${f.sum ?? '无法计算'},应为 ${f.expected}`,
  points_total_changed: (f) => `合计行的分值应为 ${f.expected},表中为 ${f.found}`,
  unknown_component: (f, s) => `无法识别“${f.text}”是该指标的哪一项输入;${s.mapHint}`,
  components_missing: (f, _s, t) => `“${ind(t, f.evaluation, f.indicator)}”按类别计分,请在其下方用“其中:”行分别填写:${t[f.evaluation].indicators[f.indicator - 1].inputs.map((x) => x.label).join('、')}`,
  no_value_column: () => '未找到数据列(如“完成值”“实际值”或平台名称),无法评分',
  no_table: (_, s) => `未在工作簿中找到验收评价或年度评价的表格;如表头与常见写法不同,${s.mapHint}`,
  score_column_unmatched: (f, s) => `“${f.text}”是得分列,但无法确定是哪一项指标的得分,本列未复核;${s.mapHint}`,
  column_uncertain: (f, s, t) =>
    `列标题“${f.text}”按${roleText(f.role, f.evaluation, t)}识别并使用,但把握不大(相似度 ${Math.round(f.score * 100)}%)${f.runnerUp ? `,也可能是${roleText(f.runnerUp, f.evaluation, t)}` : ''};请核对,如不对,${s.mapHint}`,
  column_ambiguous: (f, s, t) => `列标题“${f.text}”可能是${roleText(f.role, f.evaluation, t)},也可能是${roleText(f.runnerUp, f.evaluation, t)},无法确定,未使用;${s.mapHint}`,
  column_resembles: (f, s, t) => `列标题“${f.text}”与${roleText(f.role, f.evaluation, t)}有些相似(相似度 ${Math.round(f.score * 100)}%),但不足以确定,未使用;如就是此项,${s.mapHint}`,
  row_uncertain: (f, _s, t) =>
    `行标签“${f.text}”按${rowRoleText(t, f.role, f.evaluation)}识别并使用,但把握不大(相似度 ${Math.round(f.score * 100)}%)${f.runnerUp ? `,也可能是${rowRoleText(t, f.runnerUp, f.evaluation)}` : ''};请核对,如不对,请把行标签改为${t[f.evaluation].shortName}的官方写法`,
  unknown_indicator_row: (f, _s, t) => `无法确定行标签“${f.text}”是${t[f.evaluation].shortName}的哪一项指标(与已识别的指标重复或都不够接近),本行未使用;请把行标签改为官方写法`,
  unknown_column: (f, s) => `无法识别列标题“${f.text}”,未作为评分数据;如是评分数据,${s.mapHint}`,
  other_column: (f) => `“${f.text}”列是说明性内容,不参与评分`,
  other_evaluation_column: (f, _s, t) => `“${f.text}”是${t[f.evaluation].shortName}的指标,不属于本表的评价,未使用`,
  parameter_sheet: () => '本表是评分参数表(分值、基准值、系数等常数),不是平台数据表,不作为平台评分;引用本表常数的得分公式按其计算结果复核',
  cohort_batches: (f, s) => `工作表${sheetList(f.sheets)}是同一培育名单的几批,合为一个培育名单评分:无量纲化指标按全部 ${f.sheets.length} 张表的平台取最小值和最大值(附件4);如各表应分别评分,${s.cohortHint.own}`,
  cohort_maybe_batches: (f, s, t) => `“${ind(t, f.evaluation, f.indicator)}”采用无量纲化标准处理,最小值和最大值取决于本表与${sheetList(f.sheets)}是否同属一个培育名单;目前按本表单独计算。如是同一培育名单的几批,${s.cohortHint.batch}`,
  other_year_columns: (f) => `表中并列有 ${f.year} 年的数据(${f.count} 列,自此列起),未计分;按表题或最近的年份,评价年度为 ${f.evaluated} 年`,
  duplicate_column: (f) => `“${f.text}”与 ${f.firstColumn} 列重复,未使用`,
  indicator_not_in_table: (f, s, t) => `表中没有“${ind(t, f.evaluation, f.indicator)}”(${t[f.evaluation].attachment}第 ${f.indicator} 项)的数据列,该项不计分;如表中另有此列,${s.mapHint}`,
  field_not_in_table: (f, s, t) => `表中没有“${ind(t, f.evaluation, f.indicator)}”所需的“${field(t, f.evaluation, f.indicator, f.field)}”,该项不计分(不按 0 计算);如表中另有此列,${s.mapHint}`,
  no_platform_column: (_, s) => `未找到平台名称列(如“平台名称”);${s.mapHint}`,
  duplicate_platform: (f) => `平台“${f.name}”重复出现(第一次在第 ${f.firstRow} 行)`,
  unnamed_row: (f) => `第 ${f.row} 行有数据但没有平台名称,未计入培育名单;请填写平台名称或删除该行数据`,
  platform_not_in_score_sheet: (f) => `评分表“${f.scoreSheet}”中没有平台“${f.name}”`,
  unknown_platform_in_score_sheet: (f) => `评分表中的平台“${f.name}”不在数据表“${f.inputSheet}”中`,
  ambiguous_score_sheet: (f, s) => `此表像是评分表,但“${f.candidates.join('”“')}”都有相同的平台,无法确定它对应哪一张数据表,未复核;${s.mapHint}`,
  ambiguous_sheet: (f, s) => `无法确定此表是数据还是得分(与“${f.reasons.join('”“')}”的平台相同),未读取、未填写;${s.mapHint}`,
  score_sheet_without_data: () => '此表像是评分表,但未找到它对应的数据表,未复核',
  mapping_sheet_missing: (f) => `映射中的工作表“${f.sheet}”不存在`,
  mapping_column_missing: (f) => `映射中的列“${f.column}”不存在`,
  mapping_unreadable: (f) => `工作簿中保存的映射无法使用,已忽略:${f.message}`,
  mapping_platform_unused: (f) =>
    f.platforms === 0
      ? `映射为本表指定了平台名称“${f.name}”,但本表未识别为评价表,未使用`
      : `映射为本表指定了平台名称“${f.name}”,但本表是 ${f.platforms} 个平台的表,各平台的名称取自表中,未使用;如需改名,请修改表中的平台名称`,
  platform_name_duplicate: (f, s, t) => `平台名称“${f.name}”与工作表“${f.other}”中的平台相同,两者在${t[f.evaluation].shortName}的结果和排名中无法区分;请核对,如是不同的平台,${s.platformHint}`,
  unit_converted: (f, _s, t) => `“${field(t, f.evaluation, f.indicator, f.field)}”以${f.from}填报,已换算为${f.to}计分(${f.factor < 1 ? `除以 ${Math.round(1 / f.factor)}` : `乘以 ${f.factor}`})`,
  percent_points: (f, _s, t) => `“${field(t, f.evaluation, f.indicator, f.field)}”按百分数填写(如 72.5 表示 72.5%),已按小数计分;建议改为小数(72.5% 填 0.725)`,
  unit_unknown: (f, _s, t) => `“${field(t, f.evaluation, f.indicator, f.field)}”的单位“${f.unit}”无法换算为${f.expected || '规定单位'},该项不计分;请按${f.expected || '规定单位'}填报`,
  not_number: (f) => errorMessage(f.reason),
  unit_in_cell: (f) => errorMessage(f.reason),
  negative: (f) => errorMessage(f.reason),
  not_whole: (f) => errorMessage(f.reason),
  share_above_one: (f) => errorMessage(f.reason),
  not_yes_no: (f) => errorMessage(f.reason),
  score_above_max: (f) => errorMessage(f.reason),
  not_positive: (f) => errorMessage(f.reason),
  cell_error: (f) => errorMessage(f.reason),
  missing: (f) => errorMessage(f.reason),
  percent_text: (f) => `“${f.text}”是文本形式的百分比,按 ${fmt(f.value)} 计算;建议改为数值`,
  fullwidth: (f) => `“${f.text}”含全角字符,按 ${fmt(f.value)} 计算;建议改为半角数字`,
  number_as_text: (f) => `“${f.text}”是文本格式的数字,按 ${fmt(f.value)} 计算;建议改为数值格式`,
  blank: (f) => `“${f.field}”未填写,该项暂不计分`,
  no_cached_value: (f) =>
    f.what === 'input'
      ? `本表有 ${f.count} 个数据单元格是公式,但文件中没有计算结果,这些数据暂不计分;请在电子表格中打开、重新计算并保存后再检查`
      : `本表有 ${f.count} 个得分公式在文件中没有计算结果(文件由不计算公式的程序保存),只能检查其引用,无法核对数值;请在电子表格中打开、重新计算并保存后再检查`,
  cohort_not_scored: (f, _s, t) => `“${ind(t, f.evaluation, f.indicator)}”采用无量纲化标准处理,培育名单中有无效数据,最小值和最大值无法确定,本列所有平台暂不计分;请先更正该列中标为错误的单元格`,
  single_platform_cohort: (f, _s, t) => `“${ind(t, f.evaluation, f.indicator)}”采用无量纲化标准处理,表中只有一个平台,按附件4该平台即为最小值和最大值,得满分;如需按整个培育名单计算,请使用每个平台一行的培育名单表`,
  score_mismatch: (f) => `得分与官方规则不符:应为 ${fmt(f.expected)}${f.decimals !== null ? `(保留 ${f.decimals} 位小数为 ${(Math.round(f.expected * 10 ** f.decimals) / 10 ** f.decimals).toFixed(Math.max(0, f.decimals))})` : ''},表中为 ${fmt(f.found)}${f.formula ? `;正确公式:=${f.formula}` : ''}`,
  missing_cap: (f) => `得分 ${fmt(f.found)} 超过分值 ${f.points}(缺少上限),应为 ${fmt(f.expected)}${f.formula ? `;正确公式:=${f.formula}` : ''}`,
  score_not_number: (f) => `得分单元格不是数字:“${f.text}”`,
  no_score_mark_stale: () => `此处的“${vocabulary.noScore}”是上次填写时无法计分的标记;现在数据已可计分,请重新填写得分`,
  score_error_value: (f, s, t) =>
    `得分单元格显示错误值 ${f.error},该项得分无法核对${
      f.cause ? `;原因多半是:${renderFinding(f.cause, s, t)}` : f.input ? `;原因多半是数据单元格 ${f.input.cell} 的内容“${f.input.text}”不是有效数据,请更正该数据` : ';请检查公式及其引用的单元格'
    }`,
  typed_constant: (f) => `${f.what === 'score' ? '得分' : SUM_WORD[f.what]}是手工输入的数值,与官方得分一致;复核时无法追溯计算过程`,
  wrong_row: (f) => `公式引用了其他平台的数据:${f.ref} 是第 ${f.row} 行“${f.platform}”的数据`,
  wrong_input: (f) => `公式引用了${f.other === 'platform' ? '其他平台' : '其他指标'}的数据 ${f.ref}`,
  cohort_columns: (f) => `无量纲化的最小值/最大值范围 ${f.ref} 与培育名单(${f.first}–${f.last} 列)不符;应使用 ${f.expected}`,
  cohort_batch_missing: (f) => `无量纲化的最小值/最大值 ${f.ref} 只取了培育名单的一部分,没有包括工作表“${f.missing}”中的平台(附件4 按整个培育名单取最小值、最大值);应使用 ${f.expected}`,
  cohort_range: (f) => `无量纲化的最小值/最大值范围 ${f.ref} 与培育名单(第 ${f.top}–${f.bottom} 行)不符${f.relative ? ',多半是下拉填充时相对引用发生了偏移' : ''};应使用 ${f.expected}`,
  no_cap: (f) => `公式与官方得分一致,但没有上限(如 MIN(${f.points}, …)),数据变大时得分会超过分值 ${f.points}`,
  sum_mismatch: (f) => `${f.group ? `“${f.group}”${SUM_WORD[f.what]}` : SUM_WORD[f.what]}应为 ${fmt(f.expected)},表中为 ${fmt(f.found)}`,
  sum_cells_mismatch: (f) => `${f.group ? `“${f.group}”${SUM_WORD[f.what]}` : SUM_WORD[f.what]}为 ${fmt(f.found)},与所加各单元格之和 ${fmt(f.cells)} 不一致(结果未重新计算?)`,
  wanmu_args: (f) => `WANMU 函数的参数与本平台的数据单元格不符:应为 =${f.expected},表中为 =${f.found}`,
  wanmu_uncalculated: (f, _s, t) => `“${ind(t, f.evaluation, f.indicator)}”用 WANMU 函数计算,参数正确;文件中没有其计算结果(在没有加载项的电子表格中打开时显示 #NAME?)`,
  total_includes_kept: (f) => `写入的合计等于表中显示的各项得分之和 ${fmt(f.shown)};其中有保留的原有得分与官方不符,官方总分为 ${fmt(f.official)}`,
  kept_existing: (f, s, t) => `单元格已有内容,未覆盖${'indicator' in f ? `(“${ind(t, f.evaluation, f.indicator)}”)` : ''};${s.replaceHint}`,
  kept_differs: (f, s) => `保留了原有得分 ${fmt(f.found)},与官方得分 ${fmt(f.expected)} 不符;${s.replaceHint}`,
  value_instead_of_formula: (f) =>
    ({
      text_input: '输入是文本(如“85%”、全角数字、带空格的是/否),普通公式无法与官方计算一致,得分以数值写入;将输入改为数值后重新填写即可得到公式',
      cohort_text: '无量纲化指标的培育名单中有文本形式的数据,普通公式的最小值/最大值会忽略它们,本列得分以数值写入;将该列改为数值后重新填写即可得到公式',
      irregular: '引用的单元格位置不规则(或合计中有未由本工具填写的得分),以数值写入',
      wanmu_cohort: '培育名单不是连续区域,无法写成 WANMU 函数,改用普通公式',
    })[f.why],
  replaced: (f, s) => `覆盖了原有内容“${f.formula || f.value}”;${s.revertHint}`,
  input_not_replaced: () => '此单元格是输入数据,不会被得分覆盖',
  cohort_values_written: (f, _s, t) => `“${ind(t, f.evaluation, f.indicator)}”的得分以数值写入`,
  changed_since_check: (f) => `检查之后工作簿中有 ${f.count} 个单元格被修改,未写入任何内容;请重新检查后再填写`,
  changed_since_fill: () => '填写之后此单元格被修改过,撤销时保留了现在的内容',
  sheet_changed_since_fill: (f) => (f.cleared ? `工作表“${f.sheet}”在填写之后被修改过:撤销时清除了 wanmu 写入且未改动的单元格,保留了该表和您修改、添加的内容` : `工作表“${f.sheet}”在填写之后被修改过,撤销时保留了该表`),
  nothing_to_revert: () => '工作簿中没有本工具的填写记录,无需撤销',
  revert_record_damaged: (f) => `撤销记录第 ${f.row} 行无法读取(记录表被修改过),该行未撤销`,
};

/** A finding in words. `tables`: the editions the workbook was scored by (the built-in ones unless a surface loaded another). */
export function renderFinding(f: Finding, s: Surface, tables: Tables = BUILT_IN): string {
  const fn = render[f.code] as (facts: Finding['facts'], s: Surface, t: Tables) => string;
  return fn(f.facts, s, tables);
}

export const SEVERITY_TEXT = { error: '错误', warning: '警告', info: '提示' } as const;


/** The analysis' own reading roles; every other is a recognizer's, in its own words (layouts/index.ts). */
const SHEET_ROLE_TEXT: Readonly<Record<string, string>> = {
  none: '不是评价表',
  record: '本工具的撤销记录',
};

export function renderSheetRole(role: SheetReadingRole): string {
  return SHEET_ROLE_TEXT[role] ?? sheetRoleText(role) ?? role;
}

/** A column's role in words: 输入“主导产业集聚度”, 得分“组织管理”, 小计“产业培育” … */
export function renderRole(d: ColumnDecision, e: EvaluationId, tables: Tables = BUILT_IN): string {
  return roleText(d.role, e, tables);
}

/** A row label's reading: an indicator's row, or one of its inputs' sub-item rows. */
function rowRoleText(t: Tables, r: ColumnRole, e: EvaluationId): string {
  if (r.kind === 'score') return `指标“${ind(t, e, r.indicator + 1)}”`;
  return roleText(r, e, t);
}

export function roleText(r: ColumnRole, e: EvaluationId, t: Tables = BUILT_IN): string {
  switch (r.kind) {
    case 'platform':
      return '平台名称';
    case 'serial':
      return '序号';
    case 'note':
      return '备注/说明';
    case 'rank':
      return '排名';
    case 'input':
      return `输入“${field(t, e, r.indicator + 1, r.field)}”(${ind(t, e, r.indicator + 1)})`;
    case 'score':
      return `得分“${ind(t, e, r.indicator + 1)}”`;
    case 'subtotal':
      return `小计“${t[e].groups[r.group].name}”`;
    case 'total':
      return '总分';
    case 'ignored':
      return '不使用';
    case 'fixed':
      return `发文表的“${r.name}”列(已对照官方文本核对)`;
    case 'unrecognized':
      return '无法识别';
  }
}

/** Why a column got its role, in words. */
export function renderEvidence(ev: Evidence, t: Tables = BUILT_IN): string {
  switch (ev.kind) {
    case 'mapping':
      return '用户指定';
    case 'header':
      return `表头“${ev.text}”`;
    case 'title':
      return `表格上方的“${ev.text}”`;
    case 'file_name':
      return `文件名“${ev.file}”`;
    case 'sheet_name':
      return `表中未写明平台名称,按工作表名“${ev.sheet}”`;
    case 'score_words':
      return `表头“${ev.text}”表示得分`;
    case 'formula':
      return `${ev.cells} 个公式读取“${ev.sheet ?? ''}”`;
    case 'values_beyond_points':
      return `手工数值最大 ${fmt(ev.max)},超过分值 ${fmt(ev.points)},不可能是得分`;
    case 'values_within_points':
      return `数值最大 ${fmt(ev.max)},不超过分值 ${fmt(ev.points)}`;
    case 'unit':
      return `表头单位“${ev.unit}”`;
    case 'sheet_role':
      return `所在工作表是${renderSheetRole(ev.role)}`;
    case 'duplicate_of':
      return `与 ${ev.column} 列重复`;
    case 'formula_reads':
      return `${ev.cells} 个公式读取“${ind(t, ev.evaluation, ev.indicator + 1)}”的输入`;
    case 'position':
      return `“${t[ev.evaluation].groups[ev.group].name}”下的第 ${ev.index + 1} 列`;
    case 'sums_neighbours':
      return `${ev.cells} 个公式把旁边的得分相加`;
    case 'match':
      return `表头与“${ev.label}”相似度 ${Math.round(ev.score * 100)}%${ev.confidence === 'uncertain' ? '(把握不大)' : ''}${ev.runnerUp ? `,次选“${ev.runnerUp.label}”${Math.round(ev.runnerUp.score * 100)}%` : ''}`;
    case 'year':
      return ev.evaluated ? `表头年份 ${ev.year} 年(评价年度)` : `表头年份 ${ev.year} 年(不是评价年度)`;
  }
}

/* ---- Other text wanmu writes into a workbook or reports outside findings ---- */

/** Why a mapping (file or the workbook's saved one) cannot be used. */
export function renderMappingProblem(p: MappingProblem, t: Tables = BUILT_IN): string {
  switch (p.kind) {
    case 'format':
      return `映射文件格式有误:${p.issues.map((i) => `${i.path}: ${i.message}`).join(';')}`;
    case 'no_indicator':
      return `映射文件中“${p.key}”的序号 ${p.number} 不存在于${t[p.evaluation].shortName}`;
    case 'no_group':
      return `映射文件中“${p.key}”的一级指标“${p.group}”不存在于${t[p.evaluation].shortName}`;
    case 'no_field':
      return `映射文件中“${p.key}”:“${ind(t, p.evaluation, p.indicator)}”没有输入“${p.field}”`;
    case 'blank_platform':
      return `工作表“${p.sheet}”的平台名称不能为空或只有空格;请填写平台名称,或恢复为识别的名称`;
  }
}

/** Where a one-platform table's platform name came from, in words (识别结果, the command line's report). */
export function renderNameSource(source: PlatformNameSource): string {
  switch (source.kind) {
    case 'title':
      return `标题 ${a1(source.cell.row, source.cell.col)}“${source.text}”`;
    case 'line':
      return `表格上方 ${a1(source.cell.row, source.cell.col)}“${source.text}”`;
    case 'file':
      return `文件名“${source.file}”`;
    case 'sheet':
      return '工作表名(未能从标题、平台名称行或文件名确定平台名称)';
    case 'header':
      return `表头 ${a1(source.cell.row, source.cell.col)}`;
    case 'mapping':
      return `用户指定(识别为“${source.recognized.name}”,依据${renderNameSource(source.recognized.source)})`;
  }
}

/** Thrown when the host cannot show marks (conditional formats). */
export const MARKS_UNAVAILABLE_TEXT = '此处不能在表格中标出问题单元格';

/** What was left undone, next to the error counts (empty when nothing was). */
export function renderUndone(u: { readonly unscoredIndicators: number; readonly unreviewedScoreColumns: number }): string {
  const parts: string[] = [];
  if (u.unscoredIndicators > 0) parts.push(`${u.unscoredIndicators} 项指标无法计分`);
  if (u.unreviewedScoreColumns > 0) parts.push(`${u.unreviewedScoreColumns} 列得分未复核`);
  return parts.join(',');
}

/** How sure a column's reading is, in words. */
export const CERTAINTY_TEXT = { sure: '已识别', uncertain: '不确定', unrecognized: '未识别' } as const;

/** A column role's kind in one word, for counts of columns (平台名称 1 列,数据 29 列 …). */
export function roleKindText(kind: ColumnRole['kind']): string {
  return ({ platform: '平台名称', input: '数据', score: '得分', subtotal: '小计', total: '总分', fixed: '发文表固定列', serial: '序号', rank: '排名', note: '备注/说明', unrecognized: '未识别' } as Partial<Record<ColumnRole['kind'], string>>)[kind] ?? '其他';
}

/** A figure as every surface writes it: one number where the cell shows the engine's figure, both where they differ (表中 84.15 / 官方 82.35), — where there is none. */
export function renderFigure(f: Figure): string {
  if (differs(f)) return `表中 ${fmtScoreFixed(f.shown as number)} / 官方 ${fmtScoreFixed(f.official as number)}`;
  const x = figureOf(f);
  return x === null ? '—' : fmtScoreFixed(x);
}

/** Said beside a figure whose cell differs from the engine's. */
export const FIGURE_DIFFERS_TEXT = '表中的数与官方计算不同,原因见该单元格的警告';

/** Why a row's total is missing or differs, in words (the 说明 column, the pane's tooltip). */
export function renderResultNote(r: ResultRow): string {
  const parts: string[] = [];
  if (r.total.official === null && r.unscored.length > 0) parts.push(`${r.unscored.length} 项指标无法计分:${r.unscored.map((x) => x.name).join('、')}`);
  if (differs(r.total)) parts.push(`官方计算为 ${fmtScoreFixed(r.total.official as number)},表中 ${r.total.cell ? `${r.total.cell.sheet}!${r.total.cell.cell}` : ''}显示 ${fmtScoreFixed(r.total.shown as number)};原因见该单元格的警告`);
  return parts.join(';');
}

/** A 待补数据 group's department: the workbook's own name, or the issued document's marked 参考. */
export function renderDepartment(g: { readonly department: string; readonly reference: boolean }): string {
  return g.reference ? `${g.department}(参考:发文责任分工)` : g.department;
}

/** Where a missing input goes: its cell, a column the table has but that was not recognized, or none. */
export function renderMissingPlace(x: { readonly cell: { readonly sheet: string; readonly cell: string } | null; readonly unrecognized: { readonly sheet: string; readonly column: string; readonly header: string } | null }): string {
  if (x.cell) return `${x.cell.sheet}!${x.cell.cell}`;
  if (x.unrecognized) return `表中有此列但未识别:${x.unrecognized.sheet}!${x.unrecognized.column}“${x.unrecognized.header}”`;
  return vocabulary.missingNoColumn;
}

/** An edition as every surface names it: 衢政办发〔2020〕28号 2020 年版 (the rules' own name for it). */
export { editionName as renderEdition } from '../../rules';

function percentOrNumber(x: number | null, share: boolean): string {
  if (x === null) return '无';
  return share ? `${fmt(x * 100)}%` : fmt(x);
}

const PARAMETER_WORD: Readonly<Record<Extract<EditionDifference, { kind: 'parameter' }>['what'], string>> = {
  target: '基准',
  itemPoints: '每项得分',
  cap: '上限',
  perOccurrence: '每次扣分',
  default: '默认值',
};

/** One difference of an edition from the one it revises, in words: 第 2 项分值 5→6. */
export function renderEditionDifference(d: EditionDifference): string {
  switch (d.kind) {
    case 'points':
      return `第 ${d.number} 项分值 ${fmt(d.from)}→${fmt(d.to)}`;
    case 'parameter':
      return `第 ${d.number} 项${d.what === 'target' || d.what === 'perOccurrence' ? '' : `“${d.label}”`}${PARAMETER_WORD[d.what]} ${percentOrNumber(d.from, d.share)}→${percentOrNumber(d.to, d.share)}`;
    case 'replaced':
      return `第 ${d.number} 项“${d.from}”换为“${d.to}”`;
    case 'rule':
      return `第 ${d.number} 项“${d.name}”的计分方法不同`;
    case 'standard':
      return `第 ${d.number} 项“${d.name}”的评分标准文字不同`;
    case 'added':
      return `增加第 ${d.number} 项“${d.name}”`;
    case 'removed':
      return `去掉第 ${d.number} 项“${d.name}”`;
    case 'group':
      return `一级指标“${d.name}”权重 ${fmt(d.from)}%→${fmt(d.to)}%`;
    case 'normalization':
      return `无量纲化系数 ${fmt(d.from.span)}/${fmt(d.from.floor)}→${fmt(d.to.span)}/${fmt(d.to.floor)}`;
  }
}

/**
 * A loaded edition as the surfaces list it, never silently: 按加载的评分规则“…”:与 2020 年版相比,
 * 第 2 项分值 5→6,基准 80%→70%.
 */
export function renderLoadedEdition(edition: EvaluationTable, base: EvaluationTable, differences: readonly EditionDifference[]): string {
  const what = differences.length === 0 ? `与 ${base.label}相同` : `与 ${base.label}相比,${differences.map(renderEditionDifference).join(',')}`;
  return `${edition.shortName}按加载的评分规则“${edition.source} ${edition.label}”(${edition.id}):${what}`;
}

/** A problem of an edition file, naming the field: indicators[3].points 应为正数. */
export function renderEditionProblem(p: { readonly path: string; readonly message: string }): string {
  return `${p.path} ${p.message}`;
}

/** Why an edition cannot be used, every problem at once (a mapping saved with an edition that no longer reads). */
export function renderEditionProblems(problems: readonly string[]): string {
  return `评分规则有误:${problems.join(';')}`;
}
