/**
 * How alike a header and an issued label read, from the text alone (0 … 1): formatting, 序号,
 * years, synonyms and filler words dropped (src/rules/matching.ts), then the ordered overlap of
 * their characters — how much of the header the label explains, and how much of the label the
 * header says. Numbers must agree (50亿 is not 100亿), and a header with a word that makes it
 * something else (上年同期, 计划数) only matches a label that has that word too.
 */
import { matchThresholds as T, matchWords as W } from '../../../rules';
import { headerKey, withoutSerial } from '../../core/text';

const SEPARATORS = /[/、,;:+|"'“”‘’]/g;
const SYNONYMS = W.synonyms.map(([from, to]) => [headerKey(from), headerKey(to)] as const);
const ENDINGS = [...W.fillerEndings].sort((a, b) => b.length - a.length);

/** A header's plain key with people's synonyms replaced (near-miss words are looked for here: 排名前十 is no rank). */
export function withSynonyms(plain: string): string {
  let k = plain;
  for (const [from, to] of SYNONYMS) if (k.includes(from) && !k.includes(to)) k = k.split(from).join(to);
  return k;
}

/** A header or label as compared: formatting, 序号, a leading year, synonyms and fillers dropped. */
export function matchKey(text: string): string {
  const base = withoutSerial(headerKey(text)).replace(SEPARATORS, '');
  let k = base.replace(/^(?:19|20)\d{2}年度?/, '');
  k = withSynonyms(k);
  // 50亿以上 says 50亿元以上
  k = k.replace(/(\d)(亿|万)(?!元)/g, '$1$2元');
  for (let again = true; again; ) {
    again = false;
    for (const b of W.fillerBeginnings)
      if (k.startsWith(b) && k.length > b.length + 1) {
        k = k.slice(b.length);
        again = true;
      }
  }
  for (const f of W.fillers) {
    const next = k.split(f).join('');
    if (next.length >= 2) k = next;
  }
  for (const e of ENDINGS) {
    if (k.endsWith(e) && k.length > e.length + 1) {
      k = k.slice(0, -e.length);
      break;
    }
  }
  return k === '' ? base : k;
}

const QUALIFIERS = new Set(W.valueQualifiers.map((q) => matchKey(q)));

/** A sub-item header that only says "the figure itself" (完成值, 本年实际): read as its parent. */
export function isValueQualifier(text: string): boolean {
  return headerKey(text) !== '' && QUALIFIERS.has(matchKey(text));
}

/** The figures a key states (50亿, 前10强), not a name's digits (5G). */
function numbersIn(k: string): string[] {
  return k.match(/\d+(?:\.\d+)?(?![a-z\d.])/g) ?? [];
}

/**
 * A header that gives examples before what it counts (5G、工业互联网等新型基础设施投资): the part
 * after 等, compared besides the whole.
 */
export function afterExamples(key: string): string | undefined {
  const i = key.lastIndexOf('等');
  const rest = i > 0 ? key.slice(i + 1) : '';
  return Array.from(rest).length >= 3 ? rest : undefined;
}

/** Length of the longest common subsequence of two strings' characters. */
export function lcs(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0 || y.length === 0) return 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  let cur = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

/** Whether the header has a word that makes it something the label is not (上年同期, 计划数). */
export function nearMissOf(header: string, label: string): string | undefined {
  const h = headerKey(header);
  const l = headerKey(label);
  return W.nearMiss.find((w) => h.includes(w) && !l.includes(w));
}

/** Similarity of two match keys (see matchKey). */
export function keySimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const na = numbersIn(a);
  const nb = new Set(numbersIn(b));
  if (na.some((n) => !nb.has(n))) return 0;
  const common = lcs(a, b);
  const ca = common / Array.from(a).length;
  if (ca < T.minHeaderCoverage) return 0;
  const cb = common / Array.from(b).length;
  return T.headerCoverage * ca + (1 - T.headerCoverage) * cb;
}

function spanOf(plain: string): { cumulative: boolean; yearly: boolean } {
  return { cumulative: W.spans.cumulative.some((w) => plain.includes(w)), yearly: W.spans.yearly.some((w) => plain.includes(w)) };
}

/** Whether a header counts over one span and the label over the other only (本年… against 累计…). Both are plain keys. */
export function spanConflict(headerPlain: string, labelPlain: string): boolean {
  const h = spanOf(headerPlain);
  const l = spanOf(labelPlain);
  return (h.cumulative && !h.yearly && l.yearly && !l.cumulative) || (h.yearly && !h.cumulative && l.cumulative && !l.yearly);
}

/** Similarity of a header text and a label text, near-miss words and all. */
export function textSimilarity(header: string, label: string): number {
  if (nearMissOf(header, label) !== undefined || spanConflict(withSynonyms(headerKey(header)), headerKey(label))) return 0;
  return keySimilarity(matchKey(header), matchKey(label));
}
