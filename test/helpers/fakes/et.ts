/**
 * An in-memory fake of the WPS 表格 (ET) JS object model slice WpsHost uses, returning data the
 * way WPS does:
 *  - `Worksheets.Item(i)` is 1-based (Item(0) fails) and also takes a name;
 *  - `Value2` / `Formula` of one cell are scalars, of several cells 2-D JS arrays; empty cells
 *    are undefined in Value2 and "" in Formula; Formula shows constants as text ("1180.5",
 *    "TRUE"), formulas with '='; errors are CVErr numbers in Value2 (-2146826281 = #DIV/0!);
 *  - `NumberFormat` of a range is one string when uniform, null when mixed; General is reported
 *    as "G/通用格式" (WPS in Chinese);
 *  - `MergeCells` is true / false / null (mixed); `MergeArea` is the area of the first cell;
 *  - `Address(rowAbs, colAbs)` is a method, absolute by default ("$A$1:$C$3");
 *  - typing (`Formula = …`, `Value2 = …`) parses text as ET does ("00123" → 123, "=…" → formula,
 *    leading apostrophe → text); grids must match the range's size;
 *  - `Worksheets.Add` activates the new sheet; `Worksheet.Delete` with DisplayAlerts on would
 *    show a confirmation dialog, which the fake refuses;
 *  - changes, the host's included, fire "SheetChange" listeners registered with ApiEvent;
 *  - conditional formats as VBA has them: `Range("A1,B2:B5")` is a multi-area range (addresses up
 *    to 255 characters), `FormatConditions.Add(2, …, "=…")` puts a formula condition first,
 *    `SetLastPriority()` moves it last, `Formula1` of a non-formula condition fails, `Interior.Color`
 *    is a BGR number; a sheet's all are `Cells.FormatConditions`.
 * Every property access and method call on the object model counts in `calls`.
 * Formulas are not calculated: `calculate` gives their results (see the tests).
 */
import { ERROR_TEXT, isSheetError, type ErrorKind, type RawValue } from '../../../src/engine';
import { a1, colNumber } from '../../../src/workbook/core/address';
import type { CellRange, WorkbookData } from '../../../src/workbook/core/model';
import type { EtApplication, EtFormatCondition, EtFormatConditions, EtPageSetup, EtRange, EtWindow, EtWorksheet, EtWorksheets } from '../../../src/hosts/wps/quirks';
import { typeInto, type FakeCell } from './excel';

const CVERR: Readonly<Record<ErrorKind, number>> = {
  div0: -2146826281,
  na: -2146826246,
  name: -2146826259,
  null: -2146826288,
  num: -2146826252,
  ref: -2146826265,
  value: -2146826273,
  spill: -2146826273,
  calc: -2146826273,
  busy: -2146826273,
};

type Cell = FakeCell & { row: number; col: number };

/** A conditional format as the fake keeps it. */
export interface FakeCondition {
  /** 2: a formula condition (xlExpression); others (1: cell value, 4: data bar) have no Formula1 here. */
  readonly type: number;
  readonly formula1: string;
  /** Interior.Color as set (BGR), or null. */
  color: number | null;
  readonly ranges: CellRange[];
}

interface SheetState {
  name: string;
  visible: number;
  cells: Map<string, Cell>;
  merges: CellRange[];
  widths: Map<number, number>;
  /** Conditional formats, first first. */
  conditions: FakeCondition[];
  /** PageSetup as set. */
  page: { Orientation: unknown; Zoom: unknown; FitToPagesWide: unknown; FitToPagesTall: unknown; PrintTitleRows: unknown; CenterFooter: unknown };
  /** Rows frozen by the window while this sheet was active. */
  frozenRows: number;
}

function newPage(): SheetState['page'] {
  return { Orientation: 1, Zoom: 100, FitToPagesWide: 1, FitToPagesTall: 1, PrintTitleRows: '', CenterFooter: '' };
}

/** Longest address `Worksheet.Range` takes (as VBA's). */
const RANGE_ADDRESS_LIMIT = 255;

