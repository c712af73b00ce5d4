/**
 * Reviews score cells that already hold something. Precision first: a cell is reported only when
 * it is wrong by the official rules — a rounded formula is right when its value is the official
 * score rounded the same way (ROUND/ROUNDUP/ROUNDDOWN, or the decimals a number format shows); a
 * subtotal that sums the row's score cells is right when it equals their sum; a WANMU.* formula
 * whose arguments point at the right cells is right. One finding per problem: a formula reading
 * another platform's row is reported as that, not also as a mismatch.
 */
import { addScores, ERROR_TEXT, isSheetError, parseInput, type SheetError } from '../../engine';
import { vocabulary } from '../../rules';
import { type Analysis, type IndicatorResult, type PlatformResult, type TableResult } from '../contract/analysis';
import { finding, type Finding } from '../findings/codes';
import { formatDecimals, memoize, outerRounding, roundAs, topCall, typedDecimals, type Rounding } from '../core/formula-parse';
import { cohortText, nativeFormula, refText } from '../formulas/native';
import { a1 } from '../core/address';
import { layoutOf } from '../layouts';
import { type CellRef } from '../core/address';
import { cellAt, emptyIn, isEmptyCell, sheetsByName, type CellData, type SheetData } from '../core/model';
import { formulaRefs } from '../core/refs';
import { sameCell } from '../core/same';
import { cellText } from '../core/text';
import { BoundedCache } from '../core/version';
import { writtenByFill } from '../core/record';
import { RECORD_SHEET } from '../core/sheets';


const CAP_WORDS = /\b(MIN|IF|IFS|MEDIAN|SMALL)\s*\(/i;
const EPS = 1e-9;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** How a cell's value was rounded, from its formula, its number format, or its typed digits. */
function roundingOf(cell: CellData, value: number): { rounding: Rounding | undefined; display: boolean } {
  if (cell.formula !== undefined) {
    const r = outerRounding(cell.formula);
    if (r) return { rounding: r, display: false };
    const d = formatDecimals(cell.numFmt);
    return { rounding: d === undefined ? undefined : { kind: 'round', digits: d }, display: true };
  }
  const d = formatDecimals(cell.numFmt);
  return { rounding: { kind: 'round', digits: d ?? Math.max(2, typedDecimals(value)) }, display: true };
}

/** Whether a shown value is the official score, given how it was rounded. */
export function agrees(cell: CellData, value: number, official: number): boolean {
  if (close(value, official)) return true;
  const { rounding, display } = roundingOf(cell, value);
  if (!rounding) return false;
  if (display) return close(roundAs(value, rounding), roundAs(official, rounding));
  return close(value, roundAs(official, rounding));
}

/** Largest difference from the official score that rounding can explain for this cell. */
function slack(cell: CellData | null, value: number | null): number {
  if (!cell || value === null) return 0.005;
  const { rounding } = roundingOf(cell, value);
  if (!rounding) return EPS;
  const unit = Math.pow(10, -rounding.digits);
  return rounding.kind === 'round' ? unit / 2 : unit;
}

function numberOf(cell: CellData): number | null {
  if (typeof cell.value === 'number') return cell.value;
  if (typeof cell.value === 'string') {
    const p = parseInput({ kind: 'amount', label: '' }, cell.value);
    return p.ok ? p.value : null;
  }
  return null;
}

function refKey(ref: string): string {
  return ref.replace(/\$/g, '').replace(/^'((?:[^']|'')+)'!/, (_, s: string) => `${s.replace(/''/g, "'")}!`).toUpperCase();
}

interface Ctx {
  readonly sheets: Map<string, SheetData>;
  readonly t: TableResult;
  readonly out: Finding[];
  /** Keep each indicator's findings for the next review (a session that re-checks after edits). */
  readonly remember: boolean;
  /** The cell holds what a recorded fill wrote there: wanmu's own value or "—", no user's typing. */
  readonly own: (sheet: string, row: number, col: number, now: CellData) => boolean;
}

/** Per record sheet as read: which cells hold what its fills wrote (the record is read once per workbook read). */
const ownCells = new WeakMap<SheetData, ReturnType<typeof writtenByFill>>();

function ownOf(analysis: Analysis): Ctx['own'] {
  const record = analysis.workbook.sheets.find((s) => s.name === RECORD_SHEET);
  if (!record) return () => false;
  let own = ownCells.get(record);
  if (!own) ownCells.set(record, (own = writtenByFill(analysis.workbook)));
  return own;
}

