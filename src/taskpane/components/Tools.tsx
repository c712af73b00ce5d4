/**
 * 工具: 转为普通公式 (WANMU.* formulas → native formulas or values, recorded for 撤销填写) and
 * 模板 (a blank 附件2/附件3 sheet of the edition in force). Both show what they would write before
 * writing. 评分规则: the editions in force, a revised one loaded (see Rules). 自检: the self-test of
 * the host on a scratch sheet (see SelfTest).
 */
import { Body1, Button, Caption1, Field, makeStyles, Radio, RadioGroup, SpinButton, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { evaluationIds, type EvaluationId } from '../../rules';
import { MAX_TEMPLATE_PLATFORMS, renderEdition } from '../../workbook';
import { usePane, usePaneStore } from '../state/context';
import { Rules } from './Rules/Rules';
import { SelfTest } from './SelfTest/SelfTest';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export function Tools() {
  const styles = useStyles();
  const { session, version, busy } = usePane();
  const store = usePaneStore();
  const [convertTo, setConvertTo] = useState<'native' | 'values'>('native');
  const [evaluation, setEvaluation] = useState<EvaluationId>('annual');
  const [platforms, setPlatforms] = useState(10);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const convert = useMemo(() => (session ? session.planConvert(convertTo) : null), [session, version, convertTo]);
  if (!session || !convert) return <Body1>请先打开工作簿。</Body1>;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="convert-title">
        <Body1 id="convert-title" as="h2">
          <b>转为普通公式</b>
        </Body1>
        <Caption1>把 WANMU 函数换成普通公式或数值,文件在未加载本工具的 Excel、WPS 中也能显示得分。可点击“撤销填写”恢复。</Caption1>
        <RadioGroup value={convertTo} onChange={(_, d) => setConvertTo(d.value === 'values' ? 'values' : 'native')} aria-label="转换为">
          <Radio value="native" label="普通公式" />
          <Radio value="values" label="数值" />
        </RadioGroup>
        <Body1>{convert.preview.cells > 0 ? `将转换 ${convert.preview.cells} 个单元格。` : '工作簿中没有 WANMU 函数。'}</Body1>
        <div>
          <Button disabled={convert.preview.cells === 0 || busy !== null} onClick={() => void store.apply(convert, 'convert')}>
            转为普通公式
          </Button>
        </div>
      </section>
      <section className={styles.section} aria-labelledby="template-title">
        <Body1 id="template-title" as="h2">
          <b>模板</b>
        </Body1>
        <Caption1>插入一张空白的评价表(新工作表),填入数据后即可检查、填写得分。</Caption1>
        <RadioGroup value={evaluation} onChange={(_, d) => setEvaluation(d.value as EvaluationId)} aria-label="评价">
          {evaluationIds.map((id) => (
            <Radio key={id} value={id} label={`${session.tables[id].shortName}(${session.tables[id].attachment},${renderEdition(session.tables[id])})`} />
          ))}
        </RadioGroup>
        <Field label="平台个数">
          <SpinButton min={1} max={MAX_TEMPLATE_PLATFORMS} value={platforms} onChange={(_, d) => setPlatforms(Math.max(1, Math.min(MAX_TEMPLATE_PLATFORMS, Math.round(d.value ?? Number(d.displayValue) ?? 1))))} />
        </Field>
        <div>
          <Button disabled={busy !== null} onClick={() => void store.apply(session.planTemplate(evaluation, platforms), 'template')}>
            插入模板
          </Button>
        </div>
      </section>
      <Rules />
      <SelfTest />
    </div>
  );
}
