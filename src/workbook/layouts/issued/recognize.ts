/**
 * The issued indicator table (附件2/附件3 as issued, laid out vertically): recognizes it, checks
 * its fixed columns against the official text, and finds each platform's value and score
 * columns — a single 完成值 | 得分 pair, several platforms' columns, or each platform's name
 * merged over its own 数据 | 得分 pair. Columns that are neither (备注, 说明 …) are "other".
 */
import { absentMeansDefault, vocabulary, type EvaluationTable, type Indicator, type Tables } from '../../../rules';
import { finding, type Finding } from '../../findings/codes';
import { renderUnnamedColumn } from './texts';
import { fieldCandidates, indicatorCandidates, isTotalLabel, stripComponentPrefix, type LayoutColumn } from '../../read/matching';
import { cellAt, type SheetData } from '../../core/model';
import { isNoteText, type MergeIndex } from '../../read/profile';
import { cellText, headerKey } from '../../core/text';
import { NO_UNIT, plainUnits, usesComponentRows, type IssuedOverride, type PlatformLayout, type TableLayout } from '../../contract/layout';
import { type ColumnDecision, type Evidence, type RecognizedNameSource } from '../../findings/roles';
import { type CellRef } from '../../core/address';
import { nextVersion } from '../../core/version';
import { decide } from '../../read/match/assign';
import { rankFields, rankIndicators } from '../../read/match/targets';
import { matchThresholds as T } from '../../../rules';
import { type ColumnRole } from '../../findings/roles';
import { checkIssuedText, numberIn, type IndicatorRow } from './text-check';
import { detectEvaluation, findHeader, type Variant } from './header';
import { isPlatformName, titlePlatform } from '../../read/platform-name';

export type { Variant };

function identify(tables: Tables, table: EvaluationTable, name: string, number: number | undefined): Indicator | undefined {
  const byName = indicatorCandidates(tables, name).filter((c) => c.evaluation === table.evaluation);
  if (byName.length > 0) {
    const exact = byName.find((c) => table.indicators[c.indicator].number === number);
    return table.indicators[(exact ?? byName[0]).indicator];
  }
  return number !== undefined ? table.indicators[number - 1] : undefined;
}

