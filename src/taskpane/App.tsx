/**
 * The task pane: 检查, 填写, 解释, 识别结果, 结果, 待补数据, 图表, 转换与模板 — over one workbook session, in Excel
 * (Office.js host) or on a file opened in the browser (file mode). Components get the session
 * through SessionContext; none of them calls Office.js.
 */
import { Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, Title3, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { Check } from './components/Check/Check';
import { Explain } from './components/Explain';
import { FileBar } from './components/FileBar';
import { Fill } from './components/Fill/Fill';
import { Missing } from './components/Missing';
import { Recognition } from './components/Recognition';
import { ResultBar } from './components/ResultBar';
import { Results } from './components/Results/Results';
import { useEnvironment, usePane } from './state/context';

const Charts = lazy(() => import(/* webpackChunkName: "charts" */ './components/Charts'));
// 转换与模板 (conversion, templates, 评分规则, 自检) is opened seldom: loaded when its tab is
const Tools = lazy(() => import(/* webpackChunkName: "tools" */ './components/Tools').then((m) => ({ default: m.Tools })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  tabs: { flexWrap: 'wrap' },
  panel: { minWidth: 0 },
});

const TABS = [
  ['check', '检查'],
  ['fill', '填写'],
  ['explain', '解释'],
  ['roles', '识别结果'],
  ['results', '结果'],
  ['missing', '待补数据'],
  ['charts', '图表'],
  ['tools', '转换与模板'],
] as const;
type TabId = (typeof TABS)[number][0];

export interface AppProps {
  /** Shown under the title: where the pane runs. */
  readonly statusText: string;
}

export function App({ statusText }: AppProps) {
  const styles = useStyles();
  const env = useEnvironment();
  const { busy, error, model } = usePane();
  const [tab, setTab] = useState<TabId>('check');
  return (
    <main className={styles.root}>
      <Title3 as="h1">万亩千亿评分助手</Title3>
      <Caption1 role="status">{statusText}</Caption1>
      {env.mode === 'file' ? <FileBar /> : null}
      {busy ? <Spinner size="tiny" label={`${busy}…`} /> : null}
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {model ? (
        <>
          <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label="功能">
            {TABS.map(([id, text]) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {text}
              </Tab>
            ))}
          </TabList>
          <ResultBar />
          <div className={styles.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'check' ? <Check /> : null}
            {tab === 'fill' ? <Fill /> : null}
            {tab === 'explain' ? <Explain /> : null}
            {tab === 'roles' ? <Recognition /> : null}
            {tab === 'results' ? <Results /> : null}
            {tab === 'missing' ? <Missing /> : null}
            {tab === 'tools' ? (
              <Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>
                <Tools />
              </Suspense>
            ) : null}
            {tab === 'charts' ? (
              <Suspense fallback={<Spinner size="tiny" label="正在加载图表…" />}>
                <Charts />
              </Suspense>
            ) : null}
          </div>
        </>
      ) : null}
    </main>
  );
}
