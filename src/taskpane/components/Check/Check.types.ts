import type { Finding } from '../../../workbook';

export interface FindingGroup {
  /** 指标 name (or 其他) and severity. */
  readonly title: string;
  readonly severity: Finding['severity'];
  readonly items: ReadonlyArray<{ readonly finding: Finding; readonly index: number; readonly text: string }>;
}

/** Marking the problem cells in the workbook, where the host can. */
export interface MarksState {
  /** The host marks cells (conditional formats): the switch is shown. */
  readonly available: boolean;
  /** The marks follow the findings. */
  readonly on: boolean;
  /** The workbook holds wanmu's marks. */
  readonly present: boolean;
  readonly disabled: boolean;
  readonly toggle: (on: boolean) => void;
  readonly clear: () => void;
}

export interface CheckState {
  readonly counts: { readonly errors: number; readonly warnings: number; readonly scored: number; readonly withheld: number };
  /** What was left undone (indicators not scored, score columns not reviewed), in words; '' when nothing. */
  readonly undone: string;
  readonly groups: readonly FindingGroup[];
  /** All findings in display order (for 上一个/下一个). */
  readonly total: number;
  readonly current: number | null;
  readonly currentText: string | null;
  readonly canSelect: boolean;
  readonly go: (index: number) => void;
  readonly next: () => void;
  readonly previous: () => void;
  readonly marks: MarksState;
}
