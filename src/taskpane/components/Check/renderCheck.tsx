import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Button, Caption1, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, Switch } from '@fluentui/react-components';
import type { CheckState, MarksState } from './Check.types';
import { useCheckStyles } from './useCheckStyles.styles';

/** 在表格中标出问题单元格: a switch, what the marks are, and clearing marks already in the workbook. */
function renderMarks(marks: MarksState, styles: ReturnType<typeof useCheckStyles>) {
  if (!marks.available) return null;
  return (
    <div className={styles.marks}>
      <Switch label="在表格中标出问题单元格" checked={marks.on} disabled={marks.disabled} onChange={(_, data) => marks.toggle(data.checked)} />
      {marks.on ? <Caption1>错误标为浅红色,警告标为浅黄色,每次检查后随之更新。标记是条件格式,不改动单元格的内容和格式。</Caption1> : null}
      {marks.present && !marks.on ? (
        <MessageBar intent="info">
          <MessageBarBody>工作簿中已有万亩千亿评分的标记。</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={marks.disabled} onClick={marks.clear}>
              清除标记
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {marks.present && marks.on ? (
        <Button size="small" disabled={marks.disabled} onClick={marks.clear}>
          清除标记
        </Button>
      ) : null}
    </div>
  );
}

export function renderCheck(state: CheckState, styles: ReturnType<typeof useCheckStyles>) {
  const { counts } = state;
  return (
    <div className={styles.root}>
      <div className={styles.counts} role="group" aria-label="检查结果概览">
        <div className={styles.count}>
          <span className={mergeClasses(styles.number, counts.errors > 0 ? styles.error : undefined)}>{counts.errors}</span>
          <Caption1>错误</Caption1>
        </div>
        <div className={styles.count}>
          <span className={mergeClasses(styles.number, counts.warnings > 0 ? styles.warning : undefined)}>{counts.warnings}</span>
          <Caption1>警告</Caption1>
        </div>
        <div className={styles.count}>
          <span className={styles.number}>{counts.scored}</span>
          <Caption1>已计算得分</Caption1>
        </div>
        <div className={styles.count}>
          <span className={styles.number}>{counts.withheld}</span>
          <Caption1>暂不计分</Caption1>
        </div>
      </div>
      {state.undone ? (
        <Body1 aria-label="未完成的工作">
          <b>未完成:</b>
          {state.undone}(见下方警告)
        </Body1>
      ) : null}
      {renderMarks(state.marks, styles)}
      {state.total === 0 ? (
        <Body1>没有需要处理的问题。</Body1>
      ) : (
        <>
          <div className={styles.nav}>
            <Button size="small" onClick={state.previous}>
              上一个
            </Button>
            <Button size="small" onClick={state.next}>
              下一个
            </Button>
            <Caption1 aria-live="polite">{state.current === null ? `共 ${state.total} 条` : `第 ${state.current + 1} / ${state.total} 条`}</Caption1>
          </div>
          {state.currentText && !state.canSelect ? <Caption1>{state.currentText}</Caption1> : null}
          <Accordion multiple collapsible defaultOpenItems={state.groups.filter((g) => g.severity === 'error').map((g) => g.title)}>
            {state.groups.map((g) => (
              <AccordionItem key={g.title} value={g.title}>
                <AccordionHeader size="small">
                  {g.title}({g.items.length})
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {g.items.map((it) => (
                      <li key={it.index}>
                        <button type="button" className={mergeClasses(styles.item, state.current === it.index ? styles.selected : undefined)} aria-current={state.current === it.index ? 'true' : undefined} onClick={() => state.go(it.index)}>
                          <span className={styles.where}>
                            {it.finding.sheet}!{it.finding.cell}
                          </span>
                          {it.text}
                        </button>
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </>
      )}
    </div>
  );
}
