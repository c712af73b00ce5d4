/**
 * The issued table's fixed columns checked against the official text: 一级指标, 序号, 二级指标,
 * 评分标准, 分值 and their sums; a different 责任分工 is information (cities name their own
 * departments).
 */
import { FULL_MARKS, type EvaluationTable, type Indicator } from '../../../rules';
import { finding, type Finding } from '../../findings/codes';
import type { LayoutColumn } from '../../read/matching';
import { cellAt, type SheetData } from '../../core/model';
import type { MergeIndex } from '../../read/profile';
import { cellText, normalizeText } from '../../core/text';

export interface PlatformColumns {
  readonly name: string | null;
  readonly value: number;
  readonly score: number | null;
}

export interface IssuedColumns {
  readonly headerRow: number;
  /** The last header row (a sub-header row of 数据 | 得分 under merged platform names). */
  readonly lastHeaderRow: number;
  readonly roles: Partial<Record<LayoutColumn, number>>;
  readonly platforms: PlatformColumns[];
  /** Score columns not paired with a value column by position or name. */
  readonly looseScores: { col: number; platform: string | null }[];
  readonly others: { col: number; text: string; note: boolean }[];
}

export interface IndicatorRow {
  readonly row: number;
  readonly indicator: Indicator | undefined;
  readonly components: { row: number; field: number }[];
}

export function sameText(found: string, official: string): boolean {
  return normalizeText(found) === normalizeText(official);
}

export function numberIn(sheet: SheetData, row: number, col: number): number | undefined {
  const v = cellAt(sheet, row, col)?.value ?? null;
  if (typeof v === 'number') return v;
  const t = normalizeText(cellText(v));
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** The fixed columns against the official text: texts, numbers, order, sums. */
export function checkIssuedText(idx: MergeIndex, table: EvaluationTable, cols: IssuedColumns, rows: IndicatorRow[], totalRow: number | null, findings: Finding[]): void {
  const sheet = idx.sheet;
  const { roles } = cols;
  const seen = new Map<number, number>();
  let lastNumber = 0;
  const foundPoints: { group: number; points: number }[] = [];
  const reportedGroupCells = new Set<string>();
  const evaluation = table.evaluation;
  for (const ir of rows) {
    const ind = ir.indicator;
    const numberCell = numberIn(sheet, ir.row, roles.number as number);
    if (!ind) {
      findings.push(finding('error', 'unknown_indicator', sheet.name, ir.row, roles.name as number, { evaluation, found: cellText(cellAt(sheet, ir.row, roles.name as number)?.value ?? null) }));
      continue;
    }
    if (seen.has(ind.number)) {
      findings.push(finding('error', 'duplicate_indicator', sheet.name, ir.row, roles.name as number, { evaluation, indicator: ind.number, firstRow: seen.get(ind.number) as number }));
      continue;
    }
    seen.set(ind.number, ir.row);
    if (ind.number < lastNumber) findings.push(finding('error', 'reordered_indicator', sheet.name, ir.row, roles.number as number, { evaluation, indicator: ind.number }));
    lastNumber = Math.max(lastNumber, ind.number);
    if (numberCell !== ind.number) findings.push(finding('error', 'number_changed', sheet.name, ir.row, roles.number as number, { evaluation, indicator: ind.number, found: numberCell ?? null }));
    if (roles.group !== undefined) {
      // a merged 一级指标 is one cell: report it once, at its top-left cell
      const m = idx.masterOf(ir.row, roles.group);
      const found = idx.text(ir.row, roles.group);
      const key = `${m.row},${m.col}`;
      if (!sameText(found, table.groups[ind.group].text) && !reportedGroupCells.has(key)) {
        reportedGroupCells.add(key);
        findings.push(finding('error', 'group_changed', sheet.name, m.row, m.col, { official: table.groups[ind.group].text, found: found.trim(), attachment: table.attachment }));
      }
    }
    const textOf = (col: number) => cellText(cellAt(sheet, ir.row, col)?.value ?? null);
    if (!sameText(textOf(nameCol(roles)), ind.name)) findings.push(finding('error', 'name_changed', sheet.name, ir.row, nameCol(roles), { official: ind.name, found: textOf(nameCol(roles)).trim(), attachment: table.attachment }));
    if (roles.standard !== undefined && !sameText(textOf(roles.standard), ind.standard)) {
      findings.push(finding('error', 'standard_changed', sheet.name, ir.row, roles.standard, { official: ind.standard, found: textOf(roles.standard).trim(), attachment: table.attachment }));
    }
    if (roles.responsibility !== undefined && !sameText(textOf(roles.responsibility), ind.responsibility)) {
      // cities name their own departments: a difference here is legitimate, shown for information
      findings.push(
        finding('info', 'responsibility_differs', sheet.name, ir.row, roles.responsibility, {
          official: ind.responsibility,
          found: textOf(roles.responsibility).trim(),
          attachment: table.attachment,
          header: idx.text(cols.headerRow, roles.responsibility).trim() || table.responsibilityHeader,
        }),
      );
    }
    if (roles.points !== undefined) {
      const p = numberIn(sheet, ir.row, roles.points) ?? Number(normalizeText(textOf(roles.points)));
      foundPoints.push({ group: ind.group, points: Number.isFinite(p) ? p : NaN });
      if (p !== ind.points) findings.push(finding('error', 'points_changed', sheet.name, ir.row, roles.points, { evaluation, indicator: ind.number, official: ind.points, found: textOf(roles.points) }));
    }
  }
  for (const ind of table.indicators) {
    if (!seen.has(ind.number)) findings.push(finding('error', 'missing_indicator', sheet.name, cols.headerRow, roles.name as number, { evaluation, indicator: ind.number }));
  }
  // sums are reported only when no single 分值 cell explains them
  const pointsCellsWrong = findings.some((f) => f.code === 'points_changed');
  if (roles.points !== undefined && foundPoints.length > 0 && !pointsCellsWrong) {
    table.groups.forEach((g, gi) => {
      const sum = foundPoints.filter((p) => p.group === gi).reduce((s, p) => s + p.points, 0);
      if (foundPoints.some((p) => p.group === gi) && Math.abs(sum - g.weight) > 1e-9) {
        const first = rows.find((r) => r.indicator?.group === gi);
        findings.push(finding('error', 'group_points_sum', sheet.name, first?.row ?? cols.headerRow, roles.points as number, { evaluation, group: gi, sum: Number.isFinite(sum) ? sum : null }));
      }
    });
    const total = foundPoints.reduce((s, p) => s + p.points, 0);
    if (Math.abs(total - FULL_MARKS) > 1e-9) {
      findings.push(finding('error', 'points_sum', sheet.name, totalRow ?? cols.headerRow, roles.points, { sum: Number.isFinite(total) ? total : null, expected: FULL_MARKS }));
    }
  }
  if (roles.points !== undefined && totalRow !== null) {
    const t = numberIn(sheet, totalRow, roles.points);
    if (t !== undefined && t !== FULL_MARKS) findings.push(finding('error', 'points_total_changed', sheet.name, totalRow, roles.points, { found: t, expected: FULL_MARKS }));
  }
}

export function nameCol(roles: Partial<Record<LayoutColumn, number>>): number {
  return roles.name as number;
}
