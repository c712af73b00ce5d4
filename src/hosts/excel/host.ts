/**
 * The workbook host over Office.js (Excel on Windows, Mac and the web).
 *
 * No globals: the host is given an `Excel.run`-like function and the requirement-set check
 * (`officeJsDeps(Excel, Office, …)` builds them from the real namespaces). It uses only the
 * object-model members declared in the `Xl*` interfaces below; `officeJsDeps` checks at compile
 * time that the real Office.js types satisfy them.
 *
 * Round trips (context.sync calls):
 *  - read: the first read is 2 — one sync for the sheet list (`worksheets.load('items/…')`, as
 *    the Office.js documentation loads a collection), one for the sheets' used ranges and merged
 *    areas (`getItem(name)`). Later reads are 1: they use the sheet list remembered from the last
 *    read or write, checked against Excel's list in the same sync; if the user added, deleted or
 *    renamed sheets since, the host reads again with the new list (one more sync). When the used
 *    ranges do not fit one response (Excel on the web: 5 MB), they are read in row bands over
 *    more syncs. Only documented patterns: no calls on null objects (an earlier version chained
 *    `getNextOrNullObject()` to read in one sync, which the documentation does not promise).
 *  - check + fill of a workbook the host has not read: 3 (2 to read, 1 to write).
 *  - `readRanges` (the re-check after an edit): 1, with the sheet list when not known (2).
 *  - `onChanged`: 1 to register; an event on a sheet the host knows is handled without a sync,
 *    one on a sheet it does not know (added since the last read) costs 1 for the sheet's name.
 *  - write: 1, whatever the number of rows, with `suspendApiCalculationUntilNextSync()`; split
 *    into more syncs only when the estimated request exceeds the budget (PAYLOAD_BUDGET).
 *  - write with expected cells (the precondition "the target cells have not changed since they
 *    were read"): the same single sync. Office.js runs a batch's operations in order, so the batch
 *    first loads every expected cell and every cell the write will change (values, formulas,
 *    number formats), then writes. After the sync the host compares; if any expected cell had
 *    changed, a second sync restores every target cell to exactly what was loaded (contents, then
 *    number formats) and deletes the sheets the write added, and the write is
 *    refused (`{ok: false, conflicts}`). A conflict so never loses the user's edit, and the common
 *    case costs one sync. With `mergeUndoGroup` (ExcelApi 1.20) the write and its undoing are one
 *    undo step. Not restorable, hence checked in a sync of its own before writing (2 syncs): a
 *    write that deletes sheets, or clears cells or merges ranges on existing sheets. Bold and
 *    column widths a refused write set on existing sheets are not put back (formatting, not
 *    data). Expected cells on sheets the host has not seen cost one sync to list the sheets first.
 *  - marks (conditional formats, ExcelApi 1.9): not part of `read`, which stays one sync; `readMarks`
 *    is one sync to find wanmu's formats on every sheet (with the sheet list) and one for their
 *    ranges (none when there are none); `setMarks` is one sync to find them and one that deletes
 *    them and adds the new ones (the first of each takes one more before any read has listed the
 *    sheets, or when the user added sheets since).
 *
 * Text that Excel would parse (numbers, dates, formulas, booleans) is written with a leading
 * apostrophe (see textNeedsGuard); Excel stores it as a quote prefix and reads the text back
 * without it. Formula results are not written: Excel calculates them after the write.
 */
import type { RawValue } from '../../engine';
import {
  buildSheet,
  gridCells,
  type CellData,
  type CellRange,
  type ChangedCells,
  type ExpectedCell,
  type HostCapabilities,
  type RangeCells,
  type MarkSet,
  type MarkSeverity,
  type ReadScope,
  type SheetRange,
  type SheetData,
  type SheetState,
  type WorkbookData,
  type WorkbookHost,
  type WriteBatch,
  type WriteOutcome,
} from '../../workbook/core/model';
import { MARK_FILL, markFormula, markSeverityOf } from '../../workbook/core/marks';
import { areaChunks, columnsAddress, constantInput, denseBlocks, errorValue, findConflicts, formulaOf, jsonSize, parseRangeAddress, planWrite, rangeAddress, rangeCells, type Block, type CellInput, type ContentCell, type WritePlan } from '../shared/blocks';

// ---- The slice of the Office.js object model the host uses -------------------------------------