function parse(address: string): CellRange {
  const local = address.replace(/\$/g, '');
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(local);
  if (cols) return { top: 1, left: colNumber(cols[1]), bottom: 1048576, right: colNumber(cols[2]) };
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(local);
  if (!m) throw new Error(`fake ET: bad address ${address}`);
  return { top: Number(m[2]), left: colNumber(m[1]), bottom: Number(m[4] ?? m[2]), right: colNumber(m[3] ?? m[1]) };
}

function inside(m: CellRange, row: number, col: number): boolean {
  return row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;
}

export class FakeEt implements EtApplication {
  readonly state: SheetState[] = [];
  /** Object-model calls (property reads and writes, method calls). */
  calls = 0;
  /** Block assignments to Formula / Value2, and the cells they covered. */
  blockWrites = 0;
  cellsWritten = 0;
  private displayAlerts = true;
  private screenUpdating = true;
  private active: SheetState | null = null;
  readonly undoLog: string[] = [];
  readonly events = new Map<string, ((sheet: EtWorksheet, target: EtRange) => unknown)[]>();
  readonly workbook = { Name: 'book.xlsx' };
  selection: { sheet: string; address: string } | null = null;
  private readonly sheetsApi: FakeSheets;
  readonly DebugTools?: { UndoTransBegin: (book: unknown) => void; UndoTransEnd: (book: unknown, cancel: boolean, desc: string) => void };
  readonly ApiEvent?: EtApplication['ApiEvent'];

  constructor(readonly calculate: (formula: string) => RawValue, options: { undo?: boolean; events?: boolean } = {}) {
    this.sheetsApi = new FakeSheets(this);
    if (options.undo !== false) {
      this.DebugTools = {
        UndoTransBegin: (book) => void this.undoLog.push(book === this.workbook ? 'begin' : 'begin:wrong book'),
        UndoTransEnd: (book, cancel, desc) => void this.undoLog.push(book === this.workbook && cancel === false ? `end:${desc}` : 'end:wrong args'),
      };
    }
    if (options.events !== false) {
      this.ApiEvent = {
        AddApiEventListener: (name, fn) => {
          this.tick();
          this.events.set(name, [...(this.events.get(name) ?? []), fn as (sheet: EtWorksheet, target: EtRange) => unknown]);
          return true;
        },
        RemoveApiEventListener: (name) => {
          this.tick();
          return this.events.delete(name);
        },
      };
    }
  }

  static from(data: WorkbookData, calculate: (formula: string) => RawValue, options: { undo?: boolean; events?: boolean } = {}): FakeEt {
    const x = new FakeEt(calculate, options);
    for (const s of data.sheets) {
      const st = x.addSheet(s.name, x.state.length);
      st.visible = s.state === 'hidden' ? 0 : s.state === 'veryHidden' ? 2 : -1;
      s.rows.forEach((line, row) => line.forEach((c, col) => st.cells.set(a1(row, col), { row, col, value: c.value, ...(c.formula !== undefined ? { formula: c.formula } : {}), ...(c.numFmt ? { numFmt: c.numFmt } : {}) })));
      st.merges.push(...s.merges);
    }
    x.active = x.state[0] ?? null;
    return x;
  }

  tick(): void {
    this.calls++;
  }

  addSheet(name: string, at: number): SheetState {
    const st: SheetState = { name, visible: -1, cells: new Map(), merges: [], widths: new Map(), conditions: [], page: newPage(), frozenRows: 0 };
    this.state.splice(at, 0, st);
    return st;
  }

