"use strict";
/** Number formatting for explanations and messages (display only; scores stay unrounded). */
Object.defineProperty(exports, "__esModule", { value: true });
exports.fmt = fmt;
exports.fmtScore = fmtScore;
exports.fmtScoreFixed = fmtScoreFixed;
exports.fmtPercent = fmtPercent;
/** Up to 4 decimals, trailing zeros dropped: 11.8, 0.59, 7.3333. */
function fmt(x) {
    const r = Math.round(x * 1e4) / 1e4;
    return String(Object.is(r, -0) ? 0 : r);
}
/** A score as displayed: two decimals, trailing zeros dropped (10, 9.44, 7.5). */
function fmtScore(x) {
    const r = Math.round(x * 100) / 100;
    return String(Object.is(r, -0) ? 0 : r);
}
/** A score with exactly two decimals, as in a report column: 10.00 */
function fmtScoreFixed(x) {
    return (Math.round(x * 100) / 100).toFixed(2);
}
/** A share as a percentage: 0.72 → 72% */
function fmtPercent(x) {
    return `${fmt(x * 100)}%`;
}
