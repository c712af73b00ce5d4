/**
 * Chinese text of the self-test: each step's name, why a step was skipped, what failed and what
 * to do, and the report as copyable text; and the texts the scratch sheets hold (their names, the
 * signature, the cells the steps write). The steps and their outcomes are data (./types); the
 * steps (./steps) type no Chinese of their own.
 */
import { vocabulary } from '../rules';
import { ERROR_TEXT, isSheetError } from '../engine';
import type { CellData, SheetState } from '../workbook';
import type { Ability, CellMismatch, Failure, FailureCode, FailureFacts, HostInfo, SelfTestReport, SkipReason, StepId, StepOutcome } from './types';

// ---- What the scratch sheets hold ---------------------------------------------------------------

/** The sheet the self-test writes into. */
export const SCRATCH_SHEET = 'wanmu自检';
/** The sheet a fill adds (revert removes it) and a refused write tries to add. */
export const SCRATCH_ADDED = 'wanmu自检新表';
/** The fill's revert record (very hidden, as the workbook's own record is). */
export const SCRATCH_RECORD = 'wanmu自检撤销记录';
/** The sheet added with the result sheets' view and print settings (removed by its step). */
export const SCRATCH_LAYOUT = 'wanmu自检页面';
/** A1 of the scratch sheets: what tells them apart from a user's sheet of the same name. */
export const SCRATCH_SIGNATURE = '万亩千亿评分助手自检临时表,可删除';

/** The texts the steps write into the scratch sheets (besides the signature). */
export const SCRATCH_TEXT = {
  /** Text that starts as a formula does: must be written and read back as text (text step). */
  formulaLike: '=不是公式',
  /** The text of the merged cells (write and whole-read steps). */
  merged: '合并标题',
  /** The cell as wanmu read it, as the user then changed it, and what wanmu tries to write over it (precondition step). */
  original: '原值',
  userEdit: '用户改过',
  ownWrite: 'wanmu写入',
  /** Text the fill finds and replaces (revert step). */
  oldText: '旧文本',
  /** A2 of the sheet the fill adds, as a fill's result sheet is named (revert step). */
  resultTitle: vocabulary.resultSheet,
  /** wanmu's own write the change events must not report (events step). */
  ownEdit: '自检写入',
  /** The added sheet's two header cells: a result sheet's first column and a long header that wraps (layout step). */
  layoutSerial: vocabulary.resultColumns.serial,
  layoutHeader: '自检:表头加粗、自动换行,冻结在窗口顶部,打印时每页重复',
} as const;

// ---- Sentences ----------------------------------------------------------------------------------

export const STEP_NAMES: Readonly<Record<StepId, string>> = {
  prepare: '准备:读取工作簿,删除上次中断留下的自检表',
  addSheet: '添加自检工作表',
  write: '一次写入数字、文本、公式和数字格式,一次读回',
  numbers: '数字与逻辑值原样读回',
  text: '像数字或公式的文本仍为文本(如“00123”)',
  formats: '数字格式原样读回',
  formulas: '公式及其计算结果',
  wholeRead: '整表读取与区域读取一致(含合并单元格)',
  layout: '新增工作表的表头冻结与页面设置(横向、一页宽、每页重复表头、页码)',
  precondition: '单元格已被改动时拒绝写入,保留用户的值',
  accepted: '单元格未改动时写入成功(含公式单元格)',
  marks: '标记问题单元格(条件格式):添加、读回、清除',
  revert: '填写后撤销:恢复原内容,删除新增的表和撤销记录',
  select: '定位单元格',
  events: '变更事件:本工具自己的写入不算作用户编辑',
  functions: '自定义函数 WANMU.ANNUAL 算出已知结果',
  cleanup: '删除自检工作表',
  unchanged: '其他工作表未被改动',
};

export const STATUS_TEXT: Readonly<Record<StepOutcome['status'], string>> = { pass: '通过', fail: '失败', skipped: '跳过' };

const ABILITY_TEXT: Readonly<Record<Ability, string>> = {
  select: '此表格程序不支持由本工具定位单元格',
  changeEvents: '此表格程序不向本工具报告编辑(编辑后请点击“重新检查”)',
  marks: '此表格程序不支持用条件格式标记单元格',
  functions: '此处没有 WANMU 工作表函数(文件模式,或此版本的表格程序不支持自定义函数)',
  sheetLayout: '此表格程序不支持由本工具冻结表头和设置打印页面(评分结果表仍可阅读,打印前请手动设置)',
};

const STATE_TEXT: Readonly<Record<SheetState, string>> = { visible: '可见', hidden: '隐藏', veryHidden: '深度隐藏' };

/** What a cell holds, in words: 数字 12.5、文本“00123”、公式 =B3*2(结果 2361)…, with its number format. */
export function describeCell(c: CellData | null): string {
  if (!c) return '空';
  const v = c.value;
  const value =
    v === null ? '空' : isSheetError(v) ? `错误值 ${ERROR_TEXT[v.sheetError]}` : typeof v === 'number' ? `数字 ${String(v)}` : typeof v === 'boolean' ? `逻辑值 ${v ? 'TRUE' : 'FALSE'}` : `文本“${v}”`;
  const base = c.formula !== undefined ? `公式 =${c.formula}(结果为${value})` : value;
  return c.numFmt !== undefined ? `${base},数字格式 ${c.numFmt}` : base;
}

function mismatchText(m: CellMismatch): string {
  return `${m.cell} 应为${describeCell(m.expected)},读回为${describeCell(m.found)}`;
}

