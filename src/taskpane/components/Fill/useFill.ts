import { useMemo, useState } from 'react';
import { useEnvironment, usePane, usePaneStore } from '../../state/context';
import type { FillState, FillStyle } from './Fill.types';

export function useFill(): FillState {
  const { session, version, busy } = usePane();
  const env = useEnvironment();
  const store = usePaneStore();
  const wanmuDisabled = env.mode === 'host' && !env.customFunctions;
  const [style, setStyle] = useState<FillStyle>('native');
  const [replace, setReplace] = useState(false);
  // the plan is recomputed whenever the model changes (version) or an option does
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const plan = useMemo(() => (session ? session.planFill({ style, replace }) : null), [session, version, style, replace]);
  const wanmuNote = wanmuDisabled
    ? env.noFunctionsNote
    : env.mode === 'file'
      ? 'WANMU 函数只在加载了本加载项的 Excel 中计算;在其他电子表格程序中打开会显示 #NAME?。'
      : null;
  const where = useMemo(() => {
    const by = new Map<string, number>();
    if (plan) {
      const hidden = new Set(plan.batch.addSheets.filter((a) => a.state === 'veryHidden').map((a) => a.name));
      for (const c of plan.batch.cells) if (!hidden.has(c.sheet)) by.set(c.sheet, (by.get(c.sheet) ?? 0) + 1);
    }
    return [...by].map(([sheet, cells]) => ({ sheet, cells }));
  }, [plan]);
  return {
    where,
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
    planFindings: plan?.findings ?? [],
    inForce: session?.tables,
  };
}
