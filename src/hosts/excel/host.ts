/**
 * The workbook host over Office.js (Excel on Windows, Mac and the web).
 *
 * No globals: the host is given an `Excel.run`-like function and the requirement-set check
 * (`officeJsDeps(Excel, Office, …)` builds them from the real namespaces). It uses only the
 * object-model members declared in the `Xl*` interfaces below; `officeJsDeps` checks at compile
 * time that the real Office.js types satisfy them.
 *
 * Round trips (context.sync calls):
 *  - read: 1 when the host already knows the sheet list (from its previous read or write);
 *    2 on the first read, because Office.js cannot enumerate worksheets and load their used
 *    ranges in the same request (the collection's items exist only after a sync). If the user
 *    added, deleted or renamed sheets since, the host notices and reads again with the new list.
 *  - write: 1 sync to read the expected cells (skipped when none are given), 1 sync for the whole
 *    write. The write is split into more syncs only when its estimated request payload exceeds
 *    the budget (Excel on the web refuses requests above 5 MB; see PAYLOAD_BUDGET).
 *
 * Text that Excel would parse (numbers, dates, formulas, booleans) is written with a leading
 * apostrophe (see textNeedsGuard); Excel stores it as a quote prefix and reads the text back
 * without it. Formula results are not written: Excel calculates them after the write.
 */
import type { RawValue } from '../../engine';
import {
  buildSheet,
  sheetFromGrid,
  type CellData,
  type CellRange,
  type ChangedCells,
  type ExpectedCell,
  type HostCapabilities,
  type ReadScope,
  type SheetData,
  type SheetState,
  type WorkbookData,
  type WorkbookHost,
  type WriteBatch,
  type WriteOutcome,
} from '../../workbook/model';
import { columnsAddress, denseBlocks, errorValue, findConflicts, formulaOf, jsonSize, parseRangeAddress, planWrite, rangeAddress, rangeCells, type Block, type ContentCell } from '../shared/blocks';

// ---- The slice of the Office.js object model the host uses -------------------------------------

export interface XlRangeAreas {
  readonly isNullObject: boolean;
  /** Comma-separated areas, each with its sheet: "Sheet1!A1:D1, Sheet1!F3:G4". */
  readonly address: string;
  load(propertyNames: string): unknown;
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly valueTypes: ReadonlyArray<ReadonlyArray<string>>;
  readonly format: { readonly font: { bold: boolean }; columnWidth: number };
  load(propertyNames: string): unknown;
  getMergedAreasOrNullObject(): XlRangeAreas;
  clear(): void;
  merge(across?: boolean): void;
  select(): void;
}