const list = (items: readonly string[]) => items.map((x) => `“${x}”`).join('');
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} 秒`;

type Render = { readonly [K in FailureCode]: (facts: FailureFacts[K]) => string };

const render: Render = {
  sheet_name_taken: (f) => `工作簿中已有名为“${f.sheet}”的工作表,且不是自检留下的;自检不会删除它。请将它改名后再运行自检。`,
  sheet_missing: (f) => `未找到工作表“${f.sheet}”:添加或读取工作表失败。`,
  sheets_left: (f) => `工作表${list(f.sheets)}本应已删除,却仍在工作簿中(其中只有自检数据,可手动删除,或再运行一次自检)。`,
  sheet_state: (f) => `工作表“${f.sheet}”应为${STATE_TEXT[f.expected as SheetState] ?? f.expected},实为${STATE_TEXT[f.found as SheetState] ?? f.found}。`,
  cells_differ: (f) =>
    `${f.cells.length} 个单元格与预期不同:${f.cells.slice(0, 5).map(mismatchText).join(';')}${f.cells.length > 5 ? ' 等' : ''}${f.waitedMs ? `(已等待计算 ${seconds(f.waitedMs)})` : ''}。`,
  merge_missing: (f) => `合并单元格 ${f.range} 未能读回。`,
  write_refused: (f) => `写入被拒绝,但目标单元格并未改动${f.cells.length > 0 ? `(报告为 ${f.cells.join('、')})` : ''}:填写会无故失败。`,
  precondition_ignored: (f) => `单元格 ${f.cell} 在读取后被改动,写入本应被拒绝却执行了:填写可能覆盖用户刚输入的内容。`,
  conflicts_wrong: (f) => `写入被拒绝,但报告的改动单元格不对:应为 ${f.expected.join('、')},实为 ${f.found.join('、') || '无'}。`,
  marks_differ: (f) => `读回的标记与设置的不同:设置了 ${f.expected} 个单元格,读回 ${f.found} 个。`,
  marks_not_cleared: (f) => `清除标记后仍有 ${f.count} 个单元格带有标记。`,
  revert_incomplete: (f) => `撤销未能完全恢复:${f.skipped} 处被跳过,撤销记录中 ${f.damaged} 行无法读取。`,
  own_write_reported: (f) => `本工具自己的写入被报告为用户的编辑(${f.cells.join('、')}):每次写入后都会多做一次重新检查。`,
  function_wrong: (f) =>
    `=${f.formula} 应得 ${f.expected},实为${describeCell(f.found)}${f.waitedMs ? `(已等待 ${seconds(f.waitedMs)})` : ''}。WANMU 函数可能未加载:请关闭并重新打开本工具后再运行自检;仍不行时,请在“填写”中改用“普通公式”或“数值”。`,
  workbook_changed: (f) =>
    `其他工作表有改动${f.sheets.length > 0 ? `:${list(f.sheets)}` : ''}${f.cells.length > 0 ? `(${f.count} 个单元格,如 ${f.cells.slice(0, 5).join('、')})` : ''}${f.reordered ? ';工作表的顺序变了' : ''}。请检查这些工作表。`,
  marks_changed: (f) => `其他工作表上的标记有改动:自检前 ${f.before} 个单元格,自检后 ${f.after} 个。`,
  host_error: (f) => `表格程序报错:${f.message}`,
};

export function renderFailure(f: Failure): string {
  return (render[f.code] as (facts: Failure['facts']) => string)(f.facts);
}

export function renderSkip(s: SkipReason): string {
  if (s.code === 'not_offered') return ABILITY_TEXT[s.ability];
  if (s.code === 'blocked') return `前面的“${STEP_NAMES[s.step]}”未通过`;
  return `工作簿中已有本工具的标记(${s.count} 个单元格),为不改动其他工作表,本项未测;可在“检查”中点击“清除标记”后再运行自检`;
}

/** Why a step failed or was skipped; '' when it passed. */
export function outcomeReason(o: StepOutcome): string {
  if (o.status === 'fail') return renderFailure(o.failure);
  if (o.status === 'skipped') return renderSkip(o.skip);
  return '';
}

/** What the user is asked to do when a step failed. */
export const SELF_TEST_SEND = '请点击“复制报告”(或“下载报告”),把报告发给技术支持。';

export function summaryText(r: SelfTestReport): string {
  const n = (s: StepOutcome['status']) => r.outcomes.filter((o) => o.status === s).length;
  const counts = `通过 ${n('pass')} 项,失败 ${n('fail')} 项,跳过 ${n('skipped')} 项`;
  if (!r.done) return `进行中(${counts})`;
  return n('fail') > 0 ? `未通过(${counts})` : `全部通过(${counts})`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time, 2025-03-01 09:05:07. */
export function dateTimeText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The host as the report names it: name, version (or that it is unknown), platform. */
export function hostText(i: HostInfo): string {
  return `${i.name}${i.version ? ` ${i.version}` : '(版本未知)'}${i.platform ? `(${i.platform})` : ''}`;
}

/** The report as text to copy and send: when, which versions, each step with its time and reason. */
export function selfTestReportText(r: SelfTestReport): string {
  const lines = [
    '万亩千亿评分助手 自检报告',
    `时间:${dateTimeText(r.startedAt)}`,
    `本工具版本:${r.wanmuVersion}`,
    `表格程序:${hostText(r.info)}`,
    `API 集:${r.info.apiSets.length > 0 ? r.info.apiSets.join('、') : '无'}`,
    `结果:${summaryText(r)}`,
    '',
    ...r.outcomes.map((o, i) => {
      const why = outcomeReason(o);
      return `${i + 1}. [${STATUS_TEXT[o.status]}] ${STEP_NAMES[o.id]}(${o.ms} 毫秒)${why ? `\n   ${why}` : ''}`;
    }),
  ];
  if (r.outcomes.some((o) => o.status === 'fail')) lines.push('', SELF_TEST_SEND);
  return lines.join('\n');
}
