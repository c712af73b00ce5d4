/**
 * The WPS task pane: check results (findings), fill preview, fill and 撤销, over the same
 * ScoringController the ribbon uses. Small on purpose: the full pane is the Excel task pane's
 * job, and both will share the controller. What another page did (a ribbon button) shows here
 * through the shared state.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormulaStyle } from '../../workbook/formulas';
import { summaryText, type ActionView, type CheckView, type FindingView, type PreviewView, type ScoringController } from '../controller';
import type { SharedState, SharedStateStore } from '../state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS },
});

const BADGE = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export interface PaneProps {
  readonly controller: ScoringController;
  readonly state: SharedStateStore;
  /** WANMU functions registered in this WPS (null: it cannot register them). */
  readonly functions: readonly string[] | null;
  readonly functionsMinVersion: string;
  /** Moves the selection to a finding's cell (when the host can). */
  readonly select?: (sheet: string, cell: string) => Promise<void>;
  /** How often the pane looks for changes another page (the ribbon) made, in ms. */
  readonly pollMs?: number;
}

function Findings({ findings, more, select }: { findings: readonly FindingView[]; more: number; select?: PaneProps['select'] }) {
  const styles = useStyles();
  if (findings.length === 0) return <Body1>没有发现问题。</Body1>;
  return (
    <ul className={styles.list} aria-label="检查结果">
      {findings.map((f, i) => (
        <li key={i} className={styles.item}>
          <span>
            <Badge appearance="tint" color={BADGE[f.severity]}>
              {f.severityText}
            </Badge>{' '}
            {select ? (
              <Link as="button" onClick={() => void select(f.sheet, f.cell)}>
                {f.sheet}!{f.cell}
              </Link>
            ) : (
              <Caption1>
                {f.sheet}!{f.cell}
              </Caption1>
            )}
          </span>
          <Body1>{f.text}</Body1>
        </li>
      ))}
      {more > 0 && <Caption1>另有 {more} 条未列出</Caption1>}
    </ul>
  );
}

export function PaneApp(props: PaneProps) {
  const { controller, state, functions } = props;
  const styles = useStyles();
  const [shared, setShared] = useState<SharedState>(() => state.read());
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [style, setStyle] = useState<FormulaStyle>('native');
  const [replace, setReplace] = useState(false);
  /** The state revision this pane has shown (its own writes included). */
  const seen = useRef(shared.revision);

  useEffect(() => {
    const timer = setInterval(() => {
      const next = state.read();
      if (next.revision === seen.current) return;
      // another page (the ribbon) changed the state, and maybe the workbook: plan from a fresh read
      seen.current = next.revision;
      controller.invalidate();
      setPreview(null);
      setShared(next);
    }, props.pollMs ?? 1000);
    return () => clearInterval(timer);
  }, [state, controller, props.pollMs]);

  const act = useCallback(
    async (name: string, work: () => Promise<Partial<Omit<SharedState, 'revision'>>>) => {
      setBusy(name);
      try {
        const next = state.update(await work());
        seen.current = next.revision;
        setShared(next);
      } catch (e) {
        const action: ActionView = { kind: 'error', at: new Date().toISOString(), action: name, message: e instanceof Error ? e.message : String(e) };
        const next = state.update({ lastAction: action });
        seen.current = next.revision;
        setShared(next);
      } finally {
        setBusy(null);
      }
    },
    [state],
  );

  const check = () => act('检查', async () => {
    setPreview(null);
    return { lastCheck: await controller.check(), lastAction: null };
  });
  const showPreview = () => act('预览', async () => {
    setPreview(await controller.preview({ style, replace }));
    return {};
  });
  const fill = () => act('填写得分', async () => {
    const action = await controller.fill({ style, replace });
    setPreview(null);
    return { lastAction: action, lastCheck: await controller.model() };
  });
  const revert = () => act('撤销填写', async () => {
    const action = await controller.revert();
    setPreview(null);
    return { lastAction: action, lastCheck: await controller.model() };
  });

  const last: CheckView | null = shared.lastCheck;
  const action = shared.lastAction;
  return (
    <div className={styles.root}>
      <Title3>万亩千亿评分</Title3>
      {functions === null ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            此版本的 WPS 不能添加工作表函数 WANMU.*(需要 WPS {props.functionsMinVersion} 或更高版本,可在“关于 WPS”中查看版本号)。检查、填写和撤销不受影响:请用“普通公式”填写得分,不需要加载项函数。
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Caption1>已添加工作表函数:{functions.join('、')}</Caption1>
      )}
      {shared.storageProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{shared.storageProblem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null} onClick={check}>
          检查
        </Button>
        <Button disabled={busy !== null} onClick={showPreview}>
          预览填写
        </Button>
        <Button disabled={busy !== null} onClick={fill}>
          填写得分
        </Button>
        <Button disabled={busy !== null} onClick={revert}>
          撤销填写
        </Button>
      </div>
      <RadioGroup aria-label="填写方式" layout="horizontal" value={style} onChange={(_, d) => setStyle(d.value as FormulaStyle)}>
        <Radio value="native" label="普通公式" />
        <Radio value="wanmu" label="WANMU 函数" disabled={functions === null} />
        <Radio value="values" label="数值" />
      </RadioGroup>
      <Checkbox checked={replace} onChange={(_, d) => setReplace(d.checked === true)} label="覆盖已有得分(覆盖前的内容记录在工作簿中,可撤销)" />
      <div role="status" aria-live="polite">
        {busy !== null ? <Spinner size="tiny" label={`正在${busy}…`} /> : action ? <Body1>{summaryText(action)}</Body1> : null}
      </div>
      {preview && (
        <section aria-label="填写预览">
          <Subtitle2>填写预览</Subtitle2>
          <Body1>
            将写入 {preview.cells} 个单元格
            {preview.addSheets.length > 0 ? `,新增工作表“${preview.addSheets.join('”“')}”` : ''}
            {preview.addColumns.length > 0 ? `,新增列 ${preview.addColumns.join('、')}` : ''}
            {preview.replaced > 0 ? `,覆盖 ${preview.replaced} 个已有单元格` : ',不覆盖已有内容'}。
          </Body1>
          {preview.findings.length > 0 && <Findings findings={preview.findings} more={0} select={props.select} />}
        </section>
      )}
      {action && action.kind !== 'error' && action.findings.length > 0 && <Findings findings={action.findings} more={0} select={props.select} />}
      {last ? (
        <section aria-label="检查结果汇总">
          <Subtitle2>检查结果</Subtitle2>
          <Body1>{summaryText(last)}</Body1>
          {last.totals.map((t, i) => (
            <Caption1 key={i} as="p">
              {t.platform}:总分 {t.total === null ? '无法计算' : t.total}({t.sheet}!{t.cell})
            </Caption1>
          ))}
          <Findings findings={last.findings} more={last.more} select={props.select} />
        </section>
      ) : (
        <Body1>点击“检查”核对当前工作簿。</Body1>
      )}
    </div>
  );
}
