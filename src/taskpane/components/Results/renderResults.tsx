import { Body1, Button, Caption1, Field, mergeClasses, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { tables as rules } from '../../../rules';
import { differs, renderFigure, renderResultNote, type Figure, type ResultRow } from '../../../workbook';
import type { ResultsState, SortKey } from './Results.types';
import type { ResultsStyles } from './useResultsStyles.styles';

function direction(state: ResultsState, k: SortKey): 'ascending' | 'descending' | undefined {
  const same = typeof k === 'string' || typeof state.sortKey === 'string' ? k === state.sortKey : k.group === state.sortKey.group;
  return same ? (state.ascending ? 'ascending' : 'descending') : undefined;
}

function FigureCell({ f, row, total, styles }: { f: Figure; row: ResultRow; total: boolean; styles: ResultsStyles }) {
  const text = renderFigure(f);
  const note = total ? renderResultNote(row) : '';
  if (note === '') return <TableCell className={mergeClasses(styles.number, text === '—' && styles.missing)}>{text}</TableCell>;
  // the reason in the cell itself (read with it by screen readers, seen at any width), in full on hover
  return (
    <TableCell className={mergeClasses(styles.number, differs(f) ? styles.differs : styles.missing)} title={note}>
      {text}
      {text === '—' ? <span className={styles.why}>{row.unscored.length} 项无法计分</span> : null}
    </TableCell>
  );
}

export function renderResults(state: ResultsState, styles: ResultsStyles) {
  if (state.tables === null) return <Body1>请先打开工作簿。</Body1>;
  const t = state.table;
  if (!t) return <Body1>没有识别到评价表,没有结果。</Body1>;
  const head = (k: SortKey, text: string, key: string) => (
    <TableHeaderCell key={key} className={styles.head} sortable sortDirection={direction(state, k)} onClick={() => state.sortBy(k)} button={{ 'aria-label': `按${text}排序` }}>
      {text}
    </TableHeaderCell>
  );
  const unscorable = t.rows.filter((r) => r.total.official === null && r.total.shown === null);
  return (
    <div className={styles.root}>
      {state.tables.length > 1 ? (
        <Field label="评价表">
          <Select value={String(state.pick)} onChange={(_, d) => state.setPick(Number(d.value))}>
            {state.tables.map((x, i) => (
              <option key={i} value={i}>
                {rules[x.evaluation].shortName}({x.sheet})
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className={styles.actions}>
        <Button onClick={state.copy}>复制表格</Button>
        <Button onClick={state.downloadCsv}>下载 CSV</Button>
        <Button disabled={state.busy !== null} onClick={state.writeSheet}>
          写入新工作表
        </Button>
      </div>
      <Caption1 aria-live="polite">{state.message}</Caption1>
      <div className={styles.scroll}>
        <Table className={styles.table} size="small" aria-label={`${rules[t.evaluation].shortName}结果`}>
          <TableHeader>
            <TableRow>
              {head('serial', '序号', 'serial')}
              {head('platform', '平台', 'platform')}
              {t.groups.map((g, gi) => head({ group: gi }, `${g.name}(${g.weight})`, `g${gi}`))}
              {head('total', '总分', 'total')}
              {head('rank', '排名', 'rank')}
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.rows.map((r) => (
              <TableRow key={r.serial}>
                <TableCell className={styles.number}>{r.serial}</TableCell>
                <TableCell className={styles.name}>{r.platform}</TableCell>
                {r.groups.map((g, gi) => (
                  <FigureCell key={gi} f={g} row={r} total={false} styles={styles} />
                ))}
                <FigureCell f={r.total} row={r} total styles={styles} />
                <TableCell className={styles.number}>{r.rank ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {unscorable.length > 0 ? (
        <Body1 className={styles.note}>
          未计入排名:{unscorable.map((r) => `${r.platform}(${renderResultNote(r)})`).join(';')}
        </Body1>
      ) : null}
    </div>
  );
}
