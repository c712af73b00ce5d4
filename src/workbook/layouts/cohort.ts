/**
 * The wide cohort table (培育名单): one row per platform, one column per input field; score,
 * subtotal and total columns in the same sheet or in a score sheet of the same platforms.
 *
 * Roles come from evidence, strongest first: a user's mapping; formulas (a column reading another
 * sheet is that sheet's score or derived column); header words that mean a score (得分, 小计,
 * 总分, a 得分 group above); values (a typed number beyond an indicator's 分值 cannot be its
 * score); header text matching a field label. A sheet gets one role — inputs, scores (paired with
 * the input sheet it scores), both, or none — and ambiguous readings are reported, never guessed.
 */
import { absentMeansDefault, tables, vocabulary, type EvaluationId, type Indicator } from '../../rules';
import { counterUnits, moneyUnits, percentUnits, PERCENT_POINTS_FACTOR, PERCENT_POINTS_RANGE, unitLabels, unitSpellings } from '../../rules/units';
import { isMoneyUnit, unitFactor } from '../../engine';
import { colLetters } from '../address';
import { finding, type Finding } from '../findings/codes';
import type { CellRef, PlatformLayout, TableLayout } from './layout';
import {
  evaluationInTitle,
  fieldCandidates,
  groupCandidates,
  indicatorCandidates,
  isNoteHeader,
  isPlatformHeader,
  isScoreHeader,
  isSerialHeader,
  isSubtotalLabel,
  isTotalLabel,
  namesScores,
  stripScoreSuffix,
  type FieldRef,
  type IndicatorRef,
} from '../matching';
import { cellAt, type SheetData } from '../model';
import { columnStats, dataRows, MergeIndex, type ColumnStats, type RowInfo } from '../read/profile';
import { headerKey, normalizeText } from '../text';

const HEADER_SCAN_ROWS = 15;

export type ColumnRole =
  | { readonly kind: 'platform' }
  | { readonly kind: 'serial' }
  | { readonly kind: 'note' }
  | { readonly kind: 'input'; readonly indicator: number; readonly field: number }
  | { readonly kind: 'score'; readonly indicator: number }
  | { readonly kind: 'subtotal'; readonly group: number }
  | { readonly kind: 'total' }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'unrecognized'; readonly text: string };

export type Evidence =
  | { readonly kind: 'mapping' }
  | { readonly kind: 'header'; readonly text: string }
  | { readonly kind: 'score_words'; readonly text: string }
  | { readonly kind: 'formula'; readonly sheet: string | null; readonly cells: number }
  | { readonly kind: 'values_beyond_points'; readonly max: number; readonly points: number }
  | { readonly kind: 'values_within_points'; readonly max: number; readonly points: number }
  | { readonly kind: 'unit'; readonly unit: string }
  | { readonly kind: 'sheet_role'; readonly role: SheetRole }
  | { readonly kind: 'duplicate_of'; readonly column: string };

/** How values in an input column are turned into the rule's unit. */
export interface ColumnUnit {
  readonly header: string | null;
  /** Multiply (≥ 1) or divide by the reciprocal (< 1): see engine convertUnit. */
  readonly factor: number;
  /** The header states a unit the rule's cannot be converted from: withhold the score. */
  readonly unknown: boolean;
}

export interface ColumnDecision {
  readonly col: number;
  readonly header: string;
  readonly role: ColumnRole;
  readonly evidence: readonly Evidence[];
  readonly unit: ColumnUnit;
}

export type SheetRole = 'inputs' | 'scores' | 'combined' | 'ambiguous' | 'none';

/** A user's mapping for one sheet (the command line's mapping file; the pane's 识别结果 view). */
export interface SheetOptions {
  readonly evaluation?: EvaluationId;
  readonly headerRow?: number;
  /** Column letter or header key → role. */
  readonly columns?: Readonly<Record<string, ColumnRole>>;
  readonly role?: 'inputs' | 'scores' | 'none';
  /** For a score sheet: the input sheet it scores. */
  readonly inputSheet?: string;
  /** For the issued table: column letter or header key → a platform's data or score column, or other. */
  readonly issued?: Readonly<Record<string, IssuedOverride>>;
}

export type IssuedOverride = { readonly kind: 'value' | 'score'; readonly platform: string } | { readonly kind: 'other' };

export interface CohortSheet {
  readonly sheet: SheetData;
  readonly headerRow: number;
  readonly parentRow: number | null;
  readonly evaluation: EvaluationId;
  readonly platformCol: number;
  readonly rows: readonly RowInfo[];
  columns: ColumnDecision[];
  role: SheetRole;
  /** The sheet its formulas read most (a score sheet's data sheet). */
  readonly readsFrom: string | null;
  /** The row of a column's header cell: the top of a merged header (findings go there). */
  readonly headerTop: (col: number) => number;
  readonly options: SheetOptions;
}

