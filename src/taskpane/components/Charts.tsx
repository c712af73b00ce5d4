/** 图表 (loaded on demand): each platform's scores by 一级指标, and the cohort ranking by total. */
import { HorizontalBarChartWithAxis, type HorizontalBarChartWithAxisDataPoint } from '@fluentui/react-charts';
import { Body1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { tables } from '../../rules';
import { usePane } from '../state/context';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export default function Charts() {
  const styles = useStyles();
  const { session, version } = usePane();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const data = useMemo(() => (session ? session.chartData() : []), [session, version]);
  const [pick, setPick] = useState(0);
  const [platform, setPlatform] = useState(0);
  if (data.length === 0) return <Body1>没有可绘制的评价表。</Body1>;
  const t = data[Math.min(pick, data.length - 1)];
  const p = t.platforms[Math.min(platform, t.platforms.length - 1)];
  const ranking: HorizontalBarChartWithAxisDataPoint[] = t.platforms
    .filter((x) => x.total !== null)
    .sort((a, b) => (a.total as number) - (b.total as number))
    .map((x) => ({ x: x.total as number, y: x.name, legend: x.name }));
  const groups: HorizontalBarChartWithAxisDataPoint[] = p
    ? p.groups.map((g) => ({ x: g.score ?? 0, y: `${g.name}(${g.weight})`, legend: g.name, xAxisCalloutData: g.score === null ? '暂不计分' : undefined }))
    : [];
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
          {t.platforms.map((x, i) => (
            <option key={i} value={i}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      {p ? (
        <section aria-label={`${p.name} 各一级指标得分`}>
          <Body1 as="h2">{p.name} 各一级指标得分</Body1>
          <HorizontalBarChartWithAxis chartTitle={`${p.name} 各一级指标得分`} data={groups} height={Math.max(160, groups.length * 48)} hideLegend useSingleColor />
        </section>
      ) : null}
      {ranking.length > 0 ? (
        <section aria-label="总分排名">
          <Body1 as="h2">{tables[t.evaluation].shortName}总分排名</Body1>
          <HorizontalBarChartWithAxis chartTitle={`${tables[t.evaluation].shortName}总分排名`} data={ranking} height={Math.max(160, ranking.length * 28)} hideLegend useSingleColor />
        </section>
      ) : (
        <Body1>还没有平台的总分可以排名。</Body1>
      )}
    </div>
  );
}
