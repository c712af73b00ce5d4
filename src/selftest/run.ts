/**
 * Runs the self-test's steps in order over a host and reports each as it finishes: a step needing
 * an ability the host does not offer is skipped (not passed), one built on a step that did not
 * pass is skipped too, and an exception the host throws fails that step with its message — the
 * run goes on, so the cleanup still tries to delete the scratch sheets.
 */
import type { WorkbookHost } from '../workbook';
import { WANMU_VERSION } from '../workbook';
import { offers, SELF_TEST_STEPS, stepContext, type SelfTestOptions, type SelfTestStep, type StepContext } from './steps';
import type { HostInfo, SelfTestReport, StepOutcome, StepResult } from './types';

/** A thrown value's message, with the host's error code where it has one (Office.js: "ItemNotFound"). */
export function thrownMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  return typeof code === 'string' && code !== '' && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Runs one step after the ones before it (their outcomes say whether it may run). */
export async function runStep(step: SelfTestStep, ctx: StepContext, prior: readonly StepOutcome[], now: () => number = Date.now): Promise<StepOutcome> {
  const start = now();
  const done = (r: StepResult): StepOutcome => ({ ...r, id: step.id, ms: Math.max(0, Math.round(now() - start)) });
  if (step.requires && !offers(ctx, step.requires)) return done({ status: 'skipped', skip: { code: 'not_offered', ability: step.requires } });
  for (const dep of step.after) {
    const o = prior.find((p) => p.id === dep);
    if (!o || o.status !== 'pass') return done({ status: 'skipped', skip: { code: 'blocked', step: dep } });
  }
  try {
    return done(await step.run(ctx));
  } catch (e) {
    return done({ status: 'fail', failure: { code: 'host_error', facts: { message: thrownMessage(e) } } });
  }
}

/**
 * The whole self-test. `onProgress` hears the report after every step (the pane shows steps as
 * they finish); the last report has `done`.
 */
export async function runSelfTest(host: WorkbookHost, info: HostInfo, options: SelfTestOptions, onProgress?: (report: SelfTestReport) => void): Promise<SelfTestReport> {
  const now = options.now ?? Date.now;
  const ctx = stepContext(host, options);
  const outcomes: StepOutcome[] = [];
  const startedAt = now();
  const report = (done: boolean): SelfTestReport => ({ info, wanmuVersion: WANMU_VERSION, startedAt, outcomes: [...outcomes], done });
  for (const step of SELF_TEST_STEPS) {
    outcomes.push(await runStep(step, ctx, outcomes, now));
    if (outcomes.length < SELF_TEST_STEPS.length) onProgress?.(report(false));
  }
  const last = report(true);
  onProgress?.(last);
  return last;
}

/** Whether every step passed or was skipped (for the summary line). */
export function selfTestPassed(report: SelfTestReport): boolean {
  return report.done && report.outcomes.every((o) => o.status !== 'fail');
}
