/**
 * The workbook layer's operations, host-neutral: check (recognize, validate, score, review) and
 * fill (plan the writes). Each is one host read and at most one host write.
 */
import { analyze, scoreRecords, totalRecords, type Analysis, type AnalyzeOptions } from './analyze';
import { planFill, type FillOptions, type FillPlan } from './fill';
import type { Finding, ScoreRecord, TotalRecord, WorkbookHost } from './model';
import { reviewScores } from './review';

export interface Report {
  readonly findings: Finding[];
  readonly scores: ScoreRecord[];
  readonly totals: TotalRecord[];
}

export interface CheckResult extends Report {
  readonly analysis: Analysis;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(fs: Finding[]): Finding[] {
  return fs.slice().sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export async function checkWorkbook(host: WorkbookHost, options: AnalyzeOptions = {}): Promise<CheckResult> {
  const analysis = analyze(await host.read(), options);
  const findings = sortFindings([...analysis.findings, ...reviewScores(analysis)]);
  return { analysis, findings, scores: scoreRecords(analysis), totals: totalRecords(analysis) };
}

export interface FillResult extends CheckResult {
  readonly plan: FillPlan;
}

export async function fillWorkbook(host: WorkbookHost, fill: FillOptions, options: AnalyzeOptions = {}): Promise<FillResult> {
  const checked = await checkWorkbook(host, options);
  const plan = planFill(checked.analysis, fill);
  await host.write(plan.batch, []);
  return { ...checked, plan, findings: sortFindings([...checked.findings, ...plan.findings]) };
}

export { analyze, planFill, reviewScores };
export type { Analysis, AnalyzeOptions, FillOptions, FillPlan };
export { templateBatch } from './template';
export { resolveMapping } from './mapping';
export type { Finding, ScoreRecord, TotalRecord, WorkbookHost } from './model';
