/**
 * How an edition differs from another of the same evaluation (a loaded edition from the built-in
 * one it revises): as data, for every surface to list ("与 2020 年版相比,第 2 项分值 5→6,
 * 基准 80%→70%"). The sentences are the surfaces' catalogues'.
 */
import type { Edition, Indicator, ScoringRule } from './schema';

export type EditionDifference =
  /** 分值 of indicator `number`. */
  | { readonly kind: 'points'; readonly number: number; readonly from: number; readonly to: number }
  /** A number of the rule: a ratio's target, a points item's points or cap, a deduction, a default (a benchmark such as 0.59). */
  | { readonly kind: 'parameter'; readonly number: number; readonly what: 'target' | 'itemPoints' | 'cap' | 'perOccurrence' | 'default'; readonly label: string; readonly share: boolean; readonly from: number | null; readonly to: number | null }
  /** Another indicator in the same place (its name differs). */
  | { readonly kind: 'replaced'; readonly number: number; readonly from: string; readonly to: string }
  /** The same indicator scored another way (another kind of rule, other inputs). */
  | { readonly kind: 'rule'; readonly number: number; readonly name: string }
  /** 评分标准 worded otherwise. */
  | { readonly kind: 'standard'; readonly number: number; readonly name: string }
  | { readonly kind: 'added'; readonly number: number; readonly name: string }
  | { readonly kind: 'removed'; readonly number: number; readonly name: string }
  /** A 一级指标's weight, or its name. */
  | { readonly kind: 'group'; readonly group: number; readonly name: string; readonly from: number; readonly to: number }
  /** 附件4's constants. */
  | { readonly kind: 'normalization'; readonly from: { readonly span: number; readonly floor: number }; readonly to: { readonly span: number; readonly floor: number } };

function inputShape(ind: Indicator): string {
  return ind.inputs.map((f) => `${f.id}:${f.kind}`).join(',');
}

function ruleNumbers(ind: Indicator): Map<string, { what: Extract<EditionDifference, { kind: 'parameter' }>['what']; label: string; share: boolean; value: number | null }> {
  const out = new Map<string, { what: Extract<EditionDifference, { kind: 'parameter' }>['what']; label: string; share: boolean; value: number | null }>();
  const r: ScoringRule = ind.rule;
  const field = (id: string) => ind.inputs.find((f) => f.id === id);
  if (r.kind === 'ratio') out.set('target', { what: 'target', label: field(r.input)?.label ?? r.input, share: field(r.input)?.kind === 'share', value: r.target });
  if (r.kind === 'deduction') out.set('per', { what: 'perOccurrence', label: field(r.input)?.label ?? r.input, share: false, value: r.perOccurrence });
  if (r.kind === 'points') {
    for (const item of r.items) {
      const label = field(item.input)?.label ?? item.input;
      out.set(`points:${item.input}`, { what: 'itemPoints', label, share: false, value: item.points });
      out.set(`cap:${item.input}`, { what: 'cap', label, share: false, value: item.cap ?? null });
    }
  }
  for (const f of ind.inputs) if (f.kind === 'amount' && f.defaultValue !== undefined) out.set(`default:${f.id}`, { what: 'default', label: f.label, share: false, value: f.defaultValue });
  return out;
}

/** What changed from `base` to `edition`, indicator by indicator, then the groups and 附件4. */
export function compareEditions(base: Edition, edition: Edition): EditionDifference[] {
  const out: EditionDifference[] = [];
  const n = Math.max(base.indicators.length, edition.indicators.length);
  for (let i = 0; i < n; i++) {
    const a = base.indicators[i];
    const b = edition.indicators[i];
    if (!a && b) {
      out.push({ kind: 'added', number: b.number, name: b.shortName });
      continue;
    }
    if (a && !b) {
      out.push({ kind: 'removed', number: a.number, name: a.shortName });
      continue;
    }
    if (!a || !b) continue;
    if (a.name !== b.name) {
      out.push({ kind: 'replaced', number: b.number, from: a.shortName, to: b.shortName });
      continue;
    }
    if (a.points !== b.points) out.push({ kind: 'points', number: b.number, from: a.points, to: b.points });
    if (a.rule.kind !== b.rule.kind || inputShape(a) !== inputShape(b)) {
      out.push({ kind: 'rule', number: b.number, name: b.shortName });
      continue;
    }
    const before = ruleNumbers(a);
    for (const [key, now] of ruleNumbers(b)) {
      const was = before.get(key);
      if (was && was.value !== now.value) out.push({ kind: 'parameter', number: b.number, what: now.what, label: now.label, share: now.share, from: was.value, to: now.value });
    }
    if (a.standard !== b.standard) out.push({ kind: 'standard', number: b.number, name: b.shortName });
  }
  edition.groups.forEach((g, gi) => {
    const was = base.groups[gi];
    if (was && (was.weight !== g.weight || was.name !== g.name)) out.push({ kind: 'group', group: gi, name: g.name, from: was.weight, to: g.weight });
  });
  const [x, y] = [base.normalization, edition.normalization];
  if (x.span !== y.span || x.floor !== y.floor) out.push({ kind: 'normalization', from: { span: x.span, floor: x.floor }, to: { span: y.span, floor: y.floor } });
  return out;
}
