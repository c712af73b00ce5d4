/**
 * The issued indicator table (附件2/附件3 as issued, laid out vertically): recognizes it, checks
 * its fixed columns against the official text, and finds each platform's value and score
 * columns — a single 完成值 | 得分 pair, several platforms' columns, or each platform's name
 * merged over its own 数据 | 得分 pair. Columns that are neither (备注, 说明 …) are "other".
 */
import { absentMeansDefault, tables, vocabulary, type EvaluationId, type EvaluationTable, type Indicator } from '../../../rules';
import { parseInput } from '../../../engine';
import { finding, type Finding } from '../../findings/codes';
import { renderUnnamedColumn } from '../../findings/catalogue';
import {
  evaluationInTitle,
  fieldCandidates,
  indicatorCandidates,
  isNoteHeader,
  isPlatformHeader,
  isScoreHeader,
  isTotalLabel,
  isValueHeader,
  layoutColumn,
  stripComponentPrefix,
  stripScoreSuffix,
  type LayoutColumn,
} from '../../matching';
import { cellAt, type SheetData } from '../../model';
import type { MergeIndex } from '../../read/profile';
import { cellText, headerKey } from '../../text';
import { colLetters } from '../../address';
import { NO_UNIT, plainUnits, usesComponentRows, type CellRef, type ColumnDecision, type IssuedOverride, type PlatformLayout, type TableLayout } from '../layout';
import { checkIssuedText, numberIn, type IndicatorRow, type IssuedColumns, type PlatformColumns } from './text-check';

const HEADER_SCAN_ROWS = 30;

function fixedRoles(idx: MergeIndex, r: number): Partial<Record<LayoutColumn, number>> {
  const roles: Partial<Record<LayoutColumn, number>> = {};
  for (let c = 1; c <= idx.sheet.colCount; c++) {
    const role = layoutColumn(idx.text(r, c));
    if (role && roles[role] === undefined) roles[role] = c;
  }
  return roles;
}

/** Whether a column's cells on indicator rows look like data (numbers, 是/否), text notes, or nothing. */
function columnContent(sheet: SheetData, col: number, first: number, last: number): 'data' | 'text' | 'empty' {
  let data = 0;
  let text = 0;
  for (let r = first; r <= last; r++) {
    const c = cellAt(sheet, r, col);
    if (!c || (c.formula === undefined && cellText(c.value).trim() === '')) continue;
    if (typeof c.value === 'number' || typeof c.value === 'boolean' || c.formula !== undefined) data++;
    else if (parseInput({ kind: 'yesno', label: '' }, c.value).ok || parseInput({ kind: 'amount', label: '' }, c.value).ok) data++;
    else text++;
  }
  if (data === 0 && text === 0) return 'empty';
  return data >= text ? 'data' : 'text';
}

/** The two shapes of indicators down the rows: with the issued table's own columns, or a plain matrix. */
export type Variant = 'issued' | 'matrix';

function fits(roles: Partial<Record<LayoutColumn, number>>, variant: Variant): boolean {
  if (roles.name === undefined) return false;
  const texts = roles.standard !== undefined || roles.points !== undefined;
  return variant === 'issued' ? roles.number !== undefined && texts : !texts;
}

