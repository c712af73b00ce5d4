import { Body1, Button, Caption1 } from '@fluentui/react-components';
import { useRef } from 'react';
import { FileInput } from '../FileInput';
import type { RulesState } from './Rules.types';
import type { useRulesStyles } from './useRulesStyles.styles';

export function renderRules(state: RulesState, styles: ReturnType<typeof useRulesStyles>) {
  return <RulesView state={state} styles={styles} />;
}

function RulesView({ state, styles }: { state: RulesState; styles: ReturnType<typeof useRulesStyles> }) {
  const input = useRef<HTMLInputElement>(null);
  const anyLoaded = state.editions.some((e) => e.loaded);
  return (
    <section className={styles.root} aria-labelledby="rules-title">
      <Body1 id="rules-title" as="h2">
        <b>评分规则</b>
      </Body1>
      <Caption1>
        各地调整了分值、基准值或指标时,可导出内置规则(JSON 文件),改好后在此加载;加载的规则保存在工作簿中,审核人员打开同一文件时按同样的规则计分。写法见使用说明 docs/rules.md。
      </Caption1>
      <ul className={styles.list} aria-label="当前评分规则">
        {state.editions.map((e) => (
          <li key={e.evaluation}>
            <Body1>
              {e.evaluation}:{e.edition}
              {e.loaded ? '(加载的规则)' : '(内置)'}
            </Body1>
          </li>
        ))}
      </ul>
      {state.note && <Caption1 className={styles.note}>{state.note}</Caption1>}
      {state.problems.length > 0 && (
        <div role="alert" className={styles.problem}>
          <Body1>评分规则文件不能使用:</Body1>
          <ul className={styles.list}>
            {state.problems.map((p) => (
              <li key={p}>
                <Caption1>{p}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.status && (
        <Caption1 role="status" aria-live="polite">
          {state.status}
        </Caption1>
      )}
      <FileInput ref={input} accept=".json,application/json" label="选择评分规则文件" onFile={state.load} />
      <div className={styles.actions}>
        <Button disabled={state.disabled} onClick={() => input.current?.click()}>
          加载评分规则…
        </Button>
        <Button disabled={state.disabled || !anyLoaded} onClick={state.restore}>
          恢复内置规则
        </Button>
      </div>
      <div className={styles.actions}>
        {state.exportChoices.map((c) => (
          <Button key={c.evaluation} appearance="subtle" onClick={() => state.exportBuiltIn(c.evaluation)}>
            {c.text}
          </Button>
        ))}
      </div>
    </section>
  );
}
