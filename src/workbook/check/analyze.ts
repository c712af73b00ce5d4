/**
 * The workbook model: every sheet read once into a profile, each recognized as an issued table,
 * a cohort input table, a score sheet paired with its input table, or nothing; inputs read by
 * field kind and unit; every platform scored by the engine. Decides where each score goes
 * (existing places, or a new area). No score is computed here: scores come from src/engine.
 */
import { resultTables, type ShownAt } from './results';
import {
  checkValue,
  cohortRange,
  convertUnit,
  inputIndex,
  isWanmuError,
  parseInput,
  scoreIndicator,
  summarize,
  toHalfWidth,
  type ErrorReason,
  type IndicatorValues,
  type RawValue,
  type ScoreOutcome,
  type WanmuError,
} from '../../engine';
import { absentMeansDefault, builtIn, vocabulary, type InputField } from '../../rules';
import { finding, isInputErrorCode, type Finding, type InputErrorCode } from '../findings/codes';
import { layoutOf, recognizers, Profiles, type SheetReading, type TableLayout } from '../layouts';
import type { CellRef } from '../core/address';
import type { Analysis, AnalyzeOptions, CohortInfo, IndicatorResult, Placed, PlatformResult, SumResult, TableResult } from '../contract/analysis';
import { cellAt, sheetsByName, type ScoreRecord, type SheetData, type TotalRecord, type WorkbookData } from '../core/model';
import { a1 } from '../core/address';
import { nextVersion } from '../core/version';
import { MAPPING_SHEET, RECORD_SHEET } from '../core/sheets';
import { namePlatforms } from './naming';

const NOTICE_SEVERITY = { percent_text: 'warning', fullwidth: 'warning', number_as_text: 'info' } as const;

/** Spellings of yes/no that the native formula's LOWER(TRIM(x)) test reads as the engine does. */
const NATIVE_YES_NO = new Set<string>([...vocabulary.answers.yes, ...vocabulary.answers.no]);

/** Whether a native formula sees the same input as the engine for this cell. */
export function nativeReads(field: InputField, raw: RawValue): boolean {
  if (raw === null || typeof raw === 'number') return true;
  if (typeof raw === 'boolean') return field.kind === 'yesno';
  if (typeof raw === 'string') {
    if (raw.trim() === '') return field.optional;
    if (field.kind !== 'yesno') return false;
    // TRIM drops only the ASCII spaces around a text (not tabs, not the full-width space)
    const t = raw.replace(/^ +| +$/g, '').toLowerCase();
    return NATIVE_YES_NO.has(t) && toHalfWidth(t) === t;
  }
  return false;
}

interface ReadValue {
  readonly value: number | null;
  readonly error: WanmuError | null;
  readonly native: boolean;
}

function inputCode(reason: ErrorReason): InputErrorCode {
  if (reason.code === 'upstream') return 'cell_error';
  return isInputErrorCode(reason.code) ? reason.code : 'not_number';
}

function readInput(sheets: Map<string, SheetData>, ref: CellRef | null, field: InputField, factor: number, findings: Finding[]): ReadValue {
  if (!ref) return { value: null, error: null, native: true };
  const sheet = sheets.get(ref.sheet) as SheetData;
  const cell = cellAt(sheet, ref.row, ref.col);
  if (cell?.formula !== undefined && cell.value === null) {
    findings.push(finding('warning', 'no_cached_value', ref.sheet, ref.row, ref.col, { what: 'input', count: 1 }));
    return { value: null, error: { kind: 'na', reason: { code: 'missing', field: field.label } }, native: false };
  }
  const raw = cell?.value ?? null;
  const parsed = parseInput(field, raw);
  if (!parsed.ok) {
    findings.push(finding('error', inputCode(parsed.error.reason), ref.sheet, ref.row, ref.col, { reason: parsed.error.reason }));
    return { value: null, error: parsed.error, native: false };
  }
  if (parsed.value === null) {
    if (!field.optional) findings.push(finding('warning', 'blank', ref.sheet, ref.row, ref.col, { field: field.label }));
    return { value: null, error: null, native: true };
  }
  const notice = parsed.notice;
  // a "72%" text is already a fraction; numbers take the column's unit
  const scaled = notice?.code === 'percent_text' ? parsed.value : convertUnit(parsed.value, factor);
  const checked = checkValue(field, scaled);
  if (typeof checked !== 'number') {
    findings.push(finding('error', inputCode(checked.reason), ref.sheet, ref.row, ref.col, { reason: checked.reason }));
    return { value: null, error: checked, native: false };
  }
  if (notice && notice.code !== 'yesno_text') {
    findings.push(finding(NOTICE_SEVERITY[notice.code], notice.code, ref.sheet, ref.row, ref.col, { text: notice.text, value: parsed.value }));
  }
  return { value: scaled, error: null, native: nativeReads(field, raw) };
}