function cohortCellsOf(t: TableResult, i: number): readonly CellRef[] {
  return t.cohorts[i]?.cells ?? [];
}

function correctFormula(ctx: Ctx, r: IndicatorResult, at: CellRef): string | null {
  const i = r.indicator.number - 1;
  return (
    nativeFormula(ctx.t.table, r.indicator, {
      refs: r.inputs.map((c) => (c ? refText(at.sheet, c) : null)),
      factors: r.factors,
      cohort: r.indicator.rule.kind === 'normalized' ? cohortText(at.sheet, cohortCellsOf(ctx.t, i), emptyIn(ctx.sheets)) : undefined,
    }) ?? null
  );
}

export type WanmuCheck = { readonly kind: 'right' } | { readonly kind: 'other' } | { readonly kind: 'wrong'; readonly expected: string; readonly found: string };

/** A WANMU.* call: right when it names this indicator and reads this platform's input cells. */
export function checkWanmu(sheets: Map<string, SheetData>, t: TableResult, r: IndicatorResult, at: CellRef, formula: string): WanmuCheck {
  const call = topCall(formula);
  const fn = t.table.functionName;
  if (!call || call.name !== fn) return { kind: 'other' };
  const ind = r.indicator;
  const i = ind.number - 1;
  const expected: string[] = [String(ind.number), ...r.inputs.map((c) => (c ? refText(at.sheet, c) : ''))];
  if (ind.rule.kind === 'normalized') expected.splice(2, expected.length - 2, cohortText(at.sheet, cohortCellsOf(t, i), emptyIn(sheets)) ?? '');
  while (expected.length > 1 && expected[expected.length - 1] === '') expected.pop();
  const found = call.args.slice();
  while (found.length > 1 && found[found.length - 1] === '') found.pop();
  let ok = found.length === expected.length && Number(found[0]) === ind.number;
  if (ok && ind.rule.kind === 'normalized') {
    ok = refKey(found[1]) === refKey(expected[1]) && coversCohort(t, found[2], at.sheet, i);
  } else if (ok) ok = found.every((a, k) => k === 0 || refKey(a) === refKey(expected[k]));
  return ok ? { kind: 'right' } : { kind: 'wrong', expected: `${fn}(${expected.join(',')})`, found: `${call.name}(${call.args.join(',')})` };
}

function reviewWanmu(ctx: Ctx, r: IndicatorResult, at: CellRef, formula: string): 'right' | 'wrong' | 'other' {
  const c = checkWanmu(ctx.sheets, ctx.t, r, at, formula);
  if (c.kind === 'wrong') ctx.out.push(finding('error', 'wanmu_args', at.sheet, at.row, at.col, { evaluation: ctx.t.table.evaluation, indicator: r.indicator.number, expected: c.expected, found: c.found }));
  return c.kind;
}

function coversCohort(t: TableResult, arg: string, own: string, i: number): boolean {
  const cells = cohortCellsOf(t, i);
  const refs = formulaRefs(arg);
  return cells.every((c) => refs.some((x) => (x.sheet ?? own) === c.sheet && x.left <= c.col && x.right >= c.col && x.top <= c.row && x.bottom >= c.row));
}

/** Formula references that read the wrong cells, by the layout's rule; reports the first and says whether any was found. */
function structural(ctx: Ctx, pi: number, r: IndicatorResult, at: CellRef, formula: string): boolean {
  const f = layoutOf(ctx.t.layout.kind).allowedReads({ t: ctx.t, sheets: ctx.sheets, pi, result: r, at, refs: formulaRefs(formula) });
  if (f) ctx.out.push(f);
  return f !== null;
}

/**
 * A score cell showing an error value: the formula's reads when they are wrong (a drifted
 * MIN/MAX range divides by zero), else an input of this platform that is not valid data.
 */
function errorValueFinding(ctx: Ctx, pi: number, r: IndicatorResult, at: CellRef, cell: CellData): Finding {
  const error = ERROR_TEXT[(cell.value as SheetError).sheetError];
  const cause = cell.formula !== undefined ? layoutOf(ctx.t.layout.kind).allowedReads({ t: ctx.t, sheets: ctx.sheets, pi, result: r, at, refs: formulaRefs(cell.formula) }) : null;
  let input: { cell: string; text: string } | null = null;
  if (!cause) {
    r.inputs.some((ref, f) => {
      const s = ref ? ctx.sheets.get(ref.sheet) : undefined;
      const c = s && ref ? cellAt(s, ref.row, ref.col) : null;
      if (!c || !ref || c.value === null) return false;
      if (parseInput(r.indicator.inputs[f], c.value).ok) return false;
      input = { cell: `${ref.sheet === at.sheet ? '' : `${ref.sheet}!`}${a1(ref.row, ref.col)}`, text: cellText(c.value) };
      return true;
    });
  }
  return finding('error', 'score_error_value', at.sheet, at.row, at.col, { error, cause, input });
}

