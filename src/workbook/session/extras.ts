/**
 * What the task pane offers beyond check and fill, as plans the session applies (so revert undoes
 * them too): turning WANMU.* formulas into native formulas before the workbook goes to someone
 * without the add-in; a blank issued table; the missing inputs by department, as a list and as a
 * sheet; and the scores by 一级指标 for charts. No score is computed here.
 */
import { cellText } from '../core/text';
import type { TableLayout } from '../contract/layout';
import { fitWidths, resultGrid, resultTables } from '../check/results';
import { renderDepartment, renderMissingPlace, renderResultNote } from '../text/catalogue';
import { vocabulary, type EvaluationId, type EvaluationTable } from '../../rules';
import { a1, colLetters } from '../core/address';
import { type Analysis } from '../contract/analysis';
import type { FillPlan } from '../write/fill';
import { finding } from '../findings/codes';
import { cohortText, nativeFormula, refText } from '../formulas/native';
import { cellAt, isEmptyCell, type SheetData } from '../core/model';
import { freeSheetName, PlanBuilder } from '../write/plan';
import { checkWanmu } from '../check/review';
import { templateBatch } from '../write/template';

/**
 * Every WANMU.* score formula whose arguments are right becomes the native formula (or its value),
 * with the same result; wrong ones are left for the user (review reports them).
 */
export function planConvert(analysis: Analysis, style: 'native' | 'values'): FillPlan {
  const plan = new PlanBuilder(analysis.workbook);
  const empty = (ref: { sheet: string; row: number; col: number }) => {
    const s = plan.sheets.get(ref.sheet);
    return !s || isEmptyCell(cellAt(s, ref.row, ref.col));
  };
  for (const t of analysis.tables) {
    for (const p of t.platforms) {
      for (const r of p.indicators) {
        const ref = r.place.ref;
        if (!ref || !r.place.existing || r.score === null) continue;
        const cell = cellAt(plan.sheets.get(ref.sheet) as SheetData, ref.row, ref.col);
        if (cell?.formula === undefined) continue;
        const check = checkWanmu(plan.sheets, t, r, ref, cell.formula);
        if (check.kind !== 'right') continue;
        const cohort = t.cohorts[r.indicator.number - 1];
        const readable = r.nativeReadable && (cohort === undefined || cohort.nativeReadable);
        const formula =
          style === 'native' && readable
            ? nativeFormula(t.table, r.indicator, {
                refs: r.inputs.map((c) => (c ? refText(ref.sheet, c) : null)),
                factors: r.factors,
                cohort: cohort ? cohortText(ref.sheet, cohort.cells, empty) : undefined,
              })
            : undefined;
        if (style === 'native' && formula === undefined) plan.findings.push(finding('info', 'value_instead_of_formula', ref.sheet, ref.row, ref.col, { why: 'text_input' }));
        plan.write(formula !== undefined ? { sheet: ref.sheet, row: ref.row, col: ref.col, formula, result: r.score } : { sheet: ref.sheet, row: ref.row, col: ref.col, value: r.score });
      }
    }
  }
  return plan.finish();
}

/** A blank table of an edition (附件2 or 附件3 as in force) for `platforms` platforms, in a new sheet. */
export function planTemplate(analysis: Analysis, table: EvaluationTable, platforms: number): FillPlan {
  const plan = new PlanBuilder(analysis.workbook);
  const name = freeSheetName(plan.takenNames(), table.shortName);
  const batch = templateBatch(table, platforms, name);
  plan.addSheet(name);
  for (const c of batch.cells) plan.write(c);
  for (const m of batch.merges) plan.merge(m.sheet, m.range);
  for (const w of batch.columnWidths) plan.width(w.sheet, w.col, w.width);
  return plan.finish();
}