  sheet(name: string): SheetState {
    const s = this.state.find((x) => x.name === name);
    if (!s) throw new Error(`fake ET: no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet).cells.get(address);
  }

  /** The user adds a conditional format (after the sheet's others). */
  addCondition(sheet: string, condition: FakeCondition): void {
    this.sheet(sheet).conditions.push(condition);
  }

  get activeName(): string | null {
    return this.active?.name ?? null;
  }

  /** The user types into a cell; SheetChange listeners hear about it. */
  userEdit(sheet: string, address: string, input: string | number | boolean): void {
    const ws = new FakeSheet(this, this.sheet(sheet));
    const saved = this.calls;
    ws.Range(address).Formula = input;
    this.calls = saved; // the user's typing is not the host's call
  }

  fire(st: SheetState, rect: CellRange): void {
    for (const fn of this.events.get('SheetChange') ?? []) fn(new FakeSheet(this, st), new FakeRange(this, st, rect));
  }

  get Worksheets(): EtWorksheets {
    this.tick();
    return this.sheetsApi;
  }
  get DisplayAlerts(): boolean {
    this.tick();
    return this.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.tick();
    this.displayAlerts = v;
  }
  get alertsOn(): boolean {
    return this.displayAlerts;
  }
  get ScreenUpdating(): boolean {
    this.tick();
    return this.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.tick();
    this.screenUpdating = v;
  }
  get screenOn(): boolean {
    return this.screenUpdating;
  }
  get ActiveSheet(): EtWorksheet | null {
    this.tick();
    return this.active ? new FakeSheet(this, this.active) : null;
  }
  get ActiveWorkbook(): unknown {
    this.tick();
    return this.workbook;
  }
  /** The window: SplitRow, then FreezePanes = true freezes the active sheet's rows above it. */
  get ActiveWindow(): EtWindow {
    this.tick();
    const x = this;
    let split = 0;
    return {
      get SplitRow(): unknown {
        return split;
      },
      set SplitRow(v: unknown) {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`fake ET: SplitRow ${String(v)}`);
        split = v;
      },
      SplitColumn: 0,
      get FreezePanes(): unknown {
        return (x.active?.frozenRows ?? 0) > 0;
      },
      set FreezePanes(v: unknown) {
        if (!x.active) throw new Error('fake ET: no active sheet');
        x.active.frozenRows = v === true ? split : 0;
      },
    };
  }
  activate(st: SheetState): void {
    this.active = st;
  }
}

class FakeSheets implements EtWorksheets {
  constructor(private readonly x: FakeEt) {}

  get Count(): number {
    this.x.tick();
    return this.x.state.length;
  }

  Item(index: number | string): EtWorksheet {
    this.x.tick();
    const st = typeof index === 'number' ? this.x.state[index - 1] : this.x.state.find((s) => s.name === index);
    if (!st || (typeof index === 'number' && index < 1)) throw new Error(`fake ET: Worksheets.Item(${index}) out of range (1-based)`);
    return new FakeSheet(this.x, st);
  }

  Add(before?: EtWorksheet | null, after?: EtWorksheet | null, count?: number): EtWorksheet {
    this.x.tick();
    if (count !== undefined && count !== 1) throw new Error('fake ET: only one sheet at a time');
    const pos = (ws: EtWorksheet) => this.x.state.findIndex((s) => s.name === (ws as FakeSheet).st.name);
    const activeIndex = this.x.activeName === null ? 0 : this.x.state.findIndex((s) => s.name === this.x.activeName);
    const at = after ? pos(after) + 1 : before ? pos(before) : activeIndex;
    let n = this.x.state.length + 1;
    while (this.x.state.some((s) => s.name === `Sheet${n}`)) n++;
    const st = this.x.addSheet(`Sheet${n}`, at);
    this.x.activate(st);
    return new FakeSheet(this.x, st);
  }
}

class FakeSheet implements EtWorksheet {
  constructor(private readonly x: FakeEt, readonly st: SheetState) {}

  get Name(): string {
    this.x.tick();
    return this.st.name;
  }
  set Name(v: string) {
    this.x.tick();
    if (this.x.state.some((s) => s !== this.st && s.name === v)) throw new Error(`fake ET: name ${v} taken`);
    this.st.name = v;
  }
  get Visible(): unknown {
    this.x.tick();
    return this.st.visible;
  }
  set Visible(v: unknown) {
    this.x.tick();
    if (v !== -1 && v !== 0 && v !== 2) throw new Error(`fake ET: Visible ${String(v)}`);
    this.st.visible = v;
  }
  get UsedRange(): EtRange {
    this.x.tick();
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const c of this.st.cells.values()) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    for (const m of this.st.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    return new FakeRange(this.x, this.st, bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right });
  }
  get Cells(): EtRange {
    this.x.tick();
    return new FakeRange(this.x, this.st, { top: 1, left: 1, bottom: 1048576, right: 16384 });
  }
  Range(address: string): EtRange {
    this.x.tick();
    if (address.length > RANGE_ADDRESS_LIMIT) throw new Error(`fake ET: Range address of ${address.length} characters`);
    const areas = address.split(',').map(parse);
    return areas.length === 1 ? new FakeRange(this.x, this.st, areas[0]) : new FakeAreas(this.x, this.st, areas);
  }
  Activate(): unknown {
    this.x.tick();
    this.x.activate(this.st);
    return true;
  }
  get PageSetup(): EtPageSetup {
    this.x.tick();
    const page = this.st.page;
    const check = (key: keyof SheetState['page'], v: unknown, ok: boolean) => {
      if (!ok) throw new Error(`fake ET: PageSetup.${key} = ${String(v)}`);
      page[key] = v;
    };
    return {
      get Orientation() { return page.Orientation; },
      set Orientation(v: unknown) { check('Orientation', v, v === 1 || v === 2); },
      get Zoom() { return page.Zoom; },
      set Zoom(v: unknown) { check('Zoom', v, v === false || (typeof v === 'number' && v >= 10 && v <= 400)); },
      get FitToPagesWide() { return page.FitToPagesWide; },
      set FitToPagesWide(v: unknown) { check('FitToPagesWide', v, v === false || (typeof v === 'number' && v >= 1)); },
      get FitToPagesTall() { return page.FitToPagesTall; },
      set FitToPagesTall(v: unknown) { check('FitToPagesTall', v, v === false || (typeof v === 'number' && v >= 1)); },
      get PrintTitleRows() { return page.PrintTitleRows; },
      set PrintTitleRows(v: unknown) { check('PrintTitleRows', v, typeof v === 'string' && /^\$\d+:\$\d+$/.test(v)); },
      get CenterFooter() { return page.CenterFooter; },
      set CenterFooter(v: unknown) { check('CenterFooter', v, typeof v === 'string'); },
    };
  }
  Delete(): unknown {
    this.x.tick();
    if (this.x.alertsOn) throw new Error('fake ET: Delete would ask the user (DisplayAlerts is on)');
    this.x.state.splice(this.x.state.indexOf(this.st), 1);
    return true;
  }
}

function cellValue2(c: Cell | undefined): unknown {
  if (!c || c.value === null) return undefined;
  return isSheetError(c.value) ? CVERR[c.value.sheetError] : c.value;
}

function cellFormula(c: Cell | undefined): string {
  if (!c) return '';
  if (c.formula !== undefined) return `=${c.formula}`;
  const v = c.value;
  if (v === null) return '';
  if (isSheetError(v)) return ERROR_TEXT[v.sheetError];
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

class FakeRange implements EtRange {
  constructor(private readonly x: FakeEt, private readonly st: SheetState, private readonly r: CellRange) {}

  private get rows(): number {
    return this.r.bottom - this.r.top + 1;
  }
  private get cols(): number {
    return this.r.right - this.r.left + 1;
  }

  private out<V>(f: (c: Cell | undefined) => V): V | V[][] {
    const grid = Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.st.cells.get(a1(this.r.top + i, this.r.left + j)))));
    return this.rows === 1 && this.cols === 1 ? grid[0][0] : grid;
  }

  private type(input: unknown): void {
    const grid: unknown[][] = Array.isArray(input) ? (input as unknown[][]) : Array.from({ length: this.rows }, () => new Array<unknown>(this.cols).fill(input));
    if (grid.length !== this.rows || grid.some((l) => !Array.isArray(l) || l.length !== this.cols)) throw new Error('fake ET: array does not match the range');
    this.x.blockWrites++;
    this.x.cellsWritten += this.rows * this.cols;
    grid.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = this.r.top + i;
        const col = this.r.left + j;
        const key = a1(row, col);
        // COM: an Empty/null item empties the cell
        const typed = typeInto(v === null || v === undefined ? '' : v, this.st.cells.get(key), this.x.calculate);
        if (typed === null) this.st.cells.delete(key);
        else if (typed !== 'unchanged') this.st.cells.set(key, { row, col, ...typed });
      }),
    );
    this.x.fire(this.st, this.r);
  }

  get Row(): number {
    this.x.tick();
    return this.r.top;
  }
  get Column(): number {
    this.x.tick();
    return this.r.left;
  }
  get Rows(): { readonly Count: number } {
    this.x.tick();
    const n = this.rows;
    return { get Count() { return n; } };
  }
  get Columns(): { readonly Count: number } {
    this.x.tick();
    const n = this.cols;
    return { get Count() { return n; } };
  }
  get Value2(): unknown {
    this.x.tick();
    return this.out(cellValue2);
  }
  set Value2(v: unknown) {
    this.x.tick();
    this.type(v);
  }
  get Formula(): unknown {
    this.x.tick();
    return this.out(cellFormula);
  }
  set Formula(v: unknown) {
    this.x.tick();
    this.type(v);
  }
  get NumberFormat(): unknown {
    this.x.tick();
    const formats = new Set<string>();
    for (let row = this.r.top; row <= this.r.bottom; row++) {
      for (let col = this.r.left; col <= this.r.right; col++) formats.add(this.st.cells.get(a1(row, col))?.numFmt ?? 'G/通用格式');
      if (formats.size > 1) return null;
    }
    return [...formats][0];
  }
  set NumberFormat(v: unknown) {
    this.x.tick();
    if (typeof v !== 'string') throw new Error('fake ET: NumberFormat must be text');
    const numFmt = v === 'General' || v === 'G/通用格式' ? undefined : v;
    for (let row = this.r.top; row <= this.r.bottom; row++) {
      for (let col = this.r.left; col <= this.r.right; col++) {
        const key = a1(row, col);
        const c: Cell = { ...(this.st.cells.get(key) ?? { row, col, value: null }) };
        if (numFmt === undefined) delete c.numFmt;
        else c.numFmt = numFmt;
        if (c.value === null && c.formula === undefined && c.numFmt === undefined && !c.bold) this.st.cells.delete(key);
        else this.st.cells.set(key, c);
      }
    }
  }
  get MergeCells(): unknown {
    this.x.tick();
    let inMerge = 0;
    for (let row = this.r.top; row <= this.r.bottom; row++) for (let col = this.r.left; col <= this.r.right; col++) if (this.st.merges.some((m) => inside(m, row, col))) inMerge++;
    return inMerge === 0 ? false : inMerge === this.rows * this.cols ? true : null;
  }
  get MergeArea(): EtRange {
    this.x.tick();
    const m = this.st.merges.find((a) => inside(a, this.r.top, this.r.left));
    return new FakeRange(this.x, this.st, m ?? { top: this.r.top, left: this.r.left, bottom: this.r.top, right: this.r.left });
  }
  get Address(): unknown {
    this.x.tick();
    const r = this.r;
    return (rowAbs = true, colAbs = true) => {
      const cell = (row: number, col: number) => {
        const letters = a1(1, col).replace(/\d+$/, '');
        return `${colAbs ? '$' : ''}${letters}${rowAbs ? '$' : ''}${row}`;
      };
      return r.top === r.bottom && r.left === r.right ? cell(r.top, r.left) : `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
    };
  }
  get WrapText(): unknown {
    throw new Error('fake ET: WrapText is not read by the host');
  }
  set WrapText(v: unknown) {
    this.x.tick();
    for (let row = this.r.top; row <= this.r.bottom; row++)
      for (let col = this.r.left; col <= this.r.right; col++) {
        const key = a1(row, col);
        this.st.cells.set(key, { ...(this.st.cells.get(key) ?? { row, col, value: null }), wrap: v === true });
      }
  }
  get VerticalAlignment(): unknown {
    throw new Error('fake ET: VerticalAlignment is not read by the host');
  }
  set VerticalAlignment(v: unknown) {
    this.x.tick();
    if (v !== -4108 && v !== -4160 && v !== -4107) throw new Error(`fake ET: VerticalAlignment ${String(v)}`);
  }
  get Font(): { Bold: unknown } {
    this.x.tick();
    const self = this;
    return {
      get Bold(): unknown {
        throw new Error('fake ET: Font.Bold is not read by the host');
      },
      set Bold(v: unknown) {
        self.x.tick();
        for (let row = self.r.top; row <= self.r.bottom; row++) {
          for (let col = self.r.left; col <= self.r.right; col++) {
            const key = a1(row, col);
            self.st.cells.set(key, { ...(self.st.cells.get(key) ?? { row, col, value: null }), bold: v === true });
          }
        }
      },
    };
  }
  get ColumnWidth(): unknown {
    throw new Error('fake ET: ColumnWidth is not read by the host');
  }
  set ColumnWidth(v: unknown) {
    this.x.tick();
    if (typeof v !== 'number') throw new Error('fake ET: ColumnWidth must be a number');
    for (let col = this.r.left; col <= this.r.right; col++) this.st.widths.set(col, v);
  }
  Clear(): unknown {
    this.x.tick();
    for (let row = this.r.top; row <= this.r.bottom; row++) for (let col = this.r.left; col <= this.r.right; col++) this.st.cells.delete(a1(row, col));
    this.st.merges = this.st.merges.filter((m) => m.right < this.r.left || m.left > this.r.right || m.bottom < this.r.top || m.top > this.r.bottom);
    this.x.fire(this.st, this.r);
    return true;
  }
  Merge(): unknown {
    this.x.tick();
    if (this.x.alertsOn && this.MergeCells !== false) throw new Error('fake ET: Merge would ask the user');
    this.st.merges.push(this.r);
    return true;
  }
  Select(): unknown {
    this.x.tick();
    const addr = this.Address as (r?: boolean, c?: boolean) => string;
    this.x.selection = { sheet: this.st.name, address: addr(false, false) };
    return true;
  }
  get FormatConditions(): EtFormatConditions {
    this.x.tick();
    return new FakeConditions(this.x, this.st, [this.r]);
  }
}

