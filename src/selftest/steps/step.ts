/**
 * What a step of the self-test is: what it needs of the host, the context the steps share (what
 * prepare and the write step found), and how it reports (pass, a failure's code and facts, a skip).
 */
import type { MarkSet, RangeCells, WorkbookData, WorkbookHost } from '../../workbook';
import type { Ability, Failure, FailureCode, FailureFacts, SkipReason, StepId, StepResult } from '../types';

export interface SelfTestOptions {
  /** The host calculates WANMU.* worksheet functions (Excel's shared runtime, WPS's AddCustomFunction). */
  readonly functions: boolean;
  /** Epoch milliseconds (Date.now unless a test sets it). */
  readonly now?: () => number;
  /** Waits; setTimeout unless a test sets it. */
  readonly wait?: (ms: number) => Promise<void>;
  /** How long a formula may take to calculate (Excel calculates after the write). */
  readonly calcTimeoutMs?: number;
  readonly pollMs?: number;
  /** How long change events are waited for (Excel delivers them after the sync). */
  readonly eventWaitMs?: number;
}

export interface StepContext {
  readonly host: WorkbookHost;
  readonly functions: boolean;
  readonly wait: (ms: number) => Promise<void>;
  readonly calcTimeoutMs: number;
  readonly pollMs: number;
  readonly eventWaitMs: number;
  /** The workbook before the run, without scratch sheets (set by prepare). */
  before: WorkbookData | null;
  /** wanmu's marks before the run, off the scratch sheets (hosts that mark; set by prepare). */
  marksBefore: MarkSet[] | null;
  /** What the write step read back in its one read. */
  readBack: RangeCells | null;
}

export function stepContext(host: WorkbookHost, options: SelfTestOptions): StepContext {
  return {
    host,
    functions: options.functions,
    wait: options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    calcTimeoutMs: options.calcTimeoutMs ?? 8000,
    pollMs: options.pollMs ?? 250,
    eventWaitMs: options.eventWaitMs ?? 600,
    before: null,
    marksBefore: null,
    readBack: null,
  };
}

export interface SelfTestStep {
  readonly id: StepId;
  /** Skipped (not passed) where the host does not offer it. */
  readonly requires?: Ability;
  /** Steps that must have passed first; otherwise this one is skipped. */
  readonly after: readonly StepId[];
  run(ctx: StepContext): Promise<StepResult>;
}

export const PASS: StepResult = { status: 'pass' };

export function fail<K extends FailureCode>(code: K, facts: FailureFacts[K]): StepResult {
  return { status: 'fail', failure: { code, facts } as Failure };
}

/** A write the host refused though its targets were unchanged, with the cells it reported. */
export function refused(r: { readonly conflicts: readonly { readonly cell: string }[] }): StepResult {
  return fail('write_refused', { cells: r.conflicts.map((c) => c.cell) });
}

export function skip(reason: SkipReason): StepResult {
  return { status: 'skipped', skip: reason };
}

/** Whether the host offers an ability (declared and implemented). */
export function offers(ctx: Pick<StepContext, 'host' | 'functions'>, ability: Ability): boolean {
  const h = ctx.host;
  if (ability === 'functions') return ctx.functions;
  if (ability === 'select') return h.capabilities.select && typeof h.select === 'function';
  if (ability === 'changeEvents') return h.capabilities.changeEvents && typeof h.onChanged === 'function';
  if (ability === 'sheetLayout') return h.capabilities.sheetLayout;
  return h.capabilities.marks && typeof h.setMarks === 'function' && typeof h.readMarks === 'function';
}
