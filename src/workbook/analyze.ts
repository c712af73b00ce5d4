/**
 * Check: recognizes every table in a workbook, validates the inputs by field kind, and has the
 * engine score every platform. Decides where each score goes (existing places, or a new area).
 * No score is computed here: scores come from src/engine.
 */
import { checkValue, errorMessage, inputIndex, parseInput, scoreCohort, type IndicatorValues, type WanmuError } from '../engine';
import { tables, vocabulary, type EvaluationTable, type Indicator } from '../rules';
import { a1 } from './address';
import { recognizeCohort, type SheetOptions } from './cohort';
import { resultSheet, type CellRef, type TableLayout } from './layout';
import { cellAt, sheetsByName, type Finding, type ScoreRecord, type SheetData, type TotalRecord, type WorkbookData } from './model';
import { recognizeVertical } from './vertical';

export interface Placed {
  readonly ref: CellRef | null;
  /** True when the place is a score cell the layout already had. */
  readonly existing: boolean;
}

export interface IndicatorResult {
  readonly indicator: Indicator;
  readonly score: number | null;
  /** Why the score is null, in Chinese. */
  readonly reason: string | null;
  readonly place: Placed;
  readonly inputs: readonly (CellRef | null)[];
  /** Some input had to be read from text ("85%", "１２３"): a native formula would not see a number. */
  readonly textInputs: boolean;
}

export interface SumResult {
  readonly score: number | null;
  readonly place: Placed;
}

export interface PlatformResult {
  readonly name: string;
  readonly indicators: readonly IndicatorResult[];
  readonly groups: readonly SumResult[];
  readonly total: SumResult;
}

export interface TableResult {
  readonly layout: TableLayout;
  readonly table: EvaluationTable;
  readonly platforms: readonly PlatformResult[];
}

export interface Analysis {
  readonly workbook: WorkbookData;
  readonly tables: readonly TableResult[];
  readonly findings: readonly Finding[];
}

export interface AnalyzeOptions {
  readonly sheets?: ReadonlyMap<string, SheetOptions>;
}

/** The sheet wanmu writes for its own records; never read as data. */
export const RECORD_SHEET = vocabulary.recordSheet as string;

const cohortCache = new WeakMap<TableResult, Map<number, CellRef[]>>();

/**
 * The cells of a 无量纲化 indicator's cohort: its input cell on every platform (cached per
 * table — fill and review ask for it once per platform).
 */
export function cohortCells(t: TableResult, i: number): CellRef[] {
  let m = cohortCache.get(t);
  if (!m) cohortCache.set(t, (m = new Map()));
  let cells = m.get(i);
  if (!cells) {
    const ind = t.table.indicators[i];
    const f = ind.rule.kind === 'normalized' ? inputIndex(ind, ind.rule.input) : 0;
    cells = t.platforms.map((q) => q.indicators[i].inputs[f]).filter((c): c is CellRef => c !== null);
    m.set(i, cells);
  }
  return cells;
}

const NOTICE_SEVERITY = { percent_text: 'warning', fullwidth: 'warning', number_as_text: 'info', yesno_text: null } as const;
const NOTICE_TEXT = {
  percent_text: (t: string, v: number) => `“${t}”是文本形式的百分比,按 ${v} 计算;建议改为数值`,
  fullwidth: (t: string, v: number) => `“${t}”含全角字符,按 ${v} 计算;建议改为半角数字`,
  number_as_text: (t: string, v: number) => `“${t}”是文本格式的数字,按 ${v} 计算;建议改为数值格式`,
};

interface ReadValue {
  readonly value: number | null;
  readonly error: WanmuError | null;
  readonly fromText: boolean;
}

