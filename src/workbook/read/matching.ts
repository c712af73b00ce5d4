/**
 * Header vocabulary built from the rules: which indicator, input field, score or layout column a
 * header text names. Formatting is ignored (see text.ts); content must match a known label.
 */
import { evaluationIds, vocabulary, type EvaluationId, type Tables } from '../../rules';
import { headerKey, withoutSerial } from '../core/text';

export interface FieldRef {
  readonly evaluation: EvaluationId;
  /** 0-based indicator index */
  readonly indicator: number;
  readonly field: number;
}

export interface IndicatorRef {
  readonly evaluation: EvaluationId;
  readonly indicator: number;
}

/** The natural variants of a label: without "number of" endings or a yes/no question prefix. */
function variants(text: string): string[] {
  const full = headerKey(text);
  const k = withoutSerial(full);
  const out = new Set([full, k]);
  const bases = [k];
  for (const p of vocabulary.questionPrefixes) if (k.startsWith(p) && k.length > p.length + 1) bases.push(k.slice(p.length));
  for (const b of bases) {
    out.add(b);
    for (const suffix of vocabulary.countSuffixes) {
      if (b.endsWith(suffix) && b.length > suffix.length + 1) out.add(b.slice(0, -suffix.length));
    }
  }
  return [...out];
}

function push<T>(map: Map<string, T[]>, key: string, v: T): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

interface LabelIndex {
  readonly fields: Map<string, FieldRef[]>;
  readonly indicators: Map<string, IndicatorRef[]>;
  readonly groups: Map<string, { evaluation: EvaluationId; group: number }[]>;
}

/** Each set of tables in force is indexed once (the built-in set at the first check; a loaded edition's set when loaded). */
const indexes = new WeakMap<Tables, LabelIndex>();

function indexOf(tables: Tables): LabelIndex {
  const hit = indexes.get(tables);
  if (hit) return hit;
  const index: LabelIndex = { fields: new Map(), indicators: new Map(), groups: new Map() };
  for (const evaluation of evaluationIds) {
    const t = tables[evaluation];
    t.indicators.forEach((ind, i) => {
      for (const name of [ind.name, ind.shortName, ...ind.aliases]) {
        for (const k of variants(name)) push(index.indicators, k, { evaluation, indicator: i });
      }
      ind.inputs.forEach((f, fi) => {
        for (const label of [f.label, ...f.aliases]) for (const k of variants(label)) push(index.fields, k, { evaluation, indicator: i, field: fi });
      });
    });
    t.groups.forEach((g, gi) => {
      for (const k of [headerKey(g.name), headerKey(g.text)]) push(index.groups, k, { evaluation, group: gi });
    });
  }
  indexes.set(tables, index);
  return index;
}

function dedupe<T>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Fields a header may name, in any evaluation. A single-input indicator's name names its field. */
export function fieldCandidates(tables: Tables, text: string): FieldRef[] {
  const index = indexOf(tables);
  const out: FieldRef[] = [];
  for (const k of variants(text)) {
    out.push(...(index.fields.get(k) ?? []));
    for (const ind of index.indicators.get(k) ?? []) {
      const inputs = tables[ind.evaluation].indicators[ind.indicator].inputs;
      const required = inputs.filter((f) => !f.optional);
      if (inputs.length === 1 || required.length === 1) out.push({ ...ind, field: inputs.indexOf(required[0] ?? inputs[0]) });
    }
  }
  return dedupe(out);
}

export function indicatorCandidates(tables: Tables, text: string): IndicatorRef[] {
  const index = indexOf(tables);
  const out: IndicatorRef[] = [];
  for (const k of variants(text)) out.push(...(index.indicators.get(k) ?? []));
  return dedupe(out);
}

export function groupCandidates(tables: Tables, text: string): { evaluation: EvaluationId; group: number }[] {
  return indexOf(tables).groups.get(headerKey(text)) ?? [];
}

function inList(text: string, list: readonly string[]): boolean {
  const k = headerKey(text);
  return k !== '' && list.some((w) => headerKey(w) === k);
}

export type LayoutColumn = keyof typeof vocabulary.columns;

export function layoutColumn(text: string): LayoutColumn | undefined {
  for (const [role, words] of Object.entries(vocabulary.columns) as [LayoutColumn, readonly string[]][]) {
    if (inList(text, words)) return role;
  }
  return undefined;
}

export const isValueHeader = (t: string) => inList(t, vocabulary.valueColumns);
export const isNoteHeader = (t: string) => inList(t, vocabulary.noteColumns);
export const isRankHeader = (t: string) => inList(t, vocabulary.rankColumns);
export const isSerialHeader = (t: string) => inList(t, vocabulary.columns.number);
/** A sheet name or title that says the sheet holds scores (评分, 得分 …). */
export const namesScores = (t: string) => {
  const k = headerKey(t);
  return vocabulary.scoreSheetWords.some((w) => k.includes(w));
};
export const isScoreHeader = (t: string) => inList(t, vocabulary.scoreColumns);
export const isPlatformHeader = (t: string) => inList(t, vocabulary.platformColumns);
export const isTotalLabel = (t: string) => inList(t, vocabulary.total);
export const isSubtotalLabel = (t: string) => inList(t, vocabulary.subtotal);

/** "工业总产值得分" → "工业总产值"; undefined when the text has no score suffix. */
export function stripScoreSuffix(text: string): string | undefined {
  const k = headerKey(text);
  for (const s of vocabulary.scoreSuffixes) {
    if (k.endsWith(s) && k.length > s.length) return k.slice(0, -s.length);
  }
  return undefined;
}

/** "其中:50亿元以上项目" → "50亿元以上项目"; undefined when not a component label. */
export function stripComponentPrefix(text: string): string | undefined {
  const k = headerKey(text);
  for (const p of vocabulary.componentPrefixes) {
    const pk = headerKey(p);
    if (k.startsWith(pk) && k.length > pk.length) return k.slice(pk.length).replace(/^[:]/, '');
  }
  return undefined;
}

/** Which evaluation a title names (its edition's title words: 验收, 年度), if any. */
export function evaluationInTitle(tables: Tables, text: string): EvaluationId | undefined {
  const k = headerKey(text);
  for (const id of evaluationIds) if (tables[id].titleWords.some((w) => k.includes(w))) return id;
  return undefined;
}

/** A tally of votes for each evaluation, all at 0. */
export function noVotes(): Map<EvaluationId, number> {
  return new Map(evaluationIds.map((e) => [e, 0]));
}

/** The evaluation with the most votes, or undefined when the most are shared (or none). */
export function mostVoted(votes: ReadonlyMap<EvaluationId, number>): EvaluationId | undefined {
  let best: EvaluationId | undefined;
  let top = -Infinity;
  let shared = false;
  for (const [e, n] of votes) {
    if (n > top) [best, top, shared] = [e, n, false];
    else if (n === top) shared = true;
  }
  return shared ? undefined : best;
}