export interface MissingInput {
  readonly evaluation: EvaluationId;
  readonly platform: string;
  readonly indicator: number;
  readonly indicatorName: string;
  /** The input it needs (label as in the rules). */
  readonly field: string;
  /** Where it goes, or null when the table has no place for it. */
  readonly cell: { readonly sheet: string; readonly cell: string } | null;
  /** 责任分工 / 责任部门 of the indicator, one entry per department, the lead first. */
  readonly departments: readonly string[];
  /** The departments are the issued document's (the workbook names none for this indicator): for reference only. */
  readonly reference: boolean;
  /** A column the table has for it but that was not recognized (its header resembles the input), when there is no place for it. */
  readonly unrecognized: { readonly sheet: string; readonly column: string; readonly header: string } | null;
}

const DEPARTMENT_SEPARATORS = new RegExp(`[${vocabulary.departmentSeparators.join('')}]`);

/** Inputs an indicator still needs before it can be scored: blank required cells and absent columns. */
export function missingInputs(analysis: Analysis): MissingInput[] {
  const out: MissingInput[] = [];
  const sheets = new Map(analysis.workbook.sheets.map((s) => [s.name, s]));
  for (const t of analysis.tables) {
    for (const p of t.platforms) {
      for (const r of p.indicators) {
        if (r.score !== null || r.reason?.code !== 'missing') continue;
        const ind = r.indicator;
        // the workbook's own 责任分工 cell for the indicator, else the issued document's names
        const own = t.layout.responsibility?.[ind.number - 1];
        const ownText = own ? cellText(cellAt(sheets.get(own.sheet) as SheetData, own.row, own.col)?.value ?? null).trim() : '';
        const departments = (ownText !== '' ? ownText : ind.responsibility).split(DEPARTMENT_SEPARATORS).map((d) => d.trim()).filter((d) => d !== '');
        ind.inputs.forEach((f, fi) => {
          const ref = r.inputs[fi];
          const blank = ref ? isEmptyCell(cellAt(sheets.get(ref.sheet) as SheetData, ref.row, ref.col)) : true;
          if (!blank || (ref && f.optional)) return;
          const resembling = ref ? undefined : unrecognizedFor(t.layout, ind.number - 1, fi);
          out.push({
            reference: ownText === '',
            unrecognized: resembling ?? null,
            evaluation: t.table.evaluation,
            platform: p.name,
            indicator: ind.number,
            indicatorName: ind.shortName,
            field: f.label,
            cell: ref ? { sheet: ref.sheet, cell: a1(ref.row, ref.col) } : null,
            departments,
          });
        });
      }
    }
  }
  return out;
}

/** An unrecognized column of the layout whose header resembles an input (what the matching weighed and did not use). */
function unrecognizedFor(layout: TableLayout, indicator: number, field: number): { sheet: string; column: string; header: string } | undefined {
  for (const cs of layout.columns) {
    for (const d of cs.decisions) {
      if (d.role.kind !== 'unrecognized') continue;
      const m = d.evidence.find((e) => e.kind === 'match');
      if (m && m.kind === 'match' && m.role.kind === 'input' && m.role.indicator === indicator && m.role.field === field) return { sheet: cs.sheet, column: colLetters(d.col), header: d.header };
    }
  }
  return undefined;
}

/**
 * The missing inputs grouped by department: each input once, under the department named first
 * (the lead); the others are in its `departments`. Groups whose names are the issued document's
 * (the workbook names none) are marked `reference`.
 */
export function groupByDepartment(list: readonly MissingInput[]): { department: string; reference: boolean; items: MissingInput[] }[] {
  const m = new Map<string, { department: string; reference: boolean; items: MissingInput[] }>();
  for (const x of list) {
    const d = x.departments[0] ?? '';
    const key = `${x.reference ? 1 : 0}\u0000${d}`;
    const g = m.get(key);
    if (g) g.items.push(x);
    else m.set(key, { department: d, reference: x.reference, items: [x] });
  }
  return [...m.values()];
}