// ---------------------------------------------------------------- header reading

interface HeaderCell {
  readonly col: number;
  readonly parent: string;
  readonly child: string;
  /** What the header says, before values are consulted. */
  readonly says: HeaderSays;
}

type HeaderSays =
  | { kind: 'platform' }
  | { kind: 'serial' }
  | { kind: 'note' }
  | { kind: 'total' }
  | { kind: 'subtotal'; refs: { evaluation: EvaluationId; group: number }[] }
  | { kind: 'score'; refs: IndicatorRef[] }
  /** A field label: an input (the label is not an indicator's own name, or states an input unit). */
  | { kind: 'field'; refs: FieldRef[] }
  /** An indicator's name: its score, or the input of a one-input indicator. */
  | { kind: 'indicator'; refs: IndicatorRef[]; fields: FieldRef[] }
  | { kind: 'empty' }
  | { kind: 'unknown'; text: string };

/** The unit in a header's brackets: 工业总产值(万元) → 万元; (单位:万元) too. */
export function headerUnit(text: string): string | null {
  const t = normalizeText(text);
  const groups = [...t.matchAll(/\(([^()]*)\)/g)].map((m) => {
    const label = unitLabels.find((l) => m[1].startsWith(l));
    return label ? m[1].slice(label.length).replace(/^[::]/, '') : m[1];
  });
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === '') continue;
    if (percentUnits.includes(g) || isMoneyUnit(g) || counterUnits.some((u) => g.startsWith(u))) return g;
    // a rate per money or per counted thing is a unit too, whatever it measures (千克标准煤/万元)
    const per = g.lastIndexOf('/');
    const denominator = per > 0 ? g.slice(per + 1) : '';
    if (denominator !== '' && (isMoneyUnit(denominator) || counterUnits.some((u) => denominator.startsWith(u)))) return g;
  }
  // a money unit written after the label without brackets: 工业总产值万元 (longest first: 亿元 before 元)
  const money = Object.keys(moneyUnits).sort((a, b) => b.length - a.length);
  for (const u of money) if (t.endsWith(u) && !t.endsWith(`${u})`)) return u;
  return null;
}

function says(parent: string, child: string): HeaderSays {
  const text = child.trim() !== '' ? child : parent;
  if (text.trim() === '') return { kind: 'empty' };
  if (isPlatformHeader(text)) return { kind: 'platform' };
  if (isSerialHeader(text)) return { kind: 'serial' };
  if (isNoteHeader(text)) return { kind: 'note' };
  if (isTotalLabel(text)) return { kind: 'total' };
  const parentInd = parent && parent !== child ? indicatorCandidates(parent) : [];
  const parentGroup = parent && parent !== child ? groupCandidates(parent) : [];
  const parentIsScore = parent !== '' && parent !== child && (isScoreHeader(parent) || stripScoreSuffix(parent) === '');
  // 得分 under an indicator, or an indicator under a 得分 group
  if (child.trim() !== '' && isScoreHeader(child) && parentInd.length > 0) return { kind: 'score', refs: parentInd };
  if ((isSubtotalLabel(child) || isScoreHeader(child)) && parentGroup.length > 0) return { kind: 'subtotal', refs: parentGroup };
  if (parentIsScore && child.trim() !== '') {
    const ind = indicatorCandidates(child);
    if (ind.length > 0) return { kind: 'score', refs: ind };
    const subtotalWord = vocabulary.subtotal.find((w) => child.endsWith(w));
    const g = groupCandidates(subtotalWord ? child.slice(0, -subtotalWord.length) : child);
    if (g.length > 0) return { kind: 'subtotal', refs: g };
    if (isTotalLabel(child)) return { kind: 'total' };
  }
  const stripped = stripScoreSuffix(text);
  if (stripped !== undefined) {
    const ind = indicatorCandidates(stripped);
    if (ind.length > 0) return { kind: 'score', refs: ind };
    const g = groupCandidates(stripped);
    if (g.length > 0) return { kind: 'subtotal', refs: g };
  }
  const k = headerKey(text);
  for (const w of vocabulary.subtotal) {
    const wk = headerKey(w);
    if (k.endsWith(wk) && k.length > wk.length) {
      const g = groupCandidates(k.slice(0, -wk.length));
      if (g.length > 0) return { kind: 'subtotal', refs: g };
    }
  }
  if (isSubtotalLabel(text) && parentGroup.length > 0) return { kind: 'subtotal', refs: parentGroup };
  const groupOnly = groupCandidates(text);
  let fields = fieldCandidates(child.trim() !== '' ? child : parent);
  if (parentInd.length > 0 && child.trim() !== '') {
    const within = fields.filter((r) => parentInd.some((p) => p.evaluation === r.evaluation && p.indicator === r.indicator));
    if (within.length > 0) return { kind: 'field', refs: within };
    if (fields.length === 0) return { kind: 'unknown', text: `${parent}/${child}` };
  }
  const inds = indicatorCandidates(text);
  if (inds.length > 0) {
    // An indicator's own name: a score, or its single input. A stated input unit settles it.
    const unit = headerUnit(text);
    const nameHasUnit = unit !== null && inds.some((r) => normalizeText(tables[r.evaluation].indicators[r.indicator].name).includes(`(${unit})`));
    if (unit !== null && !nameHasUnit && fields.length > 0) return { kind: 'field', refs: fields };
    return { kind: 'indicator', refs: inds, fields };
  }
  if (fields.length > 0) return { kind: 'field', refs: fields };
  if (groupOnly.length > 0) return { kind: 'subtotal', refs: groupOnly };
  return { kind: 'unknown', text };
}

