/**
 * The cells: one write of numbers, logical values, text that looks like a number or a formula,
 * number formats, formulas and a merge, read back once (write), then checked by facet (numbers,
 * text, formats, formulas — polled while the host calculates) and against a read of the whole
 * sheet (wholeRead).
 */
import { a1, cellsInRange, sameCell, type CellData, type CellRange } from '../../workbook';
import { SCRATCH_SHEET, SCRATCH_TEXT } from '../catalogue';
import type { CellMismatch } from '../types';
import { batch, byAddress, cellWrite, present, readScratch, settle, type Content } from './shared';
import { fail, PASS, refused, type SelfTestStep } from './step';

type Facet = 'numbers' | 'text' | 'formats' | 'formulas';

/** A cell the write step writes, what it must read back as, and which step checks it. */
interface Planted {
  readonly at: string;
  readonly write: Content;
  readonly expect: CellData;
  readonly facet: Facet;
  /** Also right: what a host that does not calculate (a file) holds, where the write cannot give the result. */
  readonly orElse?: CellData;
}

const plant = (at: string, facet: Facet, write: Content, expect: CellData): Planted => ({ at, facet, write, expect });
const num = (at: string, v: number): Planted => plant(at, 'numbers', { value: v }, { value: v });
const text = (at: string, v: string): Planted => plant(at, 'text', { value: v }, { value: v });

const PLANTED: readonly Planted[] = [
  num('B3', 1180.5),
  num('C3', 0),
  num('D3', -3.25),
  num('E3', 123456789.125),
  // WPS reports error values as these CVErr numbers: a typed number equal to one stays a number
  num('F3', -2146826281),
  plant('B4', 'numbers', { value: true }, { value: true }),
  plant('C4', 'numbers', { value: false }, { value: false }),
  text('B5', '00123'),
  text('C5', SCRATCH_TEXT.formulaLike),
  text('D5', '1e3'),
  text('E5', 'TRUE'),
  text('F5', '2024-01-05'),
  text('G5', '-5'),
  plant('B6', 'formats', { value: 0.72, numFmt: '0.00%' }, { value: 0.72, numFmt: '0.00%' }),
  plant('C6', 'formats', { value: 1234.5, numFmt: '#,##0.00' }, { value: 1234.5, numFmt: '#,##0.00' }),
  plant('D6', 'formats', { value: 3, numFmt: '0.0' }, { value: 3, numFmt: '0.0' }),
  plant('E6', 'formats', { value: '00123', numFmt: '@' }, { value: '00123', numFmt: '@' }),
  plant('F6', 'formats', { value: 5, numFmt: 'General' }, { value: 5 }),
  plant('B7', 'formulas', { formula: 'B3*2', result: 2361, numFmt: '0.00' }, { value: 2361, formula: 'B3*2', numFmt: '0.00' }),
  plant('C7', 'formulas', { formula: 'SUM(B3:D3)', result: 1177.25 }, { value: 1177.25, formula: 'SUM(B3:D3)' }),
  // an error result cannot be written (CellWrite.result): a host that does not calculate has none
  { ...plant('D7', 'formulas', { formula: '1/0' }, { value: { sheetError: 'div0' }, formula: '1/0' }), orElse: { value: null, formula: '1/0' } },
  plant('E7', 'formulas', { formula: 'B5&"x"', result: '00123x' }, { value: '00123x', formula: 'B5&"x"' }),
  text('B9', SCRATCH_TEXT.merged),
];
const MERGED: CellRange = { top: 9, left: 2, bottom: 9, right: 4 };
/** The rectangle the write step writes and reads back. */
const WRITE_RANGE: CellRange = { top: 3, left: 2, bottom: 9, right: 7 };

/** The planted cells that do not read back as written (formulas: by text and format only when `content`). */
function mismatches(found: ReadonlyMap<string, CellData>, planted: readonly Planted[], content = false): CellMismatch[] {
  const out: CellMismatch[] = [];
  for (const p of planted) {
    const f = present(found.get(p.at));
    const ok = content && p.expect.formula !== undefined ? f?.formula === p.expect.formula && f.numFmt === p.expect.numFmt : sameCell(p.expect, f) || (p.orElse !== undefined && sameCell(p.orElse, f));
    if (!ok) out.push({ cell: p.at, expected: p.expect, found: f });
  }
  return out;
}

/** Cells in the rectangle that hold something though nothing was written there. */
function strays(found: ReadonlyMap<string, CellData>, planted: readonly Planted[]): CellMismatch[] {
  const known = new Set(planted.map((p) => p.at));
  const out: CellMismatch[] = [];
  for (const [ref, cell] of found) if (!known.has(ref) && present(cell)) out.push({ cell: ref, expected: null, found: cell });
  return out;
}

function rangeRef(r: CellRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

export const write: SelfTestStep = {
  id: 'write',
  after: ['addSheet'],
  async run(ctx) {
    const r = await ctx.host.write(
      batch({ cells: PLANTED.map((p) => cellWrite(p.at, p.write)), merges: [{ sheet: SCRATCH_SHEET, range: MERGED }], columnWidths: [{ sheet: SCRATCH_SHEET, col: 2, width: 14 }] }),
      [],
    );
    if (!r.ok) return refused(r);
    // one read of everything written
    const [back] = await ctx.host.readRanges([{ sheet: SCRATCH_SHEET, range: WRITE_RANGE }]);
    if (!back?.cells) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    ctx.readBack = back;
    return PASS;
  },
};

export function facetStep(id: 'numbers' | 'text' | 'formats'): SelfTestStep {
  return {
    id,
    after: ['write'],
    async run(ctx) {
      if (!ctx.readBack) throw new Error('the write step has not read');
      const wrong = mismatches(byAddress(ctx.readBack.cells), PLANTED.filter((p) => p.facet === id));
      return wrong.length > 0 ? fail('cells_differ', { cells: wrong }) : PASS;
    },
  };
}

export const formulas: SelfTestStep = {
  id: 'formulas',
  after: ['write'],
  async run(ctx) {
    if (!ctx.readBack) throw new Error('the write step has not read');
    const planted = PLANTED.filter((p) => p.facet === 'formulas');
    const { found, waitedMs } = await settle(
      ctx,
      () => readScratch(ctx, WRITE_RANGE),
      (f) => f !== null && mismatches(f, planted).length === 0,
      byAddress(ctx.readBack.cells),
    );
    if (!found) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const wrong = mismatches(found, planted);
    return wrong.length > 0 ? fail('cells_differ', { cells: wrong, waitedMs }) : PASS;
  },
};

export const wholeRead: SelfTestStep = {
  id: 'wholeRead',
  after: ['write'],
  async run(ctx) {
    const wb = await ctx.host.read({ sheets: [SCRATCH_SHEET] });
    const s = wb.sheets.find((x) => x.name === SCRATCH_SHEET);
    if (!s) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const found = byAddress(cellsInRange(s, WRITE_RANGE));
    // formulas by their text and format: their results are the formulas step's
    const wrong = [...mismatches(found, PLANTED, true), ...strays(found, PLANTED)];
    if (wrong.length > 0) return fail('cells_differ', { cells: wrong });
    if (!s.merges.some((m) => m.top === MERGED.top && m.left === MERGED.left && m.bottom === MERGED.bottom && m.right === MERGED.right)) return fail('merge_missing', { range: rangeRef(MERGED) });
    return PASS;
  },
};
