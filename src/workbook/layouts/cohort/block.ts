/**
 * A header block: the row naming the fields, with the rows offices put under it — a row of units
 * (亿元, %, 个, 是/否 …), a row of year labels (2021年 | 2022年, 上年 | 本年), a row of weights
 * ((15%), 15分) — and, above the table, a table-wide unit line (金额单位:万元) and a title naming
 * the year (2022年度…). A row of the block is never a data row; the units it states are read
 * exactly like a unit inside a header cell.
 */
import { vocabulary } from '../../../rules';
import { answerUnits, counterUnits, scoreUnits, moneyUnits, tableUnitLabels, UNKNOWN_UNIT_MAX_LENGTH } from '../../../rules/units';
import type { MergeIndex } from '../../read/profile';
import { normalizeText } from '../../core/text';
import { headerUnit } from './units';

export interface HeaderBlock {
  /** The row naming the fields. */
  readonly row: number;
  /** The block's last row: data rows start below it. */
  readonly last: number;
  /** The unit a units row states per column. */
  readonly units: ReadonlyMap<number, string>;
  /** The year a year row names per column. */
  readonly years: ReadonlyMap<number, number>;
  /** The year the table evaluates: its title's, its sheet name's, or the latest year label. */
  readonly year: number | null;
  /** A money unit a line above the table states for every amount (金额单位:万元). */
  readonly tableUnit: string | null;
}

const YEAR = /^(?:19|20)\d{2}(?:年度?)?$/;
const WEIGHT = /^\(?\d+(?:\.\d+)?(?:%|分)\)?$/;

/** Whether a text is a unit on its own (亿元, (万元), %, 个, 是/否, 万元/亩 …). */
export function isUnitToken(text: string): boolean {
  let t = normalizeText(text).replace(/^\((.*)\)$/, '$1');
  for (const l of vocabulary.unitRowLabels) if (t.startsWith(`${l}:`)) t = t.slice(l.length + 1);
  if (t === '') return false;
  // what a header's brackets may state (headerUnit), a yes/no answer, or a unit the rules do not
  // convert (万美元, 千克): short, ending in a measure word
  if (headerUnit(`(${t})`) !== null || answerUnits.includes(t) || scoreUnits.includes(t)) return true;
  return t.length <= UNKNOWN_UNIT_MAX_LENGTH && /^[\u4e00-\u9fff]+$/.test(t) && counterUnits.some((u) => t.endsWith(u));
}

/** The year a label names, relative labels (上年, 本年) against the evaluated year. */
export function yearOf(text: string, evaluated: number | null): number | null {
  const t = normalizeText(text);
  if (YEAR.test(t)) return Number(t.slice(0, 4));
  if (evaluated !== null) {
    if ((vocabulary.yearWords.current as readonly string[]).includes(t)) return evaluated;
    if ((vocabulary.yearWords.previous as readonly string[]).includes(t)) return evaluated - 1;
  }
  return null;
}

function isRelativeYear(text: string): boolean {
  const t = normalizeText(text);
  return (vocabulary.yearWords.current as readonly string[]).includes(t) || (vocabulary.yearWords.previous as readonly string[]).includes(t);
}

type RowKind = 'units' | 'years' | 'weights';

/** What a row under the field labels holds: units, year labels or weights in every cell; else null. */
function blockRowKind(idx: MergeIndex, r: number): { kind: RowKind; cells: Map<number, string> } | null {
  const line = idx.sheet.rows.get(r);
  if (!line) return null;
  const cells = new Map<number, string>();
  const kinds = { units: 0, years: 0, weights: 0 };
  for (const [c] of line) {
    if (idx.isCovered(r, c)) continue;
    const t = idx.text(r, c).trim();
    if (t === '') continue;
    if ((vocabulary.unitRowLabels as readonly string[]).includes(normalizeText(t))) continue;
    if (isUnitToken(t)) kinds.units++;
    else if (YEAR.test(normalizeText(t)) || isRelativeYear(t)) kinds.years++;
    else if (WEIGHT.test(normalizeText(t))) kinds.weights++;
    else return null;
    cells.set(c, t);
  }
  if (cells.size === 0) return null;
  const kind = (Object.entries(kinds) as [RowKind, number][]).sort((a, b) => b[1] - a[1])[0][0];
  return { kind, cells };
}

/** The year in a title line or sheet name: 2022年度…, 2022年…. */
function titleYear(idx: MergeIndex, before: number): number | null {
  const find = (t: string) => {
    const m = /((?:19|20)\d{2})\s*年/.exec(normalizeText(t));
    return m ? Number(m[1]) : null;
  };
  for (let r = 1; r < before; r++) {
    const line = idx.sheet.rows.get(r);
    if (!line) continue;
    for (const [c] of line) {
      const y = find(idx.text(r, c));
      if (y !== null) return y;
    }
  }
  return find(idx.sheet.name);
}

/** 金额单位:万元 (or 单位:万元) in a line above the table. */
function tableUnitAbove(idx: MergeIndex, before: number): string | null {
  for (let r = 1; r < before; r++) {
    const line = idx.sheet.rows.get(r);
    if (!line) continue;
    for (const [c] of line) {
      const t = normalizeText(idx.text(r, c));
      for (const l of tableUnitLabels) {
        if (!t.startsWith(`${l}:`)) continue;
        const u = t.slice(l.length + 1).replace(/[;,。]$/, '');
        if (moneyUnits[u] !== undefined) return u;
      }
    }
  }
  return null;
}

/**
 * The block under a header row: the units, year and weight rows right below it, and every row a
 * header cell of the platform column is merged down over.
 */
export function headerBlock(idx: MergeIndex, row: number, platformCol: number | undefined): HeaderBlock {
  let last = row;
  const units = new Map<number, string>();
  const yearLabels = new Map<number, string>();
  for (let r = row + 1; r <= Math.min(idx.sheet.rowCount, row + vocabulary.headerBlockRows); r++) {
    const k = blockRowKind(idx, r);
    if (!k) break;
    last = r;
    for (const [c, t] of k.cells) {
      if (k.kind === 'units' && isUnitToken(t)) units.set(c, normalizeText(t).replace(/^\((.*)\)$/, '$1'));
      if (k.kind === 'years') yearLabels.set(c, t);
    }
  }
  if (platformCol !== undefined) {
    const m = idx.mergeOf(row, platformCol);
    if (m && m.bottom > last && m.bottom - row <= vocabulary.headerBlockRows) last = m.bottom;
  }
  const named = titleYear(idx, row);
  const years = new Map<number, number>();
  const absolute = [...yearLabels.values()].map((t) => yearOf(t, null)).filter((y): y is number => y !== null);
  const year = named ?? (absolute.length > 0 ? Math.max(...absolute) : null);
  for (const [c, t] of yearLabels) {
    const y = yearOf(t, year);
    if (y !== null) years.set(c, y);
  }
  return { row, last, units, years, year: years.size > 0 ? year : null, tableUnit: tableUnitAbove(idx, row) };
}
