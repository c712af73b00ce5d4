/** The self-test of the live host (自检): steps, runner, report. See ./steps. */
export { FUNCTION_FORMULA, functionExpected, isScratchSheet, offers, SCRATCH_SHEETS, SELF_TEST_MARKS, SELF_TEST_RESULTS, SELF_TEST_STEPS, stepContext, workbookDifferences, type SelfTestOptions, type SelfTestStep, type StepContext } from './steps';
export { runSelfTest, runStep, selfTestPassed, thrownMessage } from './run';
export { dateTimeText, describeCell, hostText, outcomeReason, renderFailure, renderSkip, SCRATCH_ADDED, SCRATCH_RECORD, SCRATCH_SHEET, SCRATCH_SIGNATURE, selfTestReportText, SELF_TEST_SEND, STATUS_TEXT, STEP_NAMES, summaryText } from './catalogue';
export type { Ability, CellMismatch, Failure, FailureCode, HostInfo, SelfTestReport, SkipReason, StepId, StepOutcome, StepResult } from './types';
