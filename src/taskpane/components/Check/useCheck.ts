import { useCallback, useMemo, useState } from 'react';
import { evaluationIds, tables, type EvaluationId } from '../../../rules';
import { renderFinding, renderUndone, SEVERITY_TEXT, undoneOf, type Finding } from '../../../workbook';
import { type Analysis } from '../../../workbook';
import { a1 } from '../../../workbook';
import { usePane, usePaneStore } from '../../state/context';
import { paneSurface } from '../../surface';
import type { CheckState, FindingGroup, MarksState } from './Check.types';

const ORDER: Readonly<Record<Finding['severity'], number>> = { error: 0, warning: 1, info: 2 };

type At = { evaluation: EvaluationId; indicator: number };

/** Which indicator each input and score cell belongs to (findings about a cell carry no indicator of their own). */
function cellIndicators(analysis: Analysis): Map<string, At> {
  const m = new Map<string, At>();
  for (const t of analysis.tables)
    for (const p of t.platforms)
      for (const r of p.indicators) {
        const at = { evaluation: t.table.evaluation, indicator: r.indicator.number };
        for (const c of [...r.inputs, r.place.ref]) if (c) m.set(`${c.sheet}!${a1(c.row, c.col)}`, at);
      }
  return m;
}

function indicatorOf(f: Finding, cells: Map<string, At>): At | null {
  const facts = f.facts as { evaluation?: unknown; indicator?: unknown };
  const evaluation = evaluationIds.find((e) => e === facts.evaluation);
  if (evaluation && typeof facts.indicator === 'number') return { evaluation, indicator: facts.indicator };
  return cells.get(`${f.sheet}!${f.cell}`) ?? null;
}

/** Findings grouped by indicator and severity, with counts and navigation. */
export function useCheck(): CheckState {
  const { model, workspace, marking, marked, busy } = usePane();
  const store = usePaneStore();
  const [current, setCurrent] = useState<number | null>(null);
  const { groups, flat } = useMemo(() => {
    const findings = model?.findings ?? [];
    const inForce = model?.analysis.inForce ?? tables;
    const cells = model ? cellIndicators(model.analysis) : new Map<string, At>();
    const by = new Map<string, { title: string; severity: Finding['severity']; key: number; list: Finding[] }>();
    for (const f of findings) {
      const at = indicatorOf(f, cells);
      const title = at ? `${inForce[at.evaluation].shortName} · ${at.indicator}. ${inForce[at.evaluation].indicators[at.indicator - 1]?.shortName ?? ''}` : '表格与数据';
      const k = `${f.severity}|${title}`;
      const g = by.get(k);
      if (g) g.list.push(f);
      else by.set(k, { title: `${SEVERITY_TEXT[f.severity]} · ${title}`, severity: f.severity, key: ORDER[f.severity] * 1000 + (at ? at.indicator : 999), list: [f] });
    }
    const sorted = [...by.values()].sort((a, b) => a.key - b.key);
    const flatList: Finding[] = [];
    const out: FindingGroup[] = sorted.map((g) => ({
      title: g.title,
      severity: g.severity,
      items: g.list.map((finding) => {
        flatList.push(finding);
        return { finding, index: flatList.length - 1, text: renderFinding(finding, paneSurface, inForce) };
      }),
    }));
    return { groups: out, flat: flatList };
  }, [model]);
  const counts = useMemo(() => {
    const f = model?.findings ?? [];
    const scores = model?.scores ?? [];
    return {
      errors: f.filter((x) => x.severity === 'error').length,
      warnings: f.filter((x) => x.severity === 'warning').length,
      scored: scores.filter((s) => s.score !== null).length,
      withheld: scores.filter((s) => s.score === null).length,
    };
  }, [model]);
  const undone = useMemo(() => (model ? renderUndone(undoneOf(model)) : ''), [model]);
  const canSelect = Boolean(workspace?.host.capabilities.select);
  const go = useCallback(
    (i: number) => {
      const f = flat[i];
      if (!f) return;
      setCurrent(i);
      if (canSelect) void store.select(f.sheet, f.cell);
    },
    [flat, canSelect, store],
  );
  const marks: MarksState = {
    available: Boolean(workspace?.host.capabilities.marks),
    on: marking,
    present: marked,
    disabled: busy !== null,
    toggle: (on) => void store.setMarking(on),
    clear: () => void store.setMarking(false),
  };
  const total = flat.length;
  const at = current !== null && current < total ? current : null;
  return {
    undone,
    counts,
    groups,
    total,
    current: at,
    currentText: at === null ? null : `${flat[at].sheet}!${flat[at].cell}:${renderFinding(flat[at], paneSurface, model?.analysis.inForce)}`,
    canSelect,
    go,
    next: () => go(at === null ? 0 : (at + 1) % Math.max(1, total)),
    previous: () => go(at === null ? total - 1 : (at - 1 + total) % Math.max(1, total)),
    marks,
  };
}
