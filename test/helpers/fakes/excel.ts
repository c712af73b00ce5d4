/**
 * A faithful in-memory fake of the slice of the Office.js Excel object model that ExcelHost uses
 * (the Xl* interfaces). What it keeps from the real thing, because the host's correctness
 * depends on it:
 *  - deferred execution: setters, methods and load() only queue work; nothing happens until
 *    context.sync(), which runs the queue in order (a failing operation fails the sync, and work
 *    queued before it stays applied, as in Excel);
 *  - loaded properties are readable only after load() and a sync (PropertyNotLoaded otherwise);
 *  - *OrNullObject results resolve at sync time (isNullObject);
 *  - getItem of a missing sheet fails the sync with ItemNotFound; add of an existing name fails
 *    with ItemAlreadyExists;
 *  - typing into cells parses input as Excel does: "=…" is a formula, "00123" / "1,234" / "12%"
 *    become numbers, "TRUE" a boolean, "#N/A" an error, a leading apostrophe keeps text (quote
 *    prefix, not part of the value); null leaves a cell as it is, "" empties it;
 *  - grids must match the range's size (InvalidArgument otherwise);
 *  - requests and responses above the payload limit fail (Excel on the web: 5 MB);
 *  - conditional formats are kept per sheet in priority order: `add` puts a new one first (as the
 *    Excel UI does), `priority = n` moves it (past the last: last); `customOrNullObject` is a null
 *    object for other types, `custom` of another type fails; `getRanges` takes at most
 *    GET_RANGES_LIMIT characters (the limit reported for it).
 * It does not calculate: a formula's value comes from the `calculate` function the test gives
 * (the results Excel would compute for the formulas the test writes).
 *
 * office-addin-mock (OfficeMockObject) models static property trees with load/sync flags; it
 * cannot express deferred writes applied at sync, ranges computed from a shared grid,
 * null objects resolved at sync, or sync counting across objects created by method calls — so
 * the Excel object model is this fake. The Office namespace side (requirement sets) is mocked
 * with OfficeMockObject in the tests.
 */
import type { RawValue } from '../../../src/engine';
import { ERROR_TEXT, errorKindFromText, isSheetError, sheetError } from '../../../src/engine';
import { a1, colNumber, sheetRef } from '../../../src/workbook/core/address';
import type { CellRange, WorkbookData } from '../../../src/workbook/core/model';
import type {
  XlChangedArgs,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlContext,
  XlCustomConditionalFormat,
  XlEventResult,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRunOptions,
  XlWorksheet,
  XlWorksheetCollection,
} from '../../../src/hosts/excel/host';

export interface FakeCell {
  value: RawValue;
  formula?: string;
  numFmt?: string;
  bold?: boolean;
  wrap?: boolean;
  quotePrefix?: boolean;
}

/** A conditional format as the fake keeps it. */
export interface FakeFormat {
  readonly id: string;
  readonly type: 'Custom' | 'DataBar' | 'CellValue';
  /** Custom: the formula as Excel reports it, with '='. */
  formula: string;
  /** Custom: fill colour as set ('#RRGGBB'), or null. */
  fill: string | null;
  ranges: CellRange[];
}

interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell & { row: number; col: number }>;
  merges: CellRange[];
  widths: Map<number, number>;
  /** Conditional formats, first (priority 0) first. */
  formats: FakeFormat[];
  /** freezePanes.freezeRows; 0: none. */
  frozenRows: number;
  /** pageLayout as set (ExcelApi 1.9). */
  page: { orientation: string; zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null; printTitleRows: string | null; centerFooter: string };
}

function newPage(): SheetState['page'] {
  return { orientation: 'Portrait', zoom: null, printTitleRows: null, centerFooter: '' };
}

/** Longest address `getRanges` takes (the limit reported for it; the Office docs state none). */
export const GET_RANGES_LIMIT = 255;

export class OfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;

