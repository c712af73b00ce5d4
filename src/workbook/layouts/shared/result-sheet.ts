/**
 * The sheet wanmu adds for a cohort table without score places, fit to read and print without
 * the add-in: a title row, a header row (wrapped, frozen, repeated on every printed page), one row
 * per platform — 序号, name, each indicator's score, each 一级指标's score, the total, its RANK and a
 * 说明 saying why a score could not be computed ("—" in its cell) — and, in native style, two
 * labeled helper rows with each 无量纲化 column's MIN and MAX over the cohort (computed once, not in
 * every cell) in the input's own number format. Columns are as wide as their contents (CJK
 * characters counted double); the page is landscape, one page wide, with the page number below.
 */
import { errorMessage, rankDescending } from '../../../engine';
import { vocabulary, type EvaluationTable } from '../../../rules';
import { absA1, colLetters } from '../../core/address';
import { formatDecimals } from '../../core/formula-parse';
import { type TableResult } from '../../contract/analysis';
import { COHORT_BOUNDS_NOTE, renderResultSheetTitle, renderScoreHeader, renderUnscoredNote } from './result-sheet-text';
import { cohortText } from '../../formulas/native';
import { displayWidth } from '../../core/text';
import type { AreaBounds, AreaWriter, NewPlace, TableLayout } from '../../contract/layout';
import { type CellRef } from '../../core/address';

export const resultSheet = {
  titleRow: 1,
  headerRow: 2,
  firstRow: 3,
  serialCol: 1,
  nameCol: 2,
  indicatorCol: (i: number) => 3 + i,
  groupCol: (t: EvaluationTable, g: number) => 3 + t.indicators.length + g,
  totalCol: (t: EvaluationTable) => 3 + t.indicators.length + t.groups.length,
  rankCol: (t: EvaluationTable) => 4 + t.indicators.length + t.groups.length,
  noteCol: (t: EvaluationTable) => 5 + t.indicators.length + t.groups.length,
  /** Helper rows after the platforms (one blank row between). */
  minRow: (platforms: number) => 3 + platforms + 1,
  maxRow: (platforms: number) => 3 + platforms + 2,
  minLabel: vocabulary.cohortMinRow,
  maxLabel: vocabulary.cohortMaxRow,
} as const;

/** A free name for a table's result sheet (评分结果, or 评分结果-表名 when there are several tables). */
export function resultSheetName(input: string, taken: ReadonlySet<string>, single: boolean): string {
  const base = vocabulary.resultSheet as string;
  let name = single ? base : `${base}-${input}`.slice(0, 31);
  for (let k = 2; taken.has(name); k++) name = `${(single ? base : `${base}-${input}`).slice(0, 28)}${k}`;
  return name;
}

export function placeInResultSheet(layout: TableLayout, table: EvaluationTable, p: number, what: NewPlace): CellRef | null {
  const area = layout.area;
  if (area.kind !== 'sheet') return null;
  const L = resultSheet;
  const col = what.what === 'indicator' ? L.indicatorCol(what.index) : what.what === 'group' ? L.groupCol(table, what.index) : L.totalCol(table);
  return { sheet: area.name, row: L.firstRow + p, col };
}

/** Widest a column gets; a header wider than its column wraps onto at most three lines. */
const MAX_WIDTH = { name: 30, score: 14, note: 60 } as const;
const HEADER_LINES = 3;

/** How wide a number shows in a format: its digits, thousands separators and decimals (an estimate on the safe side). */
function numberWidth(v: number, numFmt: string | undefined): number {
  const whole = String(Math.trunc(Math.abs(v))).length;
  const shown = formatDecimals(numFmt);
  const decimals = numFmt === undefined ? (Number.isInteger(v) ? 0 : Math.min(9, String(v).split('.')[1]?.length ?? 0) + 1) : shown ? shown + 1 : 0;
  const separators = numFmt?.includes(',') ? Math.floor((whole - 1) / 3) : 0;
  const percent = numFmt?.includes('%') ? 3 : 0;
  return whole + separators + decimals + percent + (v < 0 ? 1 : 0);
}

