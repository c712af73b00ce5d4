/**
 * The self-test's data: what a step needs of the host, what it found, and the report. Sentences
 * are rendered by ./catalogue; nothing here builds one.
 */
import type { CellData } from '../workbook';

/** Abilities a step may need beyond the common host contract. */
export type Ability = 'select' | 'changeEvents' | 'marks' | 'functions' | 'sheetLayout';

export type StepId =
  | 'prepare'
  | 'addSheet'
  | 'write'
  | 'numbers'
  | 'text'
  | 'formats'
  | 'formulas'
  | 'wholeRead'
  | 'layout'
  | 'precondition'
  | 'accepted'
  | 'marks'
  | 'revert'
  | 'select'
  | 'events'
  | 'functions'
  | 'cleanup'
  | 'unchanged';

/** The host application as the surface layer reports it (Office.context.diagnostics, WPS's Application.Build …). */
export interface HostInfo {
  /** 'Excel', 'WPS 表格', or the browser page of file mode. */
  readonly name: string;
  readonly version: string | null;
  /** 'PC', 'Mac', 'OfficeOnline' …, where the host says. */
  readonly platform?: string | null;
  /** Requirement sets or interfaces the host offers ('ExcelApi 1.17', 'AddCustomFunction' …). */
  readonly apiSets: readonly string[];
}

/** One cell that does not hold what the step expected. */
export interface CellMismatch {
  /** A1 address on the scratch sheet named in the step (or "表!A1"). */
  readonly cell: string;
  readonly expected: CellData | null;
  readonly found: CellData | null;
}

/** Facts carried by each failure code. */
export interface FailureFacts {
  /** A sheet with a scratch sheet's name that the self-test did not leave: never deleted. */
  sheet_name_taken: { sheet: string };
  sheet_missing: { sheet: string };
  /** Sheets present that should not be (a refused write's added sheet, a scratch sheet not deleted). */
  sheets_left: { sheets: string[] };
  sheet_state: { sheet: string; expected: string; found: string };
  cells_differ: { cells: CellMismatch[]; waitedMs?: number };
  merge_missing: { range: string };
  /** A write with unchanged targets was refused. */
  write_refused: { cells: string[] };
  /** A write whose target the user had changed was carried out. */
  precondition_ignored: { cell: string };
  conflicts_wrong: { expected: string[]; found: string[] };
  marks_differ: { expected: number; found: number };
  marks_not_cleared: { count: number };
  revert_incomplete: { skipped: number; damaged: number };
  own_write_reported: { cells: string[] };
  function_wrong: { formula: string; expected: number; found: CellData | null; waitedMs: number };
  /** Sheets added, removed or changed; the first cells that differ, of `count`; the order of the sheets changed. */
  workbook_changed: { sheets: string[]; cells: string[]; count: number; reordered: boolean };
  marks_changed: { before: number; after: number };
  /** The host threw: its message as given. */
  host_error: { message: string };
}

export type FailureCode = keyof FailureFacts;

export type Failure = { [K in FailureCode]: { readonly code: K; readonly facts: FailureFacts[K] } }[FailureCode];

export type SkipReason =
  | { readonly code: 'not_offered'; readonly ability: Ability }
  /** A step it builds on did not pass. */
  | { readonly code: 'blocked'; readonly step: StepId }
  /** The workbook holds wanmu's marks on the user's sheets: setting marks would rewrite them. */
  | { readonly code: 'marks_elsewhere'; readonly count: number };

export type StepResult =
  | { readonly status: 'pass' }
  | { readonly status: 'fail'; readonly failure: Failure }
  | { readonly status: 'skipped'; readonly skip: SkipReason };

export type StepOutcome = StepResult & { readonly id: StepId; readonly ms: number };

export interface SelfTestReport {
  readonly info: HostInfo;
  readonly wanmuVersion: string;
  /** Epoch ms. */
  readonly startedAt: number;
  readonly outcomes: readonly StepOutcome[];
  /** Every step has run (false while it runs, or after an interruption). */
  readonly done: boolean;
}