/** Parses what is typed into a cell, as Excel does. */
export function typeInto(input: unknown, old: FakeCell | undefined, calculate: (f: string) => RawValue): FakeCell | null | 'unchanged' {
  const keep = old?.numFmt !== undefined || old?.bold ? { ...(old?.numFmt !== undefined ? { numFmt: old.numFmt } : {}), ...(old?.bold ? { bold: true } : {}) } : {};
  if (input === null || input === undefined) return 'unchanged';
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, ...keep };
  if (typeof input !== 'string') throw new OfficeError('InvalidArgument', `cannot type ${typeof input}`);
  if (input === '') return Object.keys(keep).length > 0 ? { value: null, ...keep } : null;
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true, ...keep };
  if (input.startsWith('=') || ((input.startsWith('+') || input.startsWith('-')) && !NUMBER.test(input))) {
    const formula = input.startsWith('=') ? input.slice(1) : input;
    return { value: calculate(formula), formula, ...keep };
  }
  if (/\d/.test(input) && NUMBER.test(input.trim())) {
    const t = input.trim();
    const n = Number(t.replace(/,/g, '').replace(/%$/, ''));
    return { value: t.endsWith('%') ? n / 100 : n, ...keep };
  }
  const upper = input.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE', ...keep };
  const kind = errorKindFromText(input);
  if (kind) return { value: sheetError(kind), ...keep };
  return { value: input, ...keep };
}

function parseAddress(address: string): CellRange {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(local);
  if (cols) return { top: 1, left: colNumber(cols[1]), bottom: 1048576, right: colNumber(cols[2]) };
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(local);
  if (!m) throw new OfficeError('InvalidArgument', `bad address ${address}`);
  return { top: Number(m[2]), left: colNumber(m[1]), bottom: Number(m[4] ?? m[2]), right: colNumber(m[3] ?? m[1]) };
}

