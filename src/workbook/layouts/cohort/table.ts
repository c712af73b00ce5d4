/**
 * The cohort table of an input sheet with its paired score sheets: each platform's input, score,
 * subtotal and total cells, the unit of every input column, and the findings about columns.
 */
import { absentMeansDefault, vocabulary, type EvaluationId, type Tables } from '../../../rules';
import { colLetters } from '../../core/address';
import { finding, type Finding } from '../../findings/codes';
import { fieldCandidates, indicatorCandidates, isScoreHeader, isSubtotalLabel, isTotalLabel, stripScoreSuffix } from '../../read/matching';
import { cellAt, type SheetData } from '../../core/model';
import { headerKey } from '../../core/text';
import type { PlatformLayout, TableLayout } from '../../contract/layout';
import { type ColumnDecision, type ColumnUnit } from '../../findings/roles';
import { type CellRef } from '../../core/address';
import { nextVersion } from '../../core/version';
import { resultSheetName } from '../shared/result-sheet';
import { platformKeys } from './pairing';
import { type CohortSheet } from './types';

interface SheetColumns {
  readonly decisions: ColumnDecision[];
  readonly fieldCols: Map<string, number>;
  readonly scoreCols: Map<number, number>;
  readonly groupCols: Map<number, number>;
  readonly totalCol: number | undefined;
  readonly units: ColumnUnit[][];
}

/** One input sheet's columns: where each field, score, subtotal and the total is; findings at the headers. */
export function sheetColumns(input: CohortSheet, findings: Finding[]): SheetColumns {
  const sheet = input.sheet;
  const evaluation = input.evaluation;
  const table = input.tables[evaluation];
  const fieldCols = new Map<string, number>();
  const scoreCols = new Map<number, number>();
  const groupCols = new Map<number, number>();
  let totalCol: number | undefined;
  const units: ColumnUnit[][] = table.indicators.map((ind) => ind.inputs.map(() => ({ header: null, factor: 1, unknown: false })));
  const decisions = input.columns.map((d): ColumnDecision => {
    const r = d.role;
    if (r.kind === 'input') {
      const key = `${r.indicator}.${r.field}`;
      const first = fieldCols.get(key);
      if (first !== undefined) {
        findings.push(finding('warning', 'duplicate_column', sheet.name, input.headerTop(d.col), d.col, { text: d.header, firstColumn: colLetters(first) }));
        return { ...d, role: { kind: 'ignored' }, evidence: [...d.evidence, { kind: 'duplicate_of', column: colLetters(first) }] };
      }
      fieldCols.set(key, d.col);
      units[r.indicator][r.field] = d.unit;
      const said = matchFinding(d, evaluation, sheet.name, input.headerTop(d.col));
      if (said) findings.push(said);
      const field = table.indicators[r.indicator].inputs[r.field];
      if (d.unit.unknown) findings.push(finding('warning', 'unit_unknown', sheet.name, input.headerTop(d.col), d.col, { evaluation, indicator: r.indicator + 1, field: r.field, unit: d.unit.header ?? '', expected: field.unit }));
      else if (d.unit.factor !== 1 && field.kind === 'share') findings.push(finding('warning', 'percent_points', sheet.name, input.headerTop(d.col), d.col, { evaluation, indicator: r.indicator + 1, field: r.field }));
      else if (d.unit.factor !== 1) findings.push(finding('info', 'unit_converted', sheet.name, input.headerTop(d.col), d.col, { evaluation, indicator: r.indicator + 1, field: r.field, from: d.unit.header ?? '', to: field.unit, factor: d.unit.factor }));
    } else if (r.kind === 'score') {
      if (!scoreCols.has(r.indicator)) scoreCols.set(r.indicator, d.col);
      const said = matchFinding(d, evaluation, sheet.name, input.headerTop(d.col));
      if (said) findings.push(said);
    } else if (r.kind === 'subtotal') groupCols.set(r.group, d.col);
    else if (r.kind === 'total') totalCol = d.col;
    else if (r.kind === 'unrecognized' && r.text.trim() !== '') {
      if (looksLikeScore(input, d, false)) {
        findings.push(unplacedFinding(input, d, false));
        return d;
      }
      const said = matchFinding(d, evaluation, sheet.name, input.headerTop(d.col));
      if (said) {
        findings.push(said);
        return d;
      }
      const other = evaluationsOf(input.tables, r.text).filter((e) => e !== evaluation);
      if (other.length > 0) findings.push(finding('info', 'other_evaluation_column', sheet.name, input.headerTop(d.col), d.col, { text: d.header, evaluation: other[0] }));
      else findings.push(finding('info', 'unknown_column', sheet.name, input.headerTop(d.col), d.col, { text: d.header }));
    }
    return d;
  });

  // years side by side: the other years' columns, said once per year at the first of them
  const otherYears = new Map<number, { col: number; count: number }>();
  for (const d of decisions) {
    const y = d.evidence.find((e) => e.kind === 'year' && !e.evaluated);
    if (!y || y.kind !== 'year') continue;
    const seen = otherYears.get(y.year);
    if (seen) seen.count++;
    else otherYears.set(y.year, { col: d.col, count: 1 });
  }
  for (const [year, o] of otherYears) findings.push(finding('info', 'other_year_columns', sheet.name, input.headerTop(o.col), o.col, { year, evaluated: input.block.year as number, count: o.count }));
  return { decisions, fieldCols, scoreCols, groupCols, totalCol, units };
}

