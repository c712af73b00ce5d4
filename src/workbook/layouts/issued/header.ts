/**
 * The header of a table with indicators down the rows: the fixed columns (序号, 一级指标, 二级指标,
 * 评分标准, 分值, 责任分工), each platform's value and score columns (a 完成值 | 得分 pair, a
 * platform's name merged over its 数据 | 得分 pair, or 数据 and 得分 blocks with the names below),
 * other columns, and which evaluation the table is.
 */
import { evaluationIds, type EvaluationId } from '../../../rules';
import { parseInput } from '../../../engine';
import { evaluationInTitle, indicatorCandidates, mostVoted, noVotes, isNoteHeader, isScoreHeader, isValueHeader, layoutColumn, stripScoreSuffix, type LayoutColumn } from '../../read/matching';
import { cellAt, type SheetData } from '../../core/model';
import type { MergeIndex } from '../../read/profile';
import { cellText, headerKey } from '../../core/text';
import { colLetters } from '../../core/address';
import type { IssuedOverride } from '../../contract/layout';
import type { IssuedColumns, PlatformColumns } from './text-check';

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

export function findHeader(idx: MergeIndex, overrides: Readonly<Record<string, IssuedOverride>>, variant: Variant): IssuedColumns | undefined {
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

export function detectEvaluation(idx: MergeIndex, cols: IssuedColumns): EvaluationId {
  const sheet = idx.sheet;
  const votes = noVotes();
  for (let r = cols.lastHeaderRow + 1; r <= sheet.rowCount; r++) {
    for (const c of indicatorCandidates(idx.tables, cellText(cellAt(sheet, r, cols.roles.name as number)?.value ?? null))) votes.set(c.evaluation, (votes.get(c.evaluation) ?? 0) + 1);
  }
  const voted = mostVoted(votes);
  if (voted) return voted;
  for (let r = 1; r < cols.headerRow; r++) {
    for (let c = 1; c <= sheet.colCount; c++) {
      const e = evaluationInTitle(idx.tables, idx.text(r, c));
      if (e) return e;
    }
  }
  // each table heads its last column its own way (附件2 责任分工, 附件3 责任部门); when that does not tell, the first listed
  const header = cols.roles.responsibility !== undefined ? headerKey(idx.text(cols.headerRow, cols.roles.responsibility)) : '';
  return evaluationIds.find((e) => headerKey(idx.tables[e].responsibilityHeader) === header) ?? evaluationIds[0];
}