/** The missing inputs as a new sheet, one row per department and input. */
export function planMissingSheet(analysis: Analysis): FillPlan {
  const plan = new PlanBuilder(analysis.workbook);
  const name = freeSheetName(plan.takenNames(), vocabulary.missingSheet);
  plan.addSheet(name);
  vocabulary.missingHeader.forEach((h, i) => plan.write({ sheet: name, row: 1, col: i + 1, value: h, bold: true }));
  let row = 2;
  for (const g of groupByDepartment(missingInputs(analysis))) {
    for (const x of g.items) {
      [renderDepartment(g), x.platform, x.indicatorName, x.field, renderMissingPlace(x)].forEach((v, i) => plan.write({ sheet: name, row, col: i + 1, value: v }));
      row++;
    }
  }
  [24, 28, 22, 34, 18].forEach((w, i) => plan.width(name, i + 1, w));
  return plan.finish();
}

export interface ChartTable {
  readonly evaluation: EvaluationId;
  readonly sheet: string;
  readonly platforms: ReadonlyArray<{
    readonly name: string;
    readonly groups: ReadonlyArray<{ readonly name: string; readonly weight: number; readonly score: number | null }>;
    readonly total: number | null;
  }>;
}

/** Each platform's scores by 一级指标 and its total (the engine's, from the analysis). */
export function chartData(analysis: Analysis): ChartTable[] {
  return analysis.tables.map((t) => ({
    evaluation: t.table.evaluation,
    sheet: t.layout.sheet,
    platforms: t.platforms.map((p) => ({
      name: p.name,
      groups: p.groups.map((g, gi) => ({ name: t.table.groups[gi].name, weight: t.table.groups[gi].weight, score: g.score })),
      total: p.total.score,
    })),
  }));
}

/**
 * The pane's 结果 as a sheet: one block per evaluation table (序号, 平台, each 一级指标, 总分, 排名 as a
 * RANK formula, 说明), figures as their cells show them, columns fitted to their text. Through
 * the session's write, so revert removes it.
 */
export function planResultsSheet(analysis: Analysis): FillPlan {
  const plan = new PlanBuilder(analysis.workbook);
  const name = freeSheetName(plan.takenNames(), vocabulary.resultSummarySheet);
  plan.addSheet(name);
  let row = 1;
  const widths: number[] = [];
  const all = resultTables(analysis);
  for (const t of all) {
    const grid = resultGrid(t, renderResultNote, true);
    plan.write({ sheet: name, row, col: 1, value: `${t.table.shortName}(${t.sheet})`, bold: true });
    row++;
    const first = row + 1;
    const last = row + grid.length - 1;
    const totalCol = 2 + t.groups.length + 1;
    grid.forEach((cells, k) => {
      cells.forEach((v, c) => {
        const col = c + 1;
        if (k > 0 && col === totalCol + 1 && typeof cells[totalCol - 1] === 'number') {
          const ref = `${colLetters(totalCol)}${row}`;
          plan.write({ sheet: name, row, col, formula: `RANK(${ref},${colLetters(totalCol)}$${first}:${colLetters(totalCol)}$${last})`, result: v as number });
        } else plan.write({ sheet: name, row, col, value: v, bold: k === 0, ...(typeof v === 'number' && col > 2 && col <= totalCol ? { numFmt: '0.00' } : {}) });
      });
      row++;
    });
    fitWidths(grid).forEach((w, c) => (widths[c] = Math.max(widths[c] ?? 0, w)));
    row++;
  }
  widths.forEach((w, c) => plan.width(name, c + 1, w));
  // one table: its title and header stay in view and head every printed page
  const single = all.length === 1;
  plan.layout({ sheet: name, freezeRows: single ? 2 : 0, print: { landscape: true, fitWidth: true, titleRows: single ? { first: 1, last: 2 } : null, footer: vocabulary.printFooter } });
  return plan.finish();
}