/**
 * The table of an input sheet — or of the batches of one 培育名单 over several sheets, the first
 * one `inputs[0]` — with its paired score sheets. `single` says whether it is the only cohort
 * table of the workbook (its new result sheet is then simply 评分结果).
 */
export function buildCohortLayout(inputs: readonly CohortSheet[], scoreSheets: readonly CohortSheet[], taken: Set<string>, single: boolean, extra: readonly Finding[] = []): TableLayout {
  const input = inputs[0];
  const sheet = input.sheet;
  const evaluation = input.evaluation;
  const table = input.tables[evaluation];
  const findings: Finding[] = [...extra];
  const read = inputs.map((s) => sheetColumns(s, findings));
  const { fieldCols, units } = read[0];

  table.indicators.forEach((ind, i) => {
    const any = ind.inputs.some((_, fi) => fieldCols.has(`${i}.${fi}`));
    if (!any) findings.push(finding('warning', 'indicator_not_in_table', sheet.name, input.headerTop(input.platformCol), input.platformCol, { evaluation, indicator: i + 1 }));
    else
      ind.inputs.forEach((f, fi) => {
        if (!fieldCols.has(`${i}.${fi}`) && !absentMeansDefault(f)) findings.push(finding('warning', 'field_not_in_table', sheet.name, input.headerTop(input.platformCol), input.platformCol, { evaluation, indicator: i + 1, field: fi }));
      });
  });

  const seen = new Map<string, { sheet: string; row: number }>();
  const platforms: PlatformLayout[] = [];
  inputs.forEach((s, si) => {
    const cols = read[si];
    const dataCols = [...cols.fieldCols.values()];
    for (const info of s.rows) {
      if (info.kind === 'unnamed') {
        if (dataCols.some((c) => cellAt(s.sheet, info.row, c) !== null)) findings.push(finding('error', 'unnamed_row', s.sheet.name, info.row, s.platformCol, { row: info.row }));
        continue;
      }
      if (info.kind !== 'platform') continue;
      const key = headerKey(info.name);
      const first = seen.get(key);
      if (first) findings.push(finding('warning', 'duplicate_platform', s.sheet.name, info.row, s.platformCol, { name: info.name, firstRow: first.row }));
      else seen.set(key, { sheet: s.sheet.name, row: info.row });
      const at = (col: number): CellRef => ({ sheet: s.sheet.name, row: info.row, col });
      const colOf = (m: ReadonlyMap<string | number, number>, k: string | number) => (m.has(k) ? at(m.get(k) as number) : null);
      platforms.push({
        name: info.name,
        nameCell: at(s.platformCol),
        inputs: table.indicators.map((ind, i) => ind.inputs.map((_, fi) => colOf(cols.fieldCols, `${i}.${fi}`))),
        scores: table.indicators.map((_, i) => colOf(cols.scoreCols, i)),
        groups: table.groups.map((_, g) => colOf(cols.groupCols, g)),
        total: cols.totalCol !== undefined ? at(cols.totalCol) : null,
      });
    }
  });
  const columns = inputs.map((s, si) => ({ sheet: s.sheet.name, headerRow: s.headerRow, decisions: read[si].decisions }));
  for (const s of scoreSheets) {
    columns.push({ sheet: s.sheet.name, headerRow: s.headerRow, decisions: s.columns });
    attachScoreSheet(platforms, seen, sheet.name, s, findings);
    // a score sheet's column the layout could not place is said, never left silently unreviewed
    for (const d of s.columns) {
      if (d.role.kind === 'score') {
        const said = matchFinding(d, s.evaluation, s.sheet.name, s.headerTop(d.col));
        if (said) findings.push(said);
      } else if (d.role.kind === 'unrecognized' && d.role.text.trim() !== '') findings.push(unplacedFinding(s, d, true));
    }
  }
  const hasPlaces = platforms.some((p) => p.scores.some((x) => x !== null));
  let area: TableLayout['area'] = { kind: 'none' };
  if (!hasPlaces && platforms.length > 0) {
    const name = resultSheetName(sheet.name, taken, single);
    taken.add(name);
    area = { kind: 'sheet', name };
  }
  return {
    version: nextVersion(),
    kind: 'cohort',
    evaluation,
    table,
    sheet: sheet.name,
    headerRow: input.headerRow,
    platforms,
    findings,
    units,
    columns,
    scoreSheets: scoreSheets.map((s) => s.sheet.name),
    area,
    ...(inputs.length > 1 ? { batchSheets: inputs.slice(1).map((s) => s.sheet.name) } : {}),
    ...(input.block.year !== null ? { year: input.block.year } : {}),
  };
}