function useful(says: HeaderSays): boolean {
  return says.kind !== 'empty' && says.kind !== 'unknown' && says.kind !== 'serial' && says.kind !== 'note';
}

function readHeader(idx: MergeIndex, row: number): HeaderCell[] {
  const sheet = idx.sheet;
  const out: HeaderCell[] = [];
  const parentRow = row - 1;
  for (let c = 1; c <= sheet.colCount; c++) {
    const child = idx.text(row, c);
    const parentText = parentRow >= 1 ? idx.text(parentRow, c) : '';
    // a parent row helps only when it names an indicator, a group or a score group over this column
    const parentUseful =
      parentText.trim() !== '' &&
      (indicatorCandidates(parentText).length > 0 || groupCandidates(parentText).length > 0 || isScoreHeader(parentText) || parentText === child);
    const parent = parentUseful ? parentText : '';
    out.push({ col: c, parent, child: child.trim() === '' && idx.isCovered(row, c) ? '' : child, says: says(parent, child) });
  }
  return out;
}

/** Labels a header row names, a merged cell counted once (so a parent row over sub-columns does not outscore them). */
function headerScore(idx: MergeIndex, row: number, cells: readonly HeaderCell[]): number {
  const seen = new Set<string>();
  for (const h of cells) {
    if (!useful(h.says) || h.says.kind === 'platform') continue;
    const m = idx.masterOf(row, h.col);
    seen.add(`${m.row},${m.col}`);
  }
  return seen.size;
}

/** The best header row among the first rows: the one naming most fields, scores and totals. */
function findHeader(idx: MergeIndex, forced?: number): { row: number; cells: HeaderCell[] } | undefined {
  if (forced) return { row: forced, cells: readHeader(idx, forced) };
  let best: { row: number; cells: HeaderCell[]; score: number } | undefined;
  const last = Math.min(idx.sheet.rowCount, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    if (!idx.sheet.rows.has(r)) continue;
    const cells = readHeader(idx, r);
    const score = headerScore(idx, r, cells);
    // the lower row of a two-row header names the fields: on a tie the later row wins
    if (score >= 2 && (!best || score >= best.score)) best = { row: r, cells, score };
  }
  return best;
}

function refsOf(s: HeaderSays): { evaluation: EvaluationId }[] {
  if (s.kind === 'field' || s.kind === 'score' || s.kind === 'subtotal') return s.refs;
  if (s.kind === 'indicator') return [...s.refs, ...s.fields];
  return [];
}

function chooseEvaluation(sheet: SheetData, idx: MergeIndex, header: number, cells: readonly HeaderCell[], forced?: EvaluationId): EvaluationId {
  if (forced) return forced;
  const votes: Record<EvaluationId, number> = { acceptance: 0, annual: 0 };
  for (const h of cells) for (const e of new Set(refsOf(h.says).map((r) => r.evaluation))) votes[e] += 1;
  if (votes.acceptance !== votes.annual) return votes.acceptance > votes.annual ? 'acceptance' : 'annual';
  const inTitle = evaluationInTitle(sheet.name) ?? (() => {
    for (let r = 1; r < header; r++) for (let c = 1; c <= sheet.colCount; c++) {
      const e = evaluationInTitle(idx.text(r, c));
      if (e) return e;
    }
    return undefined;
  })();
  return inTitle ?? 'annual';
}

function platformColumn(sheet: SheetData, header: number, cells: readonly HeaderCell[]): number | undefined {
  const named = cells.find((h) => h.says.kind === 'platform');
  if (named) return named.col;
  // the first unnamed column whose cells below the header are mostly names (text, not numbers)
  for (const h of cells) {
    if (useful(h.says) || h.says.kind === 'serial' || h.says.kind === 'note') continue;
    let text = 0;
    let other = 0;
    for (let r = header + 1; r <= Math.min(sheet.rowCount, header + 20); r++) {
      const v = cellAt(sheet, r, h.col)?.value ?? null;
      if (typeof v === 'string' && v.trim() !== '' && !/^[\d.,\s]+$/.test(v.trim())) text++;
      else if (v !== null) other++;
    }
    if (text >= 1 && text >= other) return h.col;
  }
  return undefined;
}

