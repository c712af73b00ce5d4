import type { ResultRow, ResultTable } from '../../../workbook';

export type SortKey = 'serial' | 'platform' | 'total' | 'rank' | { readonly group: number };

export interface ResultsState {
  /** The tables (null: no workbook open). */
  readonly tables: readonly ResultTable[] | null;
  readonly pick: number;
  readonly setPick: (i: number) => void;
  /** The table shown, its rows in the order asked for. */
  readonly table: ResultTable | null;
  readonly rows: readonly ResultRow[];
  readonly sortKey: SortKey;
  readonly ascending: boolean;
  readonly sortBy: (k: SortKey) => void;
  readonly copy: () => void;
  readonly downloadCsv: () => void;
  readonly writeSheet: () => void;
  /** What the last copy or download did, for the live region. */
  readonly message: string | null;
  readonly busy: string | null;
}
