/**
 * 图表 (loaded on demand): each platform's scores by 一级指标, and the ranking of every platform by
 * total — the figures the results table shows (a cell's own figure where it differs from the
 * engine's, both said). Bars are drawn as a list: full names wrap at any width (320 px included),
 * every bar is labelled with its value, a figure that could not be computed has no bar and says
 * why (never a bar of 0), and a platform without a total is listed under the ranking with the reason.
 */
import { Body1, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { tables } from '../../rules';
import { figureOf, renderFigure, renderResultNote, type Figure } from '../../workbook';
import { usePane } from '../state/context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200 },
  track: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  bar: { height: '12px', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  value: { fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  missing: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

interface Bar {
  readonly label: string;
  readonly figure: Figure;
  readonly max: number;
  /** Why there is no figure. */
  readonly why: string;
}

function Bars({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label={title}>
      {bars.map((b, i) => {
        const x = figureOf(b.figure);
        return (
          <li key={i} className={styles.item}>
            <span className={styles.label}>{b.label}</span>
            {x === null ? (
              <span className={styles.missing}>暂不计分{b.why ? `(${b.why})` : ''}</span>
            ) : (
              <span className={styles.track}>
                <span className={styles.bar} style={{ width: `${Math.max(1, Math.min(100, (x / Math.max(b.max, 1e-9)) * 70))}%` }} aria-hidden="true" />
                <span className={styles.value}>{renderFigure(b.figure)}</span>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export default function Charts() {
  const styles = useStyles();
  const { session, version } = usePane();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const data = useMemo(() => (session ? session.results() : []), [session, version]);
  const [pick, setPick] = useState(0);
  const [platform, setPlatform] = useState(0);
  if (data.length === 0) return <Body1>没有可绘制的评价表。</Body1>;
  const t = data[Math.min(pick, data.length - 1)];
  const p = t.rows[Math.min(platform, t.rows.length - 1)];
  const ranked = t.rows.filter((r) => figureOf(r.total) !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.serial - b.serial);
  const unranked = t.rows.filter((r) => figureOf(r.total) === null);
  const top = Math.max(0, ...ranked.map((r) => figureOf(r.total) as number));
  const groupNote = (gi: number) => {
    const names = p ? p.unscored.filter((u) => t.table.indicators[u.indicator - 1].group === gi).map((u) => u.name) : [];
    return names.length > 0 ? `${names.join('、')}无法计分` : '';
  };
  return (
    <div className={styles.root}>
      {data.length > 1 ? (
        <Field label="评价表">
          <Select value={String(pick)} onChange={(_, d) => setPick(Number(d.value))}>
            {data.map((d, i) => (
              <option key={i} value={i}>
                {tables[d.evaluation].shortName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="平台">
        <Select value={String(platform)} onChange={(_, d) => setPlatform(Number(d.value))}>
          {t.rows.map((x, i) => (
            <option key={i} value={i}>
              {x.platform}
            </option>
          ))}
        </Select>
      </Field>
      {p ? (
        <section aria-label={`${p.platform} 各一级指标得分`}>
          <Body1 as="h2">{p.platform} 各一级指标得分</Body1>
          <Bars title={`${p.platform} 各一级指标得分`} bars={t.groups.map((g, gi) => ({ label: `${g.name}(满分 ${g.weight})`, figure: p.groups[gi], max: g.weight, why: groupNote(gi) }))} />
        </section>
      ) : null}
      <section aria-label="总分排名">
        <Body1 as="h2">{t.table.shortName}总分排名</Body1>
        {ranked.length > 0 ? (
          <Bars title={`${t.table.shortName}总分排名`} bars={ranked.map((r) => ({ label: `第 ${r.rank} 名 ${r.platform}`, figure: r.total, max: top, why: '' }))} />
        ) : (
          <Body1>还没有平台的总分可以排名。</Body1>
        )}
        {unranked.length > 0 ? (
          <Caption1>
            未计入排名:{unranked.map((r) => `${r.platform}(${renderResultNote(r)})`).join(';')}
          </Caption1>
        ) : null}
      </section>
    </div>
  );
}