export interface ReadIndicator {
  readonly values: IndicatorValues;
  readonly native: boolean;
  readonly error: WanmuError | null;
}

/** Reads one platform's inputs of one indicator, by field kind and the column's unit. */
export function readIndicatorInputs(sheets: Map<string, SheetData>, layout: TableLayout, pi: number, i: number, findings: Finding[]): ReadIndicator {
  const ind = layout.table.indicators[i];
  const p = layout.platforms[pi];
  if (ind.inputs.some((_, f) => layout.units[i]?.[f]?.unknown)) {
    return { values: ind.inputs.map(() => NaN), native: false, error: { kind: 'value', reason: { code: 'unit_in_cell', field: ind.shortName, text: layout.units[i].map((u) => u.header ?? '').join('') } } };
  }
  const absent = ind.inputs.find((f, fi) => p.inputs[i][fi] === null && !absentMeansDefault(f));
  if (absent) {
    // no column for this input: not scored, never as if it were 0
    return { values: ind.inputs.map(() => NaN), native: false, error: { kind: 'na', reason: { code: 'missing', field: absent.label } } };
  }
  const read = ind.inputs.map((f, fi) => readInput(sheets, p.inputs[i][fi], f, layout.units[i]?.[fi]?.factor ?? 1, findings));
  return { values: read.map((r) => (r.error ? NaN : r.value)), native: read.every((r) => r.native), error: read.find((r) => r.error)?.error ?? null };
}

/** The 无量纲化 cohort's cells: valid, non-blank values of the platforms, in order. */
export function cohortInfo(sheets: Map<string, SheetData>, layout: TableLayout, i: number, native: readonly (readonly boolean[])[]): CohortInfo | undefined {
  const ind = layout.table.indicators[i];
  if (ind.rule.kind !== 'normalized') return undefined;
  const f = inputIndex(ind, ind.rule.input);
  const cells: CellRef[] = [];
  let nativeOk = true;
  layout.platforms.forEach((p, pi) => {
    const c = p.inputs[i][f];
    if (!c) return;
    const raw = cellAt(sheets.get(c.sheet) as SheetData, c.row, c.col)?.value ?? null;
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return; // blanks are not in the cohort
    cells.push(c);
    if (!native[pi][i] || typeof raw !== 'number') nativeOk = false;
  });
  return { cells, nativeReadable: nativeOk, version: nextVersion() };
}

/** Findings about a 无量纲化 column as a whole, at its first cell. */
export function cohortNotes(layout: TableLayout, i: number, outcomes: readonly ScoreOutcome[], findings: Finding[]): void {
  const ind = layout.table.indicators[i];
  if (ind.rule.kind !== 'normalized') return;
  const unknown = outcomes.some((o) => !o.ok && o.error.reason.code === 'cohort_unknown');
  const first = layout.platforms.map((p) => p.inputs[i][0]).find((c) => c !== null);
  if (!first) return;
  if (unknown) findings.push(finding('warning', 'cohort_not_scored', first.sheet, first.row, first.col, { evaluation: layout.evaluation, indicator: ind.number }));
  else if (layout.platforms.length === 1 && outcomes[0]?.ok) findings.push(finding('info', 'single_platform_cohort', first.sheet, first.row, first.col, { evaluation: layout.evaluation, indicator: ind.number }));
}

/**
 * What a re-check after an edit evaluates again: the previous result of the table and the inputs
 * that changed (platform and indicator); a 无量纲化 indicator is evaluated as a whole column.
 * Everything else is kept as it was, the same objects, so that the review skips it.
 */
export interface Recheck {
  readonly previous: TableResult;
  readonly affected: readonly { readonly pi: number; readonly i: number }[];
  /** Filled with "sheet!A1" of every input cell read again (their findings are replaced). */
  readonly reread: Set<string>;
}

/**
 * The one evaluator: reads a table's inputs by field kind and unit, scores them with the engine
 * (a 无量纲化 indicator over its whole cohort) and says where each score goes. The first analysis
 * evaluates everything; a re-check (`recheck`) only what an edit touched.
 */