export function recognizeIssuedTable(sheet: SheetData, idx: MergeIndex, overrides: Readonly<Record<string, IssuedOverride>> = {}, variant: Variant = 'issued'): TableLayout | undefined {
  const cols = findHeader(idx, overrides, variant);
  if (!cols) return undefined;
  const evaluation = detectEvaluation(idx, cols);
  const tables = idx.tables;
  const table = tables[evaluation];
  const findings: Finding[] = [];
  const { roles } = cols;
  const numCol = roles.number;
  const nameCol = roles.name as number;

  const rows: IndicatorRow[] = [];
  // rows whose labels are in the office's own words, matched by evidence below
  const ownIndicators: { at: number; row: number; text: string }[] = [];
  const ownComponents = new Map<IndicatorRow, { row: number; text: string }[]>();
  let totalRow: number | null = null;
  for (let r = cols.lastHeaderRow + 1; r <= sheet.rowCount; r++) {
    const number = numCol !== undefined ? numberIn(sheet, r, numCol) : undefined;
    const name = cellText(cellAt(sheet, r, nameCol)?.value ?? null);
    const groupText = roles.group !== undefined ? cellText(cellAt(sheet, r, roles.group)?.value ?? null) : '';
    if (isTotalLabel(name) || isTotalLabel(groupText) || (numCol !== undefined && isTotalLabel(cellText(cellAt(sheet, r, numCol)?.value ?? null)))) {
      totalRow = r;
      break;
    }
    if (number !== undefined && name.trim() !== '') {
      rows.push({ row: r, indicator: identify(tables, table, name, number), components: [] });
      continue;
    }
    // a matrix without 序号: an indicator's row by its name alone
    if (numCol === undefined && stripComponentPrefix(name) === undefined && indicatorCandidates(tables, name).some((c) => c.evaluation === evaluation)) {
      rows.push({ row: r, indicator: identify(tables, table, name, undefined), components: [] });
      continue;
    }
    const current = rows[rows.length - 1];
    // … or by a name in the office's words that reads as an indicator more than as a sub-item of the one above
    if (numCol === undefined && stripComponentPrefix(name) === undefined && name.trim() !== '' && readsAsIndicator(table, name, current?.indicator)) {
      const row: IndicatorRow = { row: r, indicator: undefined, components: [] };
      rows.push(row);
      ownIndicators.push({ at: rows.length - 1, row: r, text: name.trim() });
      continue;
    }
    // a sign-off or note line under the table (填报单位:…) is no sub-item
    if (!current || name.trim() === '' || isNoteText(name)) continue;
    const label = stripComponentPrefix(name) ?? headerKey(name);
    const ind = current.indicator;
    const match = ind ? fieldCandidates(tables, label).find((f) => f.evaluation === evaluation && f.indicator === ind.number - 1) : undefined;
    if (match) current.components.push({ row: r, field: match.field });
    else {
      const list = ownComponents.get(current) ?? [];
      list.push({ row: r, text: name.trim() });
      ownComponents.set(current, list);
    }
  }
  matchRowLabels(table, sheet.name, nameCol, rows, ownIndicators, ownComponents, findings);

  if (variant === 'issued') checkIssuedText(idx, table, cols, rows, totalRow, findings);
  else {
    // a matrix claims no official text: it is one when most indicators are there by name
    const found = new Set(rows.filter((x) => x.indicator !== undefined).map((x) => (x.indicator as Indicator).number));
    if (found.size < Math.ceil(table.indicators.length * vocabulary.matrixIndicatorShare)) return undefined;
    for (const ind of table.indicators) {
      if (!found.has(ind.number)) findings.push(finding('warning', 'indicator_not_in_table', sheet.name, cols.headerRow, nameCol, { evaluation, indicator: ind.number }));
    }
  }

  for (const o of cols.others) {
    findings.push(finding('info', o.note ? 'other_column' : 'unknown_column', sheet.name, cols.headerRow, o.col, { text: o.text }));
  }
  // a single platform's name is often in a title line above the table: 平台名称:某某平台
  // … or its title says which platform the table is (衢州智造新城高端电子材料平台“万亩千亿”…验收评价表),
  // which outweighs a value column's own header (2024年完成值); the workbook's file name and the
  // user's own name come after every layout recognized its sheets (../../naming.ts)
  const single = cols.platforms.length === 1 ? cols.platforms[0] : undefined;
  const titled = single && (single.name === null || !isPlatformName(single.name)) ? titlePlatform(idx, cols.headerRow) : undefined;
  const values = titled ? [{ ...cols.platforms[0], name: titled.name }] : cols.platforms;
  // a matrix is platforms' data: without a platform column it is a list of indicators (a glossary, notes)
  if (variant === 'matrix' && values.length === 0) return undefined;
  if (values.length === 0) findings.push(finding('warning', 'no_value_column', sheet.name, cols.headerRow, nameCol, {}));
  const usedScores = new Set<number>();
  const nameColOf = nameCol;
  const platforms: PlatformLayout[] = values.map((v, vi) => {
    const name = v.name ?? renderUnnamedColumn(sheet.name, vi, values.length);
    let scoreCol = v.score;
    if (scoreCol === null) {
      const loose =
        cols.looseScores.find((s) => !usedScores.has(s.col) && s.platform !== null && headerKey(s.platform) === headerKey(v.name ?? '')) ??
        cols.looseScores.find((s) => !usedScores.has(s.col) && s.col > v.value && (values[vi + 1] === undefined || s.col < values[vi + 1].value)) ??
        (values.length === 1 && cols.looseScores.length === 1 ? cols.looseScores[0] : undefined);
      if (loose) scoreCol = loose.col;
    }
    if (scoreCol !== null) usedScores.add(scoreCol);
    const at = (row: number, col: number): CellRef => ({ sheet: sheet.name, row, col });
    const inputs: (CellRef | null)[][] = table.indicators.map((ind) => ind.inputs.map(() => null));
    const scores: (CellRef | null)[] = table.indicators.map(() => null);
    for (const ir of rows) {
      if (!ir.indicator) continue;
      const i = ir.indicator.number - 1;
      if (inputs[i].some((x) => x !== null)) continue; // a duplicated row: the first one counts
      const multi = usesComponentRows(ir.indicator);
      if (!multi) inputs[i][0] = at(ir.row, v.value);
      for (const c of ir.components) inputs[i][c.field] = at(c.row, v.value);
      if (multi && ir.components.length === 0) {
        findings.push(finding('error', 'components_missing', sheet.name, ir.row, v.value, { evaluation, indicator: ir.indicator.number }));
      } else if (vi === 0) {
        ir.indicator.inputs.forEach((f, fi) => {
          const has = (multi ? false : fi === 0) || ir.components.some((c) => c.field === fi);
          if (!has && !absentMeansDefault(f)) findings.push(finding('warning', 'field_not_in_table', sheet.name, ir.row, nameColOf, { evaluation, indicator: (ir.indicator as Indicator).number, field: fi }));
        });
      }
      if (scoreCol !== null) scores[i] = at(ir.row, scoreCol);
    }
    const nameCell = v.name !== null ? at(cols.headerRow, v.value) : null;
    // one platform: where its name came from (the user may change it in the mapping)
    const nameSource: RecognizedNameSource | undefined =
      values.length !== 1 ? undefined : titled ? { kind: titled.kind, text: titled.text, cell: titled.cell } : nameCell ? { kind: 'header', cell: nameCell } : { kind: 'sheet' };
    return {
      name,
      nameCell,
      ...(nameSource ? { nameSource } : {}),
      inputs,
      scores,
      groups: table.groups.map(() => null),
      total: scoreCol !== null && totalRow !== null ? at(totalRow, scoreCol) : null,
    };
  });

  const decisions: ColumnDecision[] = [];
  const fixedName = (role: LayoutColumn) => (role === 'responsibility' ? table.responsibilityHeader : vocabulary.columns[role][0]);
  for (const [role, col] of Object.entries(roles) as [LayoutColumn, number][]) {
    decisions.push({ col, header: idx.text(cols.headerRow, col), role: role === 'number' ? { kind: 'serial' } : { kind: 'fixed', name: fixedName(role) }, evidence: [{ kind: 'header', text: idx.text(cols.headerRow, col) }], unit: NO_UNIT });
  }
  values.forEach((v, vi) => {
    decisions.push({
      col: v.value,
      header: idx.text(cols.lastHeaderRow, v.value),
      role: { kind: 'platform' },
      evidence: [nameEvidence(platforms[vi], sheet.name)],
      unit: NO_UNIT,
    });
  });
  for (const s of usedScores) decisions.push({ col: s, header: idx.text(cols.lastHeaderRow, s), role: { kind: 'total' }, evidence: [{ kind: 'score_words', text: idx.text(cols.lastHeaderRow, s) }], unit: NO_UNIT });
  for (const o of cols.others) decisions.push({ col: o.col, header: o.text, role: o.note ? { kind: 'note' } : { kind: 'unrecognized', text: o.text }, evidence: [{ kind: 'header', text: o.text }], unit: NO_UNIT });
  decisions.sort((a, b) => a.col - b.col);

  return {
    version: nextVersion(),
    kind: variant,
    evaluation,
    table,
    sheet: sheet.name,
    headerRow: cols.headerRow,
    platforms,
    findings,
    units: plainUnits(table),
    columns: [{ sheet: sheet.name, headerRow: cols.headerRow, decisions }],
    ...(roles.responsibility !== undefined
      ? { responsibility: table.indicators.map((ind) => { const r = rows.find((x) => x.indicator === ind)?.row; return r === undefined ? null : { sheet: sheet.name, row: r, col: roles.responsibility as number }; }) }
      : {}),
    scoreSheets: [],
    area: {
      kind: 'columns',
      sheet: sheet.name,
      headerRow: cols.lastHeaderRow,
      firstCol: sheet.colCount + 1,
      rows: table.indicators.map((ind) => rows.find((r) => r.indicator === ind)?.row ?? null),
      totalRow,
    },
  };
}