function addressFunction(areas: readonly CellRange[]): (rowAbs?: boolean, colAbs?: boolean) => string {
  return (rowAbs = true, colAbs = true) => {
    const cell = (row: number, col: number) => `${colAbs ? '$' : ''}${a1(1, col).replace(/\d+$/, '')}${rowAbs ? '$' : ''}${row}`;
    return areas.map((r) => (r.top === r.bottom && r.left === r.right ? cell(r.top, r.left) : `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`)).join(',');
  };
}

/** A multi-area range: what the host uses of one (its address, its conditional formats); the rest is refused. */
class FakeAreas implements EtRange {
  constructor(private readonly x: FakeEt, private readonly st: SheetState, private readonly areas: CellRange[]) {}

  private refuse(what: string): never {
    throw new Error(`fake ET: ${what} of a multi-area range is not used by the host`);
  }
  get Address(): unknown {
    this.x.tick();
    return addressFunction(this.areas);
  }
  get FormatConditions(): EtFormatConditions {
    this.x.tick();
    return new FakeConditions(this.x, this.st, this.areas);
  }
  get Row(): number { return this.refuse('Row'); }
  get Column(): number { return this.refuse('Column'); }
  get Rows(): { readonly Count: number } { return this.refuse('Rows'); }
  get Columns(): { readonly Count: number } { return this.refuse('Columns'); }
  get Value2(): unknown { return this.refuse('Value2'); }
  set Value2(_v: unknown) { this.refuse('Value2'); }
  get Formula(): unknown { return this.refuse('Formula'); }
  set Formula(_v: unknown) { this.refuse('Formula'); }
  get NumberFormat(): unknown { return this.refuse('NumberFormat'); }
  set NumberFormat(_v: unknown) { this.refuse('NumberFormat'); }
  get MergeCells(): unknown { return this.refuse('MergeCells'); }
  get MergeArea(): EtRange { return this.refuse('MergeArea'); }
  get Font(): { Bold: unknown } { return this.refuse('Font'); }
  get ColumnWidth(): unknown { return this.refuse('ColumnWidth'); }
  set ColumnWidth(_v: unknown) { this.refuse('ColumnWidth'); }
  get WrapText(): unknown { return this.refuse('WrapText'); }
  set WrapText(_v: unknown) { this.refuse('WrapText'); }
  get VerticalAlignment(): unknown { return this.refuse('VerticalAlignment'); }
  set VerticalAlignment(_v: unknown) { this.refuse('VerticalAlignment'); }
  Clear(): unknown { return this.refuse('Clear'); }
  Merge(): unknown { return this.refuse('Merge'); }
  Select(): unknown { return this.refuse('Select'); }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The conditional formats that intersect some areas, in the sheet's order. */
class FakeConditions implements EtFormatConditions {
  constructor(private readonly x: FakeEt, private readonly st: SheetState, private readonly areas: CellRange[]) {}

