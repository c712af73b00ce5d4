/**
 * 识别结果: the tables found, a one-platform table's platform name with where it came from, and
 * every column's role with its evidence. Changing a role or the platform's name here is the
 * user's mapping: the workbook is analyzed again with it (and it is kept with the workbook).
 */
import { Badge, Body1, Button, Caption1, Card, CardHeader, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { evaluationIds, tables, type EvaluationId, type EvaluationTable, type Tables } from '../../rules';
import { CERTAINTY_TEXT, certaintyOf, renderEdition, renderEvidence, renderRole, renderSheetRole, type ColumnCertainty } from '../../workbook';
import { colLetters } from '../../workbook';
import { type ColumnRole } from '../../workbook';
import type { Mapping } from '../../workbook';
import { layoutOf, type TableLayout } from '../../workbook';
import { usePane, usePaneStore } from '../state/context';
import { PlatformName } from './PlatformName/PlatformName';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  columns: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  evidence: { color: tokens.colorNeutralForeground3 },
  sheets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type MappingColumn = Mapping['sheets'][string] extends { columns?: infer C } ? (C extends Record<string, infer V> ? V : never) : never;

/** The mapping's spelling of a role (the same as a mapping file's). */
function specOf(inForce: Tables, role: ColumnRole, e: EvaluationId): MappingColumn | null {
  switch (role.kind) {
    case 'platform':
      return 'platform';
    case 'total':
      return 'total';
    case 'ignored':
      return 'ignore';
    case 'note':
      return 'note';
    case 'input':
      return { indicator: role.indicator + 1, field: inForce[e].indicators[role.indicator].inputs[role.field].id };
    case 'score':
      return { score: role.indicator + 1 };
    case 'subtotal':
      return { subtotal: inForce[e].groups[role.group].name };
    default:
      return null;
  }
}

/** Every role a column of this evaluation can have, in words, with its mapping value. */
function roleOptions(t: EvaluationTable): { value: string; text: string }[] {
  const out: { value: string; text: string }[] = [
    { value: JSON.stringify('platform'), text: '平台名称' },
    { value: JSON.stringify('ignore'), text: '不使用' },
    { value: JSON.stringify('note'), text: '备注/说明' },
  ];
  t.indicators.forEach((ind) =>
    ind.inputs.forEach((f) => out.push({ value: JSON.stringify({ indicator: ind.number, field: f.id }), text: `输入“${f.label}”(${ind.shortName})` })),
  );
  t.indicators.forEach((ind) => out.push({ value: JSON.stringify({ score: ind.number }), text: `得分“${ind.shortName}”` }));
  t.groups.forEach((g) => out.push({ value: JSON.stringify({ subtotal: g.name }), text: `小计“${g.name}”` }));
  out.push({ value: JSON.stringify('total'), text: '总分' });
  return out;
}

const CERTAINTY_ORDER: Readonly<Record<ColumnCertainty, number>> = { unrecognized: 0, uncertain: 1, sure: 2 };

/** Unrecognized and uncertain columns first (they are what the user may need to set), then in sheet order. */
function byCertainty<T extends { col: number }>(decisions: readonly T[], of: (d: T) => ColumnCertainty): T[] {
  return decisions.map((d, k) => ({ d, k, c: CERTAINTY_ORDER[of(d)] })).sort((a, b) => a.c - b.c || a.k - b.k).map((x) => x.d);
}

/** Where the table is: its header row to its last platform or input row, over the columns read. */
export function tableRange(layout: TableLayout): string {
  const cells = layout.platforms.flatMap((p) => [p.nameCell, ...p.inputs.flat()]).filter((c): c is NonNullable<typeof c> => c !== null && c.sheet === layout.sheet);
  const cols = layout.columns.filter((c) => c.sheet === layout.sheet).flatMap((c) => c.decisions.map((d) => d.col));
  const all = [...cols, ...cells.map((c) => c.col)];
  if (all.length === 0 || cells.length === 0) return `表头在第 ${layout.headerRow} 行`;
  // loops, not spreads: a large table's cells would overflow the call stack
  let bottom = 0;
  for (const c of cells) if (c.row > bottom) bottom = c.row;
  let left = Infinity;
  let right = 0;
  for (const c of all) {
    if (c < left) left = c;
    if (c > right) right = c;
  }
  return `区域 ${colLetters(left)}${layout.headerRow}:${colLetters(right)}${bottom}`;
}

export function Recognition() {
  const styles = useStyles();
  const { model, mapping, busy } = usePane();
  const store = usePaneStore();
  const [problem, setProblem] = useState<string | null>(null);
  const inForce = model?.analysis.inForce ?? tables;
  const options = useMemo(() => Object.fromEntries(evaluationIds.map((e) => [e, roleOptions(inForce[e])])) as Record<EvaluationId, { value: string; text: string }[]>, [inForce]);
  if (!model) return <Body1>请先打开工作簿。</Body1>;
  const a = model.analysis;

  const change = async (sheet: string, evaluation: EvaluationId, headerRow: number, col: number, value: string) => {
    const letter = colLetters(col);
    const prev = mapping.sheets[sheet] ?? {};
    const columns: Record<string, MappingColumn> = { ...(prev.columns ?? {}) };
    if (value === '') delete columns[letter];
    else columns[letter] = JSON.parse(value) as MappingColumn;
    // the rest of the mapping (a loaded edition) stays as it is
    const next: Mapping = { ...mapping, sheets: { ...mapping.sheets, [sheet]: { ...prev, evaluation, headerRow, columns } } };
    setProblem(await store.setMapping(next));
  };

  /** One 培育名单 over several sheets: join them ('batch'), score each alone ('own'), or as recognized (undefined). */
  const setCohort = async (sheets: readonly string[], cohort: 'batch' | 'own' | undefined) => {
    const next: Mapping = { ...mapping, sheets: { ...mapping.sheets } };
    for (const name of sheets) {
      const { cohort: _old, ...rest } = next.sheets[name] ?? {};
      next.sheets[name] = cohort ? { ...rest, cohort } : rest;
    }
    setProblem(await store.setMapping(next));
  };
  const maybeBatches = (sheet: string): string[] => {
    const f = a.findings.find((x) => x.code === 'cohort_maybe_batches' && x.sheet === sheet);
    return f && f.code === 'cohort_maybe_batches' ? [sheet, ...f.facts.sheets] : [];
  };

  return (
    <div className={styles.root}>
      {a.tables.length === 0 ? <Body1>未找到验收评价或年度评价的表格。</Body1> : null}
      {a.tables.map((t, ti) => (
        <Card key={`${t.layout.sheet}-${ti}`}>
          <CardHeader
            header={
              <Body1>
                <b>{t.layout.sheet}</b> · {t.table.shortName} · 评分规则:{renderEdition(t.table)}
              </Body1>
            }
            description={
              <Caption1>
                {layoutOf(t.layout.kind).names.pane},{tableRange(t.layout)},{t.platforms.length} 个平台
                {t.layout.scoreSheets.length > 0 ? `,评分表:${t.layout.scoreSheets.join('、')}` : ''}
              </Caption1>
            }
          />
          {t.platforms.length === 1 && t.layout.platforms[0].nameSource ? <PlatformName sheet={t.layout.sheet} name={t.layout.platforms[0].name} source={t.layout.platforms[0].nameSource} /> : null}
          {(t.layout.batchSheets ?? []).length > 0 ? (
            <Button size="small" disabled={busy !== null} onClick={() => void setCohort([t.layout.sheet, ...(t.layout.batchSheets ?? [])], 'own')}>
              各表分别评分
            </Button>
          ) : null}
          {maybeBatches(t.layout.sheet).length > 0 ? (
            <Button size="small" disabled={busy !== null} onClick={() => void setCohort(maybeBatches(t.layout.sheet), 'batch')}>
              合为一个培育名单
            </Button>
          ) : null}
          {mapping.sheets[t.layout.sheet]?.cohort !== undefined ? (
            <Button size="small" appearance="subtle" disabled={busy !== null} onClick={() => void setCohort([t.layout.sheet, ...(t.layout.batchSheets ?? []), ...a.tables.map((x) => x.layout.sheet).filter((n) => mapping.sheets[n]?.cohort !== undefined)], undefined)}>
              培育名单按自动识别
            </Button>
          ) : null}
          {t.layout.columns.map((cs) => (
            <ul key={cs.sheet} className={styles.columns} aria-label={`${cs.sheet} 的各列`}>
              {byCertainty(cs.decisions, certaintyOf).map((d) => {
                const spec = specOf(a.inForce, d.role, t.table.evaluation);
                const mapped = mapping.sheets[cs.sheet]?.columns?.[colLetters(d.col)];
                const value = mapped !== undefined ? JSON.stringify(mapped) : spec !== null ? JSON.stringify(spec) : '';
                const id = `role-${cs.sheet}-${d.col}`;
                return (
                  <li key={d.col} className={styles.column}>
                    <label htmlFor={id}>
                      <Body1>
                        {cs.sheet}!{colLetters(d.col)} “{d.header}”:{renderRole(d, t.table.evaluation, a.inForce)}
                      </Body1>{' '}
                      {d.evidence.some((e) => e.kind === 'mapping') ? <Badge appearance="tint">用户指定</Badge> : null}
                      {certaintyOf(d) !== 'sure' ? (
                        <Badge appearance="tint" color={certaintyOf(d) === 'uncertain' ? 'warning' : 'informative'}>
                          {CERTAINTY_TEXT[certaintyOf(d)]}
                        </Badge>
                      ) : null}
                    </label>
                    <Caption1 className={styles.evidence}>{d.evidence.map((ev) => renderEvidence(ev, a.inForce)).join(';') || '无依据'}</Caption1>
                    <Select id={id} size="small" value={value} disabled={busy !== null} onChange={(_, data) => void change(cs.sheet, t.table.evaluation, cs.headerRow, d.col, data.value)}>
                      <option value="">{spec === null ? renderRole(d, t.table.evaluation, a.inForce) : '(自动识别)'}</option>
                      {options[t.table.evaluation].map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.text}
                        </option>
                      ))}
                    </Select>
                  </li>
                );
              })}
            </ul>
          ))}
        </Card>
      ))}
      {problem ? <Body1 role="alert">{problem}</Body1> : null}
      <section aria-label="各工作表">
        <Caption1>各工作表:</Caption1>
        <ul className={styles.sheets}>
          {a.sheets.map((s) => (
            <li key={s.sheet}>
              <Caption1>
                {s.sheet}:{renderSheetRole(s.role)}
                {s.scores ? `(对应数据表“${s.scores}”)` : ''}
              </Caption1>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