/** Whether a label in the office's own words reads as an indicator (confidently enough to be one) rather than a sub-item of the indicator above. */
function readsAsIndicator(table: EvaluationTable, name: string, above: Indicator | undefined): boolean {
  const top = Math.max(...indicatorScores(table, name));
  if (top < T.uncertain) return false;
  if (!above) return true;
  const asItem = rankFields(table, stripComponentPrefix(name) ?? name).find((c) => c.target.indicator === above.number - 1 && above.inputs.length > 1);
  return !asItem || top > asItem.score;
}

/** How alike a row label is to each indicator: its names, or (one-input indicators) its input's label as well. */
function indicatorScores(table: EvaluationTable, text: string): number[] {
  const w = new Array<number>(table.indicators.length).fill(0);
  for (const c of rankIndicators(table, text)) w[c.target.indicator] = c.score;
  for (const c of rankFields(table, text)) if (table.indicators[c.target.indicator].inputs.length === 1) w[c.target.indicator] = Math.max(w[c.target.indicator], c.score);
  return w;
}

const fieldRole = (indicator: number, field: number): ColumnRole => ({ kind: 'input', indicator, field });

/**
 * Row labels in the office's own words, by the same evidence as headers: indicator rows assigned to
 * the indicators no label names exactly, each indicator's sub-item rows to its inputs (one
 * assignment each). A confident reading is used, an uncertain one used and said at the label; the
 * rest is reported (unknown_component, unknown_indicator).
 */