export function evaluateLayout(sheets: Map<string, SheetData>, layout: TableLayout, findings: Finding[], recheck?: Recheck): TableResult {
  const table = layout.table;
  const prev = recheck?.previous;
  const values: IndicatorValues[][] = prev ? prev.values.map((v) => v.slice()) : [];
  const native: boolean[][] = prev ? prev.platforms.map((p) => p.indicators.map((r) => r.nativeReadable)) : [];
  const own = new Map<number, (WanmuError | null)[]>();
  const touched = new Set<number>();
  const read = (pi: number, i: number): void => {
    const r = readIndicatorInputs(sheets, layout, pi, i, findings);
    (values[pi] ??= [])[i] = r.values;
    (native[pi] ??= [])[i] = r.native;
    let line = own.get(pi);
    if (!line) own.set(pi, (line = []));
    line[i] = r.error;
    touched.add(pi);
    if (recheck) for (const c of layout.platforms[pi].inputs[i]) if (c) recheck.reread.add(`${c.sheet}!${a1(c.row, c.col)}`);
  };
  // which indicators are evaluated, and for which platforms (null: the whole column)
  const evaluate = new Map<number, Set<number> | null>();
  if (!prev) {
    layout.platforms.forEach((_, pi) => table.indicators.forEach((_ind, i) => read(pi, i)));
    table.indicators.forEach((_ind, i) => evaluate.set(i, null));
  } else {
    for (const a of recheck.affected) {
      if (table.indicators[a.i].rule.kind === 'normalized') evaluate.set(a.i, null);
      else if (evaluate.get(a.i) !== null) evaluate.set(a.i, (evaluate.get(a.i) ?? new Set()).add(a.pi));
    }
    for (const [i, which] of evaluate) {
      if (which === null) layout.platforms.forEach((_, pi) => read(pi, i));
      else for (const pi of which) read(pi, i);
    }
  }
  const outcomes = new Map<number, ScoreOutcome[]>();
  const outcome = (pi: number, i: number, o: ScoreOutcome) => {
    let line = outcomes.get(pi);
    if (!line) outcomes.set(pi, (line = []));
    line[i] = o;
  };
  for (const [i, which] of evaluate) {
    const ind = table.indicators[i];
    const failed = (pi: number) => own.get(pi)?.[i] ?? null;
    if (ind.rule.kind === 'normalized') {
      const range = cohortRange(ind, values.map((v) => v[i]));
      const column = layout.platforms.map((_, pi): ScoreOutcome => {
        const e = failed(pi);
        if (e) return { ok: false, error: e };
        return isWanmuError(range) ? { ok: false, error: range } : scoreIndicator(ind, values[pi][i], range, table.normalization);
      });
      column.forEach((o, pi) => outcome(pi, i, o));
      cohortNotes(layout, i, column, findings);
    } else {
      for (const pi of which ?? layout.platforms.keys()) {
        const e = failed(pi);
        outcome(pi, i, e ? { ok: false, error: e } : scoreIndicator(ind, values[pi][i], undefined, table.normalization));
      }
    }
  }
  // the cohorts change only where a 无量纲化 column was evaluated (keeping them lets the review skip the rest)
  // (the same array when none did: the review compares it to skip unchanged platforms)
  const cohortsChanged = !prev || [...evaluate.keys()].some((i) => table.indicators[i].rule.kind === 'normalized');
  const cohorts = !cohortsChanged && prev ? prev.cohorts : table.indicators.map((ind, i) => (prev && !(ind.rule.kind === 'normalized' && evaluate.has(i)) ? prev.cohorts[i] : cohortInfo(sheets, layout, i, native)));
  const shape = layoutOf(layout.kind);
  // the same unit factors for every platform: one array per indicator
  const factors = table.indicators.map((ind, i) => ind.inputs.map((_, f) => layout.units[i]?.[f]?.factor ?? 1));
  const platforms: PlatformResult[] = layout.platforms.map((p, pi) => {
    const before = prev?.platforms[pi];
    if (before && !touched.has(pi)) return before;
    const mine = outcomes.get(pi) ?? [];
    const all = table.indicators.map((ind, i): ScoreOutcome => {
      const o = mine[i];
      if (o) return o;
      const r = before?.indicators[i] as IndicatorResult;
      return r.score !== null ? { ok: true, score: r.score, raw: r.score } : { ok: false, error: { kind: 'na', reason: r.reason ?? { code: 'missing', field: ind.shortName } } };
    });
    const sum = summarize(table, all);
    const indicators = table.indicators.map((ind, i): IndicatorResult => {
      const o = all[i];
      const kept = before?.indicators[i];
      if (kept && mine[i] === undefined) return kept;
      const score = o.ok ? o.score : null;
      const reason = o.ok ? null : o.error.reason;
      if (kept) return { ...kept, version: nextVersion(), score, reason, nativeReadable: native[pi][i] };
      const existing = p.scores[i];
      const place: Placed = existing ? { ref: existing, existing: true } : { ref: shape.place(layout, table, pi, { what: 'indicator', index: i }), existing: false };
      return { version: nextVersion(), indicator: ind, score, reason, place, inputs: p.inputs[i], factors: factors[i], nativeReadable: native[pi][i] };
    });
    if (before) return { ...before, version: nextVersion(), indicators, groups: before.groups.map((g, gi) => ({ ...g, score: sum.groups[gi].score })), total: { ...before.total, score: sum.total } };
    const groups = sum.groups.map((g, gi): SumResult => {
      const existing = p.groups[gi];
      return { score: g.score, place: existing ? { ref: existing, existing: true } : { ref: shape.place(layout, table, pi, { what: 'group', index: gi }), existing: false } };
    });
    const total: SumResult = {
      score: sum.total,
      place: p.total ? { ref: p.total, existing: true } : { ref: shape.place(layout, table, pi, { what: 'total', index: 0 }), existing: false },
    };
    return { version: nextVersion(), name: p.name, indicators, groups, total };
  });
  return { layout, table, platforms, cohorts, values };
}

