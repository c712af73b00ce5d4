/**
 * The sheet wanmu adds for a cohort table without score places: a title row, a header row, one
 * row per platform — name, each indicator's score, each 一级指标's score, the total — and two
 * labeled helper rows with each 无量纲化 column's MIN and MAX over the cohort (computed once, not
 * in every cell).
 */
import { vocabulary, type EvaluationTable } from '../../../rules';
import { absA1 } from '../../address';
import type { TableResult } from '../../analyze';
import { renderResultSheetTitle, renderScoreHeader } from '../../findings/catalogue';
import { cohortText } from '../../formulas';
import type { AreaBounds, AreaWriter, CellRef, NewPlace, TableLayout } from '../layout';

export const resultSheet = {
  titleRow: 1,
  headerRow: 2,
  firstRow: 3,
  nameCol: 1,
  indicatorCol: (i: number) => 2 + i,
  groupCol: (t: EvaluationTable, g: number) => 2 + t.indicators.length + g,
  totalCol: (t: EvaluationTable) => 2 + t.indicators.length + t.groups.length,
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

export function writeResultSheet(t: TableResult, w: AreaWriter): AreaBounds {
  const bounds: AreaBounds = new Map();
  const area = t.layout.area;
  if (area.kind !== 'sheet' || t.platforms.length === 0) return bounds;
  const s = area.name;
  const L = resultSheet;
  w.addSheet(s);
  w.label({ sheet: s, row: L.titleRow, col: L.nameCol }, renderResultSheetTitle(t.table.id, t.layout.sheet), true);
  w.label({ sheet: s, row: L.headerRow, col: L.nameCol }, vocabulary.platformColumns[0], true);
  w.width(s, L.nameCol, 24);
  t.table.indicators.forEach((ind, i) => w.label({ sheet: s, row: L.headerRow, col: L.indicatorCol(i) }, renderScoreHeader(ind.shortName, ind.points), true));
  t.table.groups.forEach((g, gi) => w.label({ sheet: s, row: L.headerRow, col: L.groupCol(t.table, gi) }, renderScoreHeader(g.name, g.weight), true));
  w.label({ sheet: s, row: L.headerRow, col: L.totalCol(t.table) }, vocabulary.total[1], true);
  t.platforms.forEach((p, pi) => w.label({ sheet: s, row: L.firstRow + pi, col: L.nameCol }, p.name));
  if (w.style !== 'native') return bounds;
  const n = t.platforms.length;
  const minRow = L.minRow(n);
  const maxRow = L.maxRow(n);
  let any = false;
  t.table.indicators.forEach((_ind, i) => {
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
    w.put({ sheet: s, row: minRow, col }, `MIN(${text})`, lo);
    w.put({ sheet: s, row: maxRow, col }, `MAX(${text})`, hi);
    bounds.set(i, { min: absA1(minRow, col), max: absA1(maxRow, col) });
    any = true;
  });
  if (any) {
    w.label({ sheet: s, row: minRow, col: L.nameCol }, L.minLabel);
    w.label({ sheet: s, row: maxRow, col: L.nameCol }, L.maxLabel);
  }
  return bounds;
}
