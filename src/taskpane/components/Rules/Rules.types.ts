import type { EvaluationId } from '../../../rules';

/** 转换与模板 › 评分规则: the editions the workbook is scored by, loading a revised one, and back to the built-in ones. */
export interface RulesEdition {
  /** 年度评价 / 验收评价 */
  readonly evaluation: string;
  /** 衢政办发〔2020〕28号 2020 年版 */
  readonly edition: string;
  /** Loaded in this workbook (not built in). */
  readonly loaded: boolean;
}

export interface RulesState {
  readonly editions: readonly RulesEdition[];
  /** How the loaded edition differs from the built-in one (never silent), or null. */
  readonly note: string | null;
  /** Why the chosen file cannot be used: each problem names its field. */
  readonly problems: readonly string[];
  /** A sentence about the last action (loaded, restored), or null. */
  readonly status: string | null;
  readonly disabled: boolean;
  /** Reads a chosen .json file and, when it is an edition, scores the workbook by it and saves it with the mapping. */
  readonly load: (file: File) => void;
  /** Back to the built-in editions. */
  readonly restore: () => void;
  /** Downloads a built-in edition as JSON, the starting point of a revised one. */
  readonly exportBuiltIn: (evaluation: EvaluationId) => void;
  readonly exportChoices: ReadonlyArray<{ readonly evaluation: EvaluationId; readonly text: string }>;
}
