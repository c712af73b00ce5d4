/** A1 addresses. */
export function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

export function absA1(row: number, col: number): string {
  return `$${colLetters(col)}$${row}`;
}

export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? { row: Number(m[2]), col: colNumber(m[1]) } : undefined;
}

/** Sheet name as it must appear in a formula: quoted when needed. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A cell of a sheet (1-based row and column). */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}
