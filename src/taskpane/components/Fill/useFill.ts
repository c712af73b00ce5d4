import { useMemo, useState } from 'react';
import { renderFinding } from '../../../workbook';
import { useEnvironment, usePane, usePaneStore } from '../../state/context';
import { paneSurface } from '../../surface';
import type { FillState, FillStyle } from './Fill.types';

export function useFill(): FillState {
  const { session, version, busy, last } = usePane();
  const env = useEnvironment();
  const store = usePaneStore();
  const wanmuDisabled = env.mode === 'office' && !env.customFunctions;
  const [style, setStyle] = useState<FillStyle>('native');
  const [replace, setReplace] = useState(false);
  // the plan is recomputed whenever the model changes (version) or an option does
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const plan = useMemo(() => (session ? session.planFill({ style, replace }) : null), [session, version, style, replace]);
  const wanmuNote = wanmuDisabled
    ? '此版本的 Excel 不支持自定义函数(如批量许可版 Office 2019),WANMU 函数会显示 #NAME?;请使用“普通公式”或“数值”填写。'
    : env.mode === 'file'
      ? 'WANMU 函数只在加载了本加载项的 Excel 中计算;在其他电子表格程序中打开会显示 #NAME?。'
      : null;
  const result = useMemo(() => {
    if (!last) return null;
    const lines = last.findings.map((f) => `${f.sheet}!${f.cell}:${renderFinding(f, paneSurface)}`);
    if (last.kind === 'refused') return { title: '未写入', intent: 'error' as const, lines };
    if (last.kind === 'revert') {
      const parts = [last.written > 0 ? `恢复了 ${last.written} 个单元格` : '', last.removedSheets > 0 ? `删除了填写时新增的 ${last.removedSheets} 张工作表` : ''].filter(Boolean);
      return { title: parts.length > 0 ? `已撤销填写:${parts.join(',')}` : '没有可撤销的填写', intent: 'success' as const, lines };
    }
    return { title: `已填写 ${last.written} 个单元格`, intent: 'success' as const, lines };
  }, [last]);
  return {
    style: wanmuDisabled && style === 'wanmu' ? 'native' : style,
    setStyle,
    replace,
    setReplace,
    plan,
    wanmuNote,
    wanmuDisabled,
    busy,
    apply: () => {
      if (plan) void store.apply(plan);
    },
    revert: () => void store.revert(),
    result,
    planFindings: plan?.findings ?? [],
  };
}