/**
 * Whether an unplaced column looks like a score: its header says 得分/分/小计/合计, or (on a score
 * sheet) it holds formulas, or its formulas read this row's inputs. Such a column is never left
 * silently unreviewed.
 */
function looksLikeScore(s: CohortSheet, d: ColumnDecision, scoreSheet: boolean): boolean {
  const label = d.header.split('/').pop() ?? '';
  const k = headerKey(label);
  if (isScoreHeader(label) || stripScoreSuffix(label) !== undefined || isSubtotalLabel(label) || isTotalLabel(label)) return true;
  if (vocabulary.scoreEndings.some((e) => k.endsWith(e))) return true;
  const stats = s.stats.get(d.col);
  if (!stats || stats.formulas === 0) return false;
  return scoreSheet || stats.sameRow * 2 >= stats.formulas;
}

function unplacedFinding(s: CohortSheet, d: ColumnDecision, scoreSheet: boolean): Finding {
  const row = s.headerTop(d.col);
  if (looksLikeScore(s, d, scoreSheet)) return finding('warning', 'score_column_unmatched', s.sheet.name, row, d.col, { text: d.header });
  return matchFinding(d, s.evaluation, s.sheet.name, row) ?? finding('info', 'unknown_column', s.sheet.name, row, d.col, { text: d.header });
}

/** What the match of a header in the user's own words says at the header, if anything. */
function matchFinding(d: ColumnDecision, evaluation: EvaluationId, sheet: string, row: number): Finding | undefined {
  const m = d.evidence.find((e) => e.kind === 'match');
  if (!m || m.kind !== 'match') return undefined;
  const used = d.role.kind === 'input' || d.role.kind === 'score';
  if (used && m.confidence === 'uncertain') return finding('warning', 'column_uncertain', sheet, row, d.col, { text: d.header, evaluation, role: d.role, score: m.score, runnerUp: m.runnerUp?.role ?? null });
  if (d.role.kind !== 'unrecognized') return undefined;
  if (m.confidence === 'tie' && m.runnerUp) return finding('warning', 'column_ambiguous', sheet, row, d.col, { text: d.header, evaluation, role: m.role, runnerUp: m.runnerUp.role });
  return finding('info', 'column_resembles', sheet, row, d.col, { text: d.header, evaluation, role: m.role, score: m.score });
}

function evaluationsOf(tables: Tables, text: string): EvaluationId[] {
  return [...new Set([...fieldCandidates(tables, text), ...indicatorCandidates(tables, text)].map((r) => r.evaluation))];
}

/** Score places from a score sheet of the same platforms (matched by name; order may differ). */
function attachScoreSheet(platforms: PlatformLayout[], inputNames: ReadonlyMap<string, unknown>, inputSheet: string, s: CohortSheet, findings: Finding[]): void {
  const names = platformKeys(s);
  for (const p of platforms) {
    const row = names.get(headerKey(p.name));
    if (row === undefined) {
      findings.push(finding('warning', 'platform_not_in_score_sheet', s.sheet.name, s.headerTop(s.platformCol), s.platformCol, { name: p.name, scoreSheet: s.sheet.name }));
      continue;
    }
    for (const d of s.columns) {
      const at: CellRef = { sheet: s.sheet.name, row, col: d.col };
      const r = d.role;
      if (r.kind === 'score' && p.scores[r.indicator] === null) p.scores[r.indicator] = at;
      else if (r.kind === 'subtotal' && p.groups[r.group] === null) p.groups[r.group] = at;
      else if (r.kind === 'total' && p.total === null) p.total = at;
    }
  }
  for (const [k, row] of names) {
    if (!inputNames.has(k)) findings.push(finding('warning', 'unknown_platform_in_score_sheet', s.sheet.name, row, s.platformCol, { name: cellTextAt(s.sheet, row, s.platformCol), inputSheet }));
  }
}

function cellTextAt(sheet: SheetData, row: number, col: number): string {
  const v = cellAt(sheet, row, col)?.value;
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}