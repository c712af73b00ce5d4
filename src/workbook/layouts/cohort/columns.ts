/**
 * A cohort column's role from its header and its values: an input (with the unit its header
 * states), a score, a subtotal, the total; an indicator's name over one column is settled by its
 * values (a typed number beyond 分值 cannot be a score) or, when they cannot tell, by the sheet.
 */
import { type EvaluationId, type Indicator , type Tables } from '../../../rules';
import { PERCENT_POINTS_FACTOR, PERCENT_POINTS_RANGE, percentUnits, unitSpellings } from '../../../rules/units';
import { isMoneyUnit, unitFactor } from '../../../engine';
import type { ColumnStats } from '../../read/profile';
import { normalizeText } from '../../core/text';
import { type ColumnRole, type ColumnUnit, type Evidence } from '../../findings/roles';
import { headerUnit, type HeaderCell } from './header';

function indicatorOf(tables: Tables, evaluation: EvaluationId, i: number): Indicator {
  return tables[evaluation].indicators[i];
}

/**
 * How an input column converts: by the unit its header states, else the unit its header block's
 * units row states, else (an amount in money) the table's own 金额单位 line.
 */
export function unitOf(tables: Tables, evaluation: EvaluationId, r: { indicator: number; field: number }, header: string, stats: ColumnStats, block: { unit?: string; table?: string | null } = {}): ColumnUnit {
  const field = indicatorOf(tables, evaluation, r.indicator).inputs[r.field];
  const unit = headerUnit(header) ?? block.unit ?? (field.kind === 'amount' && isMoneyUnit(field.unit) ? block.table ?? null : null);
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
export function crossSheetOf(stats: ColumnStats): { sheet: string; cells: number } | null {
  let best: { sheet: string; cells: number } | null = null;
  for (const [sheet, n] of stats.crossSheet) if (!best || n > best.cells) best = { sheet, cells: n };
  const filled = stats.typedNumbers + stats.texts + stats.formulas;
  return best && best.cells * 2 >= Math.max(1, filled) ? best : null;
}

export interface Pending {
  readonly cell: HeaderCell;
  readonly stats: ColumnStats;
  /** A decided role, or undefined while the sheet's role must settle it. */
  role?: ColumnRole;
  evidence: Evidence[];
  /** For ambiguous indicator-name columns: the score reading and the input reading. */
  scoreReading?: number;
  inputReading?: { indicator: number; field: number };
  /** Headed only 得分 under this 一级指标: which of the group's columns it is is settled by position and formulas. */
  groupScore?: number;
}

export function headerTextOf(h: HeaderCell): string {
  const child = h.child.trim();
  const parent = h.parent.trim();
  return parent !== '' && child !== '' && parent !== child ? `${parent}/${child}` : child || parent;
}

export function firstPass(tables: Tables, evaluation: EvaluationId, h: HeaderCell, stats: ColumnStats, ownSheet: string): Pending {
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
    case 'rank':
      return { ...p, role: { kind: 'rank' }, evidence: [{ kind: 'header', text }] };
    case 'total':
      return { ...p, role: { kind: 'total' }, evidence: [{ kind: 'score_words', text }] };
    case 'subtotal': {
      const g = pick(s.refs);
      return g ? { ...p, role: { kind: 'subtotal', group: g.group }, evidence: [{ kind: 'score_words', text }] } : { ...p, role: { kind: 'unrecognized', text } };
    }
    case 'groupScore': {
      // settled with the group's other columns (groups.ts); a subtotal until then
      const g = pick(s.refs);
      return g ? { ...p, role: { kind: 'subtotal', group: g.group }, evidence: [{ kind: 'score_words', text }], groupScore: g.group } : { ...p, role: { kind: 'unrecognized', text } };
    }
    case 'score': {
      const r = pick(s.refs);
      return r ? { ...p, role: { kind: 'score', indicator: r.indicator }, evidence: [{ kind: 'score_words', text }] } : { ...p, role: { kind: 'unrecognized', text } };
    }
    case 'field': {
      const r = pick(s.refs);
      if (!r) return { ...p, role: { kind: 'unrecognized', text } };
      // an input's name over formulas that compute from another sheet (not copies of its cells):
      // that sheet's score of the indicator, or an input derived from that sheet — the sheet's
      // other columns settle which (a sheet of scores, or one holding inputs)
      if (cross && cross.sheet !== ownSheet && stats.links * 2 < stats.formulas && stats.typedNumbers === 0) {
        return { ...p, scoreReading: r.indicator, inputReading: { indicator: r.indicator, field: r.field }, evidence: [{ kind: 'formula', sheet: cross.sheet, cells: cross.cells }, { kind: 'header', text }] };
      }
      return { ...p, role: { kind: 'input', indicator: r.indicator, field: r.field }, evidence: [{ kind: 'header', text }] };
    }
    case 'indicator': {
      const r = pick(s.refs);
      const f = pick(s.fields);
      if (!r) return { ...p, role: { kind: 'unrecognized', text } };
      const ind = indicatorOf(tables, evaluation, r.indicator);
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

export function isInput(r: ColumnRole | undefined): boolean {
  return r?.kind === 'input';
}
export function isScoreLike(r: ColumnRole | undefined): boolean {
  return r?.kind === 'score' || r?.kind === 'subtotal' || r?.kind === 'total';
}
