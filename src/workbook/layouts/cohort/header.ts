/**
 * A cohort sheet's header: which row names the fields, what each header cell says (a field, an
 * indicator's name, a score, a subtotal, the total, the platform column …) before values are
 * consulted, the unit a header states, and which evaluation the sheet is.
 */
import { defaultEvaluation, evaluationIds, matchThresholds, matchWords, vocabulary, type EvaluationId, type Tables } from '../../../rules';
import { rankFields, rankIndicators } from '../../read/match/targets';
import {
  evaluationInTitle,
  mostVoted,
  noVotes,
  fieldCandidates,
  groupCandidates,
  indicatorCandidates,
  isNoteHeader,
  isRankHeader,
  isPlatformHeader,
  isScoreHeader,
  isSerialHeader,
  isSubtotalLabel,
  isTotalLabel,
  stripScoreSuffix,
  type FieldRef,
  type IndicatorRef,
} from '../../read/matching';
import { cellAt, type SheetData } from '../../core/model';
import type { MergeIndex } from '../../read/profile';
import { yearOf } from './block';
import { headerUnit } from './units';

export { headerUnit } from './units';
import { headerKey, normalizeText } from '../../core/text';
import { isValueQualifier } from '../../read/match/similarity';

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
  | { kind: 'rank' }
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

