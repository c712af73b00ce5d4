import { Badge, Button, Caption1, Field, Input } from '@fluentui/react-components';
import type { PlatformNameState } from './PlatformName.types';
import type { usePlatformNameStyles } from './usePlatformNameStyles.styles';

export function renderPlatformName(state: PlatformNameState, styles: ReturnType<typeof usePlatformNameStyles>) {
  const message = state.problem ?? state.warning;
  return (
    <div className={styles.root}>
      <Field
        label={{ children: '平台名称', htmlFor: state.id }}
        hint="按回车或离开输入框后生效,随列的含义一起保存在工作簿中"
        validationState={state.problem ? 'error' : state.warning ? 'warning' : 'none'}
        validationMessage={message ?? undefined}
      >
        <Input
          id={state.id}
          size="small"
          value={state.value}
          disabled={state.disabled}
          onChange={(_, data) => state.change(data.value)}
          onBlur={state.commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') state.commit();
            else if (e.key === 'Escape') state.cancel();
          }}
        />
      </Field>
      <div className={styles.actions}>
        {state.recognized !== null ? <Badge appearance="tint">用户指定</Badge> : null}
        <Caption1 className={styles.source}>依据:{state.sourceText}</Caption1>
      </div>
      {state.recognized !== null ? (
        <div className={styles.actions}>
          <Button size="small" appearance="subtle" disabled={state.disabled} onClick={state.restore}>
            恢复识别的名称“{state.recognized}”
          </Button>
        </div>
      ) : null}
    </div>
  );
}