// ---------------------------------------------------------------- column decisions

function indicatorOf(evaluation: EvaluationId, i: number): Indicator {
  return tables[evaluation].indicators[i];
}

function unitOf(evaluation: EvaluationId, r: { indicator: number; field: number }, header: string, stats: ColumnStats): ColumnUnit {
  const field = indicatorOf(evaluation, r.indicator).inputs[r.field];
  const unit = headerUnit(header);
  if (unit === null) return { header: null, factor: 1, unknown: false };
  if (field.kind === 'share') {
    if (!percentUnits.includes(unit)) return { header: unit, factor: 1, unknown: false };
    const pointsLike = stats.numbers > 0 && stats.minNumber >= 0 && stats.maxNumber > PERCENT_POINTS_RANGE.above && stats.maxNumber <= PERCENT_POINTS_RANGE.max;
    const fractionsToo = pointsLike && stats.minNumber > 0 && stats.minNumber < PERCENT_POINTS_RANGE.above;
    return { header: unit, factor: pointsLike && !fractionsToo ? PERCENT_POINTS_FACTOR : 1, unknown: false };
  }
  if (field.kind === 'amount' || field.kind === 'score') {
    if (field.unit === '' || normalizeText(unit) === normalizeText(field.unit)) return { header: unit, factor: 1, unknown: false };
    const f = unitFactor(unit, field.unit);
    if (f !== undefined) return { header: unit, factor: f, unknown: false };
    const same = (unitSpellings[field.unit] ?? []).some((s) => normalizeText(s) === normalizeText(unit));
    // a different unit that is not money and not a spelling of the rule's: not read as if it were
    return { header: unit, factor: 1, unknown: !same };
  }
  return { header: unit, factor: 1, unknown: false };
}

/** A column's cells mostly formulas reading one other sheet. */
function crossSheetOf(stats: ColumnStats): { sheet: string; cells: number } | null {
  let best: { sheet: string; cells: number } | null = null;
  for (const [sheet, n] of stats.crossSheet) if (!best || n > best.cells) best = { sheet, cells: n };
  const filled = stats.typedNumbers + stats.texts + stats.formulas;
  return best && best.cells * 2 >= Math.max(1, filled) ? best : null;
}

interface Pending {
  readonly cell: HeaderCell;
  readonly stats: ColumnStats;
  /** A decided role, or undefined while the sheet's role must settle it. */
  role?: ColumnRole;
  evidence: Evidence[];
  /** For ambiguous indicator-name columns: the score reading and the input reading. */
  scoreReading?: number;
  inputReading?: { indicator: number; field: number };
}

function headerTextOf(h: HeaderCell): string {
  const child = h.child.trim();
  const parent = h.parent.trim();
  return parent !== '' && child !== '' && parent !== child ? `${parent}/${child}` : child || parent;
}

function firstPass(evaluation: EvaluationId, h: HeaderCell, stats: ColumnStats, ownSheet: string): Pending {
  const p: Pending = { cell: h, stats, evidence: [] };
  const text = headerTextOf(h);
  const s = h.says;
  const pick = <T extends { evaluation: EvaluationId }>(refs: readonly T[]) => refs.find((r) => r.evaluation === evaluation);
  const cross = crossSheetOf(stats);
  switch (s.kind) {
    case 'platform':
      return { ...p, role: { kind: 'platform' }, evidence: [{ kind: 'header', text }] };
    case 'serial':
      return { ...p, role: { kind: 'serial' }, evidence: [{ kind: 'header', text }] };
    case 'note':
      return { ...p, role: { kind: 'note' }, evidence: [{ kind: 'header', text }] };
    case 'total':
      return { ...p, role: { kind: 'total' }, evidence: [{ kind: 'score_words', text }] };
    case 'subtotal': {
      const g = pick(s.refs);
      return g ? { ...p, role: { kind: 'subtotal', group: g.group }, evidence: [{ kind: 'score_words', text }] } : { ...p, role: { kind: 'unrecognized', text } };
    }
    case 'score': {
      const r = pick(s.refs);
      return r ? { ...p, role: { kind: 'score', indicator: r.indicator }, evidence: [{ kind: 'score_words', text }] } : { ...p, role: { kind: 'unrecognized', text } };
    }
    case 'field': {
      const r = pick(s.refs);
      if (!r) return { ...p, role: { kind: 'unrecognized', text } };
      return { ...p, role: { kind: 'input', indicator: r.indicator, field: r.field }, evidence: [{ kind: 'header', text }] };
    }
    case 'indicator': {
      const r = pick(s.refs);
      const f = pick(s.fields);
      if (!r) return { ...p, role: { kind: 'unrecognized', text } };
      const ind = indicatorOf(evaluation, r.indicator);
      // a typed number beyond 分值 cannot be a score (a formula's result beyond it is a score missing its cap)
      const typedBeyond = stats.typedNumbers > 0 && stats.maxTyped > ind.points + 1e-9;
      const textValues = stats.texts > 0;
      if (cross && cross.sheet !== ownSheet && !typedBeyond) {
        return { ...p, role: { kind: 'score', indicator: r.indicator }, evidence: [{ kind: 'formula', sheet: cross.sheet, cells: cross.cells }, { kind: 'header', text }] };
      }
      if (f && (typedBeyond || textValues)) {
        const ev: Evidence[] = typedBeyond ? [{ kind: 'values_beyond_points', max: stats.maxTyped, points: ind.points }] : [];
        return { ...p, role: { kind: 'input', indicator: f.indicator, field: f.field }, evidence: [...ev, { kind: 'header', text }] };
      }
      if (!f) {
        // a several-input indicator's name over one column: only its score fits
        if (typedBeyond) return { ...p, role: { kind: 'unrecognized', text }, evidence: [{ kind: 'values_beyond_points', max: stats.maxTyped, points: ind.points }] };
        return { ...p, role: { kind: 'score', indicator: r.indicator }, evidence: [{ kind: 'header', text }] };
      }
      return {
        ...p,
        scoreReading: r.indicator,
        inputReading: { indicator: f.indicator, field: f.field },
        evidence: stats.numbers > 0 ? [{ kind: 'values_within_points', max: stats.maxNumber, points: ind.points }, { kind: 'header', text }] : [{ kind: 'header', text }],
      };
    }
    case 'empty':
      return { ...p, role: { kind: 'ignored' } };
    case 'unknown':
      return { ...p, role: { kind: 'unrecognized', text: s.text } };
  }
}

