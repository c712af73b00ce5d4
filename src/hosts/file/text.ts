/**
 * Cell text in SpreadsheetML: the `_xHHHH_` escapes of ST_Xstring, and shifting the relative
 * references of a shared formula from its master cell to a dependent cell.
 */
import { colLetters, colNumber } from '../../workbook/core/address';

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** `_xHHHH_` at i (the escape Excel uses for characters XML cannot carry). */
function escapeAt(s: string, i: number): boolean {
  if (s.charCodeAt(i) !== 95 || s.charCodeAt(i + 1) !== 120 || s.charCodeAt(i + 6) !== 95) return false;
  for (let k = i + 2; k < i + 6; k++) if (!isHex(s.charCodeAt(k))) return false;
  return true;
}

export function decodeXstring(s: string): string {
  if (!s.includes('_x')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (escapeAt(s, i)) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 7;
    } else out += s[i++];
  }
  return out;
}

/** Escapes characters XML 1.0 cannot carry, and literal `_xHHHH_` sequences. */
export function encodeXstring(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const control = (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff;
    if (control) out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    else if (escapeAt(s, i)) out += '_x005F_';
    else out += s[i];
  }
  return out;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 92 || c > 127;
}

/**
 * The formula of a shared-formula dependent: the master's text with every relative reference
 * moved by (dRow, dCol). Text in string literals, quoted sheet names and structured references
 * is left alone; a reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 || c === 39) {
      // "string" or 'sheet name' (doubled quotes escape)
      let j = i + 1;
      while (j < n) {
        if (formula.charCodeAt(j) === c) {
          if (formula.charCodeAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === 91) {
      // [structured reference] or [external book], possibly nested
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const d = formula.charCodeAt(j);
        if (d === 91) depth++;
        else if (d === 93 && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula.charCodeAt(i - 1) : 0;
    if ((isLetter(c) || c === 36 || isDigit(c)) && !isNameChar(prev) && prev !== 36) {
      // read a token of name characters and $ signs
      let j = i;
      while (j < n && (isNameChar(formula.charCodeAt(j)) || formula.charCodeAt(j) === 36)) j++;
      const token = formula.slice(i, j);
      const next = j < n ? formula.charCodeAt(j) : 0;
      const shifted = next === 40 || next === 33 ? undefined : shiftToken(token, dRow, dCol, formula, j);
      out += shifted ?? token;
      i = j;
      continue;
    }
    out += formula[i];
    i++;
  }
  return out;
}

/** A cell reference (A1, $A$1), a column (A, as in A:B) or a row (1, as in 1:2), moved; undefined if not a reference. */
function shiftToken(token: string, dRow: number, dCol: number, formula: string, end: number): string | undefined {
  let i = 0;
  const colAbs = token[i] === '$';
  if (colAbs) i++;
  const ls = i;
  while (i < token.length && isLetter(token.charCodeAt(i))) i++;
  const letters = token.slice(ls, i);
  const rowAbs = token[i] === '$';
  if (rowAbs) i++;
  const ds = i;
  while (i < token.length && isDigit(token.charCodeAt(i))) i++;
  const digits = token.slice(ds, i);
  if (i !== token.length) return undefined;
  const inRange = formula[end] === ':' || (end - token.length > 0 && formula[end - token.length - 1] === ':');
  if (letters && digits) {
    if (letters.length > 3) return undefined;
    const col = colNumber(letters);
    const row = Number(digits);
    if (col > MAX_COL || row < 1 || row > MAX_ROW) return undefined;
    const nc = colAbs ? col : col + dCol;
    const nr = rowAbs ? row : row + dRow;
    if (nc < 1 || nc > MAX_COL || nr < 1 || nr > MAX_ROW) return '#REF!';
    return `${colAbs ? '$' : ''}${colLetters(nc)}${rowAbs ? '$' : ''}${nr}`;
  }
  if (letters && !digits && !rowAbs && inRange && letters.length <= 3) {
    const col = colNumber(letters);
    if (col > MAX_COL) return undefined;
    const nc = colAbs ? col : col + dCol;
    return nc < 1 || nc > MAX_COL ? '#REF!' : `${colAbs ? '$' : ''}${colLetters(nc)}`;
  }
  if (!letters && digits && !colAbs && inRange) {
    const row = Number(digits);
    const nr = rowAbs ? row : row + dRow;
    return nr < 1 || nr > MAX_ROW ? '#REF!' : `${rowAbs ? '$' : ''}${nr}`;
  }
  return undefined;
}

/** A cell address as stored in `r` (A1, also $A$1), without regular expressions; undefined if not one. */
export function cellRef(s: string): { row: number; col: number } | undefined {
  let i = 0;
  const n = s.length;
  if (s.charCodeAt(i) === 36) i++;
  let col = 0;
  const ls = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === ls || i - ls > 3 || col > MAX_COL) return undefined;
  if (s.charCodeAt(i) === 36) i++;
  let row = 0;
  const ds = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (i === ds || row < 1 || row > MAX_ROW) return undefined;
  return { row, col };
}

/** A rectangle as stored in `ref` / `sqref` items ("A1", "B2:D9", '$' allowed); undefined if not one. */
export function rangeRef(s: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b] = s.split(':');
  const from = cellRef(a);
  const to = b === undefined ? from : cellRef(b);
  if (!from || !to) return undefined;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}
