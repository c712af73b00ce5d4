/**
 * The wide cohort table (培育名单): one row per platform, one column per input field; score,
 * subtotal and total columns in the same sheet or in a score sheet of the same platforms.
 *
 * Roles come from evidence, strongest first: a user's mapping; formulas (a column reading another
 * sheet is that sheet's score or derived column); header words that mean a score (得分, 小计,
 * 总分, a 得分 group above); values (a typed number beyond an indicator's 分值 cannot be its
 * score); header text matching a field label. A sheet gets one role — inputs, scores (paired with
 * the input sheet it scores), both, or none — and ambiguous readings are reported, never guessed.
 */
import { colLetters } from '../../core/address';
import { fieldCandidates, namesScores } from '../../read/matching';
import type { SheetData } from '../../core/model';
import { columnStats, dataRows, type MergeIndex } from '../../read/profile';
import { headerKey } from '../../core/text';
import { NO_UNIT, type SheetOptions } from '../../contract/layout';
import { type ColumnRole, type Evidence, type SheetRole } from '../../findings/roles';
import { headerBlock } from './block';
import type { CohortSheet } from './types';
import { firstPass, headerTextOf, isInput, isScoreLike, unitOf, type Pending } from './columns';
import { resolveGroupScores } from './groups';
import { matchOwnWords } from './match';
import { chooseEvaluation, findHeader, headerUnit, platformColumn, type HeaderCell } from './header';

export type { CohortSheet } from './types';

/** Reads one sheet as a cohort table, or undefined when it is none. */
export function readCohortSheet(sheet: SheetData, idx: MergeIndex, options: SheetOptions = {}): CohortSheet | undefined {
  const header = findHeader(idx, options.headerRow);
  if (!header) return undefined;
  const mapped = (h: HeaderCell): ColumnRole | undefined => {
    const m = options.columns;
    if (!m) return undefined;
    return m[colLetters(h.col)] ?? m[headerKey(h.child)] ?? (h.parent ? m[headerKey(`${h.parent}/${h.child}`)] : undefined);
  };
  const platformMapped = header.cells.find((h) => mapped(h)?.kind === 'platform');
  const pc = platformMapped?.col ?? platformColumn(sheet, header.row, header.cells);
  if (pc === undefined) return undefined;
  const evaluation = chooseEvaluation(sheet, idx, header.row, header.cells, options.evaluation);
  const block = headerBlock(idx, header.row, pc);
  const rows = dataRows(sheet, block.last, pc);
  const pending = header.cells.map((h) => {
    const stats = columnStats(sheet, h.col, rows);
    const m = mapped(h);
    if (m) return { cell: h, stats, role: m, evidence: [{ kind: 'mapping' } as Evidence] } as Pending;
    if (h.col === pc) return { cell: h, stats, role: { kind: 'platform' }, evidence: [{ kind: 'header', text: headerTextOf(h) } as Evidence] } as Pending;
    return firstPass(idx.tables, evaluation, h, stats, sheet.name);
  });
  resolveGroupScores(idx.tables, evaluation, sheet, rows, pending);
  matchOwnWords(idx.tables, evaluation, pending, sheet.name);
  const parentRow = header.cells.some((h) => h.parent !== '' && h.parent !== h.child) ? header.row - 1 : null;
  // Cross-sheet formulas in score columns name the sheet this one scores.
  const reads = new Map<string, number>();
  for (const p of pending) if (isScoreLike(p.role) || p.scoreReading !== undefined) for (const [s, n] of p.stats.crossSheet) reads.set(s, (reads.get(s) ?? 0) + n);
  const readsFrom = [...reads].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const inputs = pending.filter((p) => isInput(p.role)).length;
  // a column headed 得分 that its group could not place is still a score column: its sheet is a score sheet
  const unplaced = (p: Pending) => p.role?.kind === 'unrecognized' && p.evidence.some((e) => e.kind === 'score_words');
  const scores = pending.filter((p) => (isScoreLike(p.role) && (p.role?.kind !== 'total' || p.stats.formulas > 0)) || unplaced(p)).length;
  const ambiguous = pending.filter((p) => p.role === undefined).length;
  if (inputs + scores + ambiguous === 0) return undefined;
  let role: SheetRole;
  if (options.role) role = options.role;
  else if (inputs > 0 && scores > 0) role = 'combined';
  else if (inputs > 0) role = 'inputs';
  else if (scores > 0 && pending.some((p) => p.role?.kind === 'score' || p.role?.kind === 'subtotal' || p.scoreReading !== undefined || unplaced(p))) role = 'scores';
  else if (scores > 0) role = 'none'; // a typed total alone is no evidence of this year's scores
  else if (namesScores(sheet.name)) role = 'scores';
  else role = 'ambiguous';
  const stats = new Map(pending.map((p) => [p.cell.col, p.stats]));
  const cs: CohortSheet = { sheet, headerRow: header.row, parentRow, evaluation, tables: idx.tables, platformCol: pc, rows, columns: [], role, readsFrom, options, block, stats, headerTop: (col) => idx.masterOf(header.row, col).row };
  settle(cs, pending);
  return cs;
}