function isInput(r: ColumnRole | undefined): boolean {
  return r?.kind === 'input';
}
function isScoreLike(r: ColumnRole | undefined): boolean {
  return r?.kind === 'score' || r?.kind === 'subtotal' || r?.kind === 'total';
}

/** Reads one sheet as a cohort table, or undefined when it is none. */
export function readCohortSheet(sheet: SheetData, options: SheetOptions = {}): CohortSheet | undefined {
  const idx = new MergeIndex(sheet);
  const header = findHeader(idx, options.headerRow);
  if (!header) return undefined;
  const mapped = (h: HeaderCell): ColumnRole | undefined => {
    const m = options.columns;
    if (!m) return undefined;
    return m[colLetters(h.col)] ?? m[headerKey(h.child)] ?? (h.parent ? m[headerKey(`${h.parent}/${h.child}`)] : undefined);
  };
  const platformMapped = header.cells.find((h) => mapped(h)?.kind === 'platform');
  const pc = platformMapped?.col ?? platformColumn(sheet, header.row, header.cells);
  if (pc === undefined) return undefined;
  const evaluation = chooseEvaluation(sheet, idx, header.row, header.cells, options.evaluation);
  const rows = dataRows(sheet, header.row, pc);
  const pending = header.cells.map((h) => {
    const stats = columnStats(sheet, h.col, rows);
    const m = mapped(h);
    if (m) return { cell: h, stats, role: m, evidence: [{ kind: 'mapping' } as Evidence] } as Pending;
    if (h.col === pc) return { cell: h, stats, role: { kind: 'platform' }, evidence: [{ kind: 'header', text: headerTextOf(h) } as Evidence] } as Pending;
    return firstPass(evaluation, h, stats, sheet.name);
  });
  const parentRow = header.cells.some((h) => h.parent !== '' && h.parent !== h.child) ? header.row - 1 : null;
  // Cross-sheet formulas in score columns name the sheet this one scores.
  const reads = new Map<string, number>();
  for (const p of pending) if (isScoreLike(p.role) || p.scoreReading !== undefined) for (const [s, n] of p.stats.crossSheet) reads.set(s, (reads.get(s) ?? 0) + n);
  const readsFrom = [...reads].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const inputs = pending.filter((p) => isInput(p.role)).length;
  const scores = pending.filter((p) => isScoreLike(p.role) && (p.role?.kind !== 'total' || p.stats.formulas > 0)).length;
  const ambiguous = pending.filter((p) => p.role === undefined).length;
  if (inputs + scores + ambiguous === 0) return undefined;
  let role: SheetRole;
  if (options.role) role = options.role;
  else if (inputs > 0 && scores > 0) role = 'combined';
  else if (inputs > 0) role = 'inputs';
  else if (scores > 0 && pending.some((p) => p.role?.kind === 'score' || p.role?.kind === 'subtotal' || p.scoreReading !== undefined)) role = 'scores';
  else if (scores > 0) role = 'none'; // a typed total alone is no evidence of this year's scores
  else if (namesScores(sheet.name)) role = 'scores';
  else role = 'ambiguous';
  const cs: CohortSheet = { sheet, headerRow: header.row, parentRow, evaluation, platformCol: pc, rows, columns: [], role, readsFrom, options, headerTop: (col) => idx.masterOf(header.row, col).row };
  settle(cs, pending);
  return cs;
}

