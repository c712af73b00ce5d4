/**
 * What a header can be matched to, from the rules: every input of 附件2/附件3 (its label, the
 * label's variants and, for a one-input indicator, the indicator's names) and every indicator (its
 * names, for score columns and row labels). Each header text is compared once per evaluation
 * (cached); the results are the candidates, best first.
 */
import { matchWords as W, type Edition, type EvaluationId, type FieldKind } from '../../../rules';
import { BoundedCache } from '../../core/version';
import { headerKey } from '../../core/text';
import { afterExamples, keySimilarity, matchKey, spanConflict, withSynonyms } from './similarity';

export interface Label {
  readonly text: string;
  /** headerKey of the text (near-miss words are looked for here). */
  readonly plain: string;
  readonly key: string;
  /** headerKey of the issued label the text stands for (the span it is counted over is read here: 累计 holds for every alias). */
  readonly issued: string;
}

export interface FieldTarget {
  readonly evaluation: EvaluationId;
  readonly indicator: number;
  readonly field: number;
  readonly kind: FieldKind;
  readonly labels: readonly Label[];
}

export interface IndicatorTarget {
  readonly evaluation: EvaluationId;
  readonly indicator: number;
  readonly labels: readonly Label[];
}

export interface Scored<T> {
  readonly target: T;
  readonly score: number;
  /** The label that matched best. */
  readonly label: string;
}

function labels(texts: readonly string[]): Label[] {
  const issued = headerKey(texts[0] ?? '');
  const seen = new Set<string>();
  const out: Label[] = [];
  for (const text of texts) {
    const key = matchKey(text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, plain: headerKey(text), key, issued });
  }
  return out;
}

interface Targets {
  readonly fields: FieldTarget[];
  readonly indicators: IndicatorTarget[];
  /** Header text → its ranked candidates (text only, so cached). */
  readonly rankedFields: BoundedCache<string, Scored<FieldTarget>[]>;
  readonly rankedIndicators: BoundedCache<string, Scored<IndicatorTarget>[]>;
}

/** Each edition's targets, built once. */
const targets = new WeakMap<Edition, Targets>();

function targetsOf(t: Edition): Targets {
  const hit = targets.get(t);
  if (hit) return hit;
  const built = build(t);
  targets.set(t, built);
  return built;
}

function build(t: Edition): Targets {
  const evaluation = t.evaluation;
  const fields: FieldTarget[] = [];
  const indicators: IndicatorTarget[] = [];
  t.indicators.forEach((ind, i) => {
    const names = [ind.name, ind.shortName, ...ind.aliases];
    indicators.push({ evaluation, indicator: i, labels: labels(names) });
    const required = ind.inputs.filter((f) => !f.optional);
    const single = ind.inputs.length === 1 ? ind.inputs[0] : required.length === 1 ? required[0] : undefined;
    ind.inputs.forEach((f, fi) => {
      const texts = [f.label, ...f.aliases, ...(f === single ? names : [])];
      fields.push({ evaluation, indicator: i, field: fi, kind: f.kind, labels: labels(texts) });
    });
  });
  return { fields, indicators, rankedFields: new BoundedCache(4096), rankedIndicators: new BoundedCache(4096) };
}

export function fieldTargets(table: Edition): readonly FieldTarget[] {
  return targetsOf(table).fields;
}

export function indicatorTargets(table: Edition): readonly IndicatorTarget[] {
  return targetsOf(table).indicators;
}

function best(header: string, key: string, target: { labels: readonly Label[] }): { score: number; label: string } {
  let top = { score: 0, label: '' };
  const rest = afterExamples(key);
  for (const l of target.labels) {
    if (W.nearMiss.some((w) => header.includes(w) && !l.plain.includes(w)) || spanConflict(header, l.issued)) continue;
    const s = Math.max(keySimilarity(key, l.key), rest === undefined ? 0 : keySimilarity(rest, l.key));
    if (s > top.score) top = { score: s, label: l.text };
  }
  return top;
}

function rank<T extends { labels: readonly Label[] }>(text: string, targets: readonly T[]): Scored<T>[] {
  const plain = withSynonyms(headerKey(text));
  const key = matchKey(text);
  const out: Scored<T>[] = [];
  for (const target of targets) {
    const b = best(plain, key, target);
    if (b.score > 0) out.push({ target, score: b.score, label: b.label });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The inputs of an edition a header text may name, best first (text only). */
export function rankFields(table: Edition, text: string): readonly Scored<FieldTarget>[] {
  const t = targetsOf(table);
  const hit = t.rankedFields.get(text);
  if (hit) return hit;
  const r = rank(text, t.fields);
  t.rankedFields.set(text, r);
  return r;
}

/** The indicators of an edition a header text or row label may name, best first (text only). */
export function rankIndicators(table: Edition, text: string): readonly Scored<IndicatorTarget>[] {
  const t = targetsOf(table);
  const hit = t.rankedIndicators.get(text);
  if (hit) return hit;
  const r = rank(text, t.indicators);
  t.rankedIndicators.set(text, r);
  return r;
}
