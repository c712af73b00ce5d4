/**
 * Converting an amount from the unit a header states to the unit a rule uses: a change of money
 * magnitude in the numerator or denominator (万元 → 亿元, 元/亩 → 万元/亩). Pure.
 */
import { moneyUnits } from '../rules/units';

function normalizeUnit(u: string): string {
  return u.normalize('NFKC').replace(/\s+/g, '');
}

function parts(u: string): [string, string] {
  const i = u.indexOf('/');
  return i < 0 ? [u, ''] : [u.slice(0, i), u.slice(i + 1)];
}

function ratio(from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = moneyUnits[from];
  const b = moneyUnits[to];
  return a !== undefined && b !== undefined ? a / b : undefined;
}

/**
 * The factor that turns a value in `from` into `to` (1 when the same), or undefined when the two
 * units are not the same quantity.
 */
export function unitFactor(from: string, to: string): number | undefined {
  const [fn, fd] = parts(normalizeUnit(from));
  const [tn, td] = parts(normalizeUnit(to));
  const num = ratio(fn, tn);
  const den = ratio(fd, td);
  if (num === undefined || den === undefined) return undefined;
  return num / den;
}

/** Whether a unit text names money (or money per something): such units can be converted. */
export function isMoneyUnit(u: string): boolean {
  const [n] = parts(normalizeUnit(u));
  return moneyUnits[n] !== undefined;
}

/**
 * Applies a unit factor so that the spreadsheet formula `x/10000` and the engine agree to the
 * last bit: factors below 1 divide by their (whole) reciprocal.
 */
export function convertUnit(x: number, factor: number): number {
  if (factor === 1) return x;
  return factor < 1 ? x / Math.round(1 / factor) : x * factor;
}
