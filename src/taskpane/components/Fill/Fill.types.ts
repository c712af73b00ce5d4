import type { FillPlan, Finding } from '../../../workbook';
import type { Tables } from '../../../rules';

export type FillStyle = 'native' | 'wanmu' | 'values';

export interface FillState {
  readonly style: FillStyle;
  readonly setStyle: (s: FillStyle) => void;
  readonly replace: boolean;
  readonly setReplace: (r: boolean) => void;
  /** Null when no workbook is open. */
  readonly plan: FillPlan | null;
  /** Why a style is not offered (the host cannot compute WANMU.* functions), or null. */
  readonly wanmuNote: string | null;
  readonly wanmuDisabled: boolean;
  readonly busy: string | null;
  readonly apply: () => void;
  readonly revert: () => void;
  readonly planFindings: readonly Finding[];
  /** The editions the workbook is scored by (sentences name indicators from these). */
  readonly inForce: Tables | undefined;
  /** Cells written per sheet (the revert record's hidden sheet not counted). */
  readonly where: ReadonlyArray<{ readonly sheet: string; readonly cells: number }>;
}
