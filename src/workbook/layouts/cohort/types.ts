/** A sheet read as a cohort table (one row per platform), before it is paired and made a table. */
import type { EvaluationId, Tables } from '../../../rules';
import type { SheetData } from '../../core/model';
import type { ColumnStats, RowInfo } from '../../read/profile';
import type { SheetOptions } from '../../contract/layout';
import type { ColumnDecision, SheetRole } from '../../findings/roles';
import type { HeaderBlock } from './block';

export interface CohortSheet {
  readonly sheet: SheetData;
  readonly headerRow: number;
  readonly parentRow: number | null;
  readonly evaluation: EvaluationId;
  /** The tables in force (the sheet's edition is tables[evaluation]). */
  readonly tables: Tables;
  readonly platformCol: number;
  readonly rows: readonly RowInfo[];
  columns: ColumnDecision[];
  role: SheetRole;
  /** The sheet its formulas read most (a score sheet's data sheet). */
  readonly readsFrom: string | null;
  /** The row of a column's header cell: the top of a merged header (findings go there). */
  readonly headerTop: (col: number) => number;
  readonly options: SheetOptions;
  /** The header block: units and year rows under the labels, the evaluated year, the table's unit. */
  readonly block: HeaderBlock;
  /** Each column's statistics over the data rows, from the sheet's profile (by column). */
  readonly stats: ReadonlyMap<number, ColumnStats>;
}
