/**
 * The workbook layer's operations, host-neutral, as two faces of one session: check (recognize,
 * validate, score, review) and fill (plan, apply, record for revert). Each is one host read and
 * at most one host write.
 */
import { totalRecords } from './check/analyze';
import { type Analysis, type AnalyzeOptions } from './contract/analysis';
import { shownAfter } from './check/results';
import { dedupeFindings, type Finding } from './findings/codes';
import type { FillOptions, FillPlan } from './write/fill';
import type { ScoreRecord, TotalRecord, WorkbookHost, WriteConflict } from './core/model';
import { WorkbookSession, type RevertResult } from './session/session';

export interface Report {
  readonly findings: readonly Finding[];
  readonly scores: readonly ScoreRecord[];
  readonly totals: readonly TotalRecord[];
}

export interface CheckResult extends Report {
  readonly analysis: Analysis;
}

export async function checkWorkbook(host: WorkbookHost, options: AnalyzeOptions = {}): Promise<CheckResult> {
  const s = await WorkbookSession.open(host, options);
  return s.model;
}

export interface FillResult extends CheckResult {
  readonly plan: FillPlan;
}

/** Thrown when the workbook changed between the check and the write (a live host). */
export class WriteRefused extends Error {
  constructor(readonly conflicts: readonly WriteConflict[]) {
    super(`write refused: ${conflicts.length} target cells changed since they were read`);
  }
}

export async function fillWorkbook(host: WorkbookHost, fill: FillOptions, options: AnalyzeOptions = {}): Promise<FillResult> {
  const s = await WorkbookSession.open(host, options);
  const before = s.model;
  const plan = s.planFill(fill);
  const applied = await s.apply(plan, { refresh: false });
  if (!applied.ok) throw new WriteRefused(applied.conflicts);
  // the scores' places are where the plan wrote them (or the existing cells it kept)
  // the totals as the written cells will show them after recalculation (kept scores added as they stand)
  const totals = totalRecords(before.analysis, shownAfter(plan.batch.cells, before.analysis.workbook));
  return { analysis: before.analysis, plan, findings: dedupeFindings([...before.findings, ...plan.findings]), scores: before.scores, totals };
}

export async function revertWorkbook(host: WorkbookHost, options: AnalyzeOptions = {}): Promise<RevertResult> {
  const s = await WorkbookSession.open(host, options);
  return s.revert();
}

// ---------------------------------------------------------------- the session and its steps
export { analyze } from './check/analyze';
export { planFill } from './write/fill';
export { reviewScores } from './check/review';
export { WorkbookSession, type SessionModel } from './session/session';
export { groupByDepartment, type ChartTable, type MissingInput } from './session/extras';
export type { Analysis, AnalyzeOptions, FillOptions, FillPlan };
export { MAX_TEMPLATE_PLATFORMS, templateBatch } from './write/template';
export { withPlatformName, type Mapping } from './check/mapping';
export { checkPlatformName, resolveMapping } from './session/mapping';
export { loadRules, type LoadedRules, type RulesLoad } from './session/editions';
export { layoutOf, layouts, type TableLayout } from './layouts';

// ---------------------------------------------------------------- what the surfaces show
export { differs, figureOf, resultsCsv, resultsHtml, resultsTsv, resultTables, shownAfter, shownInWorkbook, type Figure, type ResultRow, type ResultTable } from './check/results';
export { anythingUndone, certaintyOf, columnLedger, undoneOf, type ColumnCertainty, type LedgerColumn, type Undone } from './check/ledger';
export {
  CERTAINTY_TEXT,
  FIGURE_DIFFERS_TEXT,
  renderDepartment,
  renderEdition,
  renderEditionDifference,
  renderEditionProblem,
  renderEvidence,
  renderFigure,
  renderFinding,
  renderLoadedEdition,
  renderMissingPlace,
  renderNameSource,
  renderResultNote,
  renderRole,
  renderSheetRole,
  renderUndone,
  roleKindText,
  SEVERITY_TEXT,
  type Surface,
} from './text/catalogue';
export type { Finding, FindingCode } from './findings/codes';
export type { ColumnRole, PlatformNameSource } from './findings/roles';

// ---------------------------------------------------------------- the host port and the workbook's own sheets
export {
  cellAt,
  cellsInRange,
  emptyBatch,
  type CellData,
  type CellRange,
  type CellWrite,
  type ChangedCells,
  type ExpectedCell,
  type MarkSet,
  type MarkSeverity,
  type RangeCells,
  type ScoreRecord,
  type Severity,
  type SheetData,
  type SheetState,
  type TotalRecord,
  type WorkbookData,
  type WorkbookHost,
  type WriteBatch,
} from './core/model';
export { a1, colLetters, parseA1 } from './core/address';
export { canonicalMarks, markedCells, sameMarks } from './core/marks';
export { sameCell } from './core/same';
export { WANMU_VERSION } from './core/version';
export { RECORD_SHEET } from './core/sheets';
export { isRevertRecord } from './core/record';
export type { FormulaStyle } from './formulas/native';

// ---------------------------------------------------------------- for the self-test's scratch fills and reverts
export { PlanBuilder } from './write/plan';
export { planRevert } from './write/revert';
