/**
 * The slice of the Office.js object model the Excel host uses: only the members declared here
 * (`officeJsDeps` in deps.ts checks at compile time that the real Office.js types satisfy them).
 * The test fakes implement the same interfaces.
 */
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