  private list(): FakeCondition[] {
    return this.st.conditions.filter((c) => c.ranges.some((r) => this.areas.some((a) => overlaps(r, a))));
  }
  get Count(): number {
    this.x.tick();
    return this.list().length;
  }
  Item(index: number): EtFormatCondition {
    this.x.tick();
    const c = this.list()[index - 1];
    if (!c || index < 1) throw new Error(`fake ET: FormatConditions.Item(${index}) out of range (1-based)`);
    return new FakeConditionApi(this.x, this.st, c);
  }
  Add(type: number, _operator?: unknown, formula1?: unknown): EtFormatCondition {
    this.x.tick();
    if (type !== 2) throw new Error(`fake ET: only formula conditions (2) are added by the host, not ${type}`);
    if (typeof formula1 !== 'string' || !formula1.startsWith('=')) throw new Error('fake ET: Formula1 must be a formula text with =');
    const c: FakeCondition = { type, formula1, color: null, ranges: this.areas.map((r) => ({ ...r })) };
    this.st.conditions.unshift(c);
    return new FakeConditionApi(this.x, this.st, c);
  }
}

class FakeConditionApi implements EtFormatCondition {
  constructor(private readonly x: FakeEt, private readonly st: SheetState, private readonly c: FakeCondition) {}