function reviewIndicator(ctx: Ctx, pi: number, r: IndicatorResult): void {
  const ref = r.place.ref;
  if (!ref || !r.place.existing) return;
  const sheet = ctx.sheets.get(ref.sheet);
  const cell = sheet ? cellAt(sheet, ref.row, ref.col) : null;
  if (!cell || isEmptyCell(cell)) return;
  const ind = r.indicator;
  const evaluation = ctx.t.table.evaluation;
  const at = ref;
  if (cell.formula !== undefined) {
    const w = reviewWanmu(ctx, r, at, cell.formula);
    if (w === 'wrong') return;
    if (w === 'right' && typeof cell.value !== 'number') {
      ctx.out.push(finding('info', 'wanmu_uncalculated', at.sheet, at.row, at.col, { evaluation, indicator: ind.number }));
      return;
    }
    if (cell.value === null) {
      ctx.out.push(finding('warning', 'no_cached_value', at.sheet, at.row, at.col, { what: 'score', count: 1 }));
      return;
    }
  }
  if (isSheetError(cell.value)) {
    ctx.out.push(errorValueFinding(ctx, pi, r, at, cell));
    return;
  }
  const value = numberOf(cell);
  if (value === null) {
    // wanmu's own "—" where it could not score: right while the score cannot be computed
    if (cell.value === vocabulary.noScore && cell.formula === undefined && ctx.own(at.sheet, at.row, at.col, cell)) {
      if (r.score !== null) ctx.out.push(finding('warning', 'no_score_mark_stale', at.sheet, at.row, at.col, {}));
      return;
    }
    if (typeof cell.value === 'string') ctx.out.push(finding('error', 'score_not_number', at.sheet, at.row, at.col, { text: cell.value }));
    return;
  }
  if (r.score === null) return; // the inputs are wrong: reported there
  if (cell.formula !== undefined && structural(ctx, pi, r, at, cell.formula)) return;
  if (!agrees(cell, value, r.score)) {
    const formula = correctFormula(ctx, r, at);
    if (value > ind.points + EPS) ctx.out.push(finding('error', 'missing_cap', at.sheet, at.row, at.col, { evaluation, indicator: ind.number, expected: r.score, found: value, points: ind.points, formula }));
    else {
      const rd = outerRounding(cell.formula ?? '');
      ctx.out.push(finding('error', 'score_mismatch', at.sheet, at.row, at.col, { evaluation, indicator: ind.number, expected: r.score, found: value, formula, decimals: rd ? rd.digits : formatDecimals(cell.numFmt) ?? null }));
    }
    return;
  }
  if (cell.formula === undefined) {
    if (!ctx.own(at.sheet, at.row, at.col, cell)) ctx.out.push(finding('info', 'typed_constant', at.sheet, at.row, at.col, { what: 'score' }));
  } else if (ind.rule.kind !== 'normalized' && ind.rule.kind !== 'deduction' && /[*/]/.test(cell.formula) && !CAP_WORDS.test(cell.formula) && !/WANMU\./i.test(cell.formula)) {
    ctx.out.push(finding('info', 'no_cap', at.sheet, at.row, at.col, { evaluation, indicator: ind.number, points: ind.points }));
  }
}

/** Cells a formula refers to on its own sheet, ranges expanded (up to a limit); memoized (read only). */
function referencedCells(formula: string, own: string): ReadonlySet<string> | undefined {
  return referencedMemo(`${own}\u0000${formula}`);
}

const referencedMemo = memoize((k: string): ReadonlySet<string> | undefined => {
  const cut = k.indexOf('\u0000');
  return expandRefs(k.slice(cut + 1), k.slice(0, cut));
}, 20_000);

function expandRefs(formula: string, own: string): Set<string> | undefined {
  const out = new Set<string>();
  for (const x of formulaRefs(formula)) {
    const s = x.sheet ?? own;
    const area = (x.bottom - x.top + 1) * (x.right - x.left + 1);
    if (area > 1000) return undefined;
    for (let r = x.top; r <= x.bottom; r++) for (let c = x.left; c <= x.right; c++) out.add(`${s}!${r},${c}`);
  }
  return out;
}

