import type { StepOutcome } from '../../../selftest';

/** One step as the pane lists it. */
export interface SelfTestRow {
  readonly id: StepOutcome['id'];
  readonly name: string;
  readonly status: StepOutcome['status'];
  readonly statusText: string;
  readonly ms: number;
  /** Why it failed or was skipped ('' when it passed). */
  readonly reason: string;
}

export interface SelfTestState {
  /** The host application's name ('Excel', 'WPS 表格', the browser in file mode); the report adds version and API sets. */
  readonly hostName: string;
  /** A self-test is running. */
  readonly running: boolean;
  /** Something else runs (or no workbook is open): the button waits. */
  readonly disabled: boolean;
  readonly run: () => void;
  /** The steps so far (empty before the first run). */
  readonly rows: readonly SelfTestRow[];
  /** 全部通过 / 未通过 / 进行中, with the counts; null before the first run. */
  readonly summary: string | null;
  readonly failed: boolean;
  /** What to do when a step failed ('' otherwise). */
  readonly advice: string;
  /** The report as copyable text ('' before the first run). */
  readonly text: string;
  readonly copy: () => void;
  readonly download: () => void;
  /** What the last copy or download did, for the live region. */
  readonly message: string | null;
}
