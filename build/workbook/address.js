"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.colLetters = colLetters;
exports.colNumber = colNumber;
exports.a1 = a1;
exports.absA1 = absA1;
exports.parseA1 = parseA1;
exports.sheetRef = sheetRef;
/** A1 addresses. */
function colLetters(col) {
    let s = '';
    let n = col;
    while (n > 0) {
        const m = (n - 1) % 26;
        s = String.fromCharCode(65 + m) + s;
        n = Math.floor((n - 1) / 26);
    }
    return s;
}
function colNumber(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase())
        n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
}
function a1(row, col) {
    return `${colLetters(col)}${row}`;
}
function absA1(row, col) {
    return `$${colLetters(col)}$${row}`;
}
function parseA1(ref) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
    return m ? { row: Number(m[2]), col: colNumber(m[1]) } : undefined;
}
/** Sheet name as it must appear in a formula: quoted when needed. */
function sheetRef(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
