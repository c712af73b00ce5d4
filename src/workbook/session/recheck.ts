/**
 * Re-checking after the user edited cells (WorkbookSession.update): the edited cells and the
 * formulas that read them are read again (one host round trip) and patched into the workbook, and
 * only what depends on the cells that changed is scored and reviewed again. Edits the tables may
 * depend on as a whole (headers, names, inserted or deleted rows) read the edited sheet again.
 * The session holds what comes of it.
 */
import { evaluateLayout } from '../check/analyze';
import { type Analysis } from '../contract/analysis';
import { parseA1 } from '../core/address';
import { cellsToRanges } from '../core/marks';
import { sheetsByName, type CellData, type CellRange, type ChangedCells, type RangeCells, type SheetRange, type WorkbookData, type WorkbookHost } from '../core/model';
import { sameCell } from '../core/same';
import { nextVersion } from '../core/version';
import { type Finding } from '../findings/codes';
import { type Dependents } from '../read/dependents';
import { cellKey, type IndexedAnalysis, type IndicatorAt, type PlatformAt } from './cells';

/** Most cells one edit may cover before its sheet is simply read again. */
const UPDATE_CELLS = 5000;

/** What a re-check reads of the session: besides the analysis and its index, which formulas read which cells. */
export interface RecheckSource extends IndexedAnalysis {
  dependents(): Dependents;
}

/** What an edit calls for. */
export type RecheckStep =
  /** Read the whole workbook again. */
  | { readonly kind: 'refresh' }
  /** Read these sheets again as a whole into `base` (the session's workbook when absent), and analyse it anew. */
  | { readonly kind: 'reload'; readonly sheets: readonly string[]; readonly base?: WorkbookData }
  /** Nothing the session read changed. */
  | { readonly kind: 'unchanged' }
  /** Re-score the workbook as patched (see rescored); the dependents are stale when a formula changed. */
  | { readonly kind: 'rescore'; readonly workbook: WorkbookData; readonly affected: readonly IndicatorAt[]; readonly dirty: readonly PlatformAt[]; readonly formulasChanged: boolean };

/** The edited rectangles, or null when an address is not a cell or a range of cells (whole rows, columns). */
function editedRanges(change: ChangedCells): CellRange[] | null {
  const out: CellRange[] = [];
  for (const ref of change.cells) {
    for (const part of ref.split(',')) {
      const [from, to, ...rest] = part.trim().split(':');
      const a = parseA1(from);
      const b = to === undefined ? a : parseA1(to);
      if (!a || !b || rest.length > 0) return null;
      out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
    }
  }
  return out;
}

/** Cells as few rectangles per sheet (see cellsToRanges). */
function columnRuns(cells: readonly { sheet: string; row: number; col: number }[]): SheetRange[] {
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet);
    if (list) list.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  return [...bySheet].flatMap(([sheet, list]) => cellsToRanges(list).map((range) => ({ sheet, range })));
}

interface ChangedCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly before: CellData | null;
  readonly after: CellData | null;
}

/** The workbook with the rectangles read again, and the cells that differ from before. */
function patchWorkbook(workbook: WorkbookData, got: readonly RangeCells[]): { workbook: WorkbookData; changed: ChangedCell[] } {
  const bySheet = sheetsByName(workbook);
  const changed: ChangedCell[] = [];
  /** Cells already compared, per sheet, as row × 16384 + column (rectangles may overlap). */
  const seenBySheet = new Map<string, Set<number>>();
  const patched = new Map<string, { rows: Map<number, ReadonlyMap<number, CellData>>; copied: Set<number>; rowCount: number; colCount: number }>();
  for (const g of got) {
    const sheet = bySheet.get(g.sheet);
    let seen = seenBySheet.get(g.sheet);
    if (!seen) seenBySheet.set(g.sheet, (seen = new Set()));
    if (!sheet || !g.cells) continue;
    // the cells come in row, then column order (the contract): walk them alongside the positions
    const cells = g.cells;
    let next = 0;
    const { top, left, bottom, right } = g.range;
    for (let row = top; row <= bottom; row++) {
      const line = sheet.rows.get(row);
      for (let col = left; col <= right; col++) {
        while (next < cells.length && (cells[next].row < row || (cells[next].row === row && cells[next].col < col))) next++;
        const hit = cells[next];
        const after = hit && hit.row === row && hit.col === col ? hit.cell : null;
        const before = line?.get(col) ?? null;
        if (sameCell(before, after)) continue;
        const k = row * 16384 + col;
        if (seen.has(k)) continue;
        seen.add(k);
        changed.push({ sheet: g.sheet, row, col, before, after });
        let p = patched.get(g.sheet);
        if (!p) patched.set(g.sheet, (p = { rows: new Map(sheet.rows), copied: new Set(), rowCount: sheet.rowCount, colCount: sheet.colCount }));
        let r = p.rows.get(row) as Map<number, CellData> | undefined;
        if (!p.copied.has(row)) {
          r = new Map(r ?? []);
          p.copied.add(row);
        } else if (!r) r = new Map();
        p.rows.set(row, r);
        if (after) r.set(col, after);
        else r.delete(col);
        if (r.size === 0) p.rows.delete(row);
        if (after) {
          p.rowCount = Math.max(p.rowCount, row);
          p.colCount = Math.max(p.colCount, col);
        }
      }
    }
  }
  if (changed.length === 0) return { workbook, changed };
  return {
    workbook: { sheets: workbook.sheets.map((s) => {
      const p = patched.get(s.name);
      return p ? { ...s, rows: p.rows, rowCount: p.rowCount, colCount: p.colCount } : s;
    }) },
    changed,
  };
}

