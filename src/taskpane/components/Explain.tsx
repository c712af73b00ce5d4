/**
 * 解释: any score or input cell → the indicator, its 评分标准, the inputs with their cells and values,
 * and the arithmetic (session.explain). In Office it follows the selection; in a file the user
 * names the cell.
 */
import { Body1, Button, Caption1, Field, Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { fmt } from '../../engine';
import { useEnvironment, usePane, usePaneStore } from '../state/context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  pick: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  cellInput: { width: '7em' },
  standard: { display: 'block', whiteSpace: 'pre-wrap', color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalS },
  arithmetic: { whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, backgroundColor: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium },
  link: { padding: 0, minWidth: 0 },
});

export function Explain() {
  const styles = useStyles();
  const { session, model, version } = usePane();
  const env = useEnvironment();
  const store = usePaneStore();
  const sheets = model?.analysis.workbook.sheets.filter((s) => s.state !== 'veryHidden').map((s) => s.name) ?? [];
  const [at, setAt] = useState<{ sheet: string; cell: string } | null>(null);
  const [sheet, setSheet] = useState('');
  const [cell, setCell] = useState('');

  useEffect(() => {
    if (!env.selection) return undefined;
    return env.selection.subscribe((s) => setAt(s));
  }, [env.selection]);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const ex = useMemo(() => (session && at ? session.explain(at.sheet, at.cell.toUpperCase()) : undefined), [session, version, at]);
  const chosenSheet = sheet || sheets[0] || '';

  return (
    <div className={styles.root}>
      {env.selection ? (
        <Caption1>在工作表中选中任一得分或数据单元格,这里显示它的计算过程。</Caption1>
      ) : env.mode === 'host' ? (
        <Caption1>{env.hostName}不会把选中的单元格告诉面板:请在下面选择工作表、输入单元格地址。</Caption1>
      ) : null}
      <form
        className={styles.pick}
        onSubmit={(e) => {
          e.preventDefault();
          setAt({ sheet: chosenSheet, cell: cell.trim() });
        }}
      >
        <Field label="工作表">
          <Select value={chosenSheet} onChange={(_, d) => setSheet(d.value)}>
            {sheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
        <Field label="单元格">
          <Input className={styles.cellInput} value={cell} placeholder="如 D5" onChange={(_, d) => setCell(d.value)} />
        </Field>
        <Button type="submit">解释</Button>
      </form>
      {at && !ex ? (
        <Body1>
          {at.sheet}!{at.cell} 不是得分或评分数据单元格。
        </Body1>
      ) : null}
      {ex ? (
        <section aria-label="计算过程">
          <Body1>
            <b>
              {ex.indicator.number}. {ex.indicator.name}
            </b>
            (平台“{ex.platform}”,分值 {ex.indicator.points})
          </Body1>
          <Caption1 className={styles.standard}>评分规则:{ex.edition}</Caption1>
          <Caption1 className={styles.standard}>评分标准:{ex.standard}</Caption1>
          <Table size="extra-small" aria-label="输入">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>输入</TableHeaderCell>
                <TableHeaderCell>单元格</TableHeaderCell>
                <TableHeaderCell>值</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ex.inputs.map((i) => (
                <TableRow key={i.label}>
                  <TableCell>
                    {i.label}
                    {i.unit ? `(${i.unit})` : ''}
                  </TableCell>
                  <TableCell>
                    {i.cell ? (
                      env.mode === 'host' ? (
                        <Button appearance="transparent" size="small" className={styles.link} onClick={() => void store.select(i.cell!.sheet, i.cell!.cell)}>
                          {i.cell.sheet}!{i.cell.cell}
                        </Button>
                      ) : (
                        `${i.cell.sheet}!${i.cell.cell}`
                      )
                    ) : (
                      '表中没有'
                    )}
                  </TableCell>
                  <TableCell>{i.value === null ? (i.raw === null ? '空' : String(i.raw)) : fmt(i.value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={styles.arithmetic} role="note" aria-label="计算">
            {ex.score !== null ? `得分 ${fmt(ex.score)}\n` : '暂不计分\n'}
            {ex.text}
          </div>
          {ex.scoreCell ? (
            <Caption1>
              得分单元格:{ex.scoreCell.sheet}!{ex.scoreCell.cell}
            </Caption1>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
