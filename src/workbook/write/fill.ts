/**
 * The fill plan: which cells get which score formula or value, shown as a preview before it is
 * applied. Never writes over a non-empty cell wanmu did not write unless asked (replace), never
 * over a cell whose role is input, and records in the workbook itself what every written cell
 * held, so that revert restores it exactly. Scores (cached results, values) come from the
 * analysis, i.e. from the engine; a subtotal or total it writes sums the score cells shown.
 */
import { addScores } from '../../engine';
import { a1, colLetters } from '../core/address';
import { type Analysis, type TableResult } from '../contract/analysis';
import { finding } from '../findings/codes';
import { formatDecimals } from '../core/formula-parse';
import { agrees } from '../check/review';
import { cohortText, nativeFormula, refText, sumFormula, wanmuFormula, type FormulaStyle } from '../formulas/native';
import { layoutOf, type AreaWriter } from '../layouts';
import { type CellRef } from '../core/address';
import { cellAt, emptyIn, isEmptyCell, type CellData, type SheetData } from '../core/model';
import { PlanBuilder, type FillPlan } from './plan';

export type { FillPlan, FillPreview, Replaced } from './plan';
import { cellText } from '../core/text';
import { writtenByFill } from '../core/record';
import { vocabulary } from '../../rules';

export interface FillOptions {
  readonly style: FormulaStyle;
  readonly replace: boolean;
}




const SCORE_FORMAT = '0.00';

/** Keep a cell's own number format unless it would not show a score (General, text, a date). */
function scoreFormat(before: CellData | null): string | undefined {
  const f = before?.numFmt;
  if (f === undefined || f === '@' || /[ymdhs]/i.test(f.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, ''))) return SCORE_FORMAT;
  return formatDecimals(f) === undefined ? SCORE_FORMAT : undefined;
}

