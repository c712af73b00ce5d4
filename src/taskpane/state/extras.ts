/**
 * Views of a session the pane needs that the workbook layer is adding (missing inputs, chart
 * data). Until src/workbook's own `missingInputs()` / `chartData()` land, these derive the same
 * shapes from `session.model.analysis`, with the same signatures, so the components do not change.
 */
import { tables, type EvaluationId } from '../../rules';
import { a1 } from '../../workbook/address';
import type { WorkbookSession } from '../../workbook';

export interface MissingInput {
  readonly evaluation: EvaluationId;
  readonly platform: string;
  readonly indicator: number;
  readonly indicatorName: string;
  readonly field: string;
  readonly cell: { readonly sheet: string; readonly cell: string } | null;
  readonly departments: readonly string[];
}

export interface ChartTable {
  readonly evaluation: EvaluationId;
  readonly platforms: ReadonlyArray<{
    readonly name: string;
    readonly groups: ReadonlyArray<{ readonly name: string; readonly weight: number; readonly score: number | null }>;
    readonly total: number | null;
  }>;
}

/** The departments named in a 责任分工 / 责任部门 text (split at the usual separators). */
export function departmentsOf(responsibility: string): string[] {
  return responsibility
    .split(/[、,,;;\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Inputs with no value that an indicator needs: a blank cell, or a field the table has no column for. */
export function missingInputs(session: WorkbookSession): MissingInput[] {
  const out: MissingInput[] = [];
  for (const t of session.model.analysis.tables) {
    const sheets = new Map(session.model.analysis.workbook.sheets.map((s) => [s.name, s]));
    for (const p of t.platforms) {
      for (const r of p.indicators) {
        if (r.score !== null) continue;
        r.indicator.inputs.forEach((f, fi) => {
          if (f.optional) return;
          const c = r.inputs[fi];
          const sheet = c ? sheets.get(c.sheet) : undefined;
          const cell = c && sheet ? sheet.rows.get(c.row)?.get(c.col) : undefined;
          const blank = !cell || (cell.formula === undefined && (cell.value === null || String(cell.value).trim() === ''));
          if (!blank) return;
          out.push({
            evaluation: t.table.id,
            platform: p.name,
            indicator: r.indicator.number,
            indicatorName: r.indicator.shortName,
            field: f.label,
            cell: c ? { sheet: c.sheet, cell: a1(c.row, c.col) } : null,
            departments: departmentsOf(r.indicator.responsibility),
          });
        });
      }
    }
  }
  return out;
}

export function groupByDepartment(list: readonly MissingInput[]): { department: string; items: MissingInput[] }[] {
  const by = new Map<string, MissingInput[]>();
  for (const m of list) {
    const deps = m.departments.length > 0 ? m.departments : ['未注明部门'];
    for (const d of deps) {
      const items = by.get(d);
      if (items) items.push(m);
      else by.set(d, [m]);
    }
  }
  return [...by.entries()].map(([department, items]) => ({ department, items }));
}

export function chartData(session: WorkbookSession): ChartTable[] {
  return session.model.analysis.tables.map((t) => ({
    evaluation: t.table.id,
    platforms: t.platforms.map((p) => ({
      name: p.name,
      groups: p.groups.map((g, gi) => ({ name: tables[t.table.id].groups[gi].name, weight: tables[t.table.id].groups[gi].weight, score: g.score })),
      total: p.total.score,
    })),
  }));
}