/** Whether a formula is a plain sum (SUM(…) or a+b+c) of exactly these cells. */
function sumOf(formula: string, own: string, parts: readonly CellRef[]): boolean {
  const refs = referencedCells(formula, own);
  const wanted = new Set(parts.map((p) => `${p.sheet}!${p.row},${p.col}`));
  const plainSum = topCall(formula)?.name === 'SUM' || /^\s*[^+\-*/^(),]+(\s*\+\s*[^+\-*/^(),]+)+\s*$/.test(formula);
  return plainSum && refs !== undefined && refs.size === wanted.size && [...wanted].every((k) => refs.has(k));
}

/** sumOf, remembered per sum cell while its formula and parts stay the same (re-checks after edits). */
const sums = new BoundedCache<string, Map<number, { readonly formula: string; readonly parts: readonly CellRef[]; readonly result: boolean }>>(64);

const samePlace = (a: CellRef, b: CellRef) => a === b || (a.row === b.row && a.col === b.col && a.sheet === b.sheet);

function sumsExactly(ctx: Ctx, at: CellRef, formula: string, parts: readonly CellRef[]): boolean {
  const onSheet = sums.get(at.sheet);
  const key = at.row * 20000 + at.col;
  const m = onSheet?.get(key);
  if (m && m.formula === formula && m.parts.length === parts.length && m.parts.every((p, i) => samePlace(p, parts[i]))) return m.result;
  const result = sumOf(formula, at.sheet, parts);
  if (ctx.remember) (onSheet ?? sums.set(at.sheet, new Map())).set(key, { formula, parts, result });
  return result;
}

function reviewSum(ctx: Ctx, place: { ref: CellRef | null; existing: boolean }, official: number | null, parts: readonly (CellRef | null)[], what: 'subtotal' | 'total', group: string | null): void {
  const ref = place.ref;
  if (!ref || !place.existing) return;
  const sheet = ctx.sheets.get(ref.sheet);
  const cell = sheet ? cellAt(sheet, ref.row, ref.col) : null;
  if (!cell || isEmptyCell(cell)) return;
  if (cell.formula !== undefined && cell.value === null) {
    ctx.out.push(finding('warning', 'no_cached_value', ref.sheet, ref.row, ref.col, { what: 'score', count: 1 }));
    return;
  }
  const value = numberOf(cell);
  if (value === null) return;
  const partCells = parts.map((p) => (p ? cellAt(ctx.sheets.get(p.sheet) as SheetData, p.row, p.col) : null));
  if (cell.formula !== undefined && parts.every((p) => p !== null) && sumsExactly(ctx, ref, cell.formula, parts as readonly CellRef[])) {
    // a part whose result the file does not hold cannot be added up (reported at the part)
    if (partCells.some((c) => c?.formula !== undefined && c.value === null)) return;
    const sum = addScores(partCells.map((c) => (c ? numberOf(c) ?? 0 : 0)));
    if (!close(sum, value) && !agrees(cell, value, sum)) ctx.out.push(finding('error', 'sum_cells_mismatch', ref.sheet, ref.row, ref.col, { what, group, cells: sum, found: value }));
    return; // a wrong part is reported at the part
  }
  if (official === null) return;
  const tolerance = partCells.reduce((s, c) => s + slack(c, c ? numberOf(c) : null), 0) + slack(cell, value);
  if (Math.abs(value - official) > tolerance + EPS) {
    ctx.out.push(finding('error', 'sum_mismatch', ref.sheet, ref.row, ref.col, { what, group, expected: official, found: value }));
    return;
  }
  if (cell.formula === undefined && !ctx.own(ref.sheet, ref.row, ref.col, cell)) ctx.out.push(finding('info', 'typed_constant', ref.sheet, ref.row, ref.col, { what }));
}

/**
 * An indicator's review depends on its result, its score cell, its cohort and the table's layout:
 * while all four are the same objects, its findings are the same (a re-check after an edit
 * reviews the platforms whose scores moved, and within them only the indicators that did).
 */
interface Reviewed {
  readonly result: number;
  readonly cell: CellData | null;
  readonly cohort: number;
  readonly findings: readonly Finding[];
}

/** Per table layout version (the last few recognitions), per platform and indicator. */
const reviewed = new BoundedCache<number, Map<number, Reviewed>>(4);

