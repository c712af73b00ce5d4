import { Badge, Body1, Button, Caption1, Field, mergeClasses, Spinner, Textarea } from '@fluentui/react-components';
import type { SelfTestState } from './SelfTest.types';
import type { SelfTestStyles } from './useSelfTestStyles.styles';

const BADGE = { pass: 'success', fail: 'danger', skipped: 'informative' } as const;

export function renderSelfTest(state: SelfTestState, styles: SelfTestStyles) {
  return (
    <section className={styles.root} aria-labelledby="selftest-title">
      <Body1 id="selftest-title" as="h2">
        <b>自检</b>
      </Body1>
      <Caption1>
        检查本工具能否在{state.hostName}中正常工作:在工作簿末尾临时添加“wanmu自检”工作表,逐项试写、读回、拒绝冲突的写入、标记、撤销、定位和函数,完成后删除该表,不改动其他工作表。
      </Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={state.disabled} onClick={state.run}>
          运行自检
        </Button>
        {state.running ? <Spinner size="tiny" label="正在自检…" /> : null}
      </div>
      {state.summary !== null ? (
        <Body1 role="status" className={mergeClasses(state.failed ? styles.failed : styles.passed)}>
          自检结果:{state.summary}
        </Body1>
      ) : null}
      {state.rows.length > 0 ? (
        <ol className={styles.list} aria-label="自检步骤">
          {state.rows.map((r) => (
            <li key={r.id} className={styles.step}>
              <div className={styles.head}>
                <Badge className={styles.badge} appearance="tint" color={BADGE[r.status]}>
                  {r.statusText}
                </Badge>
                <Body1 className={styles.name}>{r.name}</Body1>
                <Caption1 className={styles.ms}>{r.ms} 毫秒</Caption1>
              </div>
              {r.reason ? <Caption1 className={styles.reason}>{r.reason}</Caption1> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {state.advice ? <Body1>{state.advice}</Body1> : null}
      {state.text ? (
        <>
          <div className={styles.actions}>
            <Button onClick={state.copy}>复制报告</Button>
            <Button onClick={state.download}>下载报告</Button>
          </div>
          <Caption1 aria-live="polite">{state.message}</Caption1>
          <Field label="报告全文">
            <Textarea className={styles.report} readOnly resize="vertical" value={state.text} />
          </Field>
        </>
      ) : null}
    </section>
  );
}