function addressOf(sheet: string, r: CellRange): string {
  const tl = a1(r.top, r.left);
  return `${sheetRef(sheet)}!${r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`}`;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function notLoaded(what: string): never {
  throw new OfficeError('PropertyNotLoaded', `${what} is not loaded: call load() and context.sync() first`);
}

/** The fake application: workbook state, counters, and `run`. */
export class FakeExcel {
  readonly sheets: SheetState[] = [];
  private nextId = 1;
  /** context.sync() calls. */
  syncs = 0;
  /** Assignments of a 2-D grid (formulas / numberFormat) to a range, and the cells they cover. */
  gridWrites = 0;
  gridCells = 0;
  /** Options of every Excel.run. */
  readonly runs: (XlRunOptions | undefined)[] = [];
  /** Payload limits in bytes (Excel on the web: 5 MB each way). */
  requestLimit = 5_000_000;
  responseLimit = 5_000_000;
  /** Largest request and response Excel accepted. */
  maxRequest = 0;
  maxResponse = 0;
  readonly handlers = new Set<(args: XlChangedArgs) => Promise<unknown>>();
  selection: { sheet: string; address: string } | null = null;
  active: string | null = null;
  /** Behave like an Excel that refuses methods called on a null worksheet object (unconfirmed either way). */
  rejectsCallsOnNullObjects = false;

  constructor(readonly calculate: (formula: string) => RawValue) {}

  static from(data: WorkbookData, calculate: (formula: string) => RawValue): FakeExcel {
    const x = new FakeExcel(calculate);
    for (const s of data.sheets) {
      const st = x.addSheet(s.name);
      st.visibility = s.state === 'hidden' ? 'Hidden' : s.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
      s.rows.forEach((line, row) =>
        line.forEach((c, col) => {
          // Text Excel would parse was typed with a quote prefix.
          const typed = typeof c.value === 'string' && c.formula === undefined ? typeInto(c.value, undefined, calculate) : null;
          const quotePrefix = typed !== null && typed !== 'unchanged' && typed.value !== c.value;
          st.cells.set(a1(row, col), { row, col, value: c.value, ...(c.formula !== undefined ? { formula: c.formula } : {}), ...(c.numFmt ? { numFmt: c.numFmt } : {}), ...(quotePrefix ? { quotePrefix } : {}) });
        }),
      );
      st.merges.push(...s.merges);
    }
    return x;
  }

  /**
   * Excel recalculates: every formula cell takes the result `calculate` gives for it now. Change
   * handlers hear nothing (Excel's onChanged reports edits, not recalculations).
   */
  recalculate(calculate: (formula: string) => RawValue): void {
    for (const st of this.sheets) for (const c of st.cells.values()) if (c.formula !== undefined) c.value = calculate(c.formula);
  }

  addSheet(name: string): SheetState {
    if (this.sheets.some((s) => s.name === name)) throw new OfficeError('ItemAlreadyExists', `sheet ${name} exists`);
    const st: SheetState = { id: `{sheet-${this.nextId++}}`, name, visibility: 'Visible', cells: new Map(), merges: [], widths: new Map(), formats: [], frozenRows: 0, page: newPage() };
    this.sheets.push(st);
    return st;
  }

  sheet(key: string): SheetState {
    const s = this.sheets.find((x) => x.name === key || x.id === key);
    if (!s) throw new OfficeError('ItemNotFound', `no sheet ${key}`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet).cells.get(address);
  }

  newId(kind: string): string {
    return `{${kind}-${this.nextId++}}`;
  }

  /** The user adds a conditional format (after the sheet's others). */
  addFormat(sheet: string, format: Omit<FakeFormat, 'id'>): FakeFormat {
    const f = { ...format, id: this.newId('format') };
    this.sheet(sheet).formats.push(f);
    return f;
  }

  readonly run = async <T>(batch: (context: XlContext) => Promise<T>, options?: XlRunOptions): Promise<T> => {
    this.runs.push(options);
    return batch(new FakeContext(this));
  };

  /** `Excel.run(previousContext, batch)`. */
  readonly runIn = async <T>(context: object, batch: (context: XlContext) => Promise<T>): Promise<T> => {
    if (!(context instanceof FakeContext) || context.x !== this) throw new OfficeError('InvalidArgument', 'not a request context of this workbook');
    return batch(context);
  };

  /**
   * The user types into a cell; change handlers hear about it (with `changeType`, as Excel
   * reports it: an inserted row is "RowInserted" at the row's address).
   */
  async userEdit(sheet: string, address: string, input: string | number | boolean, changeType = 'RangeEdited', reported = address): Promise<void> {
    const st = this.sheet(sheet);
    const at = parseAddress(address);
    const key = a1(at.top, at.left);
    const typed = typeInto(input, st.cells.get(key), this.calculate);
    if (typed === null) st.cells.delete(key);
    else if (typed !== 'unchanged') st.cells.set(key, { row: at.top, col: at.left, ...typed });
    for (const h of this.handlers) await h({ worksheetId: st.id, address: reported, triggerSource: 'Unknown', changeType });
  }

  /** Bounding box of the cells (with valuesOnly: of the cells with a value or formula). */
  usedRange(st: SheetState, valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const c of st.cells.values()) {
      if (valuesOnly && c.value === null && c.formula === undefined) continue;
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }
}

interface Queued {
  readonly bytes: number;
  readonly run: () => void;
}

export class FakeContext implements XlContext {
  readonly workbook: { readonly worksheets: XlWorksheetCollection };
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  private queue: Queued[] = [];
  /** Loads run at sync; each returns its response size. */
  private loads: (() => number)[] = [];
  suspended = 0;

  constructor(readonly x: FakeExcel) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
    this.application = { suspendApiCalculationUntilNextSync: () => this.enqueue(50, () => void this.suspended++) };
  }

  enqueue(bytes: number, run: () => void): void {
    this.queue.push({ bytes: bytes + 100, run });
  }

  enqueueLoad(load: () => number): void {
    this.queue.push({ bytes: 100, run: () => this.loads.push(load) });
  }

  async sync(): Promise<void> {
    this.x.syncs++;
    const queue = this.queue;
    this.queue = [];
    this.loads = [];
    const request = queue.reduce((n, q) => n + q.bytes, 0);
    if (request > this.x.requestLimit) throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    this.x.maxRequest = Math.max(this.x.maxRequest, request);
    let response = 0;
    for (const q of queue) {
      q.run();
      // loads answer with the state at their place in the queue
      for (const l of this.loads.splice(0)) response += l();
    }
    if (response > this.x.responseLimit) throw new OfficeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    this.x.maxResponse = Math.max(this.x.maxResponse, response);
    // Excel raises change events for the add-in's own writes too, marked as such.
    for (const c of this.changed.splice(0)) for (const h of this.x.handlers) await h({ worksheetId: c.sheet.id, address: addressOf(c.sheet.name, c.rect).split('!')[1], triggerSource: 'ThisLocalAddin' });
  }

  /** Ranges written in the current sync. */
  readonly changed: { sheet: SheetState; rect: CellRange }[] = [];
}

function props(list: string): string[] {
  return list.split(',').map((p) => p.trim()).filter((p) => p !== '');
}

class FakeWorksheets implements XlWorksheetCollection {
  private loaded: XlWorksheet[] | null = null;
  readonly onChanged: { add(handler: (args: XlChangedArgs) => Promise<unknown>): XlEventResult };

  constructor(private readonly ctx: FakeContext) {
    this.onChanged = {
      add: (handler) => {
        ctx.enqueue(50, () => void ctx.x.handlers.add(handler));
        return {
          context: ctx,
          remove: () => ctx.enqueue(50, () => void ctx.x.handlers.delete(handler)),
        };
      },
    };
  }

  get items(): XlWorksheet[] {
    return this.loaded ?? notLoaded('WorksheetCollection.items');
  }

  load(propertyNames: string): unknown {
    const wanted = props(propertyNames).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueueLoad(() => {
      this.loaded = this.ctx.x.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.snapshot(wanted);
        return ws;
      });
      return this.ctx.x.sheets.length * 60;
    });
    return this;
  }

  getItem(key: string): XlWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.x.sheet(key));
  }

  getFirst(visibleOnly?: boolean): XlWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const first = this.ctx.x.sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
      if (!first) throw new OfficeError('ItemNotFound', 'no worksheet');
      return first;
    });
  }

  add(name?: string): XlWorksheet {
    let st: SheetState | null = null;
    const sheetName = name ?? `Sheet${this.ctx.x.sheets.length + 1}`;
    this.ctx.enqueue(sheetName.length, () => void (st = this.ctx.x.addSheet(sheetName)));
    return new FakeWorksheet(this.ctx, () => st ?? notLoaded('added worksheet (not yet synced)'));
  }
}

/**
 * A worksheet proxy. `resolve` finds its sheet at sync time; null for a null object (past the last
 * sheet). Methods returning objects on a null object return null objects; setting properties or
 * calling actions on one fails the sync (InvalidOperation).
 */
class FakeWorksheet implements XlWorksheet {
  private data: Partial<Record<'id' | 'name' | 'visibility', string>> = {};
  /** Whether the proxy was a null object, as of the sync that ran its load; null before. */
  private isNull: boolean | null = null;

  constructor(private readonly ctx: FakeContext, private readonly resolveOrNull: () => SheetState | null) {}

  private resolve(): SheetState {
    const s = this.resolveOrNull();
    if (!s) throw new OfficeError('InvalidOperation', 'method called on a null object');
    return s;
  }

  get isNullObject(): boolean {
    return this.isNull ?? notLoaded('Worksheet.isNullObject');
  }

  snapshot(wanted: string[]): void {
    const found = this.resolveOrNull();
    this.isNull = found === null;
    if (!found) {
      this.data = {};
      return;
    }
    const s = found;
    for (const p of wanted) {
      if (p !== 'id' && p !== 'name' && p !== 'visibility') throw new OfficeError('InvalidArgument', `unknown property ${p}`);
      this.data[p] = s[p];
    }
  }

  get id(): string {
    return this.data.id ?? notLoaded('Worksheet.id');
  }
  get name(): string {
    return this.data.name ?? notLoaded('Worksheet.name');
  }
  set name(v: string) {
    this.ctx.enqueue(v.length, () => void (this.resolve().name = v));
  }
  get visibility(): string {
    return this.data.visibility ?? notLoaded('Worksheet.visibility');
  }
  set visibility(v: string) {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new OfficeError('InvalidArgument', `visibility ${v}`);
    this.ctx.enqueue(10, () => void (this.resolve().visibility = v));
  }

  load(propertyNames: string): unknown {
    this.ctx.enqueueLoad(() => {
      this.snapshot(props(propertyNames));
      return 60;
    });
    return this;
  }

  getRange(address?: string): XlRange {
    const rect = address === undefined ? { top: 1, left: 1, bottom: 1048576, right: 16384 } : parseAddress(address);
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolveOrNull();
      return sheet ? { sheet, rect } : null;
    });
  }

  get freezePanes(): { freezeRows(count?: number): void } {
    return {
      freezeRows: (count = 1) => {
        this.ctx.enqueue(10, () => void (this.resolve().frozenRows = count));
      },
    };
  }

  get pageLayout(): XlPageLayout {
    const ctx = this.ctx;
    const sheet = () => this.resolve();
    const set = (f: (p: SheetState['page']) => void) => ctx.enqueue(20, () => f(sheet().page));
    return {
      get orientation(): string {
        return notLoaded('PageLayout.orientation');
      },
      set orientation(v: string) {
        if (v !== 'Landscape' && v !== 'Portrait') throw new OfficeError('InvalidArgument', `orientation ${v}`);
        set((p) => void (p.orientation = v));
      },
      get zoom(): XlPageLayout['zoom'] {
        return notLoaded('PageLayout.zoom');
      },
      set zoom(v: XlPageLayout['zoom']) {
        set((p) => void (p.zoom = { ...v }));
      },
      setPrintTitleRows: (rows: string) => {
        if (!/^\$\d+:\$\d+$/.test(rows)) throw new OfficeError('InvalidArgument', `print title rows ${rows}`);
        set((p) => void (p.printTitleRows = rows));
      },
      headersFooters: {
        defaultForAllPages: {
          get centerFooter(): string {
            return notLoaded('HeaderFooter.centerFooter');
          },
          set centerFooter(v: string) {
            set((p) => void (p.centerFooter = v));
          },
        },
      },
    };
  }

  getRanges(address: string): XlRangeAreas {
    const resolve = (): { sheet: SheetState; rects: CellRange[] } | null => {
      const sheet = this.resolveOrNull();
      if (!sheet) return null;
      if (address.length > GET_RANGES_LIMIT) throw new OfficeError('InvalidArgument', `address of ${address.length} characters`);
      return { sheet, rects: address.split(',').map((a) => parseAddress(a.trim())) };
    };
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const t = resolve();
        return t ? t.rects.map((r) => addressOf(t.sheet.name, r)).join(', ') : null;
      },
      resolve,
    );
  }

  getNextOrNullObject(visibleOnly?: boolean): XlWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.resolveOrNull();
      if (!s && this.ctx.x.rejectsCallsOnNullObjects) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      if (!s) return null;
      const after = this.ctx.x.sheets.slice(this.ctx.x.sheets.indexOf(s) + 1);
      return after.find((n) => !visibleOnly || n.visibility === 'Visible') ?? null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolveOrNull();
      if (!sheet && this.ctx.x.rejectsCallsOnNullObjects) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      if (!sheet) return null;
      const rect = this.ctx.x.usedRange(sheet, valuesOnly === true);
      return rect ? { sheet, rect } : null;
    });
  }

  activate(): void {
    this.ctx.enqueue(10, () => void (this.ctx.x.active = this.resolve().name));
  }

  delete(): void {
    this.ctx.enqueue(10, () => {
      const s = this.resolve();
      this.ctx.x.sheets.splice(this.ctx.x.sheets.indexOf(s), 1);
    });
  }
}

type Target = { sheet: SheetState; rect: CellRange } | null;

interface RangeData {
  isNullObject: boolean;
  address?: string;
  values?: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  valueTypes?: string[][];
}

function cellFormula(c: FakeCell | undefined): unknown {
  if (!c) return '';
  if (c.formula !== undefined) return `=${c.formula}`;
  if (isSheetError(c.value)) return ERROR_TEXT[c.value.sheetError];
  return c.value ?? '';
}

function cellValueOut(c: FakeCell | undefined): unknown {
  if (!c || c.value === null) return '';
  return isSheetError(c.value) ? ERROR_TEXT[c.value.sheetError] : c.value;
}

function cellType(c: FakeCell | undefined): string {
  if (!c || c.value === null) return 'Empty';
  if (isSheetError(c.value)) return 'Error';
  return typeof c.value === 'string' ? 'String' : typeof c.value === 'boolean' ? 'Boolean' : 'Double';
}

class FakeRange implements XlRange {
  private data: RangeData | null = null;
  readonly format: { readonly font: { bold: boolean }; columnWidth: number; wrapText: boolean; verticalAlignment: string };

  constructor(private readonly ctx: FakeContext, private readonly resolve: () => Target) {
    const self = this;
    this.format = {
      font: {
        get bold(): boolean {
          return notLoaded('RangeFont.bold');
        },
        set bold(v: boolean) {
          ctx.enqueue(10, () => self.eachCell((c) => (c.bold = v), true));
        },
      },
      get wrapText(): boolean {
        return notLoaded('RangeFormat.wrapText');
      },
      set wrapText(v: boolean) {
        ctx.enqueue(10, () => self.eachCell((c) => (c.wrap = v), true));
      },
      get verticalAlignment(): string {
        return notLoaded('RangeFormat.verticalAlignment');
      },
      set verticalAlignment(v: string) {
        if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(v)) throw new OfficeError('InvalidArgument', `verticalAlignment ${v}`);
      },
      get columnWidth(): number {
        return notLoaded('RangeFormat.columnWidth');
      },
      set columnWidth(v: number) {
        ctx.enqueue(10, () => {
          const t = self.target();
          for (let col = t.rect.left; col <= t.rect.right; col++) t.sheet.widths.set(col, v);
        });
      },
    };
  }

  private target(): { sheet: SheetState; rect: CellRange } {
    const t = this.resolve();
    if (!t) throw new OfficeError('InvalidOperation', 'method called on a null object');
    return t;
  }

  private eachCell(f: (c: FakeCell & { row: number; col: number }) => void, create: boolean): void {
    const { sheet, rect } = this.target();
    for (let row = rect.top; row <= rect.bottom; row++) {
      for (let col = rect.left; col <= rect.right; col++) {
        const key = a1(row, col);
        let c = sheet.cells.get(key);
        if (!c && create) sheet.cells.set(key, (c = { row, col, value: null }));
        if (c) f(c);
      }
    }
  }

  private loadedData(what: string): RangeData {
    return this.data ?? notLoaded(`Range.${what}`);
  }

  get isNullObject(): boolean {
    return this.loadedData('isNullObject').isNullObject;
  }
  get address(): string {
    return this.loadedData('address').address ?? notLoaded('Range.address');
  }
  get values(): unknown[][] {
    return this.loadedData('values').values ?? notLoaded('Range.values');
  }
  get formulas(): unknown[][] {
    return this.loadedData('formulas').formulas ?? notLoaded('Range.formulas');
  }
  set formulas(grid: unknown[][]) {
    this.setGrid(grid, (cell, input, sheet, row, col) => {
      const typed = typeInto(input, cell, this.ctx.x.calculate);
      const key = a1(row, col);
      if (typed === null) sheet.cells.delete(key);
      else if (typed !== 'unchanged') sheet.cells.set(key, { row, col, ...typed });
    });
  }
  get numberFormat(): unknown[][] {
    return this.loadedData('numberFormat').numberFormat ?? notLoaded('Range.numberFormat');
  }
  set numberFormat(grid: unknown[][]) {
    this.setGrid(grid, (cell, fmt, sheet, row, col) => {
      if (fmt === null) return;
      if (typeof fmt !== 'string') throw new OfficeError('InvalidArgument', 'number format must be text');
      const numFmt = fmt === '' || fmt === 'General' ? undefined : fmt;
      const key = a1(row, col);
      const c = cell ?? { value: null };
      const next = { ...c, row, col };
      if (numFmt === undefined) delete next.numFmt;
      else next.numFmt = numFmt;
      // an empty cell in General with no other formatting is no different from one never touched
      if (next.value === null && next.formula === undefined && next.numFmt === undefined && !next.bold) sheet.cells.delete(key);
      else sheet.cells.set(key, next);
    });
  }
  get valueTypes(): ReadonlyArray<ReadonlyArray<string>> {
    return this.loadedData('valueTypes').valueTypes ?? notLoaded('Range.valueTypes');
  }

  private setGrid(grid: unknown[][], apply: (cell: FakeCell | undefined, input: unknown, sheet: SheetState, row: number, col: number) => void): void {
    const bytes = JSON.stringify(grid).length;
    this.ctx.x.gridWrites++;
    this.ctx.enqueue(bytes, () => {
      const { sheet, rect } = this.target();
      if (grid.length !== rect.bottom - rect.top + 1 || grid.some((line) => line.length !== rect.right - rect.left + 1)) {
        throw new OfficeError('InvalidArgument', `grid does not match ${a1(rect.top, rect.left)}:${a1(rect.bottom, rect.right)}`);
      }
      this.ctx.x.gridCells += grid.length * (grid[0]?.length ?? 0);
      this.ctx.changed.push({ sheet, rect });
      grid.forEach((line, i) => line.forEach((v, j) => apply(sheet.cells.get(a1(rect.top + i, rect.left + j)), v, sheet, rect.top + i, rect.left + j)));
    });
  }

  load(propertyNames: string): unknown {
    const wanted = props(propertyNames);
    this.ctx.enqueueLoad(() => {
      const t = this.resolve();
      if (!t) {
        this.data = { isNullObject: true };
        return 20;
      }
      const { sheet, rect } = t;
      // each cell looked up once, whatever the number of properties loaded
      const cells = Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => Array.from({ length: rect.right - rect.left + 1 }, (_, j) => sheet.cells.get(a1(rect.top + i, rect.left + j))));
      const grid = <V>(f: (c: FakeCell | undefined) => V): V[][] => cells.map((line) => line.map(f));
      const d: RangeData = { isNullObject: false };
      for (const p of wanted) {
        if (p === 'address') d.address = addressOf(sheet.name, rect);
        else if (p === 'values') d.values = grid(cellValueOut);
        else if (p === 'formulas') d.formulas = grid(cellFormula);
        else if (p === 'numberFormat') d.numberFormat = grid((c) => c?.numFmt ?? 'General');
        else if (p === 'valueTypes') d.valueTypes = grid(cellType);
        else throw new OfficeError('InvalidArgument', `unknown property ${p}`);
      }
      this.data = d;
      return JSON.stringify(d).length;
    });
    return this;
  }

  get conditionalFormats(): XlConditionalFormatCollection {
    return new FakeFormats(this.ctx, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, rects: [t.rect] } : null;
    });
  }

  getMergedAreasOrNullObject(): XlRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const t = this.resolve();
      if (!t) return null; // a null object's areas are a null object
      const areas = t.sheet.merges.filter((m) => intersects(m, t.rect));
      if (areas.length > 512) throw new OfficeError('GeneralException', 'more than 512 merged areas');
      return areas.length === 0 ? null : areas.map((m) => addressOf(t.sheet.name, m)).join(', ');
    });
  }

  clear(): void {
    this.ctx.enqueue(10, () => {
      const { sheet, rect } = this.target();
      for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) sheet.cells.delete(a1(row, col));
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  merge(): void {
    this.ctx.enqueue(10, () => {
      const { sheet, rect } = this.target();
      if (sheet.merges.some((m) => intersects(m, rect))) throw new OfficeError('InvalidOperation', 'overlapping merge');
      sheet.merges.push(rect);
    });
  }

  select(): void {
    this.ctx.enqueue(10, () => {
      const { sheet, rect } = this.target();
      this.ctx.x.selection = { sheet: sheet.name, address: addressOf(sheet.name, rect) };
    });
  }
}

type Areas = { sheet: SheetState; rects: CellRange[] } | null;

class FakeRangeAreas implements XlRangeAreas {
  private data: { isNullObject: boolean; address: string } | null = null;

  /** `areas`: the cells, for conditional formats (merged areas as the host reads them have none). */
  constructor(private readonly ctx: FakeContext, private readonly resolve: () => string | null, private readonly areas?: () => Areas) {}

  get conditionalFormats(): XlConditionalFormatCollection {
    const areas = this.areas;
    if (!areas) throw new OfficeError('InvalidOperation', 'fake: conditional formats of these areas are not modelled');
    return new FakeFormats(this.ctx, areas);
  }

  get isNullObject(): boolean {
    return (this.data ?? notLoaded('RangeAreas.isNullObject')).isNullObject;
  }
  get address(): string {
    return (this.data ?? notLoaded('RangeAreas.address')).address;
  }

  load(propertyNames: string): unknown {
    for (const p of props(propertyNames)) if (p !== 'address') throw new OfficeError('InvalidArgument', `unknown property ${p}`);
    this.ctx.enqueueLoad(() => {
      const address = this.resolve();
      this.data = address === null ? { isNullObject: true, address: '' } : { isNullObject: false, address };
      return address?.length ?? 10;
    });
    return this;
  }
}

/** The conditional formats that intersect some areas (`Range.conditionalFormats`, `RangeAreas.conditionalFormats`). */
class FakeFormats implements XlConditionalFormatCollection {
  private loaded: XlConditionalFormat[] | null = null;

  constructor(private readonly ctx: FakeContext, private readonly areas: () => Areas) {}

  private target(): { sheet: SheetState; rects: CellRange[] } {
    const t = this.areas();
    if (!t) throw new OfficeError('InvalidOperation', 'method called on a null object');
    return t;
  }

  get items(): XlConditionalFormat[] {
    return this.loaded ?? notLoaded('ConditionalFormatCollection.items');
  }

  load(propertyNames: string): unknown {
    const wanted = props(propertyNames).map((p) => p.replace(/^items\//, ''));
    for (const p of wanted) if (p !== 'type' && p !== 'customOrNullObject/rule/formula' && p !== 'id') throw new OfficeError('InvalidArgument', `fake: unknown property ${p}`);
    this.ctx.enqueueLoad(() => {
      const { sheet, rects } = this.target();
      const hit = sheet.formats.filter((f) => f.ranges.some((r) => rects.some((t) => intersects(r, t))));
      this.loaded = hit.map((f) => {
        const proxy = new FakeFormatProxy(this.ctx, () => sheet.formats.find((x) => x.id === f.id) ?? null, () => sheet);
        proxy.snapshot(f, wanted);
        return proxy;
      });
      return 40 + hit.reduce((n, f) => n + 60 + f.formula.length, 0);
    });
    return this;
  }

  add(type: 'Custom'): XlConditionalFormat {
    let made: FakeFormat | null = null;
    let sheetOf: SheetState | null = null;
    this.ctx.enqueue(20, () => {
      const { sheet, rects } = this.target();
      made = { id: this.ctx.x.newId('format'), type, formula: '', fill: null, ranges: rects.map((r) => ({ ...r })) };
      sheetOf = sheet;
      sheet.formats.unshift(made);
    });
    return new FakeFormatProxy(
      this.ctx,
      () => made,
      () => sheetOf,
    );
  }
}

/** A conditional format proxy: properties loaded through its collection, setters and methods queued. */
class FakeFormatProxy implements XlConditionalFormat {
  private data: { type?: string; formula?: string | null } = {};

  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => FakeFormat | null,
    private readonly sheetOf: () => SheetState | null,
  ) {}

  private target(): { format: FakeFormat; sheet: SheetState } {
    const format = this.resolve();
    const sheet = this.sheetOf();
    if (!format || !sheet || !sheet.formats.includes(format)) throw new OfficeError('ItemNotFound', 'the conditional format does not exist');
    return { format, sheet };
  }

  snapshot(f: FakeFormat, wanted: string[]): void {
    if (wanted.includes('type')) this.data.type = f.type;
    if (wanted.includes('customOrNullObject/rule/formula')) this.data.formula = f.type === 'Custom' ? f.formula : null;
  }

  get type(): string {
    return this.data.type ?? notLoaded('ConditionalFormat.type');
  }

  get priority(): number {
    return notLoaded('ConditionalFormat.priority');
  }
  set priority(n: number) {
    this.ctx.enqueue(10, () => {
      const { format, sheet } = this.target();
      sheet.formats.splice(sheet.formats.indexOf(format), 1);
      sheet.formats.splice(Math.max(0, Math.min(n, sheet.formats.length)), 0, format);
    });
  }

  get customOrNullObject(): XlCustomConditionalFormat {
    const formula = this.data.formula;
    if (formula === undefined) notLoaded('ConditionalFormat.customOrNullObject');
    return {
      isNullObject: formula === null,
      rule: {
        get formula(): string {
          if (formula === null) throw new OfficeError('InvalidOperation', 'property of a null object');
          return formula;
        },
      },
      format: { fill: { get color(): string { return notLoaded('ConditionalRangeFill.color'); } } },
    };
  }

  get custom(): XlCustomConditionalFormat {
    const ctx = this.ctx;
    const custom = () => {
      const { format } = this.target();
      if (format.type !== 'Custom') throw new OfficeError('InvalidOperation', `not a Custom conditional format: ${format.type}`);
      return format;
    };
    return {
      isNullObject: false,
      rule: {
        get formula(): string {
          return notLoaded('ConditionalFormatRule.formula');
        },
        set formula(v: string) {
          ctx.enqueue(v.length, () => {
            if (!v.startsWith('=')) throw new OfficeError('InvalidArgument', 'a conditional format formula starts with =');
            custom().formula = v;
          });
        },
      },
      format: {
        fill: {
          get color(): string {
            return notLoaded('ConditionalRangeFill.color');
          },
          set color(v: string) {
            ctx.enqueue(10, () => {
              if (!/^#[0-9A-F]{6}$/i.test(v)) throw new OfficeError('InvalidArgument', `colour ${v}`);
              custom().fill = v.toUpperCase();
            });
          },
        },
      },
    };
  }

  getRanges(): XlRangeAreas {
    const areas = (): Areas => {
      const { format, sheet } = this.target();
      return { sheet, rects: format.ranges };
    };
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const t = areas();
        return t ? t.rects.map((r) => addressOf(t.sheet.name, r)).join(', ') : null;
      },
      areas,
    );
  }

  delete(): void {
    this.ctx.enqueue(10, () => {
      const { format, sheet } = this.target();
      sheet.formats.splice(sheet.formats.indexOf(format), 1);
    });
  }
}
