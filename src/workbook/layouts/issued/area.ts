/**
 * Where an issued (vertical) table's new scores go: one new column per platform right of the
 * table, on the indicator rows, its header 得分 (or 平台得分), and the 合计 row.
 */
import { vocabulary, type EvaluationTable } from '../../../rules';
import { type TableResult } from '../../contract/analysis';
import type { AreaBounds, AreaWriter, NewPlace, TableLayout } from '../../contract/layout';
import { type CellRef } from '../../core/address';

export function placeInColumns(layout: TableLayout, _table: EvaluationTable, p: number, what: NewPlace): CellRef | null {
  const area = layout.area;
  if (area.kind !== 'columns') return null;
  const col = area.firstCol + p;
  if (what.what === 'indicator') {
    const row = area.rows[what.index] ?? null;
    return row === null ? null : { sheet: area.sheet, row, col };
  }
  if (what.what === 'total' && area.totalRow !== null) return { sheet: area.sheet, row: area.totalRow, col };
  return null;
}

export function writeColumns(t: TableResult, w: AreaWriter): AreaBounds {
  const area = t.layout.area;
  if (area.kind !== 'columns') return new Map();
  t.platforms.forEach((p, pi) => {
    if (p.indicators.some((r) => r.place.existing)) return;
    const generic = p.name === t.layout.sheet;
    const header = generic ? vocabulary.scoreColumns[0] : `${p.name}${vocabulary.scoreSuffixes[0]}`;
    const col = area.firstCol + pi;
    w.label({ sheet: area.sheet, row: area.headerRow, col }, header);
    w.addColumn(area.sheet, col, header);
  });
  return new Map();
}
