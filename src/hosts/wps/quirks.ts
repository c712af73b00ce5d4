/**
 * Everything about the WPS 表格 (ET) JS object model that differs between builds, or that could
 * not be confirmed from documentation, in one configuration object. WpsHost uses only these
 * accessors for the uncertain parts; nothing else in the code branches on the host.
 *
 * Confirmed (WPS 加载项 JSA documentation and add-in code): `Application.Worksheets.Item(i)`
 * 1-based and by name, `Worksheets.Add(Before, After, Count, Type)` with null for omitted
 * arguments, `Worksheet.Visible` with XlSheetVisibility values, `UsedRange.Rows.Count`,
 * `Range(...).Value2`, `ApiEvent.AddApiEventListener("SheetChange", (Sh, Target) => …)` and
 * `ApiEvent.RemoveApiEventListener(eventName)` (removes the event's callbacks by name only),
 * `Target.Address()` called as a method.
 *
 * Not confirmed, configured here:
 *  - `Range.Address`: a method in the JSA docs' examples, a property in some COM bridges: both.
 *  - `Value2`/`Formula` of one cell come back as a scalar, of several cells as a 2-D JS array;
 *    a 1-D array is accepted as one row (seen in bridges that flatten single-row ranges).
 *  - An empty cell's Value2: undefined (COM Empty), null or "".
 *  - "Mixed" for `NumberFormat` and `MergeCells`: null (VBA Null); undefined is treated the same.
 *  - General number format: "General" or the Chinese-locale "G/通用格式" that WPS reports.
 *  - Error values in Value2 as CVErr numbers (xlErrDiv0 = -2146826281 …).
 *  - `Application.DebugTools.UndoTransBegin(workbook)` / `UndoTransEnd(workbook, cancel, description)`:
 *    undocumented; used only when both exist, argument order as observed in WPS add-in code.
 *  - Conditional formats as in VBA (marks): `Range("A1,B2:B5").FormatConditions.Add(2, null,
 *    '=ISTEXT("…")')` (2 = xlExpression), `Interior.Color` as BGR, a sheet's all in
 *    `Cells.FormatConditions` (`Count`, 1-based `Item`, `Type`, `Formula1` of formula conditions
 *    only, `AppliesTo`, `Delete()`), `SetLastPriority()` where present; `Range` addresses up to
 *    255 characters.
 */
import { sheetError, type ErrorKind, type RawValue } from '../../engine';
import type { SheetState } from '../../workbook/core/model';

/** The slice of the ET object model WpsHost uses. */
export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  readonly MergeCells: unknown;
  readonly MergeArea: EtRange;
  /** A method in WPS JSA (`Address(false, false)`), a string in some bridges. */
  readonly Address: unknown;
  readonly Font: { Bold: unknown };
  WrapText: unknown;
  VerticalAlignment: unknown;
  ColumnWidth: unknown;
  Clear(): unknown;
  Merge(across?: boolean): unknown;
  Select(): unknown;
  /** The range's conditional formats (for `Add`; a sheet's all are `Cells.FormatConditions`). */
  readonly FormatConditions: EtFormatConditions;
}

/** `FormatConditions` as in VBA: 1-based `Item`, `Add(Type, Operator, Formula1, …)`. */
export interface EtFormatConditions {
  readonly Count: number;
  Item(index: number): EtFormatCondition;
  Add(type: number, operator?: unknown, formula1?: unknown): EtFormatCondition;
}

export interface EtFormatCondition {
  readonly Type: unknown;
  /** The expression with '=' (only a formula condition has one). */
  readonly Formula1: unknown;
  readonly AppliesTo: EtRange;
  readonly Interior: { Color: unknown };
  /** Moves the condition after the sheet's others (Excel 2007's VBA; not confirmed in every WPS build). */
  readonly SetLastPriority?: unknown;
  Delete(): unknown;
}