/** Gives ambiguous columns the reading the sheet's role supports; builds the decisions. */
export function settle(cs: CohortSheet, pending: readonly Pending[]): void {
  const inputFields = new Set(pending.filter((p) => p.role?.kind === 'input').map((p) => (p.role?.kind === 'input' ? `${p.role.indicator}.${p.role.field}` : '')));
  cs.columns = pending.map((p) => {
    let role = p.role;
    const evidence = [...p.evidence];
    if (role === undefined) {
      const asInput = p.inputReading as { indicator: number; field: number };
      const asScore = p.scoreReading as number;
      if (cs.role === 'scores') role = { kind: 'score', indicator: asScore };
      else if (cs.role === 'combined') role = inputFields.has(`${asInput.indicator}.${asInput.field}`) ? { kind: 'score', indicator: asScore } : { kind: 'input', ...asInput };
      else role = { kind: 'input', ...asInput };
      evidence.push({ kind: 'sheet_role', role: cs.role });
    }
    const header = headerTextOf(p.cell);
    const unit = role.kind === 'input' ? unitOf(cs.evaluation, role, header, p.stats) : { header: headerUnit(header), factor: 1, unknown: false };
    if (role.kind === 'input' && unit.header !== null) evidence.push({ kind: 'unit', unit: unit.header });
    return { col: p.cell.col, header, role, evidence, unit };
  });
}

/** Settles an ambiguous sheet once the others are known (see pairSheets). */
export function resettle(cs: CohortSheet, role: SheetRole): void {
  cs.role = role;
  cs.columns = cs.columns.map((c) => {
    if (!c.evidence.some((e) => e.kind === 'sheet_role')) return c;
    const h = c.header;
    const ind = c.role.kind === 'input' ? c.role.indicator : c.role.kind === 'score' ? c.role.indicator : -1;
    if (ind < 0) return c;
    const fieldRef = fieldCandidates(h).find((f) => f.evaluation === cs.evaluation && f.indicator === ind);
    const next: ColumnRole = role === 'scores' || !fieldRef ? { kind: 'score', indicator: ind } : { kind: 'input', indicator: ind, field: fieldRef.field };
    return { ...c, role: next, evidence: [...c.evidence.filter((e) => e.kind !== 'sheet_role'), { kind: 'sheet_role', role }] };
  });
}

/** Platform names of a sheet, by their header key. */
export function platformKeys(cs: CohortSheet): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of cs.rows) if (r.kind === 'platform' && !m.has(headerKey(r.name))) m.set(headerKey(r.name), r.row);
  return m;
}

/**
 * Pairs score sheets with the input sheets they score and settles ambiguous sheets. Linear in the
 * number of sheets: names are looked up in one index.
 */
export function pairSheets(sheets: readonly CohortSheet[], findings: Finding[]): Map<CohortSheet, CohortSheet> {
  const pairs = new Map<CohortSheet, CohortSheet>();
  const byName = new Map(sheets.map((s) => [s.sheet.name, s]));
  const keys = new Map(sheets.map((s) => [s, platformKeys(s)]));
  // name → input sheets holding it
  const holders = new Map<string, CohortSheet[]>();
  for (const s of sheets) {
    if (s.role !== 'inputs' && s.role !== 'combined' && s.role !== 'ambiguous') continue;
    for (const k of keys.get(s)?.keys() ?? []) {
      const list = holders.get(k);
      if (list) list.push(s);
      else holders.set(k, [s]);
    }
  }
  const overlapping = (s: CohortSheet): CohortSheet[] => {
    const count = new Map<CohortSheet, number>();
    const own = keys.get(s) as Map<string, number>;
    for (const k of own.keys()) for (const h of holders.get(k) ?? []) if (h !== s) count.set(h, (count.get(h) ?? 0) + 1);
    return [...count].filter(([, n]) => n * 2 >= own.size && n > 0).map(([h]) => h);
  };
  // Ambiguous sheets: scores when another sheet with the same platforms holds values beyond the
  // 分值 of a shared indicator that this one keeps within; inputs when no sheet shares its
  // platforms; otherwise left unread, with a finding.
  for (const s of sheets) {
    if (s.role !== 'ambiguous') continue;
    const others = overlapping(s).filter((o) => o.role === 'inputs' || o.role === 'combined');
    if (others.length === 0) {
      resettle(s, 'inputs');
      continue;
    }
    const larger = others.filter((o) => s.columns.some((c) => {
      const ind = c.role.kind === 'input' || c.role.kind === 'score' ? c.role.indicator : -1;
      if (ind < 0) return false;
      const points = tables[s.evaluation].indicators[ind].points;
      const mine = columnStats(s.sheet, c.col, s.rows);
      return mine.numbers > 0 && mine.maxNumber <= points + 1e-9 && o.columns.some((oc) => oc.role.kind === 'input' && oc.role.indicator === ind && columnStats(o.sheet, oc.col, o.rows).maxNumber > points + 1e-9);
    }));
    if (larger.length > 0) resettle(s, 'scores');
    else {
      s.role = 'none';
      findings.push(finding('warning', 'ambiguous_sheet', s.sheet.name, s.headerTop(s.platformCol), s.platformCol, { reasons: others.map((o) => o.sheet.name) }));
    }
  }
  for (const s of sheets) {
    if (s.role !== 'scores') continue;
    let target: CohortSheet | undefined;
    if (s.options.inputSheet) target = byName.get(s.options.inputSheet);
    if (!target && s.readsFrom) {
      const r = byName.get(s.readsFrom);
      if (r && (r.role === 'inputs' || r.role === 'combined')) target = r;
    }
    if (!target) {
      const candidates = overlapping(s).filter((o) => o.role === 'inputs' || o.role === 'combined');
      if (candidates.length === 1) target = candidates[0];
      else if (candidates.length > 1) {
        findings.push(finding('warning', 'ambiguous_score_sheet', s.sheet.name, s.headerTop(s.platformCol), s.platformCol, { candidates: candidates.map((c) => c.sheet.name) }));
        continue;
      }
    }
    if (!target) {
      findings.push(finding('info', 'score_sheet_without_data', s.sheet.name, s.headerTop(s.platformCol), s.platformCol, {}));
      continue;
    }
    if (target.evaluation !== s.evaluation) {
      // a score sheet scores its data sheet's evaluation
      (s as { evaluation: EvaluationId }).evaluation = target.evaluation;
    }
    pairs.set(s, target);
  }
  return pairs;
}


