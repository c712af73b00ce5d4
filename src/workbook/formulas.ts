/**
 * Writes score formulas from the rules data: native spreadsheet formulas (readable by a reviewer
 * without the add-in, correct in Excel, WPS and LibreOffice) or WANMU.* calls. Formulas mirror
 * the engine's order of operations so that they evaluate to exactly the engine's scores.
 * No score is computed here: these are texts.
 */
import { normalization, type Indicator, type EvaluationId } from '../rules';
import { a1, absA1, sheetRef } from './address';
import type { CellRef } from './layout';

export type FormulaStyle = 'native' | 'wanmu' | 'values';

/** A number as written in a formula. */
function num(x: number): string {
  return String(x);
}

/** Yes/no cell test accepted by Excel, WPS and LibreOffice. */
function yes(ref: string): string {
  return `OR(${ref}="是",${ref}="√",${ref}=TRUE,${ref}=1)`;
}

export interface FormulaInputs {
  /** refs[f]: the A1 reference of field f (with sheet prefix when needed), or null. */
  readonly refs: readonly (string | null)[];
  /** For 无量纲化: the cohort as one range or a list of cells, e.g. $C$5:$C$24. */
  readonly cohort?: string;
}

/** The native formula of one indicator, without '='; undefined when it cannot be written. */
export function nativeFormula(ind: Indicator, inputs: FormulaInputs): string | undefined {
  const rule = ind.rule;
  const P = num(ind.points);
  const ref = (id: string) => inputs.refs[ind.inputs.findIndex((f) => f.id === id)];
  switch (rule.kind) {
    case 'ratio': {
      const x = ref(rule.input);
      return x ? `MIN(${P},${x}/${num(rule.target)}*${P})` : undefined;
    }
    case 'inverse': {
      const x = ref(rule.input);
      const benchmarkField = ind.inputs.find((f) => f.id === rule.benchmarkInput);
      const fallback = benchmarkField?.defaultValue !== undefined ? num(benchmarkField.defaultValue) : undefined;
      const cellRef = ref(rule.benchmarkInput);
      // a blank benchmark cell means the default (0.59), as in the engine
      const b = cellRef && fallback ? `IF(${cellRef}="",${fallback},${cellRef})` : cellRef ?? fallback;
      return x && b ? `MIN(${P},${b}/${x}*${P})` : undefined;
    }
    case 'points': {
      const terms: string[] = [];
      for (const item of rule.items) {
        const field = ind.inputs.find((f) => f.id === item.input);
        const x = ref(item.input);
        if (!field || !x) continue;
        const term = field.kind === 'yesno' ? `IF(${yes(x)},${num(item.points)},0)` : `${x}*${num(item.points)}`;
        terms.push(item.cap !== undefined ? `MIN(${num(item.cap)},${term})` : term);
      }
      return terms.length > 0 ? `MIN(${P},${terms.join('+')})` : undefined;
    }
    case 'deduction': {
      const x = ref(rule.input);
      return x ? `MAX(0,${P}-${x}*${num(rule.perOccurrence)})` : undefined;
    }
    case 'normalized': {
      const x = ref(rule.input);
      const c = inputs.cohort;
      if (!x || !c) return undefined;
      const lo = `MIN(${c})`;
      const hi = `MAX(${c})`;
      return `IF(${hi}=${lo},${P},((${x}-${lo})/(${hi}-${lo})*${num(normalization.span)}+${num(normalization.floor)})*${P})`;
    }
  }
}

const FUNCTION_OF: Readonly<Record<EvaluationId, string>> = { acceptance: 'WANMU.ACCEPTANCE', annual: 'WANMU.ANNUAL' };

/** The WANMU.* formula of one indicator; undefined when the cohort is not one range. */
export function wanmuFormula(evaluation: EvaluationId, ind: Indicator, inputs: FormulaInputs): string | undefined {
  if (ind.rule.kind === 'normalized') {
    const x = inputs.refs[0];
    if (!x || !inputs.cohort || inputs.cohort.includes(',')) return undefined;
    return `${FUNCTION_OF[evaluation]}(${ind.number},${x},${inputs.cohort})`;
  }
  const refs = inputs.refs.slice();
  while (refs.length > 0 && refs[refs.length - 1] === null) refs.pop();
  if (refs.length === 0) return undefined;
  return `${FUNCTION_OF[evaluation]}(${ind.number},${refs.map((r) => r ?? '').join(',')})`;
}

/** SUM over score cells, listed one by one (in indicator order, as the engine adds them). */
export function sumFormula(refs: readonly string[]): string {
  return `SUM(${refs.join(',')})`;
}

/** A cell reference as written in a formula on sheet `target`. */
export function refText(target: string, ref: CellRef, absolute = false): string {
  const cell = absolute ? absA1(ref.row, ref.col) : a1(ref.row, ref.col);
  return ref.sheet === target ? cell : `${sheetRef(ref.sheet)}!${cell}`;
}

/** The cohort of a 无量纲化 field: one absolute range when the cells line up, else a list. */
export function cohortText(target: string, cells: CellRef[]): string | undefined {
  if (cells.length === 0) return undefined;
  const sheet = cells[0].sheet;
  const sameCol = cells.every((c) => c.col === cells[0].col);
  const sameRow = cells.every((c) => c.row === cells[0].row);
  const prefix = sheet === target ? '' : `${sheetRef(sheet)}!`;
  if (sameCol) {
    const top = cells.reduce((m, c) => Math.min(m, c.row), Infinity);
    const bottom = cells.reduce((m, c) => Math.max(m, c.row), -Infinity);
    return `${prefix}${absA1(top, cells[0].col)}:${absA1(bottom, cells[0].col)}`;
  }
  if (sameRow) {
    const cols = cells.map((c) => c.col).sort((a, b) => a - b);
    const contiguous = cols.every((c, i) => i === 0 || c === cols[i - 1] + 1);
    if (contiguous) return `${prefix}${absA1(cells[0].row, cols[0])}:${absA1(cells[0].row, cols[cols.length - 1])}`;
  }
  return cells.map((c) => refText(target, c, true)).join(',');
}

