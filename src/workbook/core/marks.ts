/**
 * Marks of problem cells in the workbook itself (a reversible write). Each mark set is a
 * conditional format of type expression whose formula is an always-true marker naming wanmu and
 * the severity, ISTEXT("万亩千亿评分:错误"), with a light fill, applied to the cells' ranges. As
 * conditional formats they leave every cell's value, formula, number format and own fill as they
 * were, travel with the file, and are removed exactly: wanmu recognizes its own rules by the
 * marker formula alone, also after the file was saved and opened again, and never changes or
 * deletes any other conditional format.
 *
 * Here: the marker formulas, the colours, and ranges; the plan made from findings is write/marks.ts.
 * The hosts write and read the rules (`WorkbookHost.setMarks` / `readMarks`).
 */
import { vocabulary } from '../../rules';
import type { CellRange, MarkSet, MarkSeverity } from './model';

/** Severities that are marked, in the order their rules are written (an error's rule first). */
export const MARK_SEVERITIES: readonly MarkSeverity[] = ['error', 'warning'];

/** Fill colours as RRGGBB: the light red and light yellow of Excel's highlight presets. */
export const MARK_FILL: Readonly<Record<MarkSeverity, string>> = { error: 'FFC7CE', warning: 'FFEB9C' };

/** The marker formula of a severity, without '=': ISTEXT("万亩千亿评分:错误"), always TRUE. */
export function markFormula(severity: MarkSeverity): string {
  return `ISTEXT("${vocabulary.markers[severity].split('"').join('""')}")`;
}

/** The severity whose marker a conditional format's formula is (a leading '=' allowed), else undefined. */
export function markSeverityOf(formula: string): MarkSeverity | undefined {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  return MARK_SEVERITIES.find((s) => markFormula(s) === f);
}

/** Cells counted over the ranges of the marks. */
export function markedCells(marks: readonly MarkSet[]): number {
  let n = 0;
  for (const m of marks) for (const r of m.ranges) n += (r.bottom - r.top + 1) * (r.right - r.left + 1);
  return n;
}

/**
 * Cells as few rectangles: runs of adjacent rows in a column, then runs with the same rows in
 * adjacent columns joined; in reading order (top, then left).
 */
export function cellsToRanges(cells: Iterable<{ readonly row: number; readonly col: number }>): CellRange[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col);
    if (list) list.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const runs: CellRange[] = [];
  for (const [col, rows] of byCol) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let top = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      runs.push({ top, bottom: sorted[i - 1], left: col, right: col });
      top = sorted[i];
    }
  }
  runs.sort((a, b) => a.top - b.top || a.bottom - b.bottom || a.left - b.left);
  const out: CellRange[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.top === r.top && last.bottom === r.bottom && last.right + 1 === r.left) out[out.length - 1] = { ...last, right: r.right };
    else out.push(r);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Above this many cells a set is compared by its ranges as given, not cell by cell. */
const CANONICAL_CELLS = 200_000;

/**
 * Marks in one form whatever way a host split or ordered them: one set per sheet and severity
 * (sheets by name, errors first), its cells as `cellsToRanges` makes rectangles of them.
 */
export function canonicalMarks(marks: readonly MarkSet[]): MarkSet[] {
  const groups = new Map<string, { sheet: string; severity: MarkSeverity; ranges: CellRange[] }>();
  for (const m of marks) {
    const key = `${m.sheet}\u0000${m.severity}`;
    const g = groups.get(key);
    if (g) for (const r of m.ranges) g.ranges.push(r);
    else groups.set(key, { sheet: m.sheet, severity: m.severity, ranges: [...m.ranges] });
  }
  const out: MarkSet[] = [];
  for (const g of groups.values()) {
    if (g.ranges.length === 0) continue;
    if (markedCells([g]) > CANONICAL_CELLS) {
      out.push({ ...g, ranges: [...g.ranges].sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right) });
      continue;
    }
    const cells: { row: number; col: number }[] = [];
    for (const r of g.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push({ row, col });
    out.push({ ...g, ranges: cellsToRanges(cells) });
  }
  return out.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : MARK_SEVERITIES.indexOf(a.severity) - MARK_SEVERITIES.indexOf(b.severity)));
}

/** The same cells marked with the same severities. */
export function sameMarks(a: readonly MarkSet[], b: readonly MarkSet[]): boolean {
  return JSON.stringify(canonicalMarks(a)) === JSON.stringify(canonicalMarks(b));
}