export function writeResultSheet(t: TableResult, w: AreaWriter): AreaBounds {
  const bounds: AreaBounds = new Map();
  const area = t.layout.area;
  if (area.kind !== 'sheet' || t.platforms.length === 0) return bounds;
  const s = area.name;
  const L = resultSheet;
  const table = t.table;
  const cols = vocabulary.resultColumns;
  const n = t.platforms.length;
  const last = L.firstRow + n - 1;
  /** Content width per column, for the column widths. */
  const widths = new Map<number, number>();
  const fit = (col: number, width: number) => widths.set(col, Math.max(widths.get(col) ?? 0, width));
  /** Widths numbers need whatever the cap: a number too wide for its column shows as ###. */
  const numbers = new Map<number, number>();

  w.addSheet(s);
  w.label({ sheet: s, row: L.titleRow, col: L.serialCol }, renderResultSheetTitle(table, t.layout.sheet), true);
  const head = (col: number, text: string) => {
    w.label({ sheet: s, row: L.headerRow, col }, text, true, true);
    fit(col, Math.ceil(displayWidth(text) / HEADER_LINES) + 2);
  };
  head(L.serialCol, cols.serial);
  head(L.nameCol, vocabulary.platformColumns[0]);
  table.indicators.forEach((ind, i) => head(L.indicatorCol(i), renderScoreHeader(ind.shortName, ind.points)));
  table.groups.forEach((g, gi) => head(L.groupCol(table, gi), renderScoreHeader(g.name, g.weight)));
  head(L.totalCol(table), vocabulary.total[1]);
  head(L.rankCol(table), cols.rank);
  head(L.noteCol(table), cols.note);

  const ranks = rankDescending(t.platforms.map((p) => p.total.score));
  const totalLetter = colLetters(L.totalCol(table));
  t.platforms.forEach((p, pi) => {
    const row = L.firstRow + pi;
    const at = (col: number): CellRef => ({ sheet: s, row, col });
    w.put(at(L.serialCol), undefined, pi + 1, 'General');
    w.label(at(L.nameCol), p.name);
    fit(L.nameCol, displayWidth(p.name) + 2);
    // a score that cannot be computed: "—" in its cell, the reason in 说明
    const unscored: { name: string; why: string }[] = [];
    p.indicators.forEach((r, i) => {
      if (r.score !== null) return;
      w.label(at(L.indicatorCol(i)), vocabulary.noScore);
      unscored.push({ name: r.indicator.shortName, why: r.reason ? errorMessage(r.reason) : vocabulary.noScore });
    });
    p.groups.forEach((g, gi) => {
      if (g.score === null) w.label(at(L.groupCol(table, gi)), vocabulary.noScore);
    });
    if (p.total.score === null) w.label(at(L.totalCol(table)), vocabulary.noScore);
    const rank = ranks[pi];
    if (rank === null) w.label(at(L.rankCol(table)), vocabulary.noScore);
    else w.put(at(L.rankCol(table)), w.style === 'values' ? undefined : `RANK(${totalLetter}${row},$${totalLetter}$${L.firstRow}:$${totalLetter}$${last})`, rank, 'General');
    if (unscored.length > 0) {
      const note = renderUnscoredNote(unscored);
      w.label(at(L.noteCol(table)), note, false, true);
      fit(L.noteCol(table), displayWidth(note) + 2);
    }
  });
  // scores show as 0.00 (at most 100.00)
  for (let col = L.indicatorCol(0); col <= L.totalCol(table); col++) fit(col, 8);
  fit(L.serialCol, String(n).length + 2);
  fit(L.rankCol(table), String(n).length + 2);

  if (w.style === 'native') {
    const minRow = L.minRow(n);
    const maxRow = L.maxRow(n);
    let any = false;
    table.indicators.forEach((_ind, i) => {
      const cohort = t.cohorts[i];
      if (!cohort || !cohort.nativeReadable || cohort.cells.length === 0) return;
      const text = cohortText(s, cohort.cells, w.empty);
      if (!text) return;
      const col = L.indicatorCol(i);
      // cached results: the smallest and largest value in the cohort's cells, as MIN/MAX compute them
      // (a loop: spreading a large cohort into Math.min overflows the call stack)
      let lo = Infinity;
      let hi = -Infinity;
      for (const c of cohort.cells) {
        const v = w.valueAt(c);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      // in the input's own number format (raw 万元 figures are no 0.00 scores)
      const numFmt = w.formatAt(cohort.cells[0]) ?? 'General';
      w.put({ sheet: s, row: minRow, col }, `MIN(${text})`, lo, numFmt);
      w.put({ sheet: s, row: maxRow, col }, `MAX(${text})`, hi, numFmt);
      const need = Math.max(numberWidth(lo, numFmt === 'General' ? undefined : numFmt), numberWidth(hi, numFmt === 'General' ? undefined : numFmt)) + 2;
      numbers.set(col, Math.max(numbers.get(col) ?? 0, need));
      bounds.set(i, { min: absA1(minRow, col), max: absA1(maxRow, col) });
      any = true;
    });
    if (any) {
      w.label({ sheet: s, row: minRow, col: L.nameCol }, L.minLabel);
      w.label({ sheet: s, row: maxRow, col: L.nameCol }, L.maxLabel);
      w.label({ sheet: s, row: minRow, col: L.noteCol(table) }, COHORT_BOUNDS_NOTE, false, true);
      fit(L.nameCol, Math.max(displayWidth(L.minLabel), displayWidth(L.maxLabel)) + 2);
    }
  }

  const cap = (col: number) => (col === L.nameCol ? MAX_WIDTH.name : col === L.noteCol(table) ? MAX_WIDTH.note : MAX_WIDTH.score);
  for (const [col, width] of [...widths].sort((a, b) => a[0] - b[0])) w.width(s, col, Math.max(Math.min(cap(col), width), numbers.get(col) ?? 0));
  w.layout({
    sheet: s,
    freezeRows: L.headerRow,
    print: { landscape: true, fitWidth: true, titleRows: { first: L.titleRow, last: L.headerRow }, footer: vocabulary.printFooter },
  });
  return bounds;
}