export interface XlWorksheet {
  readonly id: string;
  name: string;
  visibility: string;
  load(propertyNames: string): unknown;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlEventResult {
  remove(): void;
  /** The request context the handler was added in; removal runs in it (`Excel.run(context, …)`). */
  readonly context: object;
}

export interface XlChangedArgs {
  readonly worksheetId: string;
  readonly address: string;
  /** "ThisLocalAddin" for this add-in's own writes (ExcelApi 1.14; absent before). */
  readonly triggerSource?: string;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): unknown;
  getItem(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
  readonly onChanged: { add(handler: (args: XlChangedArgs) => Promise<unknown>): XlEventResult };
}

export interface XlContext {
  readonly workbook: { readonly worksheets: XlWorksheetCollection };
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<unknown>;
}

export interface XlRunOptions {
  readonly mergeUndoGroup?: boolean;
}

export type XlRun = <T>(batch: (context: XlContext) => Promise<T>, options?: XlRunOptions) => Promise<T>;
/** `Excel.run(previousContext, batch)`: a batch in the request context of earlier objects. */
export type XlRunIn = <T>(context: object, batch: (context: XlContext) => Promise<T>) => Promise<T>;

// ---- Configuration --------------------------------------------------------------------------

/**
 * Undo grouping: `Excel.run({ mergeUndoGroup: true }, …)` merges every sync of one run into one
 * undo step. The Office docs list `RunOptions.mergeUndoGroup` in requirement set ExcelApi 1.20
 * (the @types/office-js declaration says the same), not 1.19.
 */
export const UNDO_GROUP_REQUIREMENT = { set: 'ExcelApi', version: '1.20' } as const;
/** `WorksheetCollection.onChanged` (change events for every sheet, new ones included). */
export const CHANGE_EVENTS_REQUIREMENT = { set: 'ExcelApi', version: '1.9' } as const;
/** `Range.getMergedAreasOrNullObject` (read fails without it). */
export const MERGED_AREAS_REQUIREMENT = { set: 'ExcelApi', version: '1.13' } as const;

/**
 * Request budget per sync. Excel on the web refuses requests (and responses) above 5 MB; the
 * estimate (jsonSize) counts each value's JSON text, CJK text at 3 bytes a character, plus
 * OP_OVERHEAD per queued operation, and 1 MB is kept in reserve for what it does not count.
 * A 2,000-platform × 35-column fill is about 70,000 cells × ~20 bytes ≈ 1.4 MB: one sync.
 */
export const PAYLOAD_BUDGET = 4_000_000;
const OP_OVERHEAD = 200;

/**
 * Column widths in the model are Excel character units (as in .xlsx files); Office.js sets
 * points. Calibri 11 at 96 dpi: 7 px per character plus 5 px padding, 0.75 pt per px.
 */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const VISIBILITY: Readonly<Record<SheetState, string>> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

function stateOf(visibility: string): SheetState {
  return visibility === 'Hidden' ? 'hidden' : visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
}

export interface ExcelHostDeps {
  readonly run: XlRun;
  readonly runIn: XlRunIn;
  /** `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported: (name: string, version: string) => boolean;
  /** Where failures outside a call go (registering or removing change listeners). */
  readonly reportError: (error: unknown) => void;
  /** Bytes per sync; PAYLOAD_BUDGET unless a test sets it. */
  readonly payloadBudget?: number;
}

/** The dependencies from the real Office.js namespaces (compile-time check of the Xl* slice). */
export function officeJsDeps(excel: typeof Excel, office: typeof Office, reportError: (error: unknown) => void): ExcelHostDeps {
  const run: XlRun = (batch, options) => (options ? excel.run(options, (ctx: Excel.RequestContext) => batch(ctx)) : excel.run((ctx: Excel.RequestContext) => batch(ctx)));
  // An event registration's context is the ClientRequestContext Excel.run gave its batch.
  const runIn: XlRunIn = (context, batch) => excel.run(context as OfficeExtension.ClientRequestContext, (ctx: Excel.RequestContext) => batch(ctx));
  return { run, runIn, isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version), reportError };
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  const code = (e as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A cell as Excel reports it: values (errors as "#DIV/0!" with valueType "Error"), formulas. */
function cellValue(value: unknown, valueType: string | undefined): RawValue {
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

interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly state: SheetState;
}

/** Queued work of a write, with its estimated size, flushed in syncs under the budget. */
type Op = { readonly bytes: number; readonly queue: (ctx: XlContext, sheets: Map<string, XlWorksheet>) => void };

export class ExcelHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  private readonly budget: number;
  /** Sheet list as of the last sync that loaded it; null until then. */
  private known: SheetInfo[] | null = null;

  constructor(private readonly deps: ExcelHostDeps) {
    const has = (r: { set: string; version: string }) => deps.isSetSupported(r.set, r.version);
    this.capabilities = { select: true, changeEvents: has(CHANGE_EVENTS_REQUIREMENT), undoGroup: has(UNDO_GROUP_REQUIREMENT) };
    this.budget = deps.payloadBudget ?? PAYLOAD_BUDGET;
  }

  private queueSheetList(ctx: XlContext): () => SheetInfo[] {
    const coll = ctx.workbook.worksheets;
    coll.load('items/id,items/name,items/visibility');
    return () => coll.items.map((w) => ({ id: w.id, name: w.name, state: stateOf(w.visibility) }));
  }

  private async loadSheetList(ctx: XlContext): Promise<SheetInfo[]> {
    const list = this.queueSheetList(ctx);
    await ctx.sync();
    return (this.known = list());
  }

  async read(scope: ReadScope = {}): Promise<WorkbookData> {
    return this.deps.run(async (ctx) => {
      const inScope = (name: string) => !scope.sheets || scope.sheets.includes(name);
      let list = this.known ?? (await this.loadSheetList(ctx));
      for (let attempt = 0; attempt < 3; attempt++) {
        const wanted = list.filter((s) => inScope(s.name));
        const current = this.queueSheetList(ctx);
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
          if (errorCode(e) === 'ResponsePayloadSizeLimitExceeded') return { sheets: await this.readInBands(ctx, wanted) };
          // A sheet of the remembered list was deleted or renamed: refresh the list and read again.
          if (errorCode(e) !== 'ItemNotFound' || attempt === 2) throw e;
          list = await this.loadSheetList(ctx);
          continue;
        }
        const now = (this.known = current());
        const nowWanted = now.filter((s) => inScope(s.name));
        if (nowWanted.length !== wanted.length || nowWanted.some((s, i) => s.name !== wanted[i].name)) {
          list = now; // sheets were added or reordered since the list was read
          continue;
        }
        return { sheets: nowWanted.map((s, i) => toSheet(s, loads[i].used.isNullObject ? null : gridOf(loads[i].used), loads[i].merged)) };
      }
      throw new Error('读取工作簿时工作表列表不断变化,请稍后重试');
    });
  }