function readInput(sheets: Map<string, SheetData>, ref: CellRef | null, field: Indicator['inputs'][number], findings: Finding[]): ReadValue {
  if (!ref) return { value: null, error: null, fromText: false };
  const sheet = sheets.get(ref.sheet) as SheetData;
  const cell = cellAt(sheet, ref.row, ref.col);
  const at = { sheet: ref.sheet, cell: a1(ref.row, ref.col) };
  if (cell?.formula !== undefined && cell.value === null) {
    findings.push({ severity: 'warning', code: 'no_cached_value', message: `“${field.label}”的公式没有计算结果,请在电子表格中重新计算并保存后再检查`, ...at });
    return { value: null, error: { kind: 'na', reason: { code: 'missing', field: field.label } }, fromText: false };
  }
  const parsed = parseInput(field, cell?.value ?? null);
  if (!parsed.ok) {
    const code = parsed.error.reason.code === 'upstream' ? 'cell_error' : parsed.error.reason.code;
    findings.push({ severity: 'error', code, message: errorMessage(parsed.error.reason), ...at });
    return { value: null, error: parsed.error, fromText: false };
  }
  if (parsed.value === null) {
    if (!field.optional) findings.push({ severity: 'warning', code: 'blank', message: `“${field.label}”未填写,该项暂不计分`, ...at });
    return { value: null, error: null, fromText: false };
  }
  const checked = checkValue(field, parsed.value);
  if (typeof checked !== 'number') {
    findings.push({ severity: 'error', code: checked.reason.code, message: errorMessage(checked.reason), ...at });
    return { value: null, error: checked, fromText: false };
  }
  const notice = parsed.notice;
  if (notice && notice.code !== 'yesno_text') {
    findings.push({ severity: NOTICE_SEVERITY[notice.code], code: notice.code, message: NOTICE_TEXT[notice.code](notice.text, parsed.value), ...at });
  }
  return { value: parsed.value, error: null, fromText: notice !== undefined && notice.code !== 'yesno_text' };
}

/** Places for scores the layout has no cell for, in the layout's new score area. */
function newPlace(layout: TableLayout, table: EvaluationTable, p: number, kind: 'indicator' | 'group' | 'total', index: number): CellRef | null {
  const area = layout.area;
  if (area.kind === 'sheet') {
    const col = kind === 'indicator' ? resultSheet.indicatorCol(index) : kind === 'group' ? resultSheet.groupCol(table, index) : resultSheet.totalCol(table);
    return { sheet: area.name, row: resultSheet.firstRow + p, col };
  }
  if (area.kind === 'columns') {
    const col = area.firstCol + p;
    if (kind === 'indicator') {
      const row = area.rows[index] ?? null;
      return row === null ? null : { sheet: area.sheet, row, col };
    }
    if (kind === 'total' && area.totalRow !== null) return { sheet: area.sheet, row: area.totalRow, col };
  }
  return null;
}

