/** The run's end: the scratch sheets deleted, and the user's sheets (and wanmu's marks on them) as they were before the run. */
import { a1, cellAt, markedCells, sameMarks, type CellRange, type WorkbookData } from '../../workbook';
import type { FailureFacts } from '../types';
import { present, removeScratch, sameContent, SCRATCH_SHEETS } from './shared';
import { fail, PASS, type SelfTestStep } from './step';

export const cleanup: SelfTestStep = {
  id: 'cleanup',
  after: ['prepare'],
  async run(ctx) {
    const wb = await ctx.host.read({ sheets: SCRATCH_SHEETS });
    return (await removeScratch(ctx, wb.sheets)) ?? PASS;
  },
};

/**
 * Differences between two reads of the user's sheets: constants exactly, formulas by their text
 * (a recalculated result is no change: a volatile formula recalculates on any write), number
 * formats, merges, visibility and order. Formatted blanks are not compared (formatting only).
 */
export function workbookDifferences(before: WorkbookData, after: WorkbookData): FailureFacts['workbook_changed'] {
  const sheets: string[] = [];
  const cells: string[] = [];
  let count = 0;
  const byName = new Map(after.sheets.map((s) => [s.name, s]));
  const had = new Set(before.sheets.map((s) => s.name));
  for (const s of after.sheets) if (!had.has(s.name)) sheets.push(s.name);
  const kept = before.sheets.map((s) => s.name).filter((n) => byName.has(n));
  const order = after.sheets.map((s) => s.name).filter((n) => had.has(n));
  const reordered = kept.join('\u0000') !== order.join('\u0000');
  for (const b of before.sheets) {
    const a = byName.get(b.name);
    if (!a) {
      sheets.push(b.name);
      continue;
    }
    let changed = (a.state ?? 'visible') !== (b.state ?? 'visible') || JSON.stringify(sortRanges(a.merges)) !== JSON.stringify(sortRanges(b.merges));
    const seen = new Set<string>();
    for (const s of [b, a])
      s.rows.forEach((line, row) =>
        line.forEach((_, col) => {
          const ref = a1(row, col);
          if (seen.has(ref)) return;
          seen.add(ref);
          if (sameContent(present(cellAt(b, row, col)), present(cellAt(a, row, col)))) return;
          changed = true;
          count++;
          if (cells.length < 10) cells.push(`${b.name}!${ref}`);
        }),
      );
    if (changed) sheets.push(b.name);
  }
  return { sheets, cells, count, reordered };
}

function sortRanges(rs: readonly CellRange[]): CellRange[] {
  return [...rs].sort((x, y) => x.top - y.top || x.left - y.left || x.bottom - y.bottom || x.right - y.right);
}

export const unchanged: SelfTestStep = {
  id: 'unchanged',
  after: ['prepare'],
  async run(ctx) {
    if (!ctx.before) throw new Error('prepare has not read the workbook');
    const after = await ctx.host.read();
    const d = workbookDifferences(ctx.before, after);
    if (d.sheets.length > 0 || d.reordered) return fail('workbook_changed', d);
    if (ctx.marksBefore && ctx.host.readMarks) {
      const now = await ctx.host.readMarks();
      if (!sameMarks(now, ctx.marksBefore)) return fail('marks_changed', { before: markedCells(ctx.marksBefore), after: markedCells(now) });
    }
    return PASS;
  },
};