  /**
   * The read for workbooks whose used ranges do not fit one response: one sync for the used-range
   * addresses and merged areas, then row bands of about `budget` bytes each (BYTES_PER_CELL).
   */
  private async readInBands(ctx: XlContext, wanted: readonly SheetInfo[]): Promise<SheetData[]> {
    const current = this.queueSheetList(ctx);
    const heads = wanted.map((s) => {
      const ws = ctx.workbook.worksheets.getItem(s.name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address');
      const merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load('address');
      return { info: s, ws, used, merged };
    });
    await ctx.sync();
    this.known = current();
    const bands: { sheet: number; range: XlRange }[] = [];
    let pending = 0;
    for (const [i, h] of heads.entries()) {
      if (h.used.isNullObject) continue;
      const rect = parseRangeAddress(h.used.address);
      if (!rect) throw new Error(`无法识别区域地址 ${h.used.address}`);
      const width = rect.right - rect.left + 1;
      const rows = Math.max(1, Math.floor(this.budget / (width * BYTES_PER_CELL)));
      for (let top = rect.top; top <= rect.bottom; top += rows) {
        const bottom = Math.min(rect.bottom, top + rows - 1);
        const cost = (bottom - top + 1) * width * BYTES_PER_CELL;
        if (pending > 0 && pending + cost > this.budget) {
          await ctx.sync();
          pending = 0;
        }
        const range = h.ws.getRange(rangeAddress({ top, bottom, left: rect.left, right: rect.right }));
        range.load(GRID_PROPERTIES);
        bands.push({ sheet: i, range });
        pending += cost;
      }
    }
    if (pending > 0) await ctx.sync();
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

  async write(batch: WriteBatch, expected: readonly ExpectedCell[]): Promise<WriteOutcome> {
    return this.deps.run(
      async (ctx) => {
        if (expected.length > 0) {
          const conflicts = await this.check(ctx, expected);
          if (conflicts.length > 0) return { ok: false, conflicts };
        }
        await this.apply(ctx, batch);
        return { ok: true };
      },
      this.capabilities.undoGroup ? { mergeUndoGroup: true } : undefined,
    );
  }

  /** Reads the expected cells (blocks per sheet) in one sync, two if the sheet list was unknown. */
  private async check(ctx: XlContext, expected: readonly ExpectedCell[]) {
    const found = new Map<string, CellData | null>();
    const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}:${col}`;
    // Queues block reads of the expected cells on these sheets; syncs early only when the
    // responses would exceed the budget (CHECK_BYTES_PER_CELL each).
    const queueSheets = async (names: ReadonlySet<string>) => {
      let pending = 0;
      const reads: { sheet: string; range: CellRange; r: XlRange }[] = [];
      const bySheet = new Map<string, ExpectedCell[]>();
      for (const e of expected) {
        if (!names.has(e.sheet)) continue;
        const list = bySheet.get(e.sheet);
        if (list) list.push(e);
        else bySheet.set(e.sheet, [e]);
      }
      for (const [sheet, cells] of bySheet) {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        for (const b of denseBlocks(cells.map((e) => ({ row: e.row, col: e.col, item: e })))) {
          const width = b.range.right - b.range.left + 1;
          const rows = Math.max(1, Math.floor(this.budget / (width * CHECK_BYTES_PER_CELL)));
          for (let top = b.range.top; top <= b.range.bottom; top += rows) {
            const range = { ...b.range, top, bottom: Math.min(b.range.bottom, top + rows - 1) };
            const cost = rangeCells(range) * CHECK_BYTES_PER_CELL;
            if (pending > 0 && pending + cost > this.budget) {
              await ctx.sync();
              pending = 0;
            }
            pending += cost;
            const r = ws.getRange(rangeAddress(range));
            r.load('values,formulas,valueTypes');
            reads.push({ sheet, range, r });
          }
        }
      }
      return () => {
        for (const { sheet, range, r } of reads) {
          for (let i = 0; i <= range.bottom - range.top; i++) {
            for (let j = 0; j <= range.right - range.left; j++) {
              const value = cellValue(r.values[i][j], r.valueTypes[i][j]);
              const formula = formulaOf(value, r.formulas[i][j]);
              found.set(key(sheet, range.top + i, range.left + j), value === null && formula === undefined ? null : { value, ...(formula !== undefined ? { formula } : {}) });
            }
          }
        }
      };
    };
    const sheetsOf = new Set(expected.map((e) => e.sheet));
    let known = new Set((this.known ?? []).map((s) => s.name));
    for (let attempt = 0; ; attempt++) {
      const queried = new Set([...sheetsOf].filter((s) => known.has(s)));
      const list = this.queueSheetList(ctx);
      let collect: () => void;
      try {
        collect = await queueSheets(queried);
        await ctx.sync();
      } catch (e) {
        if (errorCode(e) !== 'ItemNotFound' || attempt > 0) throw e;
        known = new Set((await this.loadSheetList(ctx)).map((s) => s.name));
        continue;
      }
      collect();
      const now = new Set((this.known = list()).map((s) => s.name));
      const missed = new Set([...sheetsOf].filter((s) => now.has(s) && !queried.has(s)));
      if (missed.size > 0) {
        const more = await queueSheets(missed);
        await ctx.sync();
        more();
      }
      break;
    }
    return findConflicts(expected, (e) => found.get(key(e.sheet, e.row, e.col)) ?? null);
  }

  /** Queues the whole write and syncs once, or in budget-sized syncs for very large batches. */
  private async apply(ctx: XlContext, batch: WriteBatch): Promise<void> {
    const plan = planWrite(batch);
    const ops: Op[] = [];
    const added = new Map<string, XlWorksheet>();
    for (const add of plan.addSheets) {
      ops.push({
        bytes: OP_OVERHEAD,
        queue: (c) => {
          const ws = c.workbook.worksheets.add(add.name);
          if (add.state && add.state !== 'visible') ws.visibility = VISIBILITY[add.state];
          added.set(add.name, ws);
        },
      });
    }
    for (const s of plan.sheets) {
      const on = (c: XlContext, sheets: Map<string, XlWorksheet>) => {
        let ws = sheets.get(s.sheet) ?? added.get(s.sheet);
        if (!ws) sheets.set(s.sheet, (ws = c.workbook.worksheets.getItem(s.sheet)));
        return ws;
      };
      for (const r of s.clears) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => on(c, m).getRange(rangeAddress(r)).clear() });
      for (const block of s.content) {
        for (const part of splitRows(block, this.budget)) {
          const formulas = part.items.map((line) => line.map((c) => c.input));
          const hasFormat = part.items.some((line) => line.some((c) => c.numFmt !== null));
          const formats = hasFormat ? part.items.map((line) => line.map((c) => c.numFmt)) : null;
          ops.push({
            bytes: OP_OVERHEAD + gridSize(formulas) + (formats ? gridSize(formats) : 0),
            queue: (c, m) => {
              const range = on(c, m).getRange(rangeAddress(part.range));
              // null in a number-format grid leaves that cell's format as it is
              if (formats) range.numberFormat = formats;
              range.formulas = formulas;
            },
          });
        }
      }
      for (const r of s.bold) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => (on(c, m).getRange(rangeAddress(r)).format.font.bold = true) });
      for (const r of s.merges) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => on(c, m).getRange(rangeAddress(r)).merge(false) });
      for (const w of s.widths) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => (on(c, m).getRange(columnsAddress(w.left, w.right)).format.columnWidth = widthToPoints(w.width)) });
    }
    for (const name of plan.deleteSheets) ops.push({ bytes: OP_OVERHEAD, queue: (c) => c.workbook.worksheets.getItem(name).delete() });

    let sheets = new Map<string, XlWorksheet>();
    let pending = 0;
    let queued = 0;
    const flush = async () => {
      await ctx.sync();
      sheets = new Map();
      pending = 0;
      queued = 0;
    };
    for (const op of ops) {
      if (queued > 0 && pending + op.bytes > this.budget) await flush();
      if (queued === 0) ctx.application.suspendApiCalculationUntilNextSync();
      op.queue(ctx, sheets);
      pending += op.bytes;
      queued++;
    }
    if (queued > 0) await flush();
    // Keep the remembered list current (added sheets go at the end; their ids are looked up when
    // needed). A read checks the list against Excel's in the same sync anyway.
    if (this.known) {
      const gone = new Set(plan.deleteSheets);
      this.known = [...this.known, ...plan.addSheets.map((a) => ({ id: '', name: a.name, state: a.state ?? 'visible' }))].filter((s) => !gone.has(s.name));
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.deps.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  onChanged(listener: (change: ChangedCells) => void): () => void {
    let registration: XlEventResult | null = null;
    let removed = false;
    const handler = async (args: XlChangedArgs) => {
      // Only the user's edits: the host's own writes come back as "ThisLocalAddin" (ExcelApi 1.14).
      if (args.triggerSource === 'ThisLocalAddin') return;
      const name =
        this.known?.find((s) => s.id === args.worksheetId)?.name ??
        (await this.deps.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(args.worksheetId);
          ws.load('name');
          await ctx.sync();
          return ws.name;
        }));
      if (!removed) listener({ sheet: name, cells: [args.address] });
    };
    const remove = (r: XlEventResult) =>
      this.deps.runIn(r.context, async (ctx) => {
        r.remove();
        await ctx.sync();
      });
    this.deps
      .run(async (ctx) => {
        const r = ctx.workbook.worksheets.onChanged.add(handler);
        await ctx.sync();
        return r;
      })
      .then((r) => {
        registration = r;
        if (removed) return remove(r);
        return undefined;
      })
      .catch(this.deps.reportError);
    return () => {
      if (removed) return;
      removed = true;
      if (registration) remove(registration).catch(this.deps.reportError);
    };
  }
}

function gridSize(grid: ReadonlyArray<ReadonlyArray<unknown>>): number {
  let n = 2;
  for (const line of grid) {
    n += 2;
    for (const v of line) n += jsonSize(v) + 1;
  }
  return n;
}

/** Splits a content block into row bands whose estimated size fits the budget. */
function splitRows(block: Block<ContentCell>, budget: number): Block<ContentCell>[] {
  const rowSizes = block.items.map((line) => gridSize([line.map((c) => c.input)]) + (line.some((c) => c.numFmt !== null) ? gridSize([line.map((c) => c.numFmt)]) : 0));
  const total = rowSizes.reduce((a, b) => a + b, 0);
  if (total + OP_OVERHEAD <= budget) return [block];
  const out: Block<ContentCell>[] = [];
  let start = 0;
  let size = 0;
  rowSizes.forEach((s, i) => {
    if (i > start && size + s + OP_OVERHEAD > budget) {
      out.push(band(block, start, i));
      start = i;
      size = 0;
    }
    size += s;
  });
  out.push(band(block, start, rowSizes.length));
  return out;
}

function band(block: Block<ContentCell>, from: number, to: number): Block<ContentCell> {
  return { range: { ...block.range, top: block.range.top + from, bottom: block.range.top + to - 1 }, items: block.items.slice(from, to) };
}

const GRID_PROPERTIES = 'address,values,formulas,numberFormat,valueTypes';
/** Response bytes per expected cell read back (value, formula, type as JSON). */
const CHECK_BYTES_PER_CELL = 48;
/** Response bytes per cell budgeted for a banded read (value, formula, format, type as JSON). */
const BYTES_PER_CELL = 64;

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

/** Builds a sparse sheet from a loaded used range (null: empty sheet) and its merged areas. */
function toSheet(info: SheetInfo, used: Grid | null, merged: XlRangeAreas): SheetData {
  const merges = merged.isNullObject ? [] : splitAreas(merged.address).map((a) => parseRangeAddress(a)).filter((r): r is CellRange => r !== undefined);
  if (used === null) return buildSheet(info.name, [], merges, info.state);
  const origin = parseRangeAddress(used.address);
  if (!origin) throw new Error(`无法识别区域地址 ${used.address}`);
  const values = used.values.map((line, i) => line.map((v, j) => cellValue(v, used.valueTypes[i]?.[j])));
  const formulas = used.formulas.map((line, i) => line.map((f, j) => {
    const formula = formulaOf(values[i][j], f);
    return formula === undefined ? null : `=${formula}`;
  }));
  const numFmts = used.numberFormat.map((line) => line.map((f) => (typeof f === 'string' ? f : null)));
  if (values.length * (values[0]?.length ?? 0) !== rangeCells(origin)) throw new Error(`区域 ${used.address} 的数据与地址不一致`);
  return sheetFromGrid(info.name, { origin: { row: origin.top, col: origin.left }, values, formulas, numFmts }, merges, info.state);
}
