/**
 * Where the tables' cells are in an analysis: the cells an indicator reads, the cell its score is
 * in (or will be written to), and the platform each score, subtotal and total cell belongs to.
 * The session builds the index once per read of the tables; explaining a cell (explain.ts) and
 * re-checking an edit (recheck.ts) look cells up in it.
 */
import type { Analysis } from '../contract/analysis';

/** An indicator of a platform of a table, by their positions in the analysis. */
export interface IndicatorAt {
  readonly t: number;
  readonly pi: number;
  readonly i: number;
}

/** A platform of a table, by their positions in the analysis. */
export interface PlatformAt {
  readonly t: number;
  readonly pi: number;
}

/** Input cells → their indicators; score cells (a sum's cell maps to null); score, subtotal and total cells → their platform. */
export interface CellIndex {
  readonly inputs: ReadonlyMap<string, readonly IndicatorAt[]>;
  readonly places: ReadonlyMap<string, IndicatorAt | null>;
  readonly owners: ReadonlyMap<string, PlatformAt>;
}

/** What explain and update read of the session: its analysis as it stands and the index, built when first asked for. */
export interface IndexedAnalysis {
  analysis(): Analysis;
  cellIndex(): CellIndex;
}

/** A cell's key in the index. */
export function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${row},${col}`;
}

/** Input cells and score places (a sum's place maps to null) of every table, by sheet!row,col. */
export function indexCells(analysis: Analysis): CellIndex {
  const inputs = new Map<string, IndicatorAt[]>();
  const places = new Map<string, IndicatorAt | null>();
  const owners = new Map<string, PlatformAt>();
  analysis.tables.forEach((t, ti) =>
    t.platforms.forEach((p, pi) => {
      p.indicators.forEach((r, i) => {
        for (const c of r.inputs) {
          if (!c) continue;
          const k = cellKey(c.sheet, c.row, c.col);
          const list = inputs.get(k);
          if (list) list.push({ t: ti, pi, i });
          else inputs.set(k, [{ t: ti, pi, i }]);
        }
        if (r.place.ref) {
          places.set(cellKey(r.place.ref.sheet, r.place.ref.row, r.place.ref.col), { t: ti, pi, i });
          owners.set(cellKey(r.place.ref.sheet, r.place.ref.row, r.place.ref.col), { t: ti, pi });
        }
      });
      for (const g of p.groups) if (g.place.ref) places.set(cellKey(g.place.ref.sheet, g.place.ref.row, g.place.ref.col), null);
      if (p.total.place.ref) places.set(cellKey(p.total.place.ref.sheet, p.total.place.ref.row, p.total.place.ref.col), null);
      for (const ref of [...p.groups.map((g) => g.place.ref), p.total.place.ref]) if (ref) owners.set(cellKey(ref.sheet, ref.row, ref.col), { t: ti, pi });
    }),
  );
  return { inputs, places, owners };
}
