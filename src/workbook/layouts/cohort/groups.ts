/**
 * Score columns headed only 得分 under a merged 一级指标 heading (with or without a 小计 column
 * per group): which indicator each scores is not in its header. The group's columns decide it:
 * the 小计 is the column labelled 小计, or the one whose formulas add the columns beside it; the
 * others are the group's indicators in their order. What formulas read confirms or corrects
 * that after pairing (refineByReads). A group whose columns do not fit is left unrecognized
 * rather than guessed.
 */
import { type EvaluationId , type Tables } from '../../../rules';
import { cellAt, type SheetData } from '../../core/model';
import { formulaRefs } from '../../core/refs';
import type { RowInfo } from '../../read/profile';
import { isScoreHeader } from '../../read/matching';
import { type ColumnDecision, type Evidence } from '../../findings/roles';
import type { Pending } from './columns';
import { type CohortSheet } from './types';

/** Platform rows whose formula in `col` adds only other cells of its own row among `cols`. */
function sumsNeighbours(sheet: SheetData, rows: readonly RowInfo[], col: number, cols: ReadonlySet<number>): number {
  let n = 0;
  for (const r of rows) {
    if (r.kind !== 'platform') continue;
    const f = cellAt(sheet, r.row, col)?.formula;
    if (f === undefined) continue;
    const refs = formulaRefs(f);
    let cells = 0;
    const ok = refs.length > 0 && refs.every((x) => {
      if ((x.sheet !== null && x.sheet !== sheet.name) || x.top !== r.row || x.bottom !== r.row) return false;
      for (let c = x.left; c <= x.right; c++) {
        if (c === col || !cols.has(c)) return false;
        cells++;
      }
      return true;
    });
    if (ok && cells >= 1) n++;
  }
  return n;
}

export function resolveGroupScores(tables: Tables, evaluation: EvaluationId, sheet: SheetData, rows: readonly RowInfo[], pending: Pending[]): void {
  const table = tables[evaluation];
  const groups = new Set(pending.filter((p) => p.groupScore !== undefined).map((p) => p.groupScore as number));
  for (const g of groups) {
    const inds = table.indicators.map((ind, i) => (ind.group === g ? i : -1)).filter((i) => i >= 0);
    const cols = pending.filter((p) => p.groupScore === g).sort((a, b) => a.cell.col - b.cell.col);
    const labelled = pending.some((p) => p.groupScore === undefined && p.role?.kind === 'subtotal' && p.role.group === g);
    const colSet = new Set(cols.map((p) => p.cell.col));
    let subtotal: Pending | undefined;
    let scores = cols;
    if (!labelled && cols.length === inds.length + 1) {
      const summing = cols.map((p) => ({ p, n: sumsNeighbours(sheet, rows, p.cell.col, colSet) })).filter((x) => x.n > 0);
      if (summing.length !== 1) {
        for (const p of cols) unresolved(p);
        continue;
      }
      subtotal = summing[0].p;
      subtotal.evidence = [...subtotal.evidence, { kind: 'sums_neighbours', cells: summing[0].n }];
      scores = cols.filter((p) => p !== subtotal);
    } else if (!labelled && cols.length === 1 && inds.length > 1) {
      // one 得分 column under a group of several indicators: the group's score
      cols[0].groupScore = undefined;
      continue;
    }
    if (subtotal) subtotal.groupScore = undefined;
    if (scores.length !== inds.length) {
      for (const p of scores) unresolved(p);
      continue;
    }
    scores.forEach((p, k) => {
      p.role = { kind: 'score', indicator: inds[k] };
      p.evidence = [...p.evidence, { kind: 'position', evaluation, group: g, index: k }];
    });
  }
}

function unresolved(p: Pending): void {
  p.role = { kind: 'unrecognized', text: p.cell.child };
  p.groupScore = undefined;
}

/** The indicators whose input cells a column's formulas read on the input sheet (first rows). */
function indicatorsRead(score: CohortSheet, col: number, input: CohortSheet): { indicators: Set<number>; cells: number } {
  const byCol = new Map<number, number>();
  for (const d of input.columns) if (d.role.kind === 'input') byCol.set(d.col, d.role.indicator);
  const indicators = new Set<number>();
  let cells = 0;
  for (const r of score.rows) {
    if (r.kind !== 'platform') continue;
    const f = cellAt(score.sheet, r.row, col)?.formula;
    if (f === undefined) continue;
    let any = false;
    for (const x of formulaRefs(f)) {
      if ((x.sheet ?? score.sheet.name) !== input.sheet.name) continue;
      for (let c = x.left; c <= x.right; c++) {
        const i = byCol.get(c);
        if (i !== undefined) {
          indicators.add(i);
          any = true;
        }
      }
    }
    if (any) cells++;
    if (cells >= 20) break;
  }
  return { indicators, cells };
}

/**
 * After pairing: a score column placed by its position among 得分 columns is checked against what
 * its formulas read on the paired input sheet; formulas that read one indicator's inputs decide.
 */
export function refineByReads(score: CohortSheet, input: CohortSheet): void {
  const same = score === input;
  const taken = new Set(score.columns.filter((d) => d.role.kind === 'score' && !d.evidence.some((e) => e.kind === 'match' || e.kind === 'position')).map((d) => (d.role.kind === 'score' ? d.role.indicator : -1)));
  score.columns = score.columns.map((d): ColumnDecision => {
    const placed = d.evidence.some((e) => e.kind === 'position');
    const matched = d.evidence.find((e) => e.kind === 'match');
    const scoreLike = !same || (score.stats.get(d.col)?.formulas ?? 0) > 0;
    const unnamed = d.role.kind === 'unrecognized' && (isScoreHeader(d.header.split('/').pop() ?? '') || (matched?.kind === 'match' && matched.role.kind === 'score'));
    const fuzzy = matched !== undefined && scoreLike && (d.role.kind === 'score' || (!same && d.role.kind === 'unrecognized' && (score.stats.get(d.col)?.formulas ?? 0) > 0));
    if (!placed && !unnamed && !fuzzy) return d;
    const read = indicatorsRead(score, d.col, input);
    if (read.indicators.size !== 1) return d;
    const indicator = [...read.indicators][0];
    if (!placed && taken.has(indicator)) return d;
    // what the formulas read decides; a match of the header that agrees is then sure
    const kept = d.evidence.filter((e) => !(e.kind === 'position' && d.role.kind === 'score' && d.role.indicator !== indicator) && e.kind !== 'match');
    const agrees = matched?.kind === 'match' && matched.role.kind === 'score' && matched.role.indicator === indicator;
    const evidence: Evidence[] = [...kept, ...(agrees && matched ? [{ ...matched, confidence: 'confident' as const }] : []), { kind: 'formula_reads', evaluation: score.evaluation, indicator, cells: read.cells }];
    return { ...d, role: { kind: 'score', indicator }, evidence };
  });
}
