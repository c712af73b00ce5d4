/** Marks (conditional formats) on the scratch sheet: set, read back, no cell changed, cleared. */
import { canonicalMarks, markedCells, sameMarks, type CellRange, type MarkSet } from '../../workbook';
import { SCRATCH_SHEET } from '../catalogue';
import type { CellMismatch } from '../types';
import { present, readScratch, sameContent } from './shared';
import { fail, PASS, skip, type SelfTestStep } from './step';

/** Marks on the scratch sheet: both severities, a run, and a list of cells whose address exceeds 255 characters. */
export const SELF_TEST_MARKS: readonly MarkSet[] = [
  {
    sheet: SCRATCH_SHEET,
    severity: 'error',
    ranges: [{ top: 3, left: 2, bottom: 3, right: 2 }, { top: 3, left: 3, bottom: 4, right: 3 }, ...Array.from({ length: 80 }, (_, i) => ({ top: 20, left: 2 * i + 1, bottom: 20, right: 2 * i + 1 }))],
  },
  { sheet: SCRATCH_SHEET, severity: 'warning', ranges: [{ top: 5, left: 2, bottom: 5, right: 2 }] },
];
const MARKED_AREA: CellRange = { top: 1, left: 1, bottom: 24, right: 160 };

export const marks: SelfTestStep = {
  id: 'marks',
  requires: 'marks',
  after: ['write'],
  async run(ctx) {
    const { setMarks, readMarks } = ctx.host;
    if (!setMarks || !readMarks) throw new Error('a host that declares marks has setMarks and readMarks');
    const set = (m: readonly MarkSet[]) => setMarks.call(ctx.host, m);
    const read = () => readMarks.call(ctx.host);
    const elsewhere = ctx.marksBefore ?? (await read());
    if (elsewhere.length > 0) return skip({ code: 'marks_elsewhere', count: markedCells(elsewhere) });
    const cells = await readScratch(ctx, MARKED_AREA);
    await set(SELF_TEST_MARKS);
    const got = await read();
    if (!sameMarks(got, SELF_TEST_MARKS)) return fail('marks_differ', { expected: markedCells(canonicalMarks(SELF_TEST_MARKS)), found: markedCells(canonicalMarks(got)) });
    // marks never change a cell
    const still = await readScratch(ctx, MARKED_AREA);
    if (cells && still) {
      const wrong: CellMismatch[] = [];
      for (const ref of new Set([...cells.keys(), ...still.keys()])) {
        const a = present(cells.get(ref));
        const b = present(still.get(ref));
        if (!sameContent(a, b)) wrong.push({ cell: ref, expected: a, found: b });
      }
      if (wrong.length > 0) return fail('cells_differ', { cells: wrong });
    }
    await set([]);
    const left = await read();
    return left.length > 0 ? fail('marks_not_cleared', { count: markedCells(left) }) : PASS;
  },
};
