/**
 * Which cells an issued table's score formula may read: the platform's own value cells of this
 * indicator, and for a 无量纲化 score the other platforms' values of the same indicator.
 */
import { colLetters } from '../../core/address';
import { finding, type Finding } from '../../findings/codes';
import { cohortText } from '../../formulas/native';
import type { ReadsCheck } from '../../contract/layout';
import { type CellRef } from '../../core/address';

export function issuedReads(c: ReadsCheck): Finding | null {
  const { t, at, refs } = c;
  const r = c.result;
  const allowed = new Set(r.inputs.filter((x): x is CellRef => x !== null).map((x) => `${x.row},${x.col}`));
  for (const x of t.cohorts[r.indicator.number - 1]?.cells ?? []) allowed.add(`${x.row},${x.col}`);
  const valueCols = new Set(t.layout.platforms.flatMap((p) => p.inputs.flat().filter((x): x is CellRef => x !== null).map((x) => x.col)));
  const ownCol = r.inputs.find((x) => x !== null)?.col;
  const cohort = t.cohorts[r.indicator.number - 1]?.cells ?? [];
  if (cohort.length > 1) {
    // a 无量纲化 score's MIN/MAX over the row: every platform's value of the indicator, nothing else
    const row = cohort[0].row;
    const first = Math.min(...cohort.map((x) => x.col));
    const last = Math.max(...cohort.map((x) => x.col));
    for (const x of refs) {
      if ((x.sheet ?? at.sheet) !== t.layout.sheet || x.left === x.right || x.top > row || x.bottom < row) continue;
      if (![...valueCols].some((col) => col >= x.left && col <= x.right)) continue;
      if (x.left > first || x.right < last || x.top !== x.bottom) {
        return finding('error', 'cohort_columns', at.sheet, at.row, at.col, { ref: x.text, first: colLetters(first), last: colLetters(last), expected: cohortText(at.sheet, cohort) ?? '' });
      }
    }
  }
  for (const x of refs) {
    if ((x.sheet ?? at.sheet) !== t.layout.sheet || x.top !== x.bottom || x.left !== x.right) continue;
    if (!valueCols.has(x.left) || allowed.has(`${x.top},${x.left}`)) continue;
    return finding('error', 'wrong_input', at.sheet, at.row, at.col, { ref: x.text, other: x.left !== ownCol ? 'platform' : 'indicator' });
  }
  return null;
}
