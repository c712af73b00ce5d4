/**
 * Recognizes the issued indicator table laid out vertically (附件2/附件3 as issued), checks its
 * fixed columns against the official text, and finds value and score columns.
 */
import { FULL_MARKS, tables, type EvaluationId, type EvaluationTable, type Indicator } from '../rules';
import type { CellRef, PlatformLayout, TableLayout } from './layout';
import {
  evaluationInTitle,
  fieldCandidates,
  indicatorCandidates,
  isScoreHeader,
  isTotalLabel,
  isValueHeader,
  layoutColumn,
  stripComponentPrefix,
  stripScoreSuffix,
  type LayoutColumn,
} from './matching';
import { cellAt, findingAt as finding, type Finding, type SheetData } from './model';
import { cellText, headerKey, normalizeText } from './text';

const HEADER_SCAN_ROWS = 30;

/** Text of a cell, looking through merges to the master cell. */
export function mergedText(sheet: SheetData, row: number, col: number): string {
  const m = sheet.merges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  const c = m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, row, col);
  return cellText(c?.value ?? null);
}

interface VerticalColumns {
  readonly headerRow: number;
  readonly roles: Partial<Record<LayoutColumn, number>>;
  readonly values: { col: number; platform: string | null }[];
  readonly scores: { col: number; platform: string | null }[];
}

function findHeader(sheet: SheetData): VerticalColumns | undefined {
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); r++) {
    const roles: Partial<Record<LayoutColumn, number>> = {};
    for (let c = 1; c <= sheet.colCount; c++) {
      const role = layoutColumn(cellText(cellAt(sheet, r, c)?.value ?? null));
      if (role && roles[role] === undefined) roles[role] = c;
    }
    if (roles.number !== undefined && roles.name !== undefined && (roles.standard !== undefined || roles.points !== undefined)) {
      const used = new Set(Object.values(roles));
      const values: VerticalColumns['values'] = [];
      const scores: VerticalColumns['scores'] = [];
      for (let c = 1; c <= sheet.colCount; c++) {
        if (used.has(c)) continue;
        const text = cellText(cellAt(sheet, r, c)?.value ?? null).trim();
        if (text === '') continue;
        if (isScoreHeader(text)) scores.push({ col: c, platform: null });
        else if (stripScoreSuffix(text) !== undefined) scores.push({ col: c, platform: stripScoreSuffix(text) as string });
        else values.push({ col: c, platform: isValueHeader(text) ? null : text.trim() });
      }
      return { headerRow: r, roles, values, scores };
    }
  }
  return undefined;
}

function detectEvaluation(sheet: SheetData, cols: VerticalColumns): EvaluationId {
  const votes: Record<EvaluationId, number> = { acceptance: 0, annual: 0 };
  for (let r = cols.headerRow + 1; r <= sheet.rowCount; r++) {
    const name = cellText(cellAt(sheet, r, cols.roles.name as number)?.value ?? null);
    for (const c of indicatorCandidates(name)) votes[c.evaluation] += 1;
  }
  if (votes.acceptance !== votes.annual) return votes.acceptance > votes.annual ? 'acceptance' : 'annual';
  for (let r = 1; r < cols.headerRow; r++) {
    for (let c = 1; c <= sheet.colCount; c++) {
      const e = evaluationInTitle(cellText(cellAt(sheet, r, c)?.value ?? null));
      if (e) return e;
    }
  }
  // 附件2 heads its last column 责任分工, 附件3 责任部门.
  const header = cols.roles.responsibility !== undefined ? headerKey(cellText(cellAt(sheet, cols.headerRow, cols.roles.responsibility)?.value ?? null)) : '';
  return header === headerKey(tables.annual.responsibilityHeader) ? 'annual' : 'acceptance';
}

/** Whether an indicator's inputs go in "其中:" sub-rows (several categories) rather than its own row. */
export function usesComponentRows(ind: Indicator): boolean {
  return ind.inputs.filter((f) => f.kind !== 'amount' || !f.optional).length > 1;
}

interface IndicatorRow {
  readonly row: number;
  readonly indicator: Indicator | undefined;
  readonly components: { row: number; field: number }[];
}

function sameText(found: string, official: string): boolean {
  return normalizeText(found) === normalizeText(official);
}

/** Matches a row's 二级指标 to an official indicator; falls back to its 序号. */
function identify(table: EvaluationTable, name: string, number: number | undefined): Indicator | undefined {
  const byName = indicatorCandidates(name).filter((c) => c.evaluation === table.id);
  if (byName.length > 0) {
    const exact = byName.find((c) => table.indicators[c.indicator].number === number);
    return table.indicators[(exact ?? byName[0]).indicator];
  }
  return number !== undefined ? table.indicators[number - 1] : undefined;
}

