/**
 * The task pane. For now it reports whether it runs inside Office and lists the worksheet
 * functions; workbook checking and filling come with the workbook layer.
 */
import { Body1, Caption1, Card, CardHeader, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import type { HostStatus } from './officeReady';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
});

export interface AppProps {
  readonly status: HostStatus | null;
}

const FUNCTIONS: ReadonlyArray<readonly [string, string]> = [
  ['=WANMU.ACCEPTANCE(序号, 输入1, …)', '验收评价(附件2)指标得分'],
  ['=WANMU.ANNUAL(序号, 输入1, …)', '年度评价(附件3)指标得分'],
  ['=WANMU.NORMALIZE(x, 培育名单, 分值)', '无量纲化得分(附件4)'],
  ['=WANMU.EXPLAIN("验收", 序号, 输入1, …)', '得分的计算过程'],
];

export function App({ status }: AppProps) {
  const styles = useStyles();
  const statusText =
    status === null ? '正在连接 Office…' : status.kind === 'office' ? `已连接:${status.host}` : '未在 Office 中运行(未加载 office.js),仅可查看说明';
  return (
    <div className={styles.root}>
      <Title3>万亩千亿评分助手</Title3>
      <Caption1 role="status">{statusText}</Caption1>
      {FUNCTIONS.map(([sig, desc]) => (
        <Card key={sig}>
          <CardHeader header={<Text className={styles.code}>{sig}</Text>} description={<Body1>{desc}</Body1>} />
        </Card>
      ))}
    </div>
  );
}