export interface XlRangeAreas {
  readonly isNullObject: boolean;
  /** Comma-separated areas, each with its sheet: "Sheet1!A1:D1, Sheet1!F3:G4". */
  readonly address: string;
  load(propertyNames: string): unknown;
  /** Conditional formats that intersect the areas (ExcelApi 1.9); `add` applies one to all of them. */
  readonly conditionalFormats: XlConditionalFormatCollection;
}

/** A conditional format of type Custom: an expression (`rule.formula`, with '=') and its format. */
export interface XlCustomConditionalFormat {
  readonly isNullObject: boolean;
  readonly rule: { formula: string };
  readonly format: { readonly fill: { color: string } };
}

export interface XlConditionalFormat {
  readonly type: string;
  /** Lower numbers come first; a number past the last is taken as the last place. */
  priority: number;
  readonly custom: XlCustomConditionalFormat;
  /** A null object unless the format is of type Custom (loadable on any item). */
  readonly customOrNullObject: XlCustomConditionalFormat;
  /** The ranges it applies to (ExcelApi 1.9). */
  getRanges(): XlRangeAreas;
  delete(): void;
}

export interface XlConditionalFormatCollection {
  readonly items: XlConditionalFormat[];
  load(propertyNames: string): unknown;
  add(type: 'Custom'): XlConditionalFormat;
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly valueTypes: ReadonlyArray<ReadonlyArray<string>>;
  readonly format: { readonly font: { bold: boolean }; columnWidth: number; wrapText: boolean; verticalAlignment: string };
  load(propertyNames: string): unknown;
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** Conditional formats that intersect the range (ExcelApi 1.6). */
  readonly conditionalFormats: XlConditionalFormatCollection;
  clear(): void;
  merge(across?: boolean): void;
  select(): void;
}

export interface XlWorksheet {
  readonly isNullObject: boolean;
  readonly id: string;
  name: string;
  visibility: string;
  load(propertyNames: string): unknown;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /** Frozen rows at the top (ExcelApi 1.7). */
  readonly freezePanes: { freezeRows(count?: number): void };
  /** Print settings (ExcelApi 1.9). */
  readonly pageLayout: XlPageLayout;
  /** Several areas at once, "A1, B2:B5" (ExcelApi 1.9). */
  getRanges(address: string): XlRangeAreas;
  activate(): void;
  delete(): void;
}

/** Worksheet.pageLayout (ExcelApi 1.9): orientation "Landscape"/"Portrait", zoom, print titles, headers and footers. */
export interface XlPageLayout {
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated at the top of each printed page, "$1:$2". */
  setPrintTitleRows(rows: string): void;
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
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
  /** "RangeEdited", "RowInserted", "CellDeleted" …, or "Unknown" (Excel.DataChangeType). */
  readonly changeType?: string;
}

