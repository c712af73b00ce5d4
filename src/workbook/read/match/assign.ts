/**
 * One assignment per table: each column to at most one target and each target to at most one
 * column, maximizing the total evidence (the Hungarian method on the columns × targets weights;
 * tables have at most a few hundred columns). Each decision then records its confidence and its
 * runner-up, so a close second reading is never silently dropped.
 */
import { matchThresholds as T } from '../../../rules';

/** weights[i][j] ≥ 0; 0 means column i cannot be target j. Returns the target of each column, or -1. */
export function solveAssignment(weights: readonly (readonly number[])[], targets: number): number[] {
  const rows = weights.length;
  const n = Math.max(rows, targets);
  if (rows === 0 || targets === 0) return new Array<number>(rows).fill(-1);
  let top = 0;
  for (const r of weights) for (const w of r) if (w > top) top = w;
  // minimum-cost form on a square matrix (padding costs `top`: as good as no match)
  const cost = (i: number, j: number) => (i < rows && j < targets ? top - (weights[i][j] ?? 0) : top);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j] - 1;
    if (i >= 0 && i < rows && j - 1 < targets && (weights[i][j - 1] ?? 0) > 0) out[i] = j - 1;
  }
  return out;
}

export type Confidence = 'confident' | 'uncertain' | 'tie' | 'none';

export interface Decided {
  /** The target index, or -1. */
  readonly target: number;
  readonly score: number;
  readonly confidence: Confidence;
  /** The best other reading of this column that no other column explains better. */
  readonly runnerUp?: { readonly target: number; readonly score: number };
}

/**
 * The assignment with each column's confidence. `held[j]` is the score of a column already fixed on
 * target j outside this solve (an exact label), which explains that reading away for the others.
 */
export function decide(weights: readonly (readonly number[])[], targets: number, held: ReadonlyMap<number, number> = new Map()): Decided[] {
  const free = weights.map((row) => row.map((w, j) => (held.has(j) ? 0 : w)));
  const chosen = solveAssignment(free, targets);
  const holder = new Map<number, number>();
  chosen.forEach((j, i) => {
    if (j >= 0) holder.set(j, free[i][j]);
  });
  return weights.map((row, i) => {
    const j = chosen[i];
    const score = j >= 0 ? free[i][j] : 0;
    let runnerUp: { target: number; score: number } | undefined;
    row.forEach((w, k) => {
      if (k === j || w <= 0) return;
      const other = holder.get(k) ?? held.get(k);
      const explained = k !== j && other !== undefined && chosen.indexOf(k) !== i && other >= w + T.margin;
      if (explained) return;
      if (!runnerUp || w > runnerUp.score) runnerUp = { target: k, score: w };
    });
    let confidence: Confidence = 'none';
    if (j < 0 || score < T.uncertain) confidence = 'none';
    else if (runnerUp && runnerUp.score >= score - T.tie) confidence = 'tie';
    else if (score >= T.confident && (!runnerUp || score - runnerUp.score >= T.margin)) confidence = 'confident';
    else confidence = 'uncertain';
    if (confidence === 'none') return { target: -1, score, confidence, ...(runnerUp ? { runnerUp } : {}) };
    return { target: j, score, confidence, ...(runnerUp ? { runnerUp } : {}) };
  });
}