export interface EtWorksheet {
  Name: string;
  Visible: unknown;
  readonly UsedRange: EtRange;
  /** Every cell of the sheet. */
  readonly Cells: EtRange;
  Range(address: string): EtRange;
  Activate(): unknown;
  Delete(): unknown;
  /** Print settings (Excel's PageSetup object, as ET has it). */
  readonly PageSetup?: EtPageSetup;
}

/** The properties of PageSetup wanmu sets on a sheet it adds. */
export interface EtPageSetup {
  Orientation: unknown;
  Zoom: unknown;
  FitToPagesWide: unknown;
  FitToPagesTall: unknown;
  PrintTitleRows: unknown;
  CenterFooter: unknown;
}

/** The active window's split and freeze (freezing applies to the active sheet). */
export interface EtWindow {
  SplitRow: unknown;
  SplitColumn: unknown;
  FreezePanes: unknown;
}

export interface EtWorksheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null, count?: number): EtWorksheet;
}

export interface EtApplication {
  readonly Worksheets: EtWorksheets;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWorkbook: unknown;
  readonly ActiveWindow?: EtWindow;
  readonly DebugTools?: { readonly UndoTransBegin?: unknown; readonly UndoTransEnd?: unknown };
  readonly ApiEvent?: {
    AddApiEventListener(eventName: string, callback: (...args: never[]) => unknown): unknown;
    RemoveApiEventListener(eventName: string): unknown;
  };
}

export interface WpsQuirks {
  /** First index of `Worksheets.Item`. */
  readonly firstSheetIndex: number;
  /** XlSheetVisibility values. */
  readonly visibility: Readonly<Record<SheetState, number>>;
  stateOf(visible: unknown): SheetState;
  /** A range's A1 address without '$' (Address is a method or a property). */
  address(range: EtRange): string;
  /** Value2 / Formula as a rows × cols grid (scalar for one cell, 1-D array for one row). */
  grid(raw: unknown, rows: number, cols: number): unknown[][];
  /** What to assign to Value2 / Formula for a block (a 2-D array; a 1×1 array works for one cell). */
  blockInput<T>(grid: T[][]): unknown;
  /** NumberFormat / MergeCells of a range whose cells differ. */
  isMixed(v: unknown): boolean;
  /** Number formats that mean General. */
  readonly generalFormats: readonly string[];
  /** Written for 'General'. */
  readonly generalFormat: string;
  /** CVErr codes in Value2. */
  readonly errorCodes: ReadonlyMap<number, ErrorKind>;
  /** Empty cell in Value2. */
  isEmpty(v: unknown): boolean;
  /** The event for cells changed by the user. */
  readonly sheetChangeEvent: string;
  /** Undo grouping, when the build has it (null: no grouping). */
  undo(app: EtApplication): { begin(): void; end(): void } | null;
  /** Conditional formats for wanmu's marks (null: this WPS cannot mark cells). */
  readonly marks: WpsMarkQuirks | null;
  /** XlVAlign xlVAlignCenter, for wrapped header cells. */
  readonly verticalCenter: number;
  /** Frozen header and page setup of sheets wanmu adds (null: not set). */
  readonly sheetLayout: WpsSheetLayoutQuirks | null;
}

/**
 * How a sheet's view and page setup are set in ET, as in Excel's object model: XlPageOrientation
 * values, Zoom = false before FitToPagesWide/Tall, FitToPagesTall = false for "as many pages as
 * needed"; frozen rows through the active window's SplitRow and FreezePanes, so the new sheet is
 * activated for it (and the user's sheet activated again after the write).
 */
export interface WpsSheetLayoutQuirks {
  readonly orientation: { readonly landscape: number; readonly portrait: number };
  /** FitToPagesTall for "as many pages tall as needed". */
  readonly anyPagesTall: unknown;
}

