import { useMemo, useState } from 'react';
import { tables as rules } from '../../../rules';
import { figureOf, renderResultNote, resultsCsv, resultsHtml, resultsTsv, type ResultRow } from '../../../workbook';
import { downloadBytes } from '../../download';
import { usePane, usePaneStore } from '../../state/context';
import type { ResultsState, SortKey } from './Results.types';

function valueOf(r: ResultRow, k: SortKey): number | string | null {
  if (k === 'serial') return r.serial;
  if (k === 'platform') return r.platform;
  if (k === 'rank') return r.rank;
  if (k === 'total') return figureOf(r.total);
  return figureOf(r.groups[k.group]);
}

/** Sorted rows: missing figures last whichever way, ties in table order. */
export function sortRows(rows: readonly ResultRow[], k: SortKey, ascending: boolean): ResultRow[] {
  return [...rows].sort((a, b) => {
    const x = valueOf(a, k);
    const y = valueOf(b, k);
    if (x === null || y === null) return x === y ? a.serial - b.serial : x === null ? 1 : -1;
    const c = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'zh-CN') : x - y;
    return (ascending ? c : -c) || a.serial - b.serial;
  });
}

const sameKey = (a: SortKey, b: SortKey) => (typeof a === 'string' || typeof b === 'string' ? a === b : a.group === b.group);

export function useResults(): ResultsState {
  const { session, version, busy } = usePane();
  const store = usePaneStore();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const tables = useMemo(() => (session ? session.results() : null), [session, version]);
  const [pick, setPick] = useState(0);
  const [sortKey, setSortKey] = useState<SortKey>('serial');
  const [ascending, setAscending] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const table = tables && tables.length > 0 ? tables[Math.min(pick, tables.length - 1)] : null;
  const rows = useMemo(() => (table ? sortRows(table.rows, sortKey, ascending) : []), [table, sortKey, ascending]);
  const name = table ? `${rules[table.evaluation].shortName}结果` : '结果';
  return {
    tables,
    pick,
    setPick,
    table,
    rows,
    sortKey,
    ascending,
    sortBy: (k) => {
      // a new column sorts its natural way first: ranks and names up, figures down
      if (sameKey(k, sortKey)) setAscending(!ascending);
      else {
        setSortKey(k);
        setAscending(k === 'serial' || k === 'platform' || k === 'rank');
      }
    },
    copy: () => {
      if (!table) return;
      const tsv = resultsTsv(table, renderResultNote);
      const html = resultsHtml(table, renderResultNote);
      const rich = typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard?.write === 'function';
      const done = rich
        ? navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([tsv], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })])
        : navigator.clipboard.writeText(tsv);
      done.then(
        () => setMessage(`已复制 ${table.rows.length} 个平台的结果,可粘贴到 Excel、WPS 或 Word 中成为表格`),
        (e: unknown) => setMessage(`无法复制(${e instanceof Error ? e.message : String(e)}),请改用“下载 CSV”`),
      );
    },
    downloadCsv: () => {
      if (!table) return;
      downloadBytes(`${name}.csv`, resultsCsv(table, renderResultNote), 'text/csv;charset=utf-8');
      setMessage(`已下载“${name}.csv”(UTF-8,Excel 可直接打开)`);
    },
    writeSheet: () => {
      if (session) void store.apply(session.planResultsSheet(), 'resultsSheet');
    },
    message,
    busy,
  };
}