function evaluateLayout(sheets: Map<string, SheetData>, layout: TableLayout, findings: Finding[]): TableResult {
  const table = tables[layout.evaluation];
  const values: IndicatorValues[][] = [];
  const fromText: boolean[][] = [];
  const inputErrors: (WanmuError | null)[][] = [];
  for (const p of layout.platforms) {
    const pv: IndicatorValues[] = [];
    const pt: boolean[] = [];
    const pe: (WanmuError | null)[] = [];
    table.indicators.forEach((ind, i) => {
      const read = ind.inputs.map((f, fi) => readInput(sheets, p.inputs[i][fi], f, findings));
      pv.push(read.map((r) => (r.error ? NaN : r.value)));
      pt.push(read.some((r) => r.fromText));
      pe.push(read.find((r) => r.error)?.error ?? null);
    });
    values.push(pv);
    fromText.push(pt);
    inputErrors.push(pe);
  }
  const hasPlaces = layout.platforms.some((p) => p.scores.some((s) => s !== null));
  const scored = scoreCohort(table, values);
  // A 无量纲化 column with an invalid value is not scored at all: say so once per column.
  table.indicators.forEach((ind, i) => {
    if (ind.rule.kind !== 'normalized') return;
    const unknown = scored.find((s) => !s.indicators[i].ok && s.indicators[i].error.reason.code === 'cohort_unknown');
    const first = layout.platforms.map((p) => p.inputs[i][0]).find((c) => c !== null);
    if (!unknown && first && layout.platforms.length === 1 && scored[0].indicators[i].ok) {
      findings.push({
        severity: 'info',
        code: 'single_platform_cohort',
        message: `“${ind.shortName}”采用无量纲化标准处理,表中只有一个平台,按附件4该平台即为最小值和最大值,得满分;如需按整个培育名单计算,请使用每个平台一行的培育名单表`,
        sheet: first.sheet,
        cell: a1(first.row, first.col),
      });
    }
    if (unknown && first) {
      findings.push({
        severity: 'warning',
        code: 'cohort_not_scored',
        message: `“${ind.shortName}”采用无量纲化标准处理,培育名单中有无效数据,最小值和最大值无法确定,本列所有平台暂不计分;请先更正该列中标为错误的单元格`,
        sheet: first.sheet,
        cell: a1(first.row, first.col),
      });
    }
  });
  const platforms: PlatformResult[] = layout.platforms.map((p, pi) => {
    const s = scored[pi];
    const indicators = table.indicators.map((ind, i): IndicatorResult => {
      const o = s.indicators[i];
      const existing = p.scores[i];
      const place: Placed = existing ? { ref: existing, existing: true } : { ref: hasPlaces && layout.area.kind !== 'columns' ? null : newPlace(layout, table, pi, 'indicator', i), existing: false };
      const own = inputErrors[pi][i];
      const reason = o.ok ? null : errorMessage((own ?? o.error).reason);
      return { indicator: ind, score: o.ok ? o.score : null, reason, place, inputs: p.inputs[i], textInputs: fromText[pi][i] };
    });
    const groups = s.groups.map((g, gi): SumResult => {
      const existing = p.groups[gi];
      return { score: g.score, place: existing ? { ref: existing, existing: true } : { ref: hasPlaces ? null : newPlace(layout, table, pi, 'group', gi), existing: false } };
    });
    const total: SumResult = { score: s.total, place: p.total ? { ref: p.total, existing: true } : { ref: hasPlaces && layout.area.kind !== 'columns' ? null : newPlace(layout, table, pi, 'total', 0), existing: false } };
    return { name: p.name, indicators, groups, total };
  });
  return { layout, table, platforms };
}

export function analyze(workbook: WorkbookData, options: AnalyzeOptions = {}): Analysis {
  const sheets = sheetsByName(workbook);
  const findings: Finding[] = [];
  const results: TableResult[] = [];
  const resultSheetPrefix = vocabulary.resultSheet as string;
  for (const sheet of workbook.sheets) {
    if (sheet.name === RECORD_SHEET || sheet.name.startsWith(resultSheetPrefix)) continue;
    const opts = options.sheets?.get(sheet.name);
    const layout = (!opts?.columns ? recognizeVertical(sheet) : undefined) ?? recognizeCohort(sheet, workbook.sheets, opts);
    if (!layout) continue;
    findings.push(...layout.findings);
    results.push(evaluateLayout(sheets, layout, findings));
  }
  for (const [name] of options.sheets ?? []) {
    if (!sheets.has(name)) findings.push({ severity: 'error', code: 'mapping_sheet_missing', message: `映射文件中的工作表“${name}”不存在`, sheet: name, cell: 'A1' });
  }
  if (results.length === 0) {
    const first = workbook.sheets[0]?.name ?? '';
    findings.push({ severity: 'error', code: 'no_table', message: '未在工作簿中找到验收评价或年度评价的表格;如表头与常见写法不同,可用 --map 指定各列含义', sheet: first, cell: 'A1' });
  }
  return { workbook, tables: results, findings };
}

export function scoreRecords(a: Analysis): ScoreRecord[] {
  return a.tables.flatMap((t) =>
    t.platforms.flatMap((p) =>
      p.indicators.map((r) => ({
        evaluation: t.table.id,
        platform: p.name,
        indicator: r.indicator.number,
        score: r.score,
        sheet: r.place.ref?.sheet ?? '',
        cell: r.place.ref ? a1(r.place.ref.row, r.place.ref.col) : '',
      })),
    ),
  );
}

export function totalRecords(a: Analysis): TotalRecord[] {
  return a.tables.flatMap((t) =>
    t.platforms.map((p) => ({
      evaluation: t.table.id,
      platform: p.name,
      total: p.total.score,
      sheet: p.total.place.ref?.sheet ?? '',
      cell: p.total.place.ref ? a1(p.total.place.ref.row, p.total.place.ref.col) : '',
    })),
  );
}
