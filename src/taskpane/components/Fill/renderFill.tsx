import { Body1, Button, Caption1, Checkbox, Field, ProgressBar, Radio, RadioGroup } from '@fluentui/react-components';
import { renderFinding } from '../../../workbook';
import { paneSurface } from '../../surface';
import type { FillState, FillStyle } from './Fill.types';
import type { useFillStyles } from './useFillStyles.styles';

const SHOWN = 20;

export function renderFill(state: FillState, styles: ReturnType<typeof useFillStyles>) {
  const p = state.plan?.preview;
  return (
    <div className={styles.root}>
      <Field label="写入方式">
        <RadioGroup value={state.style} onChange={(_, d) => state.setStyle(d.value as FillStyle)}>
          <Radio value="native" label="普通公式(推荐)" />
          <Radio value="wanmu" label="WANMU 函数" disabled={state.wanmuDisabled} />
          <Radio value="values" label="数值" />
        </RadioGroup>
      </Field>
      {state.wanmuNote ? <Caption1>{state.wanmuNote}</Caption1> : null}
      <Checkbox checked={state.replace} onChange={(_, d) => state.setReplace(d.checked === true)} label="覆盖已有内容" />
      {p ? (
        <section className={styles.preview} aria-label="填写预览">
          <Body1>将写入 {p.cells} 个单元格{p.replaced.length > 0 ? `,其中覆盖 ${p.replaced.length} 个已有内容` : ''}。</Body1>
          {state.where.length > 0 ? <Caption1>写入位置:{state.where.map((w) => `“${w.sheet}” ${w.cells} 个`).join('、')}</Caption1> : null}
          {p.addSheets.length > 0 ? <Caption1>新增工作表:{p.addSheets.join('、')}</Caption1> : null}
          {p.addColumns.length > 0 ? <Caption1>新增列:{p.addColumns.map((c) => `${c.sheet}!${c.column}“${c.header}”`).join('、')}</Caption1> : null}
          {p.replaced.length > 0 ? (
            <ul className={styles.list} aria-label="将被覆盖的单元格">
              {p.replaced.slice(0, SHOWN).map((r) => (
                <li key={`${r.sheet}!${r.cell}`}>
                  {r.sheet}!{r.cell}:“{r.formula ? `=${r.formula}` : r.value}”
                </li>
              ))}
              {p.replaced.length > SHOWN ? <li>……另有 {p.replaced.length - SHOWN} 个</li> : null}
            </ul>
          ) : null}
          {state.planFindings.length > 0 ? (
            <ul className={styles.list} aria-label="填写说明">
              {state.planFindings.slice(0, SHOWN).map((f, i) => (
                <li key={i}>
                  {f.sheet}!{f.cell}:{renderFinding(f, paneSurface, state.inForce)}
                </li>
              ))}
              {state.planFindings.length > SHOWN ? <li>……另有 {state.planFindings.length - SHOWN} 条</li> : null}
            </ul>
          ) : null}
        </section>
      ) : (
        <Body1>请先打开工作簿。</Body1>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!p || p.cells === 0 || state.busy !== null} onClick={state.apply}>
          填写得分
        </Button>
        <Button disabled={!p || state.busy !== null} onClick={state.revert}>
          撤销填写
        </Button>
      </div>
      {state.busy ? <ProgressBar aria-label={state.busy} /> : null}
    </div>
  );
}