/**
 * The user edited cells: reads them and the formulas that read them (one host round trip), and
 * says what the session must do. Edits to headers, names or anything that is not an input or a
 * score, and inserted or deleted rows, read the edited sheet again as a whole, as the tables
 * themselves may have changed.
 */
export async function recheck(host: WorkbookHost, change: ChangedCells, from: RecheckSource): Promise<RecheckStep> {
  const edited = change.structural ? null : editedRanges(change);
  if (!edited || edited.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0) > UPDATE_CELLS) return { kind: 'reload', sheets: [change.sheet] };
  // the edited cells, and the formulas that read them: Excel and WPS report only what the user
  // typed, not the formulas recalculated since
  const editedCells = edited.flatMap((r) => {
    const out: { sheet: string; row: number; col: number }[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ sheet: change.sheet, row, col });
    return out;
  });
  const recalculated = from.dependents().after(editedCells, UPDATE_CELLS * 4);
  if (!recalculated) return { kind: 'refresh' };
  const ranges: SheetRange[] = [...edited.map((range) => ({ sheet: change.sheet, range })), ...columnRuns(recalculated)];
  const got = await host.readRanges(ranges);
  if (got.some((g) => g.cells === null)) return { kind: 'refresh' }; // a sheet was deleted or renamed
  const { workbook, changed } = patchWorkbook(from.analysis().workbook, got);
  if (changed.length === 0) return { kind: 'unchanged' };
  const { inputs, places, owners } = from.cellIndex();
  const typed = new Set(editedCells.map((c) => cellKey(c.sheet, c.row, c.col)));
  const affected: IndicatorAt[] = [];
  const dirty: PlatformAt[] = [];
  let formulasChanged = false;
  for (const c of changed) {
    const k = cellKey(c.sheet, c.row, c.col);
    const reads = inputs.get(k);
    const owner = owners.get(k);
    // the user typed outside the tables' inputs and score cells (a header, a name, a new row):
    // read the sheet again; a recalculated formula outside them changes nothing the tables read
    if (!reads && !owner && !places.has(k) && typed.has(k)) return { kind: 'reload', sheets: [change.sheet], base: workbook };
    if (reads) for (const r of reads) affected.push(r);
    if (owner) dirty.push(owner);
    if (c.before?.formula !== c.after?.formula) formulasChanged = true;
  }
  return { kind: 'rescore', workbook, affected, dirty, formulasChanged };
}

/** `base` with these sheets read again as a whole (and any new ones), or null when one of them is gone (read everything again). */
export async function rereadSheets(host: WorkbookHost, names: readonly string[], base: WorkbookData): Promise<WorkbookData | null> {
  const fresh = sheetsByName(await host.read({ sheets: names }));
  if (names.some((n) => !fresh.has(n) && base.sheets.some((s) => s.name === n))) return null;
  const known = new Set(base.sheets.map((s) => s.name));
  return { sheets: [...base.sheets.map((s) => fresh.get(s.name) ?? s), ...[...fresh.values()].filter((s) => !known.has(s.name))] };
}

/**
 * The analysis with the affected inputs' indicators scored again on the patched workbook, and the
 * `dirty` platforms (whose score cells changed) as new objects, so that the review looks at them
 * and the affected ones again (reviewByPlatform with the analysis before as `previous`).
 */
export function rescored(before: Analysis, workbook: WorkbookData, affected: readonly IndicatorAt[], dirty: readonly PlatformAt[]): Analysis {
  const sheets = sheetsByName(workbook);
  const readFindings: Finding[] = [];
  const reread = new Set<string>();
  const tablesNext = before.tables.map((t, ti) => {
    const mine = affected.filter((a) => a.t === ti);
    const next = mine.length === 0 ? t : evaluateLayout(sheets, t.layout, readFindings, { previous: t, affected: mine, reread });
    const again = new Set(dirty.filter((d) => d.t === ti).map((d) => d.pi));
    if (again.size === 0) return next;
    // a new object makes the review look at the platform again
    return { ...next, platforms: next.platforms.map((p, pi) => (again.has(pi) && p === t.platforms[pi] ? { ...p, version: nextVersion() } : p)) };
  });
  // findings at re-read cells and at the affected platforms' score cells are replaced
  const stale = (f: Finding) => reread.has(`${f.sheet}!${f.cell}`);
  return { ...before, workbook, tables: tablesNext, findings: [...before.findings.filter((f) => !stale(f)), ...readFindings] };
}
