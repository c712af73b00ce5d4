/**
 * Reads: the sheets' used ranges and merged areas into the workbook model (values typed by
 * valueTypes, formulas, number formats), in row bands when they do not fit one response, and
 * rectangles read back after an edit. Round trips: see host.ts.
 */
import type { RawValue } from '../../engine';
import { buildSheet, gridCells, type CellRange, type RangeCells, type ReadScope, type SheetData, type SheetRange, type WorkbookData } from '../../workbook/core/model';
import { errorValue, formulaOf, parseRangeAddress, rangeAddress, rangeCells } from '../shared/blocks';
import type { XlContext, XlRange, XlRangeAreas, XlWorksheet } from './object-model';
import { errorCode, type ExcelState, type SheetInfo } from './state';

const GRID_PROPERTIES = 'address,values,formulas,numberFormat,valueTypes';
/** Response bytes per cell budgeted for a banded read (value, formula, format, type as JSON). */
export const BYTES_PER_CELL = 64;

/** A cell as Excel reports it: values (errors as "#DIV/0!" with valueType "Error"), formulas. */
export function cellValue(value: unknown, valueType: string | undefined): RawValue {
  if (valueType === 'Error' && typeof value === 'string') return errorValue(value) ?? value;
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** Splits a RangeAreas address ("'a, b'!A1:B2, Sheet1!D4") at commas outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

/** A used range's loaded grids, from one range or stacked row bands. */
interface Grid {
  readonly address: string;
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  readonly numberFormat: unknown[][];
  readonly valueTypes: (readonly string[])[];
}

function gridOf(r: XlRange): Grid {
  return { address: r.address, values: r.values, formulas: r.formulas, numberFormat: r.numberFormat, valueTypes: r.valueTypes.map((line) => [...line]) };
}

/** The cells of a loaded range (values typed by valueTypes, formulas, number formats). */
function cellsOfGrid(used: Grid): { origin: CellRange; cells: ReturnType<typeof gridCells> } {
  const origin = parseRangeAddress(used.address);
  if (!origin) throw new Error(`无法识别区域地址 ${used.address}`);
  const values = used.values.map((line, i) => line.map((v, j) => cellValue(v, used.valueTypes[i]?.[j])));
  const formulas = used.formulas.map((line, i) => line.map((f, j) => {
    const formula = formulaOf(values[i][j], f);
    return formula === undefined ? null : `=${formula}`;
  }));
  const numFmts = used.numberFormat.map((line) => line.map((f) => (typeof f === 'string' ? f : null)));
  if (values.length * (values[0]?.length ?? 0) !== rangeCells(origin)) throw new Error(`区域 ${used.address} 的数据与地址不一致`);
  return { origin, cells: gridCells({ origin: { row: origin.top, col: origin.left }, values, formulas, numFmts }) };
}

/** Builds a sparse sheet from a loaded used range (null: empty sheet) and its merged areas. */
function toSheet(info: SheetInfo, used: Grid | null, merged: XlRangeAreas): SheetData {
  const merges = merged.isNullObject ? [] : splitAreas(merged.address).map((a) => parseRangeAddress(a)).filter((r): r is CellRange => r !== undefined);
  if (used === null) return buildSheet(info.name, [], merges, info.state);
  return buildSheet(info.name, cellsOfGrid(used).cells, merges, info.state);
}

/**
 * The sheets in scope: the first read lists them in a sync of its own, later ones check the
 * remembered list in the same sync as the used ranges (see host.ts).
 */
export async function readSheets(ctx: XlContext, state: ExcelState, scope: ReadScope): Promise<WorkbookData> {
  const inScope = (name: string) => !scope.sheets || scope.sheets.includes(name);
  // the first read lists the sheets in a sync of its own (later ones use the list remembered)
  let list = state.known ?? (await state.loadSheetList(ctx));
  for (let attempt = 0; attempt < 3; attempt++) {
    const wanted = list.filter((s) => inScope(s.name));
    const current = state.queueSheetList(ctx);
    const loads = wanted.map((s) => {
      const ws = ctx.workbook.worksheets.getItem(s.name);
      // Cells with values only: formatting-only cells add nothing to the model.
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(GRID_PROPERTIES);
      // Merged areas of the whole sheet (never a null object, unlike an empty used range).
      // Excel fails this call above 512 merged areas on a sheet.
      const merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load('address');
      return { used, merged };
    });
    try {
      await ctx.sync();
    } catch (e) {
      // Too much for one response (Excel on the web: 5 MB): read in row bands instead.
      if (errorCode(e) === 'ResponsePayloadSizeLimitExceeded') return { sheets: await readInBands(ctx, state, wanted) };
      // A sheet of the remembered list was deleted or renamed: refresh the list and read again.
      if (errorCode(e) !== 'ItemNotFound' || attempt === 2) throw e;
      list = await state.loadSheetList(ctx);
      continue;
    }
    const now = (state.known = current());
    const nowWanted = now.filter((s) => inScope(s.name));
    if (nowWanted.length !== wanted.length || nowWanted.some((s, i) => s.name !== wanted[i].name)) {
      list = now; // sheets were added or reordered since the list was read
      continue;
    }
    return { sheets: nowWanted.map((s, i) => toSheet(s, loads[i].used.isNullObject ? null : gridOf(loads[i].used), loads[i].merged)) };
  }
  throw new Error('读取工作簿时工作表列表不断变化,请稍后重试');
}

/** Most bytes a cell is budgeted at before a banded read gives up (long formulas and texts cost more than the estimate). */
const MAX_BYTES_PER_CELL = BYTES_PER_CELL * 64;

/**
 * One sync of queued bands. False when the response was still too large for the cells' estimate:
 * the read starts again with bands half as tall (until the estimate reaches MAX_BYTES_PER_CELL).
 */
async function syncBands(ctx: XlContext, bytesPerCell: number): Promise<boolean> {
  try {
    await ctx.sync();
    return true;
  } catch (e) {
    if (errorCode(e) === 'ResponsePayloadSizeLimitExceeded' && bytesPerCell < MAX_BYTES_PER_CELL) return false;
    throw e;
  }
}

/**
 * The read for workbooks whose used ranges do not fit one response: one sync for the used-range
 * addresses and merged areas, then row bands of about `budget` bytes each (`bytesPerCell` a cell,
 * BYTES_PER_CELL at first). Cells heavier than that (long formulas, long texts) can still make a
 * band's response too large: the read then starts again with bands half as tall.
 */
async function readInBands(ctx: XlContext, state: ExcelState, wanted: readonly SheetInfo[], bytesPerCell: number = BYTES_PER_CELL): Promise<SheetData[]> {
  const current = state.queueSheetList(ctx);
  const heads = wanted.map((s) => {
    const ws = ctx.workbook.worksheets.getItem(s.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load('address');
    return { info: s, ws, used, merged };
  });
  await ctx.sync();
  state.known = current();
  const bands: { sheet: number; range: XlRange }[] = [];
  let pending = 0;
  for (const [i, h] of heads.entries()) {
    if (h.used.isNullObject) continue;
    const rect = parseRangeAddress(h.used.address);
    if (!rect) throw new Error(`无法识别区域地址 ${h.used.address}`);
    const width = rect.right - rect.left + 1;
    const rows = Math.max(1, Math.floor(state.budget / (width * bytesPerCell)));
    for (let top = rect.top; top <= rect.bottom; top += rows) {
      const bottom = Math.min(rect.bottom, top + rows - 1);
      const cost = (bottom - top + 1) * width * bytesPerCell;
      if (pending > 0 && pending + cost > state.budget) {
        if (!(await syncBands(ctx, bytesPerCell))) return readInBands(ctx, state, wanted, bytesPerCell * 2);
        pending = 0;
      }
      const range = h.ws.getRange(rangeAddress({ top, bottom, left: rect.left, right: rect.right }));
      range.load(GRID_PROPERTIES);
      bands.push({ sheet: i, range });
      pending += cost;
    }
  }
  if (pending > 0 && !(await syncBands(ctx, bytesPerCell))) return readInBands(ctx, state, wanted, bytesPerCell * 2);
  return heads.map((h, i) => {
    const mine = bands.filter((b) => b.sheet === i).map((b) => b.range);
    if (mine.length === 0) return toSheet(h.info, null, h.merged);
    const grid: Grid = { address: h.used.address, values: [], formulas: [], numberFormat: [], valueTypes: [] };
    for (const r of mine) {
      // row by row: spreading a large band into push overflows the call stack
      for (const line of r.values) grid.values.push(line);
      for (const line of r.formulas) grid.formulas.push(line);
      for (const line of r.numberFormat) grid.numberFormat.push(line);
      for (const line of r.valueTypes) grid.valueTypes.push(line);
    }
    return toSheet(h.info, grid, h.merged);
  });
}

/**
 * Reads rectangles in one sync (more only when their estimated response exceeds the budget).
 * Rectangles on sheets not in the remembered list answer null; if a remembered sheet was
 * deleted or renamed since, the list is read again and the read retried once.
 */
export async function readCellRanges(ctx: XlContext, state: ExcelState, ranges: readonly SheetRange[]): Promise<readonly RangeCells[]> {
  let list = state.known ?? (await state.loadSheetList(ctx));
  for (let attempt = 0; ; attempt++) {
    const names = new Set(list.map((s) => s.name));
    const sheets = new Map<string, XlWorksheet>();
    const loads: (XlRange | null)[] = [];
    try {
      let pending = 0;
      for (const { sheet, range } of ranges) {
        if (!names.has(sheet)) {
          loads.push(null);
          continue;
        }
        const cost = rangeCells(range) * BYTES_PER_CELL;
        if (pending > 0 && pending + cost > state.budget) {
          await ctx.sync();
          pending = 0;
        }
        let ws = sheets.get(sheet);
        if (!ws) sheets.set(sheet, (ws = ctx.workbook.worksheets.getItem(sheet)));
        const r = ws.getRange(rangeAddress(range));
        r.load(GRID_PROPERTIES);
        loads.push(r);
        pending += cost;
      }
      await ctx.sync();
    } catch (e) {
      if (errorCode(e) !== 'ItemNotFound' || attempt > 0) throw e;
      list = await state.loadSheetList(ctx);
      continue;
    }
    return ranges.map(({ sheet, range }, i) => {
      const r = loads[i];
      return { sheet, range, cells: r ? cellsOfGrid(gridOf(r)).cells : null };
    });
  }
}
