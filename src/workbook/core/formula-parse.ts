/**
 * Just enough formula reading for review: the outermost function call and its arguments (split
 * at top-level commas, strings and nested calls respected), and rounding wrappers.
 */

export interface Call {
  readonly name: string;
  readonly args: readonly string[];
}

/**
 * A bounded memo for parses of formula text: a re-check after an edit reviews the same formulas
 * again. Emptied when full (parses are cheap; the memo only spares repeating them).
 */
export function memoize<T>(parse: (formula: string) => T, size = 60_000): (formula: string) => T {
  const memo = new Map<string, T>();
  return (formula) => {
    const hit = memo.get(formula);
    if (hit !== undefined || memo.has(formula)) return hit as T;
    const out = parse(formula);
    if (memo.size >= size) memo.clear();
    memo.set(formula, out);
    return out;
  };
}

/** The formula as one top-level call NAME(args…), or undefined. */
export const topCall: (formula: string) => Call | undefined = memoize(parseTopCall);

function parseTopCall(formula: string): Call | undefined {
  const f = formula.trim().replace(/^=/, '').replace(/^_xlfn\./i, '').replace(/^_xludf\./i, '');
  const m = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(f);
  if (!m) return undefined;
  const args: string[] = [];
  let depth = 0;
  let inString = false;
  let start = m[0].length;
  for (let i = m[0].length; i < f.length; i++) {
    const ch = f[i];
    if (inString) {
      if (ch === '"') {
        if (f[i + 1] === '"') i++;
        else inString = false;
      }
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      if (depth === 0) {
        if (ch !== ')' || f.slice(i + 1).trim() !== '') return undefined;
        args.push(f.slice(start, i).trim());
        return { name: m[1].toUpperCase(), args: args.length === 1 && args[0] === '' ? [] : args };
      }
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(f.slice(start, i).trim());
      start = i + 1;
    }
  }
  return undefined;
}

export type Rounding = { readonly kind: 'round' | 'up' | 'down'; readonly digits: number };

/** ROUND(x, n), ROUNDUP(x, n), ROUNDDOWN(x, n) around the whole formula. */
export function outerRounding(formula: string): Rounding | undefined {
  const c = topCall(formula);
  if (!c || c.args.length !== 2) return undefined;
  const digits = Number(c.args[1]);
  if (!Number.isInteger(digits)) return undefined;
  if (c.name === 'ROUND') return { kind: 'round', digits };
  if (c.name === 'ROUNDUP') return { kind: 'up', digits };
  if (c.name === 'ROUNDDOWN') return { kind: 'down', digits };
  return undefined;
}

/** Decimals a number format shows (0.00 → 2, 0 → 0), or undefined for General and text formats. */
export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt || numFmt === 'General' || numFmt === '@') return undefined;
  const first = numFmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(first)) return undefined;
  const dot = /\.([0#?]+)/.exec(first);
  return dot ? dot[1].length : 0;
}

/** Rounds as spreadsheets do (half away from zero, on the decimal value shown). */
export function roundAs(x: number, r: Rounding): number {
  const p = Math.pow(10, r.digits);
  const scaled = Math.abs(x) * p;
  // a tiny nudge so that 2.675 (stored as 2.67499999…) rounds as the decimal number it shows
  const nudged = Number(scaled.toPrecision(15));
  const v = r.kind === 'round' ? Math.round(nudged) : r.kind === 'up' ? Math.ceil(nudged) : Math.floor(nudged);
  return (Math.sign(x) * v) / p;
}

/** Decimals typed in a constant (9.87 → 2). */
export function typedDecimals(x: number): number {
  const s = String(x);
  if (/e/i.test(s)) return 15;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