// ---------------------------------------------------------------- the table

function resultSheetName(input: string, taken: ReadonlySet<string>, single: boolean): string {
  const base = vocabulary.resultSheet as string;
  let name = single ? base : `${base}-${input}`.slice(0, 31);
  for (let k = 2; taken.has(name); k++) name = `${(single ? base : `${base}-${input}`).slice(0, 28)}${k}`;
  return name;
}

/**
 * The table of an input sheet with its paired score sheets. `single` says whether it is the only
 * cohort table of the workbook (its new result sheet is then simply 评分结果).
 */
export function buildCohortLayout(input: CohortSheet, scoreSheets: readonly CohortSheet[], taken: Set<string>, single: boolean): TableLayout {
  const sheet = input.sheet;
  const evaluation = input.evaluation;
  const table = tables[evaluation];
  const findings: Finding[] = [];
  const fieldCols = new Map<string, number>();
  const scoreCols = new Map<number, number>();
  const groupCols = new Map<number, number>();
  let totalCol: number | undefined;
  const units: ColumnUnit[][] = table.indicators.map((ind) => ind.inputs.map(() => ({ header: null, factor: 1, unknown: false })));
  const decisions = input.columns.map((d): ColumnDecision => {
    const r = d.role;
    if (r.kind === 'input') {
      const key = `${r.indicator}.${r.field}`;
      const first = fieldCols.get(key);
      if (first !== undefined) {
        findings.push(finding('warning', 'duplicate_column', sheet.name, input.headerTop(d.col), d.col, { text: d.header, firstColumn: colLetters(first) }));
        return { ...d, role: { kind: 'ignored' }, evidence: [...d.evidence, { kind: 'duplicate_of', column: colLetters(first) }] };
      }
      fieldCols.set(key, d.col);
      units[r.indicator][r.field] = d.unit;
      const field = table.indicators[r.indicator].inputs[r.field];
      if (d.unit.unknown) findings.push(finding('warning', 'unit_unknown', sheet.name, input.headerTop(d.col), d.col, { evaluation, indicator: r.indicator + 1, field: r.field, unit: d.unit.header ?? '', expected: field.unit }));
      else if (d.unit.factor !== 1 && field.kind === 'share') findings.push(finding('warning', 'percent_points', sheet.name, input.headerTop(d.col), d.col, { evaluation, indicator: r.indicator + 1, field: r.field }));
      else if (d.unit.factor !== 1) findings.push(finding('info', 'unit_converted', sheet.name, input.headerTop(d.col), d.col, { evaluation, indicator: r.indicator + 1, field: r.field, from: d.unit.header ?? '', to: field.unit, factor: d.unit.factor }));
    } else if (r.kind === 'score') {
      if (!scoreCols.has(r.indicator)) scoreCols.set(r.indicator, d.col);
    } else if (r.kind === 'subtotal') groupCols.set(r.group, d.col);
    else if (r.kind === 'total') totalCol = d.col;
    else if (r.kind === 'unrecognized' && r.text.trim() !== '') {
      const other = evaluationsOf(r.text).filter((e) => e !== evaluation);
      if (other.length > 0) findings.push(finding('info', 'other_evaluation_column', sheet.name, input.headerTop(d.col), d.col, { text: d.header, evaluation: other[0] }));
      else findings.push(finding('info', 'unknown_column', sheet.name, input.headerTop(d.col), d.col, { text: d.header }));
    }
    return d;
  });

  table.indicators.forEach((ind, i) => {
    const any = ind.inputs.some((_, fi) => fieldCols.has(`${i}.${fi}`));
    if (!any) findings.push(finding('warning', 'indicator_not_in_table', sheet.name, input.headerTop(input.platformCol), input.platformCol, { evaluation, indicator: i + 1 }));
    else
      ind.inputs.forEach((f, fi) => {
        if (!fieldCols.has(`${i}.${fi}`) && !absentMeansDefault(f)) findings.push(finding('warning', 'field_not_in_table', sheet.name, input.headerTop(input.platformCol), input.platformCol, { evaluation, indicator: i + 1, field: fi }));
      });
  });

  const dataCols = [...fieldCols.values()];
  const seen = new Map<string, number>();
  const platforms: PlatformLayout[] = [];
  for (const info of input.rows) {
    if (info.kind === 'unnamed') {
      if (dataCols.some((c) => cellAt(sheet, info.row, c) !== null)) findings.push(finding('error', 'unnamed_row', sheet.name, info.row, input.platformCol, { row: info.row }));
      continue;
    }
    if (info.kind !== 'platform') continue;
    const key = headerKey(info.name);
    if (seen.has(key)) findings.push(finding('warning', 'duplicate_platform', sheet.name, info.row, input.platformCol, { name: info.name, firstRow: seen.get(key) as number }));
    else seen.set(key, info.row);
    const at = (col: number): CellRef => ({ sheet: sheet.name, row: info.row, col });
    platforms.push({
      name: info.name,
      nameCell: at(input.platformCol),
      inputs: table.indicators.map((ind, i) => ind.inputs.map((_, fi) => (fieldCols.has(`${i}.${fi}`) ? at(fieldCols.get(`${i}.${fi}`) as number) : null))),
      scores: table.indicators.map((_, i) => (scoreCols.has(i) ? at(scoreCols.get(i) as number) : null)),
      groups: table.groups.map((_, g) => (groupCols.has(g) ? at(groupCols.get(g) as number) : null)),
      total: totalCol !== undefined ? at(totalCol) : null,
    });
  }
  const columns = [{ sheet: sheet.name, headerRow: input.headerRow, decisions }];
  for (const s of scoreSheets) {
    columns.push({ sheet: s.sheet.name, headerRow: s.headerRow, decisions: s.columns });
    attachScoreSheet(platforms, seen, sheet.name, s, findings);
  }
  const hasPlaces = platforms.some((p) => p.scores.some((x) => x !== null));
  let area: TableLayout['area'] = { kind: 'none' };
  if (!hasPlaces && platforms.length > 0) {
    const name = resultSheetName(sheet.name, taken, single);
    taken.add(name);
    area = { kind: 'sheet', name };
  }
  return { kind: 'cohort', evaluation, sheet: sheet.name, headerRow: input.headerRow, platforms, findings, units, columns, scoreSheets: scoreSheets.map((s) => s.sheet.name), area };
}