  private alive(): void {
    if (!this.st.conditions.includes(this.c)) throw new Error('fake ET: the condition was deleted');
  }
  get Type(): unknown {
    this.x.tick();
    this.alive();
    return this.c.type;
  }
  get Formula1(): unknown {
    this.x.tick();
    this.alive();
    if (this.c.type !== 2 && this.c.type !== 1) throw new Error('fake ET: this condition has no Formula1');
    return this.c.formula1;
  }
  get AppliesTo(): EtRange {
    this.x.tick();
    this.alive();
    return this.c.ranges.length === 1 ? new FakeRange(this.x, this.st, this.c.ranges[0]) : new FakeAreas(this.x, this.st, this.c.ranges);
  }
  get Interior(): { Color: unknown } {
    this.x.tick();
    const c = this.c;
    const x = this.x;
    return {
      get Color(): unknown {
        throw new Error('fake ET: Interior.Color is not read by the host');
      },
      set Color(v: unknown) {
        x.tick();
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffff) throw new Error(`fake ET: Color ${String(v)}`);
        c.color = v;
      },
    };
  }
  get SetLastPriority(): unknown {
    this.x.tick();
    return () => {
      this.alive();
      this.st.conditions.splice(this.st.conditions.indexOf(this.c), 1);
      this.st.conditions.push(this.c);
      return true;
    };
  }
  Delete(): unknown {
    this.x.tick();
    this.alive();
    this.st.conditions.splice(this.st.conditions.indexOf(this.c), 1);
    return true;
  }
}
