/**
 * Which cells a cohort table's score formula may read: its own platform's row of every input sheet
 * (never another platform's), and for a 无量纲化 score ranges that cover the whole 培育名单 — on
 * every sheet of it when the list is split into batches — and nothing else in that column.
 */
import { type TableResult } from '../../contract/analysis';
import { finding, type Finding } from '../../findings/codes';
import { cohortText } from '../../formulas/native';
import { cellAt, emptyIn, isEmptyCell, type SheetData } from '../../core/model';
import { BoundedCache } from '../../core/version';
import { inputSheetsOf, type ReadsCheck } from '../../contract/layout';
import { type CellRef } from '../../core/address';

interface CohortPart {
  readonly col: number;
  readonly top: number;
  readonly bottom: number;
  readonly rows: ReadonlySet<number>;
}

interface CohortIndex {
  /** The cohort's cells per input sheet. */
  readonly parts: ReadonlyMap<string, CohortPart>;
  readonly cells: readonly CellRef[];
}

interface TableIndex {
  /** Input sheet → data row → platform name. */
  readonly platformRows: ReadonlyMap<string, ReadonlyMap<number, string>>;
  readonly cohorts: ReadonlyMap<number, CohortIndex>;
  /** Whether a range of a cohort's column holds a value that is not the cohort's, by range. */
  readonly intruders: Map<string, boolean>;
}

// keyed by versions (see version.ts): the layout's, and each cohort's
const indexCache = new BoundedCache<string, TableIndex>(16);
const rowsCache = new BoundedCache<number, Map<string, Map<number, string>>>(16);
const cohortCache = new BoundedCache<number, CohortIndex>(256);

/** What the review of every cell of a table asks, computed once per table (not once per cell). */
function tableIndex(t: TableResult): TableIndex {
  const key = `${t.layout.version}:${t.cohorts.map((c) => c?.version ?? 0).join(',')}`;
  const cached = indexCache.get(key);
  if (cached) return cached;
  let platformRows = rowsCache.get(t.layout.version);
  if (!platformRows) {
    platformRows = new Map(inputSheetsOf(t.layout).map((s) => [s, new Map<number, string>()]));
    for (const p of t.layout.platforms) if (p.nameCell) platformRows.get(p.nameCell.sheet)?.set(p.nameCell.row, p.name);
    rowsCache.set(t.layout.version, platformRows);
  }
  const cohorts = new Map<number, CohortIndex>();
  t.cohorts.forEach((c, i) => {
    if (!c || c.cells.length === 0) return;
    // a re-check keeps the cohorts its edit did not touch (a 无量纲化 cohort is made anew whenever
    // one of its cells changes), and so their index
    const kept = cohortCache.get(c.version);
    if (kept) {
      cohorts.set(i, kept);
      return;
    }
    const parts = new Map<string, { col: number; top: number; bottom: number; rows: Set<number> }>();
    for (const x of c.cells) {
      const part = parts.get(x.sheet);
      if (!part) parts.set(x.sheet, { col: x.col, top: x.row, bottom: x.row, rows: new Set([x.row]) });
      else {
        if (x.row < part.top) part.top = x.row;
        if (x.row > part.bottom) part.bottom = x.row;
        part.rows.add(x.row);
      }
    }
    const index: CohortIndex = { parts, cells: c.cells };
    cohortCache.set(c.version, index);
    cohorts.set(i, index);
  });
  const index = { platformRows, cohorts, intruders: new Map<string, boolean>() };
  indexCache.set(key, index);
  return index;
}

export function cohortReads(c: ReadsCheck): Finding | null {
  const { t, sheets, at, refs } = c;
  const own = t.layout.platforms[c.pi];
  const ind = c.result.indicator;
  const index = tableIndex(t);
  for (const x of refs) {
    if (x.top !== x.bottom || own.nameCell === null) continue;
    const sheet = x.sheet ?? at.sheet;
    const rowsOf = index.platformRows.get(sheet);
    if (rowsOf === undefined || (sheet === own.nameCell.sheet && x.top === own.nameCell.row)) continue;
    const other = rowsOf.get(x.top);
    if (other !== undefined) return finding('error', 'wrong_row', at.sheet, at.row, at.col, { ref: x.text, row: x.top, platform: other });
  }
  if (ind.rule.kind !== 'normalized') return null;
  const cohort = index.cohorts.get(ind.number - 1);
  if (!cohort) return null;
  const covered = new Set<string>();
  let ranges = 0;
  for (const x of refs) {
    const sheet = x.sheet ?? at.sheet;
    const part = cohort.parts.get(sheet);
    // a range of one cell (V8:V8: a MIN/MAX range filled down with relative rows) is a range
    if (!part || (x.top === x.bottom && !x.text.includes(':')) || x.left !== part.col) continue;
    ranges++;
    const data = sheets.get(sheet) as SheetData;
    const rangeKey = `${sheet}\u0000${part.col},${x.top},${x.bottom}`;
    let intruder = index.intruders.get(rangeKey);
    if (intruder === undefined) {
      intruder = false;
      for (let k = x.top; k <= x.bottom && !intruder; k++) if (!part.rows.has(k) && !isEmptyCell(cellAt(data, k, part.col))) intruder = true;
      index.intruders.set(rangeKey, intruder);
    }
    if (x.top > part.top || x.bottom < part.bottom || intruder) {
      return finding('error', 'cohort_range', at.sheet, at.row, at.col, { ref: x.text, top: part.top, bottom: part.bottom, expected: cohortText(at.sheet, cohort.cells, emptyIn(sheets)) ?? '', relative: !x.absoluteRows });
    }
    covered.add(sheet);
  }
  // a 培育名单 in batches: a MIN/MAX over one batch alone is not over the whole list
  if (ranges > 0 && covered.size < cohort.parts.size) {
    const missing = [...cohort.parts.keys()].find((s) => !covered.has(s)) as string;
    const ref = refs.find((x) => x.top !== x.bottom && cohort.parts.has(x.sheet ?? at.sheet))?.text ?? '';
    return finding('error', 'cohort_batch_missing', at.sheet, at.row, at.col, { ref, missing, expected: cohortText(at.sheet, cohort.cells, emptyIn(sheets)) ?? '' });
  }
  return null;
}