/** Change types after which the edited cells alone do not say what moved: the sheet is read again. */
export function structuralChange(changeType: string | undefined): boolean {
  return changeType !== undefined && changeType !== 'RangeEdited';
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
 * Marks (conditional formats, ExcelApi 1.6) on `Worksheet.getRanges` areas, read back with
 * `ConditionalFormat.getRanges` (both ExcelApi 1.9).
 */
export const MARKS_REQUIREMENT = { set: 'ExcelApi', version: '1.9' } as const;
/**
 * Sheet layouts of added sheets: `freezePanes.freezeRows` (ExcelApi 1.7) and `pageLayout` —
 * orientation, zoom, `setPrintTitleRows`, `headersFooters` (ExcelApi 1.9). Fitting one page wide
 * sets `zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }`: the documentation does not say
 * what 0 pages tall means; it is the value the file format uses for "as many as needed"
 * (fitToHeight="0"), which is what Excel writes for this setting.
 */
export const SHEET_LAYOUT_REQUIREMENT = { set: 'ExcelApi', version: '1.9' } as const;
/**
 * Longest address given to `Worksheet.getRanges` at once: 255 characters, the limit reported for
 * it (as for VBA's Range; the Office docs state none). Longer range lists get one conditional
 * format per chunk.
 */
export const RANGES_ADDRESS_LIMIT = 255;
/** A priority past any sheet's number of conditional formats: Excel puts the format last. */
const LAST_PRIORITY = 1_000_000;

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

/** A block the write will change, as it was loaded just before: what a restore types back. */
interface Target {
  readonly sheet: string;
  readonly range: CellRange;
  readonly inputs: CellInput[][];
  /** Number formats to put back (typing can change a format too, e.g. a date formula's). */
  readonly formats: unknown[][];
}

/** The precondition's queued loads: readable after the sync that runs them. */
interface Precondition {
  /** Request bytes of loads still queued (for the caller's sync). */
  readonly queued: number;
  /** What an expected cell holds now (null: empty, or on a missing sheet). */
  readonly found: (e: ExpectedCell) => CellData | null;
  readonly targets: readonly Target[];
}

/**
 * What to type to put a loaded cell back: its formula, its text (quote-prefixed where Excel would
 * parse it, see textNeedsGuard), or the constant as Excel reports it in the formula grid.
 */
function restoreInput(value: RawValue, formula: string | undefined, formulaText: unknown): CellInput {
  if (formula !== undefined) return `=${formula}`;
  if (value === null || typeof value !== 'object') return constantInput(value);
  // an error constant: its text ("#N/A") types back as that error
  if (typeof formulaText === 'string') return formulaText;
  throw new Error(`无法还原单元格内容 ${String(formulaText)}`);
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
    this.capabilities = { select: true, changeEvents: has(CHANGE_EVENTS_REQUIREMENT), undoGroup: has(UNDO_GROUP_REQUIREMENT), marks: has(MARKS_REQUIREMENT), sheetLayout: has(SHEET_LAYOUT_REQUIREMENT) };
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
      // the first read lists the sheets in a sync of its own (later ones use the list remembered)
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

  /**
   * Reads rectangles in one sync (more only when their estimated response exceeds the budget).
   * Rectangles on sheets not in the remembered list answer null; if a remembered sheet was
   * deleted or renamed since, the list is read again and the read retried once.
   */
  async readRanges(ranges: readonly SheetRange[]): Promise<readonly RangeCells[]> {
    return this.deps.run(async (ctx) => {
      let list = this.known ?? (await this.loadSheetList(ctx));
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
            if (pending > 0 && pending + cost > this.budget) {
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
          list = await this.loadSheetList(ctx);
          continue;
        }
        return ranges.map(({ sheet, range }, i) => {
          const r = loads[i];
          return { sheet, range, cells: r ? cellsOfGrid(gridOf(r)).cells : null };
        });
      }
    });
  }

  async write(batch: WriteBatch, expected: readonly ExpectedCell[]): Promise<WriteOutcome> {
    const plan = planWrite(batch);
    return this.deps.run(
      async (ctx) => {
        if (expected.length === 0) {
          await this.apply(ctx, plan, 0, batch.sheetLayouts);
          return { ok: true };
        }
        const added = new Set(plan.addSheets.map((a) => a.name));
        // The write goes in the same sync as the precondition only when a conflict can be undone:
        // cell contents and number formats are restored and added sheets deleted, but deleted
        // sheets, cleared ranges and merges on existing sheets could not be put back.
        const restorable = plan.deleteSheets.length === 0 && plan.sheets.every((s) => added.has(s.sheet) || (s.clears.length === 0 && s.merges.length === 0));
        const needed = new Set([...expected.map((e) => e.sheet), ...(restorable ? plan.sheets.filter((s) => !added.has(s.sheet)).map((s) => s.sheet) : [])]);
        const names = (list: readonly SheetInfo[]) => new Set(list.map((s) => s.name));
        let known = names(this.known ?? []);
        // Expected cells on a sheet the host has not seen: list the sheets first (cells on a missing
        // sheet are empty). Not needed after a read, which is how a fill is always preceded.
        if (this.known === null || [...needed].some((n) => !known.has(n))) known = names(await this.loadSheetList(ctx));
        for (let attempt = 0; ; attempt++) {
          let pre: Precondition;
          try {
            pre = await this.queuePrecondition(ctx, expected, restorable ? plan : null, known, added);
            if (restorable) await this.apply(ctx, plan, pre.queued, batch.sheetLayouts);
            else await ctx.sync();
          } catch (e) {
            // A sheet of the remembered list was deleted or renamed since: its loads come first in
            // the batch, so nothing was written. List the sheets again and retry once.
            if (errorCode(e) !== 'ItemNotFound' || attempt > 0) throw e;
            const now = names(await this.loadSheetList(ctx));
            if ([...needed].every((n) => !known.has(n) || now.has(n))) throw e;
            known = now;
            continue;
          }
          const conflicts = findConflicts(expected, pre.found);
          if (conflicts.length === 0) {
            if (!restorable) await this.apply(ctx, plan, 0, batch.sheetLayouts);
            return { ok: true };
          }
          if (restorable) await this.restore(ctx, pre.targets, plan.addSheets.map((a) => a.name));
          return { ok: false, conflicts };
        }
      },
      this.capabilities.undoGroup ? { mergeUndoGroup: true } : undefined,
    );
  }

  /**
   * Queues loads of the expected cells and (with a plan) of every cell the plan's content blocks
   * will write on existing sheets (values, formulas, number formats: what a restore needs), grouped
   * into blocks. Loads whose estimated responses exceed the budget are synced early, before any
   * write; the last group is left queued for the caller's sync. Cells on sheets not in `known` are
   * taken as empty.
   */
  private async queuePrecondition(ctx: XlContext, expected: readonly ExpectedCell[], plan: WritePlan | null, known: ReadonlySet<string>, added: ReadonlySet<string>): Promise<Precondition> {
    const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}:${col}`;
    const expectedAt = new Map<string, ExpectedCell>();
    for (const e of expected) expectedAt.set(key(e.sheet, e.row, e.col), e);
    // Response bytes of one cell: from what it is expected to hold where known, else a fixed bound.
    const cellCost = (sheet: string, row: number, col: number, numFmt: boolean) => {
      const e = expectedAt.get(key(sheet, row, col));
      if (!e) return numFmt ? BYTES_PER_CELL : CHECK_BYTES_PER_CELL;
      const size = jsonSize(e.value === null || typeof e.value !== 'object' ? e.value ?? '' : '#VALUE!');
      return 24 + size + (e.formula !== undefined ? jsonSize(e.formula) + 1 : size) + (numFmt ? 24 : 0);
    };
    const reads: { sheet: string; range: CellRange; r: XlRange; target: boolean }[] = [];
    let pending = 0;
    let queued = 0;
    const sheets = new Map<string, XlWorksheet>();
    const sheet = (name: string) => {
      let ws = sheets.get(name);
      if (!ws) sheets.set(name, (ws = ctx.workbook.worksheets.getItem(name)));
      return ws;
    };
    const queue = async (name: string, range: CellRange, target: boolean) => {
      // row bands under the budget
      let top = range.top;
      let cost = 0;
      const flushBand = async (bottom: number) => {
        const band = { ...range, top, bottom };
        if (queued > 0 && pending + cost > this.budget) {
          await ctx.sync();
          sheets.clear();
          pending = 0;
          queued = 0;
        }
        const r = sheet(name).getRange(rangeAddress(band));
        r.load(target ? 'values,formulas,valueTypes,numberFormat' : 'values,formulas,valueTypes');
        reads.push({ sheet: name, range: band, r, target });
        pending += cost;
        queued++;
        top = bottom + 1;
        cost = 0;
      };
      for (let row = range.top; row <= range.bottom; row++) {
        let line = 0;
        for (let col = range.left; col <= range.right; col++) line += cellCost(name, row, col, target);
        if (row > top && cost + line > this.budget) await flushBand(row - 1);
        cost += line;
      }
      await flushBand(range.bottom);
    };
    const covered = new Set<string>();
    for (const s of plan?.sheets ?? []) {
      if (added.has(s.sheet) || !known.has(s.sheet)) continue;
      for (const b of s.content) {
        for (let i = 0; i <= b.range.bottom - b.range.top; i++) for (let j = 0; j <= b.range.right - b.range.left; j++) covered.add(key(s.sheet, b.range.top + i, b.range.left + j));
        await queue(s.sheet, b.range, true);
      }
    }
    const bySheet = new Map<string, ExpectedCell[]>();
    for (const e of expected) {
      if (!known.has(e.sheet) || covered.has(key(e.sheet, e.row, e.col))) continue;
      const list = bySheet.get(e.sheet);
      if (list) list.push(e);
      else bySheet.set(e.sheet, [e]);
    }
    for (const [name, cells] of bySheet) for (const b of denseBlocks(cells.map((e) => ({ row: e.row, col: e.col, item: e })))) await queue(name, b.range, false);

    const state = new Map<string, CellData | null>();
    const targets: Target[] = [];
    let collected = false;
    const collect = () => {
      if (collected) return;
      collected = true;
      for (const { sheet: name, range, r, target } of reads) {
        const inputs: CellInput[][] = [];
        for (let i = 0; i <= range.bottom - range.top; i++) {
          const line: CellInput[] = [];
          for (let j = 0; j <= range.right - range.left; j++) {
            const type = r.valueTypes[i][j];
            const value = cellValue(r.values[i][j], type);
            const formula = formulaOf(value, r.formulas[i][j]);
            state.set(key(name, range.top + i, range.left + j), value === null && formula === undefined ? null : { value, ...(formula !== undefined ? { formula } : {}) });
            line.push(restoreInput(value, formula, r.formulas[i][j]));
          }
          inputs.push(line);
        }
        if (target) targets.push({ sheet: name, range, inputs, formats: r.numberFormat });
      }
    };
    return {
      queued: queued * OP_OVERHEAD,
      found: (e) => {
        collect();
        return state.get(key(e.sheet, e.row, e.col)) ?? null;
      },
      get targets() {
        collect();
        return targets;
      },
    };
  }

  /**
   * Undoes a write whose precondition failed: every target cell gets back what was loaded just
   * before the write (contents first, then the number formats the write changed), and the sheets
   * the write added are deleted. Syncs once, more only above the request budget.
   */
  private async restore(ctx: XlContext, targets: readonly Target[], addedSheets: readonly string[]): Promise<void> {
    let pending = 0;
    let sheets = new Map<string, XlWorksheet>();
    const sheet = (name: string) => {
      let ws = sheets.get(name);
      if (!ws) sheets.set(name, (ws = ctx.workbook.worksheets.getItem(name)));
      return ws;
    };
    const add = async (bytes: number, queue: () => void) => {
      if (pending > 0 && pending + bytes > this.budget) {
        await ctx.sync();
        sheets = new Map();
        pending = 0;
      }
      queue();
      pending += bytes;
    };
    for (const t of targets) {
      await add(OP_OVERHEAD + gridSize(t.inputs) + gridSize(t.formats), () => {
        const range = sheet(t.sheet).getRange(rangeAddress(t.range));
        range.formulas = t.inputs;
        range.numberFormat = t.formats;
      });
    }
    for (const name of addedSheets) await add(OP_OVERHEAD, () => sheet(name).delete());
    if (pending > 0) await ctx.sync();
    if (this.known && addedSheets.length > 0) this.known = this.known.filter((s) => !addedSheets.includes(s.name));
  }

  /**
   * Queues the whole write and syncs once, or in budget-sized syncs for very large batches.
   * `queuedBytes`: the request size of operations the caller queued before (the precondition's
   * loads), which go in the first sync, ahead of the writes.
   */
  private async apply(ctx: XlContext, plan: WritePlan, queuedBytes: number, layouts: WriteBatch['sheetLayouts']): Promise<void> {
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
      for (const r of s.wrap)
        ops.push({
          bytes: OP_OVERHEAD,
          queue: (c, m) => {
            const f = on(c, m).getRange(rangeAddress(r)).format;
            f.wrapText = true;
            f.verticalAlignment = 'Center';
          },
        });
      for (const r of s.merges) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => on(c, m).getRange(rangeAddress(r)).merge(false) });
      for (const w of s.widths) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => (on(c, m).getRange(columnsAddress(w.left, w.right)).format.columnWidth = widthToPoints(w.width)) });
    }
    if (this.capabilities.sheetLayout) {
      for (const l of layouts) {
        if (!plan.addSheets.some((a) => a.name === l.sheet)) continue;
        ops.push({
          bytes: OP_OVERHEAD * 4,
          queue: (c) => {
            const ws = added.get(l.sheet) ?? c.workbook.worksheets.getItem(l.sheet);
            if (l.freezeRows > 0) ws.freezePanes.freezeRows(l.freezeRows);
            const p = ws.pageLayout;
            p.orientation = l.print.landscape ? 'Landscape' : 'Portrait';
            if (l.print.fitWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
            if (l.print.titleRows) p.setPrintTitleRows(`$${l.print.titleRows.first}:$${l.print.titleRows.last}`);
            if (l.print.footer !== null) p.headersFooters.defaultForAllPages.centerFooter = l.print.footer;
          },
        });
      }
    }
    for (const name of plan.deleteSheets) ops.push({ bytes: OP_OVERHEAD, queue: (c) => c.workbook.worksheets.getItem(name).delete() });

    let sheets = new Map<string, XlWorksheet>();
    let pending = queuedBytes;
    let queued = queuedBytes > 0 ? 1 : 0;
    let suspended = false;
    const flush = async () => {
      await ctx.sync();
      sheets = new Map();
      pending = 0;
      queued = 0;
      suspended = false;
    };
    for (const op of ops) {
      if (queued > 0 && pending + op.bytes > this.budget) await flush();
      if (!suspended) ctx.application.suspendApiCalculationUntilNextSync();
      suspended = true;
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

  /**
   * wanmu's conditional formats on every sheet, as proxies: one sync loads every sheet's formats
   * (type and, for Custom ones, the formula) with the sheet list; if the list changed since it was
   * remembered, again with the new list (a sheet copied with its marks is found too).
   */
  private async findMarks(ctx: XlContext): Promise<{ sheet: string; severity: MarkSeverity; format: XlConditionalFormat }[]> {
    let list = this.known ?? (await this.loadSheetList(ctx));
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = this.queueSheetList(ctx);
      const loads = list.map((s) => {
        const formats = ctx.workbook.worksheets.getItem(s.name).getRange().conditionalFormats;
        formats.load('items/type,items/customOrNullObject/rule/formula');
        return { sheet: s.name, formats };
      });
      try {
        await ctx.sync();
      } catch (e) {
        if (errorCode(e) !== 'ItemNotFound' || attempt === 2) throw e;
        list = await this.loadSheetList(ctx);
        continue;
      }
      const now = (this.known = current());
      if (now.length !== list.length || now.some((s, i) => s.name !== list[i].name)) {
        list = now;
        continue;
      }
      const out: { sheet: string; severity: MarkSeverity; format: XlConditionalFormat }[] = [];
      for (const l of loads) {
        for (const format of l.formats.items) {
          if (format.type !== 'Custom' || format.customOrNullObject.isNullObject) continue;
          const severity = markSeverityOf(format.customOrNullObject.rule.formula);
          if (severity) out.push({ sheet: l.sheet, severity, format });
        }
      }
      return out;
    }
    throw new Error('读取工作簿时工作表列表不断变化,请稍后重试');
  }

  /** Two syncs: wanmu's formats (with the sheet list), then the ranges they apply to. */
  async readMarks(): Promise<MarkSet[]> {
    return this.deps.run(async (ctx) => {
      const found = await this.findMarks(ctx);
      if (found.length === 0) return [];
      const areas = found.map((f) => {
        const a = f.format.getRanges();
        a.load('address');
        return a;
      });
      await ctx.sync();
      return found.map((f, i) => ({
        sheet: f.sheet,
        severity: f.severity,
        ranges: splitAreas(areas[i].address).map((a) => {
          const r = parseRangeAddress(a);
          if (!r) throw new Error(`无法识别区域地址 ${a}`);
          return r;
        }),
      }));
    });
  }

  /**
   * Two syncs: wanmu's formats are found (with the sheet list), then deleted and the new ones added
   * in one batch; each new format goes after the sheet's others (the user's keep their places).
   * A range list longer than RANGES_ADDRESS_LIMIT becomes several formats.
   */
  async setMarks(marks: readonly MarkSet[]): Promise<void> {
    await this.deps.run(
      async (ctx) => {
        const old = await this.findMarks(ctx);
        const names = new Set((this.known ?? []).map((s) => s.name));
        for (const m of marks) if (!names.has(m.sheet)) throw new Error(`找不到工作表“${m.sheet}”`);
        for (const o of old) o.format.delete();
        let added = 0;
        for (const m of marks) {
          const ws = ctx.workbook.worksheets.getItem(m.sheet);
          for (const address of areaChunks(m.ranges, RANGES_ADDRESS_LIMIT)) {
            const format = ws.getRanges(address).conditionalFormats.add('Custom');
            format.custom.rule.formula = `=${markFormula(m.severity)}`;
            format.custom.format.fill.color = `#${MARK_FILL[m.severity]}`;
            format.priority = LAST_PRIORITY;
            added++;
          }
        }
        if (old.length > 0 || added > 0) await ctx.sync();
      },
      this.capabilities.undoGroup ? { mergeUndoGroup: true } : undefined,
    );
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
      if (!removed) listener({ sheet: name, cells: [args.address], ...(structuralChange(args.changeType) ? { structural: true } : {}) });
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
