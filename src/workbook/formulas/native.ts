/**
 * Writes score formulas from the rules data: native spreadsheet formulas (readable by a reviewer
 * without the add-in, correct in Excel, WPS and LibreOffice) or WANMU.* calls. Formulas mirror
 * the engine's order of operations so that they evaluate to exactly the engine's scores.
 * No score is computed here: these are texts.
 */
import { tables, vocabulary, type EvaluationTable, type Indicator } from '../../rules';
import { a1, absA1, sheetRef } from '../core/address';
import { type CellRef } from '../core/address';

export type FormulaStyle = 'native' | 'wanmu' | 'values';

/** A number as written in a formula. */
function num(x: number): string {
  return String(x);
}

/**
 * Yes/no cell test, the same in Excel, WPS and LibreOffice: `x&""` turns TRUE into "TRUE" and 1 into
 * "1", LOWER reads Y and Yes, TRIM drops spaces around; so one lookup reads every yes answer of the
 * vocabulary as the engine does (spellings it cannot read the same — full-width forms, spaces
 * inside — are written as values instead: see nativeReads).
 */
const YES_CONSTANT = `{${vocabulary.answers.yes.map((w) => `"${w}"`).join(',')}}`;

function yes(ref: string): string {
  return `ISNUMBER(MATCH(LOWER(TRIM(${ref}&"")),${YES_CONSTANT},0))`;
}

/** An input reference in the rule's unit: x/10000 for 万元 → 亿元. */
export function scaled(ref: string, factor: number): string {
  if (factor === 1) return ref;
  return factor < 1 ? `${ref}/${Math.round(1 / factor)}` : `${ref}*${factor}`;
}

export interface FormulaInputs {
  /** refs[f]: the A1 reference of field f (with sheet prefix when needed), or null. */
  readonly refs: readonly (string | null)[];
  /** Unit factor per field (1 or absent: as is). */
  readonly factors?: readonly number[];
  /** For 无量纲化: the cohort as one range or a list of cells, e.g. $C$5:$C$24. */
  readonly cohort?: string;
  /** For 无量纲化: cells holding the cohort's MIN and MAX (helper rows), used instead of scanning. */
  readonly bounds?: { readonly min: string; readonly max: string };
}

/** The native formula of one indicator, without '='; undefined when it cannot be written. */
/** The native formula of one indicator by its edition (`table`): it scores as the engine does. */
export function nativeFormula(table: EvaluationTable, ind: Indicator, inputs: FormulaInputs): string | undefined {
  const rule = ind.rule;
  const P = num(ind.points);
  const ref = (id: string) => {
    const i = ind.inputs.findIndex((f) => f.id === id);
    const r = inputs.refs[i];
    return r ? scaled(r, inputs.factors?.[i] ?? 1) : r;
  };
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
      const factor = inputs.factors?.[ind.inputs.findIndex((f) => f.id === rule.input)] ?? 1;
      const c = inputs.cohort;
      if (!x || (!c && !inputs.bounds)) return undefined;
      const lo = scaled(inputs.bounds ? inputs.bounds.min : `MIN(${c})`, factor);
      const hi = scaled(inputs.bounds ? inputs.bounds.max : `MAX(${c})`, factor);
      return `IF(${hi}=${lo},${P},((${x}-${lo})/(${hi}-${lo})*${num(table.normalization.span)}+${num(table.normalization.floor)})*${P})`;
    }
  }
}

/** Whether the worksheet function of an edition scores by it (the functions carry the built-in editions only). */
export function functionScoresBy(table: EvaluationTable): boolean {
  return tables[table.evaluation] === table;
}

/** The WANMU.* formula of one indicator; undefined when the cohort is not one range. */
export function wanmuFormula(table: EvaluationTable, ind: Indicator, inputs: FormulaInputs): string | undefined {
  // the functions read the rule's units: a converted column needs the native formula
  if (inputs.factors?.some((f) => f !== 1)) return undefined;
  // an edition the functions do not carry (one loaded at run time) is written as native formulas
  if (!functionScoresBy(table)) return undefined;
  if (ind.rule.kind === 'normalized') {
    const x = inputs.refs[0];
    if (!x || !inputs.cohort || inputs.cohort.includes(',')) return undefined;
    return `${table.functionName}(${ind.number},${x},${inputs.cohort})`;
  }
  const refs = inputs.refs.slice();
  while (refs.length > 0 && refs[refs.length - 1] === null) refs.pop();
  if (refs.length === 0) return undefined;
  return `${table.functionName}(${ind.number},${refs.map((r) => r ?? '').join(',')})`;
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

/**
 * The cohort of a 无量纲化 field: absolute ranges over runs of its cells; a row between two cohort
 * cells joins the run only when `empty` says its cell holds nothing (a row of data that is not a
 * platform, such as a row without a name, is left out of every range).
 */
export function cohortText(target: string, cells: readonly CellRef[], empty: (ref: CellRef) => boolean = () => false): string | undefined {
  if (cells.length === 0) return undefined;
  // a 培育名单 in batches over several sheets: each sheet's part in turn
  const bySheet = new Map<string, CellRef[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet);
    if (list) list.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  return [...bySheet.values()].map((part) => sheetCohortText(target, part, empty)).join(',');
}

function sheetCohortText(target: string, cells: readonly CellRef[], empty: (ref: CellRef) => boolean): string {
  const sheet = cells[0].sheet;
  const sameCol = cells.every((c) => c.col === cells[0].col);
  const sameRow = cells.every((c) => c.row === cells[0].row);
  const prefix = sheet === target ? '' : `${sheetRef(sheet)}!`;
  if (sameCol) {
    const col = cells[0].col;
    const rows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const r of rows) {
      const last = runs[runs.length - 1];
      if (last) {
        let joinable = true;
        for (let k = last[1] + 1; k < r && joinable; k++) joinable = empty({ sheet, row: k, col });
        if (joinable) {
          last[1] = r;
          continue;
        }
      }
      runs.push([r, r]);
    }
    return runs.map(([a, b]) => (a === b ? `${prefix}${absA1(a, col)}` : `${prefix}${absA1(a, col)}:${absA1(b, col)}`)).join(',');
  }
  if (sameRow) {
    const cols = cells.map((c) => c.col).sort((a, b) => a - b);
    const contiguous = cols.every((c, i) => i === 0 || c === cols[i - 1] + 1);
    if (contiguous) return `${prefix}${absA1(cells[0].row, cols[0])}:${absA1(cells[0].row, cols[cols.length - 1])}`;
  }
  return cells.map((c) => refText(target, c, true)).join(',');
}

