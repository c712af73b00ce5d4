/**
 * Reviews score cells that already hold something ("checking formulas during review"): compares
 * each cached value with the engine's score and looks for the classic mistakes — typed
 * constants, formulas reading another platform's row, 无量纲化 MIN/MAX ranges that do not cover
 * the cohort (relative ranges drifting when filled down), missing caps. A correct formula of any
 * shape gets no error.
 */
import { fmt, parseInput } from '../engine';
import { vocabulary } from '../rules';
import { a1 } from './address';
import { cohortCells, type Analysis, type IndicatorResult, type TableResult } from './analyze';
import { cohortText, nativeFormula, refText } from './formulas';
import type { CellRef } from './layout';
import { cellAt, isEmptyCell, sheetsByName, type Finding, type SheetData } from './model';
import { formulaRefs, type FormulaRef } from './refs';
import { cellText } from './text';

/** Scores are shown with two decimals: a difference below half a hundredth is rounding. */
const TOLERANCE = 0.005 + 1e-9;

const CAP_WORDS = /\b(MIN|IF|IFS|MEDIAN|SMALL|WANMU\.[A-Z]+)\s*\(/i;

function refSheet(r: FormulaRef, own: string): string {
  return r.sheet ?? own;
}

const rowsCache = new WeakMap<TableResult, Map<number, string>>();

/** Data row → platform name of a cohort table. */
function platformRows(t: TableResult): Map<number, string> {
  let m = rowsCache.get(t);
  if (!m) {
    m = new Map();
    for (const p of t.layout.platforms) {
      const c = p.inputs.flat().find((x) => x !== null);
      if (c) m.set(c.row, p.name);
    }
    rowsCache.set(t, m);
  }
  return m;
}

function reviewIndicator(sheets: Map<string, SheetData>, t: TableResult, pi: number, r: IndicatorResult, out: Finding[]): void {
  const ref = r.place.ref;
  if (!ref || !r.place.existing) return;
  const sheet = sheets.get(ref.sheet);
  const cell = sheet ? cellAt(sheet, ref.row, ref.col) : null;
  if (!cell || isEmptyCell(cell)) return;
  const at = { sheet: ref.sheet, cell: a1(ref.row, ref.col) };
  const ind = r.indicator;
  const before = out.length;

  if (cell.formula !== undefined && cell.value === null) {
    out.push({ severity: 'warning', code: 'no_cached_value', message: '得分公式没有计算结果,请重新计算并保存后再复核', ...at });
  }
  const parsed = parseInput({ kind: 'amount', label: '得分' }, typeof cell.value === 'boolean' ? cellText(cell.value) : cell.value);
  if (!parsed.ok && typeof cell.value === 'string') {
    out.push({ severity: 'error', code: 'score_not_number', message: `得分单元格不是数字:“${cell.value}”`, ...at });
  }
  const value = parsed.ok ? parsed.value : null;

  if (r.score !== null && value !== null && Math.abs(value - r.score) > TOLERANCE) {
    const inputs = {
      refs: r.inputs.map((c) => (c ? refText(ref.sheet, c) : null)),
      cohort: ind.rule.kind === 'normalized' ? cohortText(ref.sheet, cohortCells(t, ind.number - 1)) : undefined,
    };
    const correct = nativeFormula(ind, inputs);
    const hint = correct ? `;正确公式:=${correct}` : '';
    if (value > ind.points + 1e-9) {
      out.push({ severity: 'error', code: 'missing_cap', message: `得分 ${fmt(value)} 超过分值 ${ind.points}(缺少上限),应为 ${fmt(r.score)}${hint}`, ...at });
    } else {
      out.push({ severity: 'error', code: 'score_mismatch', message: `得分与官方规则不符:应为 ${fmt(r.score)},表中为 ${fmt(value)}${hint}`, ...at });
    }
  }

  if (cell.formula === undefined) {
    if (value !== null) out.push({ severity: 'warning', code: 'typed_constant', message: '得分是手工输入的数值而不是公式,复核时无法追溯计算过程', ...at });
    return;
  }

  const refs = formulaRefs(cell.formula);
  const own = t.layout.platforms[pi];
  if (t.layout.kind === 'cohort') {
    const dataSheet = t.layout.sheet;
    const rowsOf = platformRows(t);
    const ownRow = own.inputs.flat().find((x) => x !== null)?.row;
    for (const x of refs) {
      if (refSheet(x, ref.sheet) !== dataSheet || x.top !== x.bottom) continue;
      if (ownRow !== undefined && x.top !== ownRow && rowsOf.has(x.top)) {
        out.push({ severity: 'error', code: 'wrong_row', message: `公式引用了其他平台的数据:${x.text} 是第 ${x.top} 行“${rowsOf.get(x.top)}”的数据`, ...at });
      }
    }
    if (ind.rule.kind === 'normalized') {
      const cohort = cohortCells(t, ind.number - 1);
      const col = cohort[0]?.col;
      const top = cohort.reduce((m, c) => Math.min(m, c.row), Infinity);
      const bottom = cohort.reduce((m, c) => Math.max(m, c.row), -Infinity);
      for (const x of refs) {
        if (refSheet(x, ref.sheet) !== dataSheet || x.top === x.bottom || x.left !== col) continue;
        if (x.top > top || x.bottom < bottom) {
          const expected = cohortText(dataSheet, cohort);
          out.push({
            severity: 'error',
            code: 'cohort_range',
            message: `无量纲化的最小值/最大值范围 ${x.text} 没有覆盖整个培育名单(第 ${top}–${bottom} 行)${x.absoluteRows ? '' : ',多半是下拉填充时相对引用发生了偏移'};应使用 ${expected}`,
            ...at,
          });
        }
      }
    }
  } else {
    // Vertical: the platform's own value cells of this indicator are the only inputs it may read.
    const allowed = new Set(r.inputs.filter((c): c is CellRef => c !== null).map((c) => `${c.row},${c.col}`));
    const valueCols = new Set(t.layout.platforms.flatMap((p) => p.inputs.flat().filter((c): c is CellRef => c !== null).map((c) => c.col)));
    const ownCol = r.inputs.find((c) => c !== null)?.col;
    for (const x of refs) {
      if (refSheet(x, ref.sheet) !== t.layout.sheet || x.top !== x.bottom || x.left !== x.right) continue;
      if (!valueCols.has(x.left) || allowed.has(`${x.top},${x.left}`)) continue;
      const reason = x.left !== ownCol ? '其他平台' : '其他指标';
      out.push({ severity: 'error', code: 'wrong_row', message: `公式引用了${reason}的数据 ${x.text}`, ...at });
    }
  }

  const needsCap = ind.rule.kind !== 'normalized' && ind.rule.kind !== 'deduction';
  if (needsCap && out.length === before && !CAP_WORDS.test(cell.formula)) {
    out.push({ severity: 'warning', code: 'no_cap', message: `公式中没有上限(如 MIN(${ind.points}, …)),输入变大时得分会超过分值 ${ind.points}`, ...at });
  }
}

function reviewSum(sheets: Map<string, SheetData>, ref: CellRef | null, existing: boolean, expected: number | null, label: string, out: Finding[]): void {
  if (!ref || !existing || expected === null) return;
  const sheet = sheets.get(ref.sheet);
  const cell = sheet ? cellAt(sheet, ref.row, ref.col) : null;
  if (!cell) return;
  const at = { sheet: ref.sheet, cell: a1(ref.row, ref.col) };
  const v = typeof cell.value === 'number' ? cell.value : null;
  if (v !== null && Math.abs(v - expected) > TOLERANCE) {
    out.push({ severity: 'error', code: 'sum_mismatch', message: `${label}应为 ${fmt(expected)},表中为 ${fmt(v)}`, ...at });
  }
  if (cell.formula === undefined && v !== null) out.push({ severity: 'warning', code: 'typed_constant', message: `${label}是手工输入的数值而不是公式`, ...at });
}

export function reviewScores(analysis: Analysis): Finding[] {
  const sheets = sheetsByName(analysis.workbook);
  const out: Finding[] = [];
  for (const t of analysis.tables) {
    t.platforms.forEach((p, pi) => {
      for (const r of p.indicators) reviewIndicator(sheets, t, pi, r, out);
      p.groups.forEach((g, gi) => reviewSum(sheets, g.place.ref, g.place.existing, g.score, `“${t.table.groups[gi].name}”${vocabulary.subtotal[0]}`, out));
      reviewSum(sheets, p.total.place.ref, p.total.place.existing, p.total.score, vocabulary.total[1], out);
    });
  }
  return out;
}
