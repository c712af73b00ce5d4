/**
 * What an analysis gives: per table, each platform's results (scores, sums, where each goes), the
 * 无量纲化 cohorts, and the sheets as read. Made by check/analyze; read by layouts, write and every
 * surface.
 */
import type { ErrorReason, IndicatorValues } from '../../engine';
import type { EditionSet, EvaluationTable, Indicator, Tables } from '../../rules';
import type { CellRef } from '../core/address';
import type { WorkbookData } from '../core/model';
import type { Finding } from '../findings/codes';
import type { SheetOptions, SheetReading, TableLayout } from './table';

export interface Placed {
  readonly ref: CellRef | null;
  /** True when the place is a score cell the layout already had. */
  readonly existing: boolean;
}

export interface IndicatorResult {
  /** Made anew whenever the result is (see version.ts). */
  readonly version: number;
  readonly indicator: Indicator;
  readonly score: number | null;
  /** Why the score is null (the engine's reason), or null. */
  readonly reason: ErrorReason | null;
  readonly place: Placed;
  readonly inputs: readonly (CellRef | null)[];
  /** Unit factor per input (1: as is). */
  readonly factors: readonly number[];
  /** A native formula reading these cells computes the same inputs as the engine did. */
  readonly nativeReadable: boolean;
}

export interface SumResult {
  readonly score: number | null;
  readonly place: Placed;
}

export interface PlatformResult {
  /** Made anew whenever any of the platform's results is (see version.ts). */
  readonly version: number;
  readonly name: string;
  readonly indicators: readonly IndicatorResult[];
  readonly groups: readonly SumResult[];
  readonly total: SumResult;
}

export interface CohortInfo {
  /** Made anew whenever the cohort is (see version.ts). */
  readonly version: number;
  /** The cells of the cohort (valid platforms' values), in platform order. */
  readonly cells: readonly CellRef[];
  /** Every cohort cell is a number a native MIN/MAX reads as the engine does. */
  readonly nativeReadable: boolean;
}

export interface TableResult {
  readonly layout: TableLayout;
  readonly table: EvaluationTable;
  readonly platforms: readonly PlatformResult[];
  /** Per indicator index: the 无量纲化 cohort (undefined for other rules). */
  readonly cohorts: readonly (CohortInfo | undefined)[];
  /** values[p][i]: the inputs the engine scored (NaN for an invalid one), per platform and indicator. */
  readonly values: readonly (readonly IndicatorValues[])[];
}


export interface Analysis {
  readonly workbook: WorkbookData;
  readonly tables: readonly TableResult[];
  readonly sheets: readonly SheetReading[];
  readonly findings: readonly Finding[];
  /** The editions the workbook was read and scored by, one per evaluation (sentences name indicators from these). */
  readonly inForce: Tables;
}

export interface AnalyzeOptions {
  readonly sheets?: ReadonlyMap<string, SheetOptions>;
  /**
   * The workbook's file name (a path or an address will do), where the surface has one: it names
   * the platform of a one-platform table that nothing on its sheet names.
   */
  readonly fileName?: string;
  /** The editions to score by: the built-in ones, and any loaded at run time (docs/rules.md). Default: the built-in ones. */
  readonly editions?: EditionSet;
}


