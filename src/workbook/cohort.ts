/**
 * Recognizes the wide cohort table: one row per platform, one column per input field, with one
 * or two header rows (an indicator merged over its component columns). Score, subtotal and
 * total columns may be in the same sheet or in another sheet whose rows are the same platforms.
 */
import { evaluationIds, tables, vocabulary, type EvaluationId } from '../rules';
import { colLetters } from './address';
import type { CellRef, PlatformLayout, TableLayout } from './layout';
import {
  evaluationInTitle,
  fieldCandidates,
  groupCandidates,
  indicatorCandidates,
  isPlatformHeader,
  isScoreHeader,
  isSubtotalLabel,
  isTotalLabel,
  layoutColumn,
  stripScoreSuffix,
  type FieldRef,
  type IndicatorRef,
} from './matching';
import { cellAt, findingAt as finding, type Finding, type SheetData } from './model';
import { cellText, headerKey } from './text';
import { mergedText } from './vertical';

const HEADER_SCAN_ROWS = 15;

/** What one column holds. */
export type ColumnRole =
  | { kind: 'platform' }
  | { kind: 'field'; refs: FieldRef[] }
  | { kind: 'score'; refs: IndicatorRef[] }
  | { kind: 'group'; evaluation: EvaluationId; group: number }
  | { kind: 'total' }
  | { kind: 'unknown'; text: string };

export interface ColumnMapping {
  /** Column letter or header text → role, from a user's mapping file. */
  readonly [key: string]: ColumnRole;
}

export interface SheetOptions {
  readonly evaluation?: EvaluationId;
  readonly headerRow?: number;
  readonly columns?: ColumnMapping;
}

interface Header {
  readonly row: number;
  readonly roles: Map<number, ColumnRole>;
  readonly texts: Map<number, string>;
}

function classify(parent: string, child: string, scoreSheet: boolean): ColumnRole {
  const text = child.trim() !== '' ? child : parent;
  if (text.trim() === '') return { kind: 'unknown', text: '' };
  if (isPlatformHeader(text)) return { kind: 'platform' };
  if (isTotalLabel(text)) return { kind: 'total' };
  const parentInd = parent && parent !== child ? indicatorCandidates(parent) : [];
  const parentGroup = parent && parent !== child ? groupCandidates(parent) : [];
  if (isScoreHeader(child) && parentInd.length > 0) return { kind: 'score', refs: parentInd };
  if ((isSubtotalLabel(child) || isScoreHeader(child)) && parentGroup.length > 0) return { kind: 'group', ...parentGroup[0] };
  const stripped = stripScoreSuffix(text);
  if (stripped !== undefined) {
    const ind = indicatorCandidates(stripped);
    if (ind.length > 0) return { kind: 'score', refs: ind };
    const g = groupCandidates(stripped);
    if (g.length > 0) return { kind: 'group', ...g[0] };
    const n = /^第?(\d+)项?$/.exec(stripped);
    if (n) return { kind: 'score', refs: evaluationIds.map((evaluation) => ({ evaluation, indicator: Number(n[1]) - 1 })) };
  }
  if (isSubtotalLabel(text) && parentGroup.length > 0) return { kind: 'group', ...parentGroup[0] };
  const g = groupCandidates(text);
  if (g.length > 0 && scoreSheet) return { kind: 'group', ...g[0] };
  if (scoreSheet) {
    const ind = indicatorCandidates(text);
    if (ind.length > 0) return { kind: 'score', refs: ind };
  }
  let refs = fieldCandidates(child.trim() !== '' ? child : parent);
  if (parentInd.length > 0 && child.trim() !== '') {
    const within = refs.filter((r) => parentInd.some((p) => p.evaluation === r.evaluation && p.indicator === r.indicator));
    if (within.length > 0) refs = within;
    else if (refs.length === 0) return { kind: 'unknown', text: `${parent}/${child}` };
  }
  if (refs.length > 0) return { kind: 'field', refs };
  return { kind: 'unknown', text };
}

function readHeader(sheet: SheetData, row: number, scoreSheet: boolean, mapping?: ColumnMapping): Header {
  const roles = new Map<number, ColumnRole>();
  const texts = new Map<number, string>();
  const parentRow = row - 1;
  for (let c = 1; c <= sheet.colCount; c++) {
    const child = mergedText(sheet, row, c);
    const parent = parentRow >= 1 ? mergedText(sheet, parentRow, c) : '';
    const parentUseful = parent.trim() !== '' && (indicatorCandidates(parent).length > 0 || groupCandidates(parent).length > 0 || parent === child);
    const p = parentUseful ? parent : '';
    texts.set(c, child.trim() !== '' ? child : p);
    const mapped = mapping?.[colLetters(c)] ?? mapping?.[headerKey(child)] ?? mapping?.[child.trim()];
    roles.set(c, mapped ?? classify(p, child, scoreSheet));
  }
  return { row, roles, texts };
}

