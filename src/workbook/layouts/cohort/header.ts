/**
 * A cohort sheet's header: which row names the fields, what each header cell says (a field, an
 * indicator's name, a score, a subtotal, the total, the platform column …) before values are
 * consulted, the unit a header states, and which evaluation the sheet is.
 */
import { tables, vocabulary, type EvaluationId } from '../../../rules';
import { counterUnits, moneyUnits, percentUnits, unitLabels } from '../../../rules/units';
import { isMoneyUnit } from '../../../engine';
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
  stripScoreSuffix,
  type FieldRef,
  type IndicatorRef,
} from '../../matching';
import { cellAt, type SheetData } from '../../model';
import type { MergeIndex } from '../../read/profile';
import { yearOf } from './block';
import { headerKey, normalizeText } from '../../text';

export const HEADER_SCAN_ROWS = 15;


export interface HeaderCell {
  readonly col: number;
  readonly parent: string;
  readonly child: string;
  /** What the header says, before values are consulted. */
  readonly says: HeaderSays;
}

export type HeaderSays =
  | { kind: 'platform' }
  | { kind: 'serial' }
  | { kind: 'note' }
  | { kind: 'total' }
  | { kind: 'subtotal'; refs: { evaluation: EvaluationId; group: number }[] }
  /** Only 得分 under a 一级指标 heading: one of the group's scores, or its subtotal (see groups.ts). */
  | { kind: 'groupScore'; refs: { evaluation: EvaluationId; group: number }[] }
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

export function says(parent: string, child: string): HeaderSays {
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
  if (isSubtotalLabel(child) && parentGroup.length > 0) return { kind: 'subtotal', refs: parentGroup };
  if (isScoreHeader(child) && parentGroup.length > 0) return { kind: 'groupScore', refs: parentGroup };
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

export function useful(says: HeaderSays): boolean {
  return says.kind !== 'empty' && says.kind !== 'unknown' && says.kind !== 'serial' && says.kind !== 'note';
}

export function readHeader(idx: MergeIndex, row: number): HeaderCell[] {
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

/** A year label (2023年, 上年, 本年) or a unit: what a header block's rows hold under the labels, not a sub-item. */
function blockToken(text: string): boolean {
  const t = normalizeText(text);
  const bare = t.replace(/^\((.*)\)$/, '$1');
  // the header block's own reading of year labels (any evaluated year: 上年/本年 are labels too)
  return yearOf(t, 0) !== null || headerUnit(`(${bare})`) === bare;
}

/** Labels a header row names, a merged cell counted once (so a parent row over sub-columns does not outscore them). */
export function headerScore(idx: MergeIndex, row: number, cells: readonly HeaderCell[]): number {
  const seen = new Set<string>();
  for (const h of cells) {
    // a sub-item in the office's own words under a parent that names its indicator or group is
    // still a field label (matched later by evidence): the lower row of a two-row header
    // (a parent spans its sub-items: merged over two columns or more; a data row under a header is no sub-item row)
    const spans = (): boolean => {
      const m = idx.mergeOf(row - 1, h.col);
      return m !== undefined && m !== null && m.right > m.left;
    };
    const subItem = h.says.kind === 'unknown' && h.parent.trim() !== '' && h.child.trim() !== '' && h.parent !== h.child && !blockToken(h.child) && spans();
    if ((!useful(h.says) && !subItem) || h.says.kind === 'platform') continue;
    const m = idx.masterOf(row, h.col);
    seen.add(`${m.row},${m.col}`);
  }
  return seen.size;
}

/** The best header row among the first rows: the one naming most fields, scores and totals. */
export function findHeader(idx: MergeIndex, forced?: number): { row: number; cells: HeaderCell[] } | undefined {
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

export function refsOf(s: HeaderSays): { evaluation: EvaluationId }[] {
  if (s.kind === 'field' || s.kind === 'score' || s.kind === 'subtotal' || s.kind === 'groupScore') return s.refs;
  if (s.kind === 'indicator') return [...s.refs, ...s.fields];
  return [];
}

export function chooseEvaluation(sheet: SheetData, idx: MergeIndex, header: number, cells: readonly HeaderCell[], forced?: EvaluationId): EvaluationId {
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

export function platformColumn(sheet: SheetData, header: number, cells: readonly HeaderCell[]): number | undefined {
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