/** Gives ambiguous columns the reading the sheet's role supports; builds the decisions. */
export function settle(cs: CohortSheet, pending: readonly Pending[]): void {
  const inputFields = new Set(pending.filter((p) => p.role?.kind === 'input').map((p) => (p.role?.kind === 'input' ? `${p.role.indicator}.${p.role.field}` : '')));
  cs.columns = pending.map((p) => {
    let role = p.role;
    const evidence = [...p.evidence];
    if (role === undefined) {
      const asInput = p.inputReading as { indicator: number; field: number };
      const asScore = p.scoreReading as number;
      if (cs.role === 'scores') role = { kind: 'score', indicator: asScore };
      else if (cs.role === 'combined') role = inputFields.has(`${asInput.indicator}.${asInput.field}`) ? { kind: 'score', indicator: asScore } : { kind: 'input', ...asInput };
      else role = { kind: 'input', ...asInput };
      evidence.push({ kind: 'sheet_role', role: cs.role });
    }
    const header = headerTextOf(p.cell);
    const year = cs.block.years.get(p.cell.col);
    if (year !== undefined && cs.block.year !== null && (role.kind === 'input' || role.kind === 'score' || role.kind === 'subtotal' || role.kind === 'total')) {
      // years side by side: only the evaluated year's columns are read
      evidence.push({ kind: 'year', year, evaluated: year === cs.block.year });
      if (year !== cs.block.year) return { col: p.cell.col, header, role: { kind: 'ignored' }, evidence, unit: NO_UNIT };
    }
    const stated = cs.block.units.get(p.cell.col);
    const unit =
      role.kind === 'input'
        ? unitOf(cs.tables, cs.evaluation, role, header, p.stats, { unit: stated, table: cs.block.tableUnit })
        : { header: headerUnit(header) ?? stated ?? null, factor: 1, unknown: false };
    if (role.kind === 'input' && unit.header !== null) evidence.push({ kind: 'unit', unit: unit.header });
    return { col: p.cell.col, header, role, evidence, unit };
  });
}

/** Settles an ambiguous sheet once the others are known (see pairSheets). */
export function resettle(cs: CohortSheet, role: SheetRole): void {
  cs.role = role;
  cs.columns = cs.columns.map((c) => {
    if (!c.evidence.some((e) => e.kind === 'sheet_role')) return c;
    const h = c.header;
    const ind = c.role.kind === 'input' ? c.role.indicator : c.role.kind === 'score' ? c.role.indicator : -1;
    if (ind < 0) return c;
    const fieldRef = fieldCandidates(cs.tables, h).find((f) => f.evaluation === cs.evaluation && f.indicator === ind);
    const next: ColumnRole = role === 'scores' || !fieldRef ? { kind: 'score', indicator: ind } : { kind: 'input', indicator: ind, field: fieldRef.field };
    return { ...c, role: next, evidence: [...c.evidence.filter((e) => e.kind !== 'sheet_role'), { kind: 'sheet_role', role }] };
  });
}