function evaluationsOf(text: string): EvaluationId[] {
  return [...new Set([...fieldCandidates(text), ...indicatorCandidates(text)].map((r) => r.evaluation))];
}

/** Score places from a score sheet of the same platforms (matched by name; order may differ). */
function attachScoreSheet(platforms: PlatformLayout[], inputNames: ReadonlyMap<string, number>, inputSheet: string, s: CohortSheet, findings: Finding[]): void {
  const names = platformKeys(s);
  for (const p of platforms) {
    const row = names.get(headerKey(p.name));
    if (row === undefined) {
      findings.push(finding('warning', 'platform_not_in_score_sheet', s.sheet.name, s.headerTop(s.platformCol), s.platformCol, { name: p.name, scoreSheet: s.sheet.name }));
      continue;
    }
    for (const d of s.columns) {
      const at: CellRef = { sheet: s.sheet.name, row, col: d.col };
      const r = d.role;
      if (r.kind === 'score' && p.scores[r.indicator] === null) p.scores[r.indicator] = at;
      else if (r.kind === 'subtotal' && p.groups[r.group] === null) p.groups[r.group] = at;
      else if (r.kind === 'total' && p.total === null) p.total = at;
    }
  }
  for (const [k, row] of names) {
    if (!inputNames.has(k)) findings.push(finding('warning', 'unknown_platform_in_score_sheet', s.sheet.name, row, s.platformCol, { name: cellTextAt(s.sheet, row, s.platformCol), inputSheet }));
  }
}

function cellTextAt(sheet: SheetData, row: number, col: number): string {
  const v = cellAt(sheet, row, col)?.value;
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}
