/** References inside a formula text (A1 style), enough to review score formulas. */
import { colNumber } from './address';
import { memoize } from './formula-parse';

export interface FormulaRef {
  /** Sheet named in the reference, or null for the formula's own sheet. */
  readonly sheet: string | null;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly absoluteRows: boolean;
  readonly text: string;
}

const REF_RE =
  /(?<![A-Za-z0-9_$.\u4e00-\u9fff])(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*))!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(])/g;

/** The references of a formula, in order (memoized: callers must not change the list). */
export const formulaRefs: (formula: string) => readonly FormulaRef[] = memoize(parseRefs);

export function parseRefs(formula: string): FormulaRef[] {
  const noStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: FormulaRef[] = [];
  for (const m of noStrings.matchAll(REF_RE)) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] ?? null;
    const c1 = colNumber(m[4]);
    const r1 = Number(m[6]);
    const c2 = m[8] !== undefined ? colNumber(m[8]) : c1;
    const r2 = m[10] !== undefined ? Number(m[10]) : r1;
    out.push({
      sheet,
      top: Math.min(r1, r2),
      bottom: Math.max(r1, r2),
      left: Math.min(c1, c2),
      right: Math.max(c1, c2),
      absoluteRows: m[5] === '$' && (m[10] === undefined || m[9] === '$'),
      text: m[0],
    });
  }
  return out;
}
