/**
 * What the Excel host is given and what it needs of Excel: the requirement sets of the members it
 * uses, the request budget per sync, and its dependencies (`Excel.run`, the requirement-set check),
 * built from the real Office.js namespaces by `officeJsDeps`.
 */
import type { XlRun, XlRunIn } from './object-model';

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
 * Request budget per sync. Excel on the web refuses requests (and responses) above 5 MB; the
 * estimate (jsonSize) counts each value's JSON text, CJK text at 3 bytes a character, plus
 * OP_OVERHEAD (write.ts) per queued operation, and 1 MB is kept in reserve for what it does not
 * count.
 * A 2,000-platform × 35-column fill is about 70,000 cells × ~20 bytes ≈ 1.4 MB: one sync.
 */
export const PAYLOAD_BUDGET = 4_000_000;

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