function headerScore(h: Header): number {
  let n = 0;
  for (const r of h.roles.values()) if (r.kind === 'field' || r.kind === 'score' || r.kind === 'group' || r.kind === 'total') n++;
  return n;
}

function platformColumn(sheet: SheetData, h: Header): number | undefined {
  for (const [c, r] of h.roles) if (r.kind === 'platform') return c;
  // Fall back to the first column whose cells below the header are mostly text.
  for (let c = 1; c <= sheet.colCount; c++) {
    const r = h.roles.get(c);
    if (r && r.kind !== 'unknown') continue;
    const v = cellAt(sheet, h.row + 1, c)?.value;
    if (typeof v === 'string' && v.trim() !== '' && !/^\d+$/.test(v.trim())) return c;
  }
  return undefined;
}

export function findCohortHeader(sheet: SheetData, scoreSheet: boolean, options: SheetOptions = {}): Header | undefined {
  if (options.headerRow) return readHeader(sheet, options.headerRow, scoreSheet, options.columns);
  let best: Header | undefined;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); r++) {
    const h = readHeader(sheet, r, scoreSheet, options.columns);
    if (headerScore(h) >= 2 && (!best || headerScore(h) > headerScore(best))) best = h;
  }
  return best;
}

function chooseEvaluation(sheet: SheetData, h: Header, forced?: EvaluationId): EvaluationId {
  if (forced) return forced;
  const votes: Record<EvaluationId, number> = { acceptance: 0, annual: 0 };
  for (const r of h.roles.values()) {
    if (r.kind === 'field') for (const e of new Set(r.refs.map((x) => x.evaluation))) votes[e] += 1;
    if (r.kind === 'score') for (const e of new Set(r.refs.map((x) => x.evaluation))) votes[e] += 1;
    if (r.kind === 'group') votes[r.evaluation] += 1;
  }
  if (votes.acceptance !== votes.annual) return votes.acceptance > votes.annual ? 'acceptance' : 'annual';
  const title = evaluationInTitle(sheet.name) ?? (() => {
    for (let r = 1; r < h.row; r++) for (let c = 1; c <= sheet.colCount; c++) {
      const e = evaluationInTitle(cellText(cellAt(sheet, r, c)?.value ?? null));
      if (e) return e;
    }
    return undefined;
  })();
  return title ?? 'annual';
}

interface DataRows {
  readonly rows: { row: number; name: string }[];
}

function dataRows(sheet: SheetData, h: Header, platformCol: number): DataRows {
  const rows: { row: number; name: string }[] = [];
  for (let r = h.row + 1; r <= sheet.rowCount; r++) {
    const name = cellText(cellAt(sheet, r, platformCol)?.value ?? null).trim();
    if (name === '') {
      // allow a single blank row inside the table, stop at the end
      const next = cellText(cellAt(sheet, r + 1, platformCol)?.value ?? null).trim();
      if (next === '' || isTotalLabel(next)) break;
      continue;
    }
    if (isTotalLabel(name) || vocabulary.summaryRows.some((w) => headerKey(w) === headerKey(name))) break;
    rows.push({ row: r, name });
  }
  return { rows };
}

/** A score sheet: same platforms (by name), score columns only. */
function attachScoreSheets(layout: TableLayout, workbook: readonly SheetData[], rowsByName: Map<string, number>): void {
  for (const other of workbook) {
    if (other.name === layout.sheet) continue;
    const h = findCohortHeader(other, true);
    if (!h) continue;
    const roles = [...h.roles.values()];
    if (roles.some((r) => r.kind === 'field') || !roles.some((r) => r.kind === 'score' || r.kind === 'total')) continue;
    const pc = platformColumn(other, h);
    if (pc === undefined) continue;
    const rows = dataRows(other, h, pc).rows;
    const names = new Map(rows.map((r) => [headerKey(r.name), r.row]));
    if (![...rowsByName.keys()].some((n) => names.has(n))) continue;
    for (const p of layout.platforms) {
      const row = names.get(headerKey(p.name));
      if (row === undefined) {
        layout.findings.push(finding('warning', 'platform_not_in_score_sheet', `评分表“${other.name}”中没有平台“${p.name}”`, other.name, h.row, pc));
        continue;
      }
      for (const [c, r] of h.roles) {
        const at: CellRef = { sheet: other.name, row, col: c };
        const ind = r.kind === 'score' ? r.refs.find((x) => x.evaluation === layout.evaluation) : undefined;
        if (ind && ind.indicator < p.scores.length && p.scores[ind.indicator] === null) p.scores[ind.indicator] = at;
        if (r.kind === 'group' && r.evaluation === layout.evaluation) p.groups[r.group] = at;
        if (r.kind === 'total') p.total = at;
      }
    }
    for (const [n, row] of names) {
      if (!rowsByName.has(n)) layout.findings.push(finding('warning', 'unknown_platform_in_score_sheet', `评分表中的平台“${cellText(cellAt(other, row, pc)?.value ?? null)}”不在数据表中`, other.name, row, pc));
    }
  }
}