export function analyze(workbook: WorkbookData, options: AnalyzeOptions = {}): Analysis {
  const sheets = sheetsByName(workbook);
  const findings: Finding[] = [];
  const recognized: TableLayout[] = [];
  const readings: SheetReading[] = [];
  let offered: SheetData[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.name === RECORD_SHEET || sheet.name === MAPPING_SHEET) readings.push({ sheet: sheet.name, role: 'record', scores: null });
    else if (options.sheets?.get(sheet.name)?.role === 'none') readings.push({ sheet: sheet.name, role: 'none', scores: null });
    else offered.push(sheet);
  }
  const inForce = (options.editions ?? builtIn).inForce;
  const input = { options: (name: string) => options.sheets?.get(name), profiles: new Profiles(workbook, inForce), taken: new Set(workbook.sheets.map((s) => s.name)) };
  for (const shape of recognizers) {
    const r = shape.recognize({ ...input, sheets: offered });
    recognized.push(...r.tables);
    readings.push(...r.readings);
    for (const f of r.findings) findings.push(f);
    const claimed = new Set(r.readings.map((x) => x.sheet));
    offered = offered.filter((s) => !claimed.has(s.name));
  }
  for (const s of offered) readings.push({ sheet: s.name, role: 'none', scores: null });
  // one-platform tables: a name from the file name, or the user's
  const named = namePlatforms(recognized, { fileName: options.fileName, options: input.options, mapped: [...(options.sheets?.keys() ?? [])].filter((n) => sheets.has(n)) });
  const layouts = named.layouts;
  for (const f of named.findings) findings.push(f);
  for (const [name] of options.sheets ?? []) {
    if (!sheets.has(name)) findings.push(finding('error', 'mapping_sheet_missing', name, 1, 1, { sheet: name }));
  }
  const results: TableResult[] = [];
  for (const layout of layouts) {
    for (const f of layout.findings) findings.push(f);
    results.push(evaluateLayout(sheets, layout, findings));
  }
  if (results.length === 0) findings.push(finding('warning', 'no_table', workbook.sheets[0]?.name ?? '', 1, 1, {}));
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  readings.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0));
  return { workbook, tables: results, sheets: readings, findings, inForce };
}

export function scoreRecords(a: Analysis): ScoreRecord[] {
  return a.tables.flatMap((t) =>
    t.platforms.flatMap((p) =>
      p.indicators.map((r) => ({
        evaluation: t.table.evaluation,
        platform: p.name,
        indicator: r.indicator.number,
        score: r.score,
        sheet: r.place.ref?.sheet ?? '',
        cell: r.place.ref ? a1(r.place.ref.row, r.place.ref.col) : '',
      })),
    ),
  );
}

export function totalRecords(a: Analysis, shownAt?: ShownAt): TotalRecord[] {
  return resultTables(a, shownAt).flatMap((t) =>
    t.rows.map((r) => ({
      evaluation: t.evaluation,
      platform: r.platform,
      total: r.total.official,
      shown: r.total.shown,
      rank: r.rank,
      sheet: r.total.cell?.sheet ?? '',
      cell: r.total.cell?.cell ?? '',
    })),
  );
}