function reviewIndicatorOnce(ctx: Ctx, pi: number, r: IndicatorResult): void {
  const ref = r.place.ref;
  const sheet = ref ? ctx.sheets.get(ref.sheet) : undefined;
  const cell = ref && sheet ? cellAt(sheet, ref.row, ref.col) : null;
  const cohort = ctx.t.cohorts[r.indicator.number - 1]?.version ?? 0;
  const at = pi * 64 + r.indicator.number;
  const byLayout = reviewed.get(ctx.t.layout.version);
  const memo = byLayout?.get(at);
  if (memo && memo.result === r.version && memo.cohort === cohort && sameCell(memo.cell, cell)) {
    for (const f of memo.findings) ctx.out.push(f);
    return;
  }
  const start = ctx.out.length;
  reviewIndicator(ctx, pi, r);
  if (ctx.remember) {
    const entries = byLayout ?? reviewed.set(ctx.t.layout.version, new Map());
    entries.set(at, { result: r.version, cell, cohort, findings: ctx.out.length === start ? NO_FINDINGS : ctx.out.slice(start) });
  }
}

const NO_FINDINGS: readonly Finding[] = [];

const members = new WeakMap<TableResult['table'], number[][]>();

/** The indicators of each 一级指标, by index. */
function groupMembers(table: TableResult['table']): number[][] {
  let m = members.get(table);
  if (!m) {
    m = table.groups.map((_g, gi) => table.indicators.flatMap((ind, i) => (ind.group === gi ? [i] : [])));
    members.set(table, m);
  }
  return m;
}

function reviewPlatform(ctx: Ctx, pi: number, p: PlatformResult): void {
  for (const r of p.indicators) reviewIndicatorOnce(ctx, pi, r);
  const table = ctx.t.table;
  const members = groupMembers(table);
  p.groups.forEach((g, gi) => {
    const parts = members[gi].map((i) => {
      const r = p.indicators[i];
      return r.place.existing ? r.place.ref : null;
    });
    reviewSum(ctx, g.place, g.score, parts, 'subtotal', table.groups[gi].name);
  });
  const groupPlaces = p.groups.map((g) => (g.place.existing ? g.place.ref : null));
  const indicatorPlaces = p.indicators.map((r) => (r.place.existing ? r.place.ref : null));
  // a total sums either the indicator cells or the subtotal cells
  const ref = p.total.place.ref;
  const cell = ref && p.total.place.existing ? cellAt(ctx.sheets.get(ref.sheet) as SheetData, ref.row, ref.col) : null;
  const refs = cell?.formula !== undefined ? referencedCells(cell.formula, (ref as CellRef).sheet) : undefined;
  const usesGroups = refs !== undefined && groupPlaces.every((g) => g !== null) && groupPlaces.some((g) => refs.has(`${(g as CellRef).sheet}!${(g as CellRef).row},${(g as CellRef).col}`));
  reviewSum(ctx, p.total.place, p.total.score, usesGroups ? groupPlaces : indicatorPlaces, 'total', null);
}

function sameCohorts(a: TableResult, b: TableResult): boolean {
  return a.cohorts === b.cohorts || (a.cohorts.length === b.cohorts.length && a.cohorts.every((c, i) => (c?.version ?? 0) === (b.cohorts[i]?.version ?? 0)));
}

/** The review's findings per table and platform (so an edit re-reviews only what it changed). */
export function reviewByPlatform(
  analysis: Analysis,
  previous?: { readonly tables: readonly TableResult[]; readonly findings: readonly (readonly (readonly Finding[])[])[] },
  /** Keep what each indicator's review found, so that the next review after an edit can reuse it. */
  remember = false,
): Finding[][][] {
  const sheets = sheetsByName(analysis.workbook);
  const own = ownOf(analysis);
  return analysis.tables.map((t, ti) =>
    t.platforms.map((p, pi) => {
      const before = previous?.tables[ti];
      // an unchanged platform of an unchanged cohort keeps its findings
      if (before && before.layout.version === t.layout.version && before.platforms[pi]?.version === p.version && sameCohorts(before, t)) return previous.findings[ti][pi].slice();
      const out: Finding[] = [];
      reviewPlatform({ sheets, t, out, remember, own }, pi, p);
      return out;
    }),
  );
}

export function reviewScores(analysis: Analysis): Finding[] {
  return reviewByPlatform(analysis).flat(2);
}