export function planFill(analysis: Analysis, options: FillOptions): FillPlan {
  const plan = new PlanBuilder(analysis.workbook);
  const sheets = plan.sheets;
  const findings = plan.findings;
  const replaced = plan.replaced;
  const claimed = new Set<string>();
  let ownCells: ReturnType<typeof writtenByFill> | undefined;
  const own = () => (ownCells ??= writtenByFill(analysis.workbook));
  // every input cell, asked for only when a write lands in an existing sheet
  let inputCellSet: Set<string> | undefined;
  const inputCells = (): Set<string> => {
    if (!inputCellSet) {
      inputCellSet = new Set();
      for (const t of analysis.tables) for (const p of t.layout.platforms) for (const line of p.inputs) for (const c of line) if (c) inputCellSet.add(`${c.sheet}!${c.row},${c.col}`);
    }
    return inputCellSet;
  };

  /**
   * Whether a cell is written: 'write' (empty, or replaced), 'same' (it already holds exactly this
   * formula: nothing to write), or 'keep' (someone else's content, kept).
   */
  const decide = (ref: CellRef, formula: string | undefined, official: number | null, what: { evaluation: TableResult['table']['evaluation']; indicator: number } | { what: 'subtotal' | 'total' }): 'write' | 'same' | 'keep' => {
    const key = `${ref.sheet}!${ref.row},${ref.col}`;
    if (claimed.has(key)) return 'keep';
    // a sheet this plan adds holds only what the plan puts there, each cell once
    if (plan.isNew(ref.sheet)) return 'write';
    const sheet = sheets.get(ref.sheet);
    const cell = sheet ? cellAt(sheet, ref.row, ref.col) : null;
    if (inputCells().has(key)) {
      findings.push(finding('warning', 'input_not_replaced', ref.sheet, ref.row, ref.col, {}));
      return 'keep';
    }
    if (formula !== undefined && cell?.formula === formula) {
      claimed.add(key);
      return 'same';
    }
    // wanmu's own "—" where an earlier fill could not score: the score now goes there
    if (cell && cell.formula === undefined && cell.value === vocabulary.noScore && own()(ref.sheet, ref.row, ref.col, cell)) {
      claimed.add(key);
      return 'write';
    }
    if (!isEmptyCell(cell)) {
      if (!options.replace) {
        // a kept cell that holds the official score needs no word; one that differs is reported by the review
        const v = cell && typeof cell.value === 'number' ? cell.value : null;
        if (official !== null && (v === null || !agrees(cell as CellData, v, official))) {
          findings.push('indicator' in what ? finding('info', 'kept_differs', ref.sheet, ref.row, ref.col, { ...what, expected: official, found: v ?? NaN }) : finding('info', 'kept_existing', ref.sheet, ref.row, ref.col, what));
        }
        return 'keep';
      }
      replaced.push({ sheet: ref.sheet, cell: a1(ref.row, ref.col), value: cellText(cell?.value ?? null), formula: cell?.formula ? `=${cell.formula}` : '' });
      findings.push(finding('info', 'replaced', ref.sheet, ref.row, ref.col, { value: cellText(cell?.value ?? null), formula: cell?.formula ? `=${cell.formula}` : '' }));
    }
    claimed.add(key);
    return 'write';
  };

  const put = (ref: CellRef, formula: string | undefined, result: number, format?: string) => {
    const numFmt = format ?? (plan.isNew(ref.sheet) ? SCORE_FORMAT : scoreFormat(plan.before(ref.sheet, ref.row, ref.col)));
    // each shape written out: a spread-first literal (`{ ...common, formula }`) gets a hidden class
    // of its own per object once its site is megamorphic, hundreds of bytes a cell in a large fill
    const { sheet, row, col } = ref;
    if (formula !== undefined) plan.write(numFmt ? { sheet, row, col, numFmt, formula, result } : { sheet, row, col, formula, result });
    else plan.write(numFmt ? { sheet, row, col, numFmt, value: result } : { sheet, row, col, value: result });
  };
  /** Header and label cells (text). */
  const label = (ref: CellRef, text: string, bold = false, wrap = false) => {
    const fresh = plan.isNew(ref.sheet);
    plan.write({ sheet: ref.sheet, row: ref.row, col: ref.col, value: text, ...(bold && fresh ? { bold } : {}), ...(wrap && fresh ? { wrap } : {}) });
  };

  const empty = emptyIn(sheets);

  const writer: AreaWriter = {
    style: options.style,
    addSheet: (name) => plan.addSheet(name),
    label,
    put,
    width: (sheet, col, width) => plan.width(sheet, col, width),
    layout: (l) => plan.layout(l),
    addColumn: (sheet, col, header) => plan.addColumns.push({ sheet, column: colLetters(col), header }),
    empty,
    valueAt: (ref) => numberAt(sheets, ref),
    formatAt: (ref) => {
      const sheet = sheets.get(ref.sheet);
      return sheet ? cellAt(sheet, ref.row, ref.col)?.numFmt : undefined;
    },
  };

  for (const t of analysis.tables) {
    const bounds = layoutOf(t.layout.kind).writeArea(t, writer);
    const cohortOf = new Map<number, string | undefined>();
    t.platforms.forEach((p) => {
      const shown: (CellRef | null)[] = [];
      const shownValue: number[] = [];
      /** Whether the shown cell holds the engine's score (written now, or already the same formula). */
      const shownOfficial: boolean[] = [];
      for (const r of p.indicators) {
        const i = r.indicator.number - 1;
        const ref = r.place.ref;
        if (!ref || r.score === null) {
          shown.push(r.place.existing ? ref : null);
          shownValue.push(r.place.existing && ref ? numberAt(sheets, ref) : 0);
          shownOfficial.push(false);
          continue;
        }
        const cohort = t.cohorts[i];
        let formula: string | undefined;
        if (options.style !== 'values') {
          const readable = r.nativeReadable && (cohort === undefined || cohort.nativeReadable);
          if (readable) {
            if (cohort && !cohortOf.has(i)) cohortOf.set(i, cohortText(ref.sheet, cohort.cells, empty));
            const inputs = {
              refs: r.inputs.map((c) => (c ? refText(ref.sheet, c) : null)),
              factors: r.factors,
              cohort: cohort ? cohortOf.get(i) : undefined,
              bounds: cohort && options.style === 'native' ? bounds.get(i) : undefined,
            };
            formula = options.style === 'wanmu' ? wanmuFormula(t.table, r.indicator, inputs) ?? nativeFormula(t.table, r.indicator, inputs) : nativeFormula(t.table, r.indicator, inputs);
          }
          if (formula === undefined) {
            const why = cohort && !cohort.nativeReadable ? 'cohort_text' : !r.nativeReadable ? 'text_input' : 'irregular';
            findings.push(finding('info', 'value_instead_of_formula', ref.sheet, ref.row, ref.col, { why }));
          }
        }
        const d = decide(ref, formula, r.score, { evaluation: t.table.evaluation, indicator: r.indicator.number });
        if (d === 'write') put(ref, formula, r.score);
        if (d !== 'keep') {
          shown.push(ref);
          shownValue.push(r.score);
          shownOfficial.push(true);
        } else {
          shown.push(r.place.existing ? ref : null);
          shownValue.push(numberAt(sheets, ref));
          shownOfficial.push(false);
        }
      }
      // Sums add the score cells shown beside them, so the sheet always adds up.
      const sumOf = (target: CellRef, idx: readonly number[], official: number): { formula: string | undefined; value: number } => {
        const refs = idx.map((i) => shown[i]);
        // the cached result is what the spreadsheet will show: the engine's figure when every cell
        // added holds the engine's score, else the engine's sum of the cells as they stand
        // (a kept formula with no cached result: the sum is not known before recalculation; the official figure is cached)
        const kept = idx.map((i) => shownValue[i]);
        const value = idx.every((i) => shownOfficial[i]) || kept.some((x) => Number.isNaN(x)) ? official : addScores(kept);
        if (refs.some((x) => x === null) || options.style === 'values') {
          if (refs.some((x) => x === null) && options.style !== 'values') findings.push(finding('info', 'value_instead_of_formula', target.sheet, target.row, target.col, { why: 'irregular' }));
          return { formula: undefined, value: refs.some((x) => x === null) ? official : value };
        }
        return { formula: sumFormula(refs.map((x) => refText(target.sheet, x as CellRef))), value };
      };
      p.groups.forEach((g, gi) => {
        const ref = g.place.ref;
        if (!ref || g.score === null) return;
        const idx = t.table.indicators.map((x, i) => (x.group === gi ? i : -1)).filter((i) => i >= 0);
        const s = sumOf(ref, idx, g.score);
        if (decide(ref, s.formula, s.value, { what: 'subtotal' }) === 'write') put(ref, s.formula, s.value);
      });
      const tr = p.total.place.ref;
      if (tr && p.total.score !== null) {
        const s = sumOf(tr, t.table.indicators.map((_, i) => i), p.total.score);
        const d = decide(tr, s.formula, s.value, { what: 'total' });
        if (d === 'write') put(tr, s.formula, s.value);
        if (d !== 'keep' && Math.abs(s.value - p.total.score) > 1e-9 && !Number.isNaN(s.value)) findings.push(finding('warning', 'total_includes_kept', tr.sheet, tr.row, tr.col, { official: p.total.score, shown: s.value }));
      }
    });
  }

  return plan.finish();
}

/** A kept cell's figure as the spreadsheet adds it: its number, 0 for text or nothing, NaN for a formula with no cached result (not known before recalculation). */
function numberAt(sheets: Map<string, SheetData>, ref: CellRef): number {
  const c = cellAt(sheets.get(ref.sheet) as SheetData, ref.row, ref.col);
  const v = c?.value;
  if (typeof v === 'number') return v;
  return c?.formula !== undefined && (v === null || v === undefined) ? Number.NaN : 0;
}