function findHeader(idx: MergeIndex, overrides: Readonly<Record<string, IssuedOverride>>, variant: Variant): IssuedColumns | undefined {
  const sheet = idx.sheet;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); r++) {
    if (!sheet.rows.has(r)) continue;
    const roles = fixedRoles(idx, r);
    if (!fits(roles, variant)) continue;
    const used = new Set(Object.values(roles));
    const cols = [...Array(sheet.colCount).keys()].map((i) => i + 1).filter((c) => !used.has(c));
    // A sub-header row: the cell under a platform name merged over two columns says 数据 / 得分.
    const below = r + 1;
    const subHeader = cols.some((c) => {
      const m = idx.mergeOf(r, c);
      const t = idx.text(below, c);
      return m !== undefined && m.right > m.left && m.bottom === r && (isScoreHeader(t) || isValueHeader(t));
    });
    // Or blocks: 数据 merged over every platform's value column, 得分 over their score columns, the names below.
    const blockOf = (c: number): 'value' | 'score' | undefined => {
      const m = idx.mergeOf(r, c);
      if (!m || m.right === m.left || m.bottom !== r || idx.text(below, c).trim() === '') return undefined;
      const t = idx.text(r, c);
      return isScoreHeader(t) ? 'score' : isValueHeader(t) ? 'value' : undefined;
    };
    const blocks = !subHeader && cols.some((c) => blockOf(c) !== undefined);
    const lastHeaderRow = subHeader || blocks ? below : r;
    const platforms: PlatformColumns[] = [];
    const looseScores: { col: number; platform: string | null }[] = [];
    const others: IssuedColumns['others'] = [];
    const dataFirst = lastHeaderRow + 1;
    const dataLast = sheet.rowCount;
    for (let c = 1; c <= sheet.colCount; c++) {
      if (used.has(c)) continue;
      const top = idx.text(r, c).trim();
      const sub = subHeader || blocks ? idx.text(below, c).trim() : '';
      const o = overrides[colLetters(c)] ?? overrides[headerKey(sub !== '' ? sub : top)];
      if (o) {
        // the user's mapping settles this column
        if (o.kind === 'other') others.push({ col: c, text: sub || top, note: true });
        else if (o.kind === 'value') platforms.push({ name: o.platform, value: c, score: null });
        else looseScores.push({ col: c, platform: o.platform });
        continue;
      }
      const block = blocks ? blockOf(c) : undefined;
      if (block !== undefined) {
        if (block === 'value') platforms.push({ name: idx.text(below, c).trim(), value: c, score: null });
        else looseScores.push({ col: c, platform: idx.text(below, c).trim() });
        continue;
      }
      if (subHeader && idx.mergeOf(r, c) && (isScoreHeader(sub) || isValueHeader(sub))) {
        // a platform's own pair under its merged name
        const m = idx.mergeOf(r, c);
        const name = top === '' ? null : top;
        if (isScoreHeader(sub)) {
          const last = platforms[platforms.length - 1];
          if (last && last.score === null && m && last.value >= m.left) platforms[platforms.length - 1] = { ...last, score: c };
          else looseScores.push({ col: c, platform: name });
        } else platforms.push({ name, value: c, score: null });
        continue;
      }
      const text = sub !== '' ? sub : top;
      if (text === '') continue;
      if (isNoteHeader(text)) {
        others.push({ col: c, text, note: true });
        continue;
      }
      if (isScoreHeader(text)) looseScores.push({ col: c, platform: null });
      else if (stripScoreSuffix(text) !== undefined && !isValueHeader(text)) looseScores.push({ col: c, platform: stripScoreSuffix(text) as string });
      else if (isValueHeader(text)) platforms.push({ name: null, value: c, score: null });
      else {
        // a platform's own column: data in it, or (still blank) a score column beside it or named after it
        const content = columnContent(sheet, c, dataFirst, dataLast);
        const next = idx.text(r, c + 1).trim();
        const paired = isScoreHeader(next) || stripScoreSuffix(next) === headerKey(text);
        if (content === 'data' || (content === 'empty' && paired)) platforms.push({ name: text, value: c, score: null });
        else others.push({ col: c, text, note: false });
      }
    }
    return { headerRow: r, lastHeaderRow, roles, platforms, looseScores, others };
  }
  return undefined;
}

function detectEvaluation(idx: MergeIndex, cols: IssuedColumns): EvaluationId {
  const sheet = idx.sheet;
  const votes: Record<EvaluationId, number> = { acceptance: 0, annual: 0 };
  for (let r = cols.lastHeaderRow + 1; r <= sheet.rowCount; r++) {
    for (const c of indicatorCandidates(cellText(cellAt(sheet, r, cols.roles.name as number)?.value ?? null))) votes[c.evaluation] += 1;
  }
  if (votes.acceptance !== votes.annual) return votes.acceptance > votes.annual ? 'acceptance' : 'annual';
  for (let r = 1; r < cols.headerRow; r++) {
    for (let c = 1; c <= sheet.colCount; c++) {
      const e = evaluationInTitle(idx.text(r, c));
      if (e) return e;
    }
  }
  // 附件2 heads its last column 责任分工, 附件3 责任部门.
  const header = cols.roles.responsibility !== undefined ? headerKey(idx.text(cols.headerRow, cols.roles.responsibility)) : '';
  return header === headerKey(tables.annual.responsibilityHeader) ? 'annual' : 'acceptance';
}