function numberIn(sheet: SheetData, row: number, col: number): number | undefined {
  const v = cellAt(sheet, row, col)?.value ?? null;
  if (typeof v === 'number') return v;
  const t = normalizeText(cellText(v));
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

export function recognizeVertical(sheet: SheetData): TableLayout | undefined {
  const cols = findHeader(sheet);
  if (!cols) return undefined;
  const evaluation = detectEvaluation(sheet, cols);
  const table = tables[evaluation];
  const findings: Finding[] = [];
  const { roles } = cols;
  const numCol = roles.number as number;
  const nameCol = roles.name as number;

  // Rows: indicator rows, their 其中 component rows, the 合计 row.
  const rows: IndicatorRow[] = [];
  let totalRow: number | null = null;
  for (let r = cols.headerRow + 1; r <= sheet.rowCount; r++) {
    const number = numberIn(sheet, r, numCol);
    const name = cellText(cellAt(sheet, r, nameCol)?.value ?? null);
    const groupText = roles.group !== undefined ? cellText(cellAt(sheet, r, roles.group)?.value ?? null) : '';
    if (isTotalLabel(name) || isTotalLabel(groupText) || isTotalLabel(cellText(cellAt(sheet, r, numCol)?.value ?? null))) {
      totalRow = r;
      break;
    }
    if (number !== undefined && name.trim() !== '') {
      rows.push({ row: r, indicator: identify(table, name, number), components: [] });
      continue;
    }
    const current = rows[rows.length - 1];
    if (!current || name.trim() === '') continue;
    const label = stripComponentPrefix(name) ?? headerKey(name);
    const ind = current.indicator;
    const match = ind ? fieldCandidates(label).find((f) => f.evaluation === evaluation && f.indicator === ind.number - 1) : undefined;
    if (match) current.components.push({ row: r, field: match.field });
    else findings.push(finding('warning', 'unknown_component', `无法识别“${name.trim()}”是该指标的哪一项输入,可用 --map 指定`, sheet.name, r, nameCol));
  }

  checkIssuedText(sheet, table, cols, rows, totalRow, findings);

  // Platforms: one per value column.
  const values = cols.values;
  if (values.length === 0) {
    findings.push(finding('warning', 'no_value_column', '未找到数据列(如“完成值”“实际值”或平台名称),无法评分', sheet.name, cols.headerRow, nameCol));
  }
  const usedScores = new Set<number>();
  const platforms: PlatformLayout[] = values.map((v, vi) => {
    const name = v.platform ?? (values.length === 1 ? sheet.name : `${sheet.name}第${vi + 1}列`);
    const score =
      cols.scores.find((s) => !usedScores.has(s.col) && s.platform !== null && headerKey(s.platform) === headerKey(v.platform ?? '')) ??
      cols.scores.find((s) => !usedScores.has(s.col) && s.col > v.col && (values[vi + 1] === undefined || s.col < values[vi + 1].col)) ??
      (values.length === 1 && cols.scores.length === 1 ? cols.scores[0] : undefined);
    if (score) usedScores.add(score.col);
    const at = (row: number, col: number): CellRef => ({ sheet: sheet.name, row, col });
    const inputs: (CellRef | null)[][] = table.indicators.map((ind) => ind.inputs.map(() => null));
    const scores: (CellRef | null)[] = table.indicators.map(() => null);
    for (const ir of rows) {
      if (!ir.indicator) continue;
      const i = ir.indicator.number - 1;
      if (inputs[i].some((x) => x !== null)) continue; // a duplicated row: the first one counts
      const multi = usesComponentRows(ir.indicator);
      if (!multi) inputs[i][0] = at(ir.row, v.col);
      for (const c of ir.components) inputs[i][c.field] = at(c.row, v.col);
      if (multi && ir.components.length === 0) {
        findings.push(
          finding('error', 'components_missing', `“${ir.indicator.shortName}”按类别计分,请在其下方用“其中:”行分别填写:${ir.indicator.inputs.map((f) => f.label).join('、')}`, sheet.name, ir.row, v.col),
        );
      }
      if (score) scores[i] = at(ir.row, score.col);
    }
    return {
      name,
      inputs,
      scores,
      groups: table.groups.map(() => null),
      total: score && totalRow !== null ? at(totalRow, score.col) : null,
    };
  });

  const lastCol = sheet.colCount;
  return {
    kind: 'vertical',
    evaluation,
    sheet: sheet.name,
    platforms,
    findings,
    area: {
      kind: 'columns',
      sheet: sheet.name,
      headerRow: cols.headerRow,
      firstCol: lastCol + 1,
      rows: table.indicators.map((ind) => rows.find((r) => r.indicator === ind)?.row ?? null),
      totalRow,
    },
  };
}

/** The fixed columns against the official table: texts, numbers, order, sums. */
function checkIssuedText(sheet: SheetData, table: EvaluationTable, cols: VerticalColumns, rows: IndicatorRow[], totalRow: number | null, findings: Finding[]): void {
  const { roles } = cols;
  const seen = new Map<number, number>();
  let lastNumber = 0;
  const foundPoints: { group: number; points: number }[] = [];
  for (const ir of rows) {
    const ind = ir.indicator;
    const numberCell = numberIn(sheet, ir.row, roles.number as number);
    if (!ind) {
      findings.push(finding('error', 'unknown_indicator', `${table.shortName}没有这一项指标(序号 ${numberCell ?? '?'})`, sheet.name, ir.row, roles.name as number));
      continue;
    }
    if (seen.has(ind.number)) {
      findings.push(finding('error', 'duplicate_indicator', `“${ind.shortName}”重复出现(第一次在第 ${seen.get(ind.number)} 行)`, sheet.name, ir.row, roles.name as number));
      continue;
    }
    seen.set(ind.number, ir.row);
    if (ind.number < lastNumber) {
      findings.push(finding('error', 'reordered_indicator', `“${ind.shortName}”的位置与${table.attachment}不同(应为第 ${ind.number} 项)`, sheet.name, ir.row, roles.number as number));
    }
    lastNumber = Math.max(lastNumber, ind.number);
    const expect = (role: LayoutColumn, official: string, label: string) => {
      const col = roles[role];
      if (col === undefined) return;
      const found = role === 'group' ? mergedText(sheet, ir.row, col) : cellText(cellAt(sheet, ir.row, col)?.value ?? null);
      if (!sameText(found, official)) {
        findings.push(finding('error', `${role}_changed`, `${label}与${table.attachment}不一致:应为“${official}”,表中为“${found.trim()}”`, sheet.name, ir.row, col));
      }
    };
    if (numberCell !== ind.number) {
      findings.push(finding('error', 'number_changed', `序号与${table.attachment}不一致:“${ind.shortName}”应为 ${ind.number},表中为 ${numberCell ?? '空'}`, sheet.name, ir.row, roles.number as number));
    }
    expect('group', table.groups[ind.group].text, '一级指标');
    expect('name', ind.name, '二级指标');
    expect('standard', ind.standard, '评分标准');
    expect('responsibility', ind.responsibility, cellText(cellAt(sheet, cols.headerRow, roles.responsibility ?? 0)?.value ?? null).trim() || table.responsibilityHeader);
    if (roles.points !== undefined) {
      const p = numberIn(sheet, ir.row, roles.points) ?? Number(normalizeText(cellText(cellAt(sheet, ir.row, roles.points)?.value ?? null)));
      foundPoints.push({ group: ind.group, points: Number.isFinite(p) ? p : NaN });
      if (p !== ind.points) {
        findings.push(finding('error', 'points_changed', `分值与${table.attachment}不一致:“${ind.shortName}”应为 ${ind.points},表中为 ${cellText(cellAt(sheet, ir.row, roles.points)?.value ?? null) || '空'}`, sheet.name, ir.row, roles.points));
      }
    }
  }
  for (const ind of table.indicators) {
    if (!seen.has(ind.number)) {
      findings.push(finding('error', 'missing_indicator', `缺少${table.attachment}第 ${ind.number} 项“${ind.shortName}”`, sheet.name, cols.headerRow, roles.name as number));
    }
  }
  if (roles.points !== undefined && foundPoints.length > 0) {
    table.groups.forEach((g, gi) => {
      const sum = foundPoints.filter((p) => p.group === gi).reduce((s, p) => s + p.points, 0);
      if (foundPoints.some((p) => p.group === gi) && Math.abs(sum - g.weight) > 1e-9) {
        const first = rows.find((r) => r.indicator?.group === gi);
        findings.push(finding('error', 'group_points_sum', `“${g.name}”各项分值之和为 ${Number.isFinite(sum) ? sum : '无法计算'},应等于权重 ${g.weight}`, sheet.name, first?.row ?? cols.headerRow, roles.points as number));
      }
    });
    const total = foundPoints.reduce((s, p) => s + p.points, 0);
    if (Math.abs(total - FULL_MARKS) > 1e-9) {
      findings.push(finding('error', 'points_sum', `分值合计为 ${Number.isFinite(total) ? total : '无法计算'},应为 ${FULL_MARKS}`, sheet.name, totalRow ?? cols.headerRow, roles.points));
    }
    if (totalRow !== null) {
      const t = numberIn(sheet, totalRow, roles.points);
      if (t !== undefined && t !== FULL_MARKS) findings.push(finding('error', 'points_total_changed', `合计行的分值应为 ${FULL_MARKS},表中为 ${t}`, sheet.name, totalRow, roles.points));
    }
  }
}
