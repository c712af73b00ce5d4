/** Which cells to mark (wanmu's conditional formats, core/marks.ts) for a model's findings. */
import { parseA1 } from '../core/address';
import { cellsToRanges, MARK_SEVERITIES } from '../core/marks';
import type { MarkSet, MarkSeverity, SheetState } from '../core/model';
import { WORKBOOK_CODES, type Finding } from '../findings/codes';

/**
 * The marks for a model's findings: errors and warnings that name a cell of a sheet the user can
 * see or unhide (not wanmu's very hidden sheets); one mark per cell, an error's where a cell has
 * both; info findings are not marked. Sets in sheet order, errors first.
 */
export function planMarks(findings: readonly Finding[], sheets: ReadonlyArray<{ readonly name: string; readonly state?: SheetState }>): MarkSet[] {
  const order = new Map<string, number>();
  sheets.forEach((s, i) => {
    if (s.state !== 'veryHidden') order.set(s.name, i);
  });
  const bySheet = new Map<string, Map<string, { row: number; col: number; severity: MarkSeverity }>>();
  for (const f of findings) {
    if (f.severity === 'info' || !order.has(f.sheet) || WORKBOOK_CODES.has(f.code)) continue;
    const at = parseA1(f.cell);
    if (!at) continue;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    const key = `${at.row},${at.col}`;
    const had = cells.get(key);
    if (!had || (had.severity === 'warning' && f.severity === 'error')) cells.set(key, { ...at, severity: f.severity });
  }
  const out: MarkSet[] = [];
  for (const sheet of [...bySheet.keys()].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
    const cells = [...(bySheet.get(sheet) as Map<string, { row: number; col: number; severity: MarkSeverity }>).values()];
    for (const severity of MARK_SEVERITIES) {
      const mine = cells.filter((c) => c.severity === severity);
      if (mine.length > 0) out.push({ sheet, severity, ranges: cellsToRanges(mine) });
    }
  }
  return out;
}