function identify(table: EvaluationTable, name: string, number: number | undefined): Indicator | undefined {
  const byName = indicatorCandidates(name).filter((c) => c.evaluation === table.id);
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
  const table = tables[evaluation];
  const findings: Finding[] = [];
  const { roles } = cols;
  const numCol = roles.number;
  const nameCol = roles.name as number;

  const rows: IndicatorRow[] = [];
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
      rows.push({ row: r, indicator: identify(table, name, number), components: [] });
      continue;
    }
    // a matrix without 序号: an indicator's row by its name alone
    if (numCol === undefined && stripComponentPrefix(name) === undefined && indicatorCandidates(name).some((c) => c.evaluation === evaluation)) {
      rows.push({ row: r, indicator: identify(table, name, undefined), components: [] });
      continue;
    }
    const current = rows[rows.length - 1];
    if (!current || name.trim() === '') continue;
    const label = stripComponentPrefix(name) ?? headerKey(name);
    const ind = current.indicator;
    const match = ind ? fieldCandidates(label).find((f) => f.evaluation === evaluation && f.indicator === ind.number - 1) : undefined;
    if (match) current.components.push({ row: r, field: match.field });
    else findings.push(finding('warning', 'unknown_component', sheet.name, r, nameCol, { text: name.trim() }));
  }

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
  const titled = cols.platforms.length === 1 && cols.platforms[0].name === null ? titlePlatform(idx, cols.headerRow) : undefined;
  const values = titled ? [{ ...cols.platforms[0], name: titled }] : cols.platforms;
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
    return {
      name,
      nameCell: v.name !== null ? at(cols.headerRow, v.value) : null,
      inputs,
      scores,
      groups: table.groups.map(() => null),
      total: scoreCol !== null && totalRow !== null ? at(totalRow, scoreCol) : null,
    };
  });

  const decisions: ColumnDecision[] = [];
  const fixedName = (role: LayoutColumn) => (role === 'responsibility' ? table.responsibilityHeader : vocabulary.columns[role][0]);
  for (const [role, col] of Object.entries(roles) as [LayoutColumn, number][]) {
    decisions.push({ col, header: idx.text(cols.headerRow, col), role: { kind: 'unrecognized', text: fixedName(role) }, evidence: [{ kind: 'header', text: idx.text(cols.headerRow, col) }], unit: NO_UNIT });
  }
  values.forEach((v, vi) => {
    decisions.push({ col: v.value, header: v.name ?? idx.text(cols.lastHeaderRow, v.value), role: { kind: 'platform' }, evidence: [{ kind: 'header', text: platforms[vi].name }], unit: NO_UNIT });
  });
  for (const s of usedScores) decisions.push({ col: s, header: idx.text(cols.lastHeaderRow, s), role: { kind: 'total' }, evidence: [{ kind: 'score_words', text: idx.text(cols.lastHeaderRow, s) }], unit: NO_UNIT });
  for (const o of cols.others) decisions.push({ col: o.col, header: o.text, role: o.note ? { kind: 'note' } : { kind: 'unrecognized', text: o.text }, evidence: [{ kind: 'header', text: o.text }], unit: NO_UNIT });
  decisions.sort((a, b) => a.col - b.col);

  return {
    kind: variant,
    evaluation,
    sheet: sheet.name,
    headerRow: cols.headerRow,
    platforms,
    findings,
    units: plainUnits(table),
    columns: [{ sheet: sheet.name, headerRow: cols.headerRow, decisions }],
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

/** “平台名称:X” (or 平台:X, 新产业平台:X) in a cell above the header. */
function titlePlatform(idx: MergeIndex, headerRow: number): string | undefined {
  for (let r = 1; r < headerRow; r++) {
    const line = idx.sheet.rows.get(r);
    if (!line) continue;
    for (const [, c] of line) {
      const t = cellText(c.value).trim();
      const m = /^([^::]{1,12})[::]\s*(.+)$/.exec(t);
      if (m && isPlatformHeader(m[1]) && m[2].trim() !== '') return m[2].trim();
    }
  }
  return undefined;
}