/** What a header (its parent row's text over its own) says, against the tables in force. */
export function says(tables: Tables, parent: string, child: string): HeaderSays {
  const text = child.trim() !== '' ? child : parent;
  if (text.trim() === '') return { kind: 'empty' };
  if (isPlatformHeader(text)) return { kind: 'platform' };
  if (isSerialHeader(text)) return { kind: 'serial' };
  if (isNoteHeader(text)) return { kind: 'note' };
  if (isRankHeader(text)) return { kind: 'rank' };
  if (isTotalLabel(text)) return { kind: 'total' };
  // a parent naming an indicator, or one of its inputs (产业项目投资(亿元) over 年度计划 | 完成)
  const parentInd: IndicatorRef[] =
    parent && parent !== child
      ? [...indicatorCandidates(tables, parent), ...fieldCandidates(tables, parent).map((f) => ({ evaluation: f.evaluation, indicator: f.indicator }))]
      : [];
  const parentGroup = parent && parent !== child ? groupCandidates(tables, parent) : [];
  // 年度计划 or 完成值 under 产业项目投资(亿元) is that figure's plan or value, whatever 年度计划 alone names
  if (parent.trim() !== '' && parent !== child && child.trim() !== '' && qualifiesParent(child)) {
    const own = [...fieldCandidates(tables, child), ...indicatorCandidates(tables, child)];
    const within = own.filter((r) => parentInd.some((p) => p.evaluation === r.evaluation && p.indicator === r.indicator));
    if (within.length === 0) return { kind: 'unknown', text: `${parent}/${child}` };
  }
  const parentIsScore = parent !== '' && parent !== child && (isScoreHeader(parent) || stripScoreSuffix(parent) === '');
  // 得分 under an indicator, or an indicator under a 得分 group
  if (child.trim() !== '' && isScoreHeader(child) && parentInd.length > 0) return { kind: 'score', refs: parentInd };
  if (isSubtotalLabel(child) && parentGroup.length > 0) return { kind: 'subtotal', refs: parentGroup };
  if (isScoreHeader(child) && parentGroup.length > 0) return { kind: 'groupScore', refs: parentGroup };
  if (parentIsScore && child.trim() !== '') {
    const ind = indicatorCandidates(tables, child);
    if (ind.length > 0) return { kind: 'score', refs: ind };
    const subtotalWord = vocabulary.subtotal.find((w) => child.endsWith(w));
    const g = groupCandidates(tables, subtotalWord ? child.slice(0, -subtotalWord.length) : child);
    if (g.length > 0) return { kind: 'subtotal', refs: g };
    if (isTotalLabel(child)) return { kind: 'total' };
  }
  const stripped = stripScoreSuffix(text);
  if (stripped !== undefined) {
    const ind = indicatorCandidates(tables, stripped);
    if (ind.length > 0) return { kind: 'score', refs: ind };
    const g = groupCandidates(tables, stripped);
    if (g.length > 0) return { kind: 'subtotal', refs: g };
  }
  const k = headerKey(text);
  for (const w of vocabulary.subtotal) {
    const wk = headerKey(w);
    if (k.endsWith(wk) && k.length > wk.length) {
      const g = groupCandidates(tables, k.slice(0, -wk.length));
      if (g.length > 0) return { kind: 'subtotal', refs: g };
    }
  }
  if (isSubtotalLabel(text) && parentGroup.length > 0) return { kind: 'subtotal', refs: parentGroup };
  const groupOnly = groupCandidates(tables, text);
  let fields = fieldCandidates(tables, child.trim() !== '' ? child : parent);
  if (parentInd.length > 0 && child.trim() !== '') {
    const within = fields.filter((r) => parentInd.some((p) => p.evaluation === r.evaluation && p.indicator === r.indicator));
    if (within.length > 0) return { kind: 'field', refs: within };
    // a sub-item under an indicator is that indicator's (年度计划 under 产业项目投资 is its plan, not 工作推进's 年度工作计划)
    return { kind: 'unknown', text: `${parent}/${child}` };
  }
  const inds = indicatorCandidates(tables, text);
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

/** A sub-item that says "the figure itself" (完成值) or something other than it (目标值) under a parent that names the figure. */
export function qualifiesParent(child: string): boolean {
  const k = headerKey(child);
  if (k === '') return false;
  return isValueQualifier(child) || matchWords.nearMiss.some((w) => k.includes(w));
}

export function useful(says: HeaderSays): boolean {
  return says.kind !== 'empty' && says.kind !== 'unknown' && says.kind !== 'serial' && says.kind !== 'note' && says.kind !== 'rank';
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
      (indicatorCandidates(idx.tables, parentText).length > 0 || groupCandidates(idx.tables, parentText).length > 0 || isScoreHeader(parentText) || parentText === child || (!idx.isCovered(row, c) && qualifiesParent(child)));
    const parent = parentUseful ? parentText : '';
    out.push({ col: c, parent, child: child.trim() === '' && idx.isCovered(row, c) ? '' : child, says: says(idx.tables, parent, child) });
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

/**
 * What a header in the office's own words reads as, confidently (text only): per evaluation, the
 * input or indicator it resembles most. Empty when it resembles none.
 */
export function resemblance(tables: Tables, h: HeaderCell): { evaluation: EvaluationId; target: string }[] {
  if (h.says.kind !== 'unknown') return [];
  const text = h.child.trim() !== '' ? h.child : h.parent;
  const k = headerKey(text);
  if (k.length < 2 || /^[\d.,%\s-]+$/.test(k)) return [];
  const out: { evaluation: EvaluationId; target: string }[] = [];
  for (const e of evaluationIds) {
    const f = rankFields(tables[e], text)[0];
    const i = rankIndicators(tables[e], stripScoreSuffix(text) ?? text)[0];
    const fs = f?.score ?? 0;
    const is = i?.score ?? 0;
    if (Math.max(fs, is) < matchThresholds.confident) continue;
    out.push({ evaluation: e, target: fs >= is && f ? `${e}:${f.target.indicator}` : `${e}:${i?.target.indicator}` });
  }
  return out;
}

/** Labels a header row names, a merged cell counted once (so a parent row over sub-columns does not outscore them). */
export function headerScore(idx: MergeIndex, row: number, cells: readonly HeaderCell[]): number {
  const seen = new Set<string>();
  // a header block of two rows: other columns' headers merged down over both
  const mergedDown = (col: number): boolean => {
    const m = idx.mergeOf(row, col);
    return m !== undefined && m.top < row;
  };
  const blockSpans = cells.some((h) => mergedDown(h.col));
  for (const h of cells) {
    // a sub-item in the office's own words under a parent that names its indicator or group is
    // still a field label (matched later by evidence): the lower row of a two-row header
    // (a parent spans its sub-items: merged over two columns or more; a data row under a header is no sub-item row)
    // (or a lone sub-item under its own parent cell while the block's other headers are merged down)
    const spans = (): boolean => {
      const m = idx.mergeOf(row - 1, h.col);
      return (m !== undefined && m !== null && m.right > m.left) || (blockSpans && !mergedDown(h.col));
    };
    const subItem = h.says.kind === 'unknown' && h.parent.trim() !== '' && h.child.trim() !== '' && h.parent !== h.child && !blockToken(h.child) && spans();
    if (h.says.kind === 'platform') continue;
    // a header that only resembles an indicator counts once per indicator (2021年产值 and 2022年产值 are one)
    const like = !useful(h.says) && !subItem ? resemblance(idx.tables, h) : [];
    if (like.length > 0) {
      seen.add(like[0].target);
      continue;
    }
    if (!useful(h.says) && !subItem) continue;
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
  if (best && best.row < idx.sheet.rowCount) {
    // a block of two header rows (most labels merged down over both, a sub-item under its own
    // parent cell in the lower one) is named by its lower row, however few sub-items it has
    const r = best.row + 1;
    let down = 0;
    let labels = 0;
    const seen = new Set<string>();
    for (const h of best.cells) {
      const m = idx.masterOf(best.row, h.col);
      const key = `${m.row},${m.col}`;
      if (seen.has(key) || h.says.kind === 'empty') continue;
      seen.add(key);
      labels++;
      const merge = idx.mergeOf(best.row, h.col);
      if (merge && merge.bottom >= r) down++;
    }
    const below = readHeader(idx, r);
    const subItems = below.filter((h) => !idx.isCovered(r, h.col) && h.child.trim() !== '' && idx.text(best!.row, h.col).trim() !== '' && !blockToken(h.child));
    if (down >= 2 && down * 2 >= labels && subItems.length > 0) return { row: r, cells: below };
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
  // headers naming an evaluation's labels exactly weigh twice those only resembling them
  const votes = noVotes();
  const vote = (e: EvaluationId, n: number) => votes.set(e, (votes.get(e) ?? 0) + n);
  for (const h of cells) for (const e of new Set(refsOf(h.says).map((r) => r.evaluation))) vote(e, 2);
  for (const h of cells) for (const x of resemblance(idx.tables, h)) vote(x.evaluation, 1);
  const inTitle = evaluationInTitle(idx.tables, sheet.name) ?? (() => {
    for (let r = 1; r < header; r++) for (let c = 1; c <= sheet.colCount; c++) {
      const e = evaluationInTitle(idx.tables, idx.text(r, c));
      if (e) return e;
    }
    return undefined;
  })();
  // a title that says which evaluation the table is holds unless the headers clearly say otherwise
  if (inTitle) {
    const others = Math.max(...[...votes].filter(([e]) => e !== inTitle).map(([, n]) => n));
    if ((votes.get(inTitle) ?? 0) * 2 >= others) return inTitle;
  }
  return mostVoted(votes) ?? inTitle ?? defaultEvaluation;
}

export function platformColumn(sheet: SheetData, header: number, cells: readonly HeaderCell[]): number | undefined {
  const named = cells.find((h) => h.says.kind === 'platform');
  if (named) return named.col;
  // the first unnamed column whose cells below the header are mostly names (text, not numbers)
  for (const h of cells) {
    if (useful(h.says) || h.says.kind === 'serial' || h.says.kind === 'note' || h.says.kind === 'rank') continue;
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