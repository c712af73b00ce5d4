/**
 * The workbook layer's operations, host-neutral, as two faces of one session: check (recognize,
 * validate, score, review) and fill (plan, apply, record for revert). Each is one host read and
 * at most one host write.
 */
import { totalRecords, type Analysis, type AnalyzeOptions } from './analyze';
import { shownAfter } from './results';
import { dedupeFindings, type Finding } from './findings/codes';
import type { FillOptions, FillPlan } from './fill';
import type { ScoreRecord, TotalRecord, WorkbookHost, WriteConflict } from './model';
import { WorkbookSession, type RevertResult } from './session';

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

export { analyze } from './analyze';
export { planFill } from './fill';
export { reviewScores } from './review';
export { WorkbookSession } from './session';
export { groupByDepartment, type ChartTable, type MissingInput } from './extras';
export type { Analysis, AnalyzeOptions, FillOptions, FillPlan };
export { MAX_TEMPLATE_PLATFORMS, templateBatch } from './template';
export { checkPlatformName, resolveMapping, withPlatformName } from './mapping';
export { differs, figureOf, resultsCsv, resultsHtml, resultsTsv, resultTables, shownAfter, shownInWorkbook, type Figure, type ResultRow, type ResultTable } from './results';
export { CERTAINTY_TEXT, FIGURE_DIFFERS_TEXT, renderFigure, renderResultNote, renderEvidence, renderFinding, renderNameSource, renderRole, renderSheetRole, renderUndone, roleKindText, SEVERITY_TEXT, type Surface } from './findings/catalogue';
export { anythingUndone, certaintyOf, columnLedger, undoneOf, type ColumnCertainty, type LedgerColumn, type Undone } from './ledger';
export type { Finding, FindingCode } from './findings/codes';
export type { ScoreRecord, TotalRecord, WorkbookHost } from './model';
export { layoutOf, layouts } from './layouts';