/** How WPS takes and gives wanmu's marks (conditional formats of type expression). */
export interface WpsMarkQuirks {
  /** `FormatConditions.Add` Type of a formula condition (xlExpression). */
  readonly expressionType: number;
  /** What is passed for an omitted argument (Operator). */
  readonly omitted: null | undefined;
  /** Longest address `Worksheet.Range` takes (VBA's 255 characters); longer lists become several conditions. */
  readonly addressLimit: number;
  /** Separator of a multi-area address, in and out ("A1,B2:B5"). */
  readonly areaSeparator: string;
  /** Every conditional format of a sheet. */
  conditions(ws: EtWorksheet): EtFormatConditions;
  /** `Interior.Color` of an RRGGBB colour: a BGR integer. */
  color(rgb: string): number;
  /** Puts a new condition after the sheet's others where the build can (SetLastPriority). */
  placeLast(condition: EtFormatCondition): void;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

export const WPS_QUIRKS: WpsQuirks = {
  firstSheetIndex: 1,
  visibility: { visible: -1, hidden: 0, veryHidden: 2 },
  stateOf(visible) {
    if (visible === 2) return 'veryHidden';
    if (visible === 0 || visible === false) return 'hidden';
    return 'visible';
  },
  address(range) {
    const a = range.Address;
    const text = typeof a === 'function' ? (a as (rowAbs: boolean, colAbs: boolean) => unknown).call(range, false, false) : a;
    if (typeof text !== 'string') throw new Error('无法读取区域地址');
    return text.replace(/\$/g, '');
  },
  grid(raw, rows, cols) {
    if (rows === 1 && cols === 1 && !Array.isArray(raw)) return [[raw]];
    if (!Array.isArray(raw)) throw new Error(`区域数据不是数组(${rows}×${cols})`);
    const lines: unknown[][] = raw.length > 0 && !Array.isArray(raw[0]) ? [raw] : (raw as unknown[][]);
    if (lines.length !== rows || lines.some((l) => !Array.isArray(l) || l.length !== cols)) throw new Error(`区域数据的行列数与区域不一致(${rows}×${cols})`);
    return lines;
  },
  blockInput(grid) {
    return grid;
  },
  isMixed(v) {
    return v === null || v === undefined;
  },
  generalFormats: ['General', 'G/通用格式', '常规'],
  generalFormat: 'General',
  errorCodes: new Map<number, ErrorKind>([
    [-2146826281, 'div0'],
    [-2146826246, 'na'],
    [-2146826259, 'name'],
    [-2146826288, 'null'],
    [-2146826252, 'num'],
    [-2146826265, 'ref'],
    [-2146826273, 'value'],
  ]),
  isEmpty(v) {
    return v === undefined || v === null || v === '';
  },
  sheetChangeEvent: 'SheetChange',
  verticalCenter: -4108,
  sheetLayout: { orientation: { landscape: 2, portrait: 1 }, anyPagesTall: false },
  marks: {
    expressionType: 2,
    omitted: null,
    addressLimit: 255,
    areaSeparator: ',',
    conditions: (ws) => ws.Cells.FormatConditions,
    color(rgb) {
      const n = parseInt(rgb, 16);
      return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
    },
    placeLast(condition) {
      const last = condition.SetLastPriority;
      if (typeof last === 'function') (last as Method).call(condition);
    },
  },
  undo(app) {
    const tools = app.DebugTools;
    const begin = tools?.UndoTransBegin;
    const end = tools?.UndoTransEnd;
    if (typeof begin !== 'function' || typeof end !== 'function') return null;
    const book = app.ActiveWorkbook;
    return {
      begin: () => void (begin as Method).call(tools, book),
      end: () => void (end as Method).call(tools, book, false, '万亩千亿评分'),
    };
  },
};

/** A Value2 item as a model value: CVErr numbers become sheet errors unless the cell holds that number. */
export function etValue(quirks: WpsQuirks, v: unknown, formulaText: unknown): RawValue {
  if (quirks.isEmpty(v)) return null;
  if (typeof v === 'number') {
    const kind = quirks.errorCodes.get(v);
    // a number typed into a cell shows as itself in the formula grid; an error does not
    if (kind && String(formulaText) !== String(v)) return sheetError(kind);
    return v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  throw new Error(`无法识别的单元格值类型:${typeof v}`);
}

/**
 * The active workbook's file name (ActiveWorkbook.Name: 衢州智造新城2024年度评价.xlsx, 工作簿1 for
 * one never saved), or undefined where WPS gives none.
 */
export function activeWorkbookName(app: EtApplication): string | undefined {
  const book = app.ActiveWorkbook;
  if (typeof book !== 'object' || book === null) return undefined;
  const name = (book as { readonly Name?: unknown }).Name;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

// ---------------------------------------------------------------- the add-in runtime

/**
 * The slice of the WPS 加载项 runtime (`window.wps`, `window.Application` of an add-in page) the
 * WPS add-in uses. Read once at each page's entry point and passed in; nothing reads them as
 * globals deeper down.
 *
 * Confirmed (WPS 加载项 docs and published add-ins): `PluginStorage.setItem(key, string)` /
 * `getItem(key)` shared by every page of one add-in; `CreateTaskPane(url)` returning a pane with
 * `ID` and `Visible`; `GetTaskPane(id)`; ribbon callbacks resolved by name on the entry page
 * (index.html); `wps.AddCustomFunction(namespace, name, fn, metadata)` in ET from
 * WPS 12.1.0.20540, absent in older builds and in WPS 文字/演示.
 * Not confirmed: on some builds (seen on macOS) `PluginStorage`, `CreateTaskPane` and `ApiEvent`
 * live only on `wps`, not on `Application`; `runtimeApi` looks on both, `wps` first.
 */
export interface WpsPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: string): unknown;
}

export interface WpsTaskPane {
  readonly ID: unknown;
  Visible: boolean;
  DockPosition?: unknown;
  Width?: unknown;
}

export interface WpsRibbonUI {
  Invalidate(): unknown;
  InvalidateControl?(id: string): unknown;
}

/** `wps` / `Application` as an add-in page sees them (every member optional: builds differ). */
export interface WpsRuntimeRoot {
  readonly Application?: EtApplication;
  readonly PluginStorage?: WpsPluginStorage;
  CreateTaskPane?(url: string, title?: string): WpsTaskPane;
  GetTaskPane?(id: unknown): WpsTaskPane | null | undefined;
  AddCustomFunction?(namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata?: unknown): unknown;
  readonly Build?: unknown;
  readonly Version?: unknown;
}

/** What the add-in's pages use, found on `wps` or on `Application`. */
export interface WpsRuntime {
  readonly app: EtApplication;
  readonly storage: WpsPluginStorage;
  createTaskPane(url: string): WpsTaskPane;
  getTaskPane(id: unknown): WpsTaskPane | null;
  /** Null when this WPS cannot add worksheet functions (older than `functionsMinVersion`). */
  readonly addCustomFunction: ((namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata: unknown) => unknown) | null;
  /** The build number as WPS reports it, or null. */
  readonly version: string | null;
}

/** How a WANMU function's error reaches the cell in WPS. */
export interface WpsErrorDelivery {
  /** Error code WPS shows for each engine error kind (what Excel would show: see EXCEL_ERROR_CONFIG). */
  readonly code: Readonly<Record<ErrorKind, string>>;
  /**
   * A single-cell result that is an error is thrown as `Error("<code> <说明>")`: WPS shows a thrown
   * exception as an error value (not text), so SUM over it stays an error, not a wrong total.
   */
  readonly scalar: 'throw';
  /**
   * A cell inside an array result (WANMU.NORMALIZE over a range) cannot be thrown: it is written
   * as the text "<code> <说明>".
   */
  readonly arrayCell: 'text';
}

export interface WpsAddinQuirks {
  /** Namespace of the worksheet functions: =WANMU.ACCEPTANCE(…). */
  readonly functionNamespace: string;
  /** First WPS build with `wps.AddCustomFunction` (shown to users of older builds). */
  readonly functionsMinVersion: string;
  readonly errors: WpsErrorDelivery;
  /**
   * Arguments as WPS passes them to a function (not confirmed for every build): a cell as a
   * number, string, boolean, or undefined/null/"" when empty; a range as a 2-D JS array of rows
   * (0-based, `arg[row][col]`); a 1-D array as one row; an object with `Value2` (a Range, in
   * builds that pass references) is read through its Value2; an error value as a CVErr number
   * (`errorCodes` above) or as its text ("#N/A").
   */
  readonly rangeValue: (arg: object) => unknown;
  /** Metadata type names: a parameter of any value, an optional one, a range. */
  readonly metadataType: { readonly any: string; readonly optional: (type: string) => string };
  /** Keys under which PluginStorage keeps the add-in's shared state (one key: one JSON value). */
  readonly storageKey: string;
  /** The pane page, relative to the entry page. */
  readonly paneUrl: string;
  /** `AddCustomFunction` of this WPS (on `wps` or `Application`), or null; needs nothing else. */
  addCustomFunctionOf(wps: WpsRuntimeRoot | undefined, app: EtApplication | undefined): WpsRuntime['addCustomFunction'];
  runtimeApi(wps: WpsRuntimeRoot | undefined, app: EtApplication | undefined): WpsRuntime;
}

function member<T>(roots: ReadonlyArray<object | undefined>, name: string): { owner: object; value: T } | null {
  for (const r of roots) {
    if (r === undefined || r === null) continue;
    const v = (r as Record<string, unknown>)[name];
    if (v !== undefined && v !== null) return { owner: r, value: v as T };
  }
  return null;
}

export const WPS_ADDIN_QUIRKS: WpsAddinQuirks = {
  functionNamespace: 'WANMU',
  functionsMinVersion: '12.1.0.20540',
  errors: {
    code: { value: '#VALUE!', na: '#N/A', num: '#NUM!', div0: '#DIV/0!', ref: '#REF!', name: '#NAME?', null: '#NULL!', spill: '#VALUE!', calc: '#VALUE!', busy: '#N/A' },
    scalar: 'throw',
    arrayCell: 'text',
  },
  rangeValue(arg) {
    return 'Value2' in arg ? (arg as { Value2: unknown }).Value2 : arg;
  },
  metadataType: { any: 'any', optional: (type) => `${type}?` },
  storageKey: 'wanmu.state',
  paneUrl: 'pane.html',
  addCustomFunctionOf(wps, app) {
    const add = member<(namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata: unknown) => unknown>([wps, app], 'AddCustomFunction');
    return add && typeof add.value === 'function' ? (ns, name, fn, metadata) => add.value.call(add.owner, ns, name, fn, metadata) : null;
  },
  runtimeApi(wps, app) {
    const roots = [wps, app];
    const application = app ?? wps?.Application;
    if (!application) throw new Error('未找到 WPS 表格的 Application 对象:请在 WPS 表格中打开本加载项');
    const storage = member<WpsPluginStorage>(roots, 'PluginStorage');
    if (!storage) throw new Error('此版本的 WPS 不提供 PluginStorage,无法使用本加载项');
    const create = member<(url: string) => WpsTaskPane>(roots, 'CreateTaskPane');
    const get = member<(id: unknown) => WpsTaskPane | null | undefined>(roots, 'GetTaskPane');
    const build = member<unknown>([application, wps], 'Build') ?? member<unknown>([application, wps], 'Version');
    return {
      app: application,
      storage: storage.value,
      createTaskPane(url) {
        if (!create || typeof create.value !== 'function') throw new Error('此版本的 WPS 不支持任务窗格(CreateTaskPane)');
        return create.value.call(create.owner, url);
      },
      getTaskPane(id) {
        if (!get || typeof get.value !== 'function') return null;
        return get.value.call(get.owner, id) ?? null;
      },
      addCustomFunction: this.addCustomFunctionOf(wps, app),
      version: build && (typeof build.value === 'string' || typeof build.value === 'number') ? String(build.value) : null,
    };
  },
};