function matchRowLabels(
  table: EvaluationTable,
  sheet: string,
  nameCol: number,
  rows: IndicatorRow[],
  ownIndicators: readonly { at: number; row: number; text: string }[],
  ownComponents: ReadonlyMap<IndicatorRow, readonly { row: number; text: string }[]>,
  findings: Finding[],
): void {
  const evaluation = table.evaluation;
  if (ownIndicators.length > 0) {
    const held = new Map<number, number>();
    for (const r of rows) if (r.indicator) held.set(r.indicator.number - 1, 1);
    const weights = ownIndicators.map((o) => indicatorScores(table, o.text));
    decide(weights, table.indicators.length, held).forEach((d, k) => {
      const o = ownIndicators[k];
      if (d.target < 0) {
        findings.push(finding('warning', 'unknown_indicator_row', sheet, o.row, nameCol, { evaluation, text: o.text }));
        return;
      }
      rows[o.at] = { ...rows[o.at], indicator: table.indicators[d.target] };
      if (d.confidence === 'uncertain')
        findings.push(finding('warning', 'row_uncertain', sheet, o.row, nameCol, { text: o.text, evaluation, role: { kind: 'score', indicator: d.target }, score: d.score, runnerUp: d.runnerUp ? { kind: 'score', indicator: d.runnerUp.target } : null }));
    });
  }
  for (const [key, items] of ownComponents) {
    const row = rows.find((r) => r.row === key.row) ?? key;
    const ind = row.indicator;
    if (!ind) {
      for (const it of items) findings.push(finding('warning', 'unknown_component', sheet, it.row, nameCol, { text: it.text }));
      continue;
    }
    const i = ind.number - 1;
    const held = new Map<number, number>(row.components.map((c) => [c.field, 1]));
    const weights = items.map((it) => {
      const w = new Array<number>(ind.inputs.length).fill(0);
      for (const c of rankFields(table, stripComponentPrefix(it.text) ?? it.text)) if (c.target.indicator === i) w[c.target.field] = c.score;
      // a sub-item's label alone may name the indicator's single input by the indicator's name: not here
      return w;
    });
    decide(weights, ind.inputs.length, held).forEach((d, k) => {
      const it = items[k];
      if (d.target < 0) {
        findings.push(finding('warning', 'unknown_component', sheet, it.row, nameCol, { text: it.text }));
        return;
      }
      row.components.push({ row: it.row, field: d.target });
      if (d.confidence === 'uncertain')
        findings.push(finding('warning', 'row_uncertain', sheet, it.row, nameCol, { text: it.text, evaluation, role: fieldRole(i, d.target), score: d.score, runnerUp: d.runnerUp ? fieldRole(i, d.runnerUp.target) : null }));
    });
    row.components.sort((a, b) => a.row - b.row);
  }
}

/** Why a platform column's platform is called what it is. */
function nameEvidence(p: PlatformLayout, sheet: string): Evidence {
  const s = p.nameSource;
  if (s?.kind === 'title' || s?.kind === 'line') return { kind: 'title', text: s.text };
  if (s?.kind === 'sheet') return { kind: 'sheet_name', sheet };
  return { kind: 'header', text: p.name };
}
