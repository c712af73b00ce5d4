/** The outcome of the last write (fill, conversion, template, 待补数据 sheet, revert), in the pane's words. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { renderFinding } from '../../workbook';
import { usePane } from '../state/context';
import type { LastAction } from '../state/store';
import { paneSurface } from '../surface';

const SHOWN = 20;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

export function resultTitle(last: LastAction): string {
  switch (last.kind) {
    case 'refused':
      return '未写入';
    case 'revert': {
      const parts = [last.written > 0 ? `恢复了 ${last.written} 个单元格` : '', last.removedSheets > 0 ? `删除了填写时新增的 ${last.removedSheets} 张工作表` : ''].filter(Boolean);
      return parts.length > 0 ? `已撤销填写:${parts.join(',')}` : '没有可撤销的填写';
    }
    case 'fill':
      return `已填写 ${last.written} 个单元格`;
    case 'convert':
      return last.written > 0 ? `已转换 ${last.written} 个单元格` : '没有需要转换的 WANMU 函数';
    case 'template':
      return '已插入空白模板';
    case 'missingSheet':
      return '已导出“待补数据”工作表';
    case 'resultsSheet':
      return '已把结果写入新工作表(可用“撤销填写”删除)';
  }
}

export function ResultBar() {
  const styles = useStyles();
  const { last, model } = usePane();
  const inForce = model?.analysis.inForce;
  const lines = useMemo(() => (last ? last.findings.map((f) => `${f.sheet}!${f.cell}:${renderFinding(f, paneSurface, inForce)}`) : []), [last, inForce]);
  // after an action the keyboard focus moves to its outcome (announced: the bar is a live region), not to the page body
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (last) bar.current?.focus();
  }, [last]);
  if (!last) return null;
  return (
    <MessageBar ref={bar} tabIndex={-1} role="status" aria-live="polite" intent={last.kind === 'refused' ? 'error' : 'success'}>
      <MessageBarBody>
        <MessageBarTitle>{resultTitle(last)}</MessageBarTitle>
        {lines.length > 0 ? (
          <ul className={styles.list}>
            {lines.slice(0, SHOWN).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
            {lines.length > SHOWN ? <li>……另有 {lines.length - SHOWN} 条</li> : null}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
