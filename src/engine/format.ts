/** Number formatting for explanations and messages (display only; scores stay unrounded). */

/** Up to 4 decimals, trailing zeros dropped: 11.8, 0.59, 7.3333. */
export function fmt(x: number): string {
  const r = Math.round(x * 1e4) / 1e4;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A score as displayed: two decimals, trailing zeros dropped (10, 9.44, 7.5). */
export function fmtScore(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A score with exactly two decimals, as in a report column: 10.00 */
export function fmtScoreFixed(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

/** A share as a percentage: 0.72 → 72% */
export function fmtPercent(x: number): string {
  return `${fmt(x * 100)}%`;
}
