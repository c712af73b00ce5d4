/**
 * Headers in people's own words: every column the issued labels do not name exactly is matched
 * by evidence — the similarity of its header path (group › indicator › item) to each input or
 * indicator, its values and its wording — in one assignment per sheet, each input and each
 * indicator's score to at most one column (columns named exactly keep theirs). A confident match
 * is used; an uncertain one is used and said at the header (table.ts); a tie or a weak one is left
 * unrecognized, with what it resembled.
 */
import { matchThresholds as T, type EvaluationId , type Tables } from '../../../rules';
import { isValueQualifier } from '../../read/match/similarity';
import { groupCandidates, indicatorCandidates, isScoreHeader, stripScoreSuffix } from '../../read/matching';
import { decide } from '../../read/match/assign';
import { unitAgreement, valueFactor, wordingFactor } from '../../read/match/evidence';
import { headerUnit } from './header';
import { rankFields, rankIndicators } from '../../read/match/targets';
import { type ColumnRole, type Evidence } from '../../findings/roles';
import { crossSheetOf, type Pending } from './columns';

/** The indicators a parent header names, exactly or closely enough to count. */
function parentIndicators(tables: Tables, evaluation: EvaluationId, parent: string): Set<number> {
  const out = new Set<number>();
  if (parent.trim() === '') return out;
  for (const r of indicatorCandidates(tables, parent)) if (r.evaluation === evaluation) out.add(r.indicator);
  if (out.size === 0) {
    const top = rankIndicators(tables[evaluation], parent);
    if (top[0] && top[0].score >= T.confident && !(top[1] && top[1].score > top[0].score - T.margin)) out.add(top[0].target.indicator);
  }
  return out;
}

function parentGroups(tables: Tables, evaluation: EvaluationId, parent: string): Set<number> {
  return new Set(groupCandidates(tables, parent).filter((g) => g.evaluation === evaluation).map((g) => g.group));
}

/** Whether a column not named exactly reads as a score: score words in its header or above it, or formulas reading another sheet. */
function scoreContext(p: Pending, ownSheet: string): { text: string } | undefined {
  const child = p.cell.child.trim() !== '' ? p.cell.child : p.cell.parent;
  const stripped = stripScoreSuffix(child);
  if (stripped !== undefined && stripped !== '') return { text: stripped };
  const parent = p.cell.parent;
  if (parent !== '' && parent !== child && (isScoreHeader(parent) || stripScoreSuffix(parent) === '')) return { text: child };
  const cross = crossSheetOf(p.stats);
  if (cross && cross.sheet !== ownSheet) return { text: child };
  return undefined;
}

function eligible(p: Pending): boolean {
  return p.cell.says.kind === 'unknown' && p.role?.kind === 'unrecognized' && !p.evidence.some((e) => e.kind === 'mapping');
}

interface Row {
  readonly p: Pending;
  readonly weights: number[];
  readonly labels: string[];
}

function apply(rows: readonly Row[], roles: readonly ColumnRole[], held: ReadonlyMap<number, number>): void {
  const decided = decide(
    rows.map((r) => r.weights),
    roles.length,
    held,
  );
  decided.forEach((d, i) => {
    const { p, labels, weights } = rows[i];
    const runnerUp = d.runnerUp ? { role: roles[d.runnerUp.target], label: labels[d.runnerUp.target] ?? '', score: d.runnerUp.score } : undefined;
    const best = d.target >= 0 ? d.target : weights.indexOf(Math.max(...weights));
    if (best < 0 || (weights[best] ?? 0) < T.uncertain * T.outsideParent) return;
    const match: Evidence = { kind: 'match', confidence: d.confidence, role: roles[best], score: d.target >= 0 ? d.score : (weights[best] ?? 0), label: labels[best] ?? '', ...(runnerUp ? { runnerUp } : {}) };
    p.evidence = [...p.evidence, match];
    if (d.target >= 0) p.role = roles[d.target];
  });
}