export function recognizeCohort(sheet: SheetData, workbook: readonly SheetData[], options: SheetOptions = {}): TableLayout | undefined {
  const h = findCohortHeader(sheet, false, options);
  if (!h) return undefined;
  if (![...h.roles.values()].some((r) => r.kind === 'field')) return undefined;
  const pc = platformColumn(sheet, h);
  const findings: Finding[] = [];
  if (pc === undefined) {
    findings.push(finding('error', 'no_platform_column', '未找到平台名称列(如“平台名称”),可用 --map 指定', sheet.name, h.row, 1));
    return { kind: 'cohort', evaluation: chooseEvaluation(sheet, h, options.evaluation), sheet: sheet.name, platforms: [], findings, area: { kind: 'none' } };
  }
  const evaluation = chooseEvaluation(sheet, h, options.evaluation);
  const table = tables[evaluation];
  const fieldCols = new Map<string, number>();
  const scoreCols = new Map<number, number>();
  const groupCols = new Map<number, number>();
  let totalCol: number | undefined;
  for (const [c, r] of h.roles) {
    if (r.kind === 'field') {
      const ref = r.refs.find((x) => x.evaluation === evaluation);
      if (!ref) {
        findings.push(finding('warning', 'other_evaluation_column', `“${h.texts.get(c)}”不是${table.shortName}的指标,已忽略`, sheet.name, h.row, c));
        continue;
      }
      const key = `${ref.indicator}.${ref.field}`;
      if (fieldCols.has(key)) {
        findings.push(finding('warning', 'duplicate_column', `“${h.texts.get(c)}”与 ${colLetters(fieldCols.get(key) as number)} 列重复,已忽略`, sheet.name, h.row, c));
        continue;
      }
      fieldCols.set(key, c);
    } else if (r.kind === 'score' && r.refs.some((x) => x.evaluation === evaluation && x.indicator < table.indicators.length)) {
      scoreCols.set((r.refs.find((x) => x.evaluation === evaluation) as IndicatorRef).indicator, c);
    }
    else if (r.kind === 'group' && r.evaluation === evaluation) groupCols.set(r.group, c);
    else if (r.kind === 'total') totalCol = c;
    else if (r.kind === 'unknown' && r.text.trim() !== '' && c !== pc && layoutColumn(r.text) !== 'number') {
      findings.push(finding('info', 'unknown_column', `无法识别列标题“${r.text.trim()}”,已忽略;如是评分数据,可用 --map 指定`, sheet.name, h.row, c));
    }
  }
  // Indicators with no input column at all.
  table.indicators.forEach((ind, i) => {
    const missing = ind.inputs.map((f, fi) => ({ f, fi })).filter(({ f, fi }) => !f.optional && !fieldCols.has(`${i}.${fi}`));
    const any = ind.inputs.some((_, fi) => fieldCols.has(`${i}.${fi}`));
    if (!any) findings.push(finding('warning', 'indicator_not_in_table', `表中没有“${ind.shortName}”(${table.attachment}第 ${ind.number} 项)的数据列`, sheet.name, h.row, pc));
    else for (const { f } of missing) findings.push(finding('warning', 'field_not_in_table', `表中没有“${ind.shortName}”的“${f.label}”列`, sheet.name, h.row, pc));
  });

  const rows = dataRows(sheet, h, pc).rows;
  const seen = new Map<string, number>();
  const platforms: PlatformLayout[] = [];
  for (const { row, name } of rows) {
    const key = headerKey(name);
    if (seen.has(key)) findings.push(finding('warning', 'duplicate_platform', `平台“${name}”重复出现(第一次在第 ${seen.get(key)} 行)`, sheet.name, row, pc));
    else seen.set(key, row);
    const at = (col: number): CellRef => ({ sheet: sheet.name, row, col });
    platforms.push({
      name,
      inputs: table.indicators.map((ind, i) => ind.inputs.map((_, fi) => (fieldCols.has(`${i}.${fi}`) ? at(fieldCols.get(`${i}.${fi}`) as number) : null))),
      scores: table.indicators.map((_, i) => (scoreCols.has(i) ? at(scoreCols.get(i) as number) : null)),
      groups: table.groups.map((_, g) => (groupCols.has(g) ? at(groupCols.get(g) as number) : null)),
      total: totalCol !== undefined ? at(totalCol) : null,
    });
  }
  const layout: TableLayout = { kind: 'cohort', evaluation, sheet: sheet.name, platforms, findings, area: { kind: 'none' } };
  attachScoreSheets(layout, workbook, seen);
  const hasPlaces = platforms.some((p) => p.scores.some((s) => s !== null));
  const names = new Set(workbook.map((s) => s.name));
  let areaName = vocabulary.resultSheet as string;
  for (let k = 2; names.has(areaName); k++) areaName = `${vocabulary.resultSheet}${k}`;
  layout.area = hasPlaces ? { kind: 'none' } : { kind: 'sheet', name: areaName };
  return layout;
}