/** Matches the sheet's columns that no label names exactly (in place: roles and evidence). */
export function matchOwnWords(tables: Tables, evaluation: EvaluationId, pending: readonly Pending[], ownSheet: string): void {
  const table = tables[evaluation];
  const fieldRoles: ColumnRole[] = [];
  const fieldLabels: string[] = [];
  const fieldIndex = new Map<string, number>();
  table.indicators.forEach((ind, i) =>
    ind.inputs.forEach((f, fi) => {
      fieldIndex.set(`${i}.${fi}`, fieldRoles.length);
      fieldRoles.push({ kind: 'input', indicator: i, field: fi });
      fieldLabels.push(ind.inputs.length > 1 ? `${ind.shortName}/${f.label}` : ind.shortName);
    }),
  );
  const scoreRoles: ColumnRole[] = table.indicators.map((_, i) => ({ kind: 'score', indicator: i }));
  const scoreLabels = table.indicators.map((ind) => `${ind.shortName}得分`);

  // what exact labels already hold
  const heldFields = new Map<number, number>();
  const heldScores = new Map<number, number>();
  for (const p of pending) {
    const r = p.role;
    if (r?.kind === 'input') heldFields.set(fieldIndex.get(`${r.indicator}.${r.field}`) as number, 1);
    if (r?.kind === 'score') heldScores.set(r.indicator, 1);
    if (p.inputReading) heldFields.set(fieldIndex.get(`${p.inputReading.indicator}.${p.inputReading.field}`) as number, 1);
    if (p.scoreReading !== undefined) heldScores.set(p.scoreReading, 1);
  }

  const fieldRows: Row[] = [];
  const scoreRows: Row[] = [];
  for (const p of pending) {
    if (!eligible(p)) continue;
    // 年度评价平均得分 is an input of points (the average of the annual evaluations), not a score column
    const pointsInput = rankFields(table, p.cell.child.trim() !== '' ? p.cell.child : p.cell.parent).find((c) => c.target.kind === 'score');
    const score = pointsInput && pointsInput.score >= T.uncertain ? undefined : scoreContext(p, ownSheet);
    if (score) {
      const weights = new Array<number>(scoreRoles.length).fill(0);
      for (const c of rankIndicators(table, score.text)) {
        const ind = table.indicators[c.target.indicator];
        const beyond = p.stats.typedNumbers > 0 && p.stats.maxTyped > ind.points + 1e-9;
        weights[c.target.indicator] = c.score * (beyond ? T.valuesContradict : 1);
      }
      scoreRows.push({ p, weights, labels: scoreLabels });
      continue;
    }
    // 完成值 under 工业产值(亿元) is the parent's figure
    const qualifier = p.cell.parent.trim() !== '' && p.cell.child.trim() !== '' && isValueQualifier(p.cell.child);
    const child = qualifier ? p.cell.parent : p.cell.child.trim() !== '' ? p.cell.child : p.cell.parent;
    const parent = !qualifier && p.cell.parent !== child ? p.cell.parent : '';
    const pInds = parentIndicators(tables, evaluation, parent);
    const pGroups = parentGroups(tables, evaluation, parent);
    const stated = headerUnit(child) ?? headerUnit(p.cell.child);
    const weights = new Array<number>(fieldRoles.length).fill(0);
    for (const c of rankFields(table, child)) {
      const t = c.target;
      let w = c.score;
      if (pInds.size > 0) w = pInds.has(t.indicator) ? Math.min(1, w + T.parentBonus) : w * T.outsideParent;
      else if (pGroups.size > 0 && !pGroups.has(table.indicators[t.indicator].group)) w *= T.outsideParent;
      w *= valueFactor(t.kind, p.stats) * wordingFactor(t.kind, child) * unitAgreement(t.kind, table.indicators[t.indicator].inputs[t.field].unit, stated, child);
      weights[fieldIndex.get(`${t.indicator}.${t.field}`) as number] = w;
    }
    fieldRows.push({ p, weights, labels: fieldLabels });
  }
  apply(fieldRows, fieldRoles, heldFields);
  apply(scoreRows, scoreRoles, heldScores);
}
