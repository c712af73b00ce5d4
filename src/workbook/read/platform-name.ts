/**
 * A single platform's name where an issued table (or a matrix) holds one platform and its value
 * column's header does not name it, in order of evidence: a title above the table that names it,
 * a 平台名称/填报单位 line above it, the workbook's file name. The words are data
 * (rules/vocabulary `platformTitle`); these are the rules reading them.
 */
import { evaluationIds, tables, vocabulary } from '../../rules';
import { isPlatformHeader } from './matching';
import type { MergeIndex } from './profile';
import { cellText, normalizeText } from '../core/text';
import { type CellRef } from '../core/address';

const PT = vocabulary.platformTitle;
const FN = PT.fileName;

/** A platform's name is at least this long (平台 alone, 新区 alone are no name). */
const MIN_NAME = 4;

/** A name that says it is a platform (…平台, …新城, …高新区), not a column's header such as 2024年完成值. */
export function isPlatformName(name: string): boolean {
  const t = normalizeText(name).trim();
  return PT.platformEndings.some((e) => t.endsWith(e));
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The programme's and the evaluations' names (万亩千亿, 验收评价, 年度评价). */
const PROGRAMME_WORDS = [PT.programme, ...evaluationIds.map((e) => tables[e].shortName)];

/** The words that end a platform's name in a title: a year, then the programme's name or an evaluation's (“万亩千亿”…, 验收评价…). */
const TITLE_CUT = new RegExp(`(?:(?:19|20)\\d{2}年度?)?["“”]?(?:${PROGRAMME_WORDS.map(escape).join('|')})`);

/** Words of scope and an ending only: 全省平台, 各新产业平台, 省级开发区. */
const SCOPE_ONLY = new RegExp(`^(?:${PT.scopes.map(escape).join('|')})*(?:${[PT.generic, ...PT.platformEndings].map(escape).join('|')})$`);

/** A candidate that names a platform: long enough, ending as a platform's name does, not the programme's own words nor a scope's. */
function asName(candidate: string): string | undefined {
  const name = candidate.replace(/^["“”'\s]+|["“”'\s]+$/g, '');
  return name.length >= MIN_NAME && isPlatformName(name) && !SCOPE_ONLY.test(name) ? name : undefined;
}

/** The platform a title names: the words before the programme's or the evaluation's name, ending as a platform's name does. */
export function platformInTitle(text: string): string | undefined {
  const t = normalizeText(text).trim();
  const cut = t.search(TITLE_CUT);
  if (cut <= 0) return undefined;
  return asName(t.slice(0, cut));
}

/** Where a single platform's name was read above the table: a title that names it, or a 平台名称/填报单位 line. */
export interface TitledName {
  readonly kind: 'title' | 'line';
  readonly name: string;
  /** The line's text as the cell holds it. */
  readonly text: string;
  readonly cell: CellRef;
}

/**
 * A single platform's name from the lines above the header, in order of evidence: a title that
 * names it, then a line “平台名称:X” (or 平台:X, 新产业平台:X, 填报单位:X).
 */
export function titlePlatform(idx: MergeIndex, headerRow: number): TitledName | undefined {
  const lines: { text: string; cell: CellRef }[] = [];
  for (let r = 1; r < headerRow; r++) {
    const line = idx.sheet.rows.get(r);
    if (!line) continue;
    for (const [col, c] of line) {
      const t = cellText(c.value).trim();
      if (t !== '') lines.push({ text: t, cell: { sheet: idx.sheet.name, row: r, col } });
    }
  }
  for (const l of lines) {
    const name = platformInTitle(l.text);
    if (name) return { kind: 'title', name, text: l.text, cell: l.cell };
  }
  for (const l of lines) {
    const m = /^([^::]{1,12})[::]\s*(.+)$/.exec(l.text);
    if (!m || m[2].trim() === '') continue;
    // a 填报单位 names the platform only when it is the platform's own body (…平台, …管委会), not a bureau
    const body = PT.platformBodies.some((b) => m[2].trim().endsWith(b));
    if (isPlatformHeader(m[1]) || (m[1].trim() === PT.reporterLabel && body)) return { kind: 'line', name: m[2].trim(), text: l.text, cell: l.cell };
  }
  return undefined;
}

/**
 * A workbook's file name from what a surface has: a path (C:\…\x.xlsx, /home/…/x.xlsx) or an
 * address (https://…/x%20y.xlsx?web=1), as its last part, decoded; '' when there is none.
 */
export function fileBaseName(pathOrUrl: string): string {
  const last = pathOrUrl.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  if (!/%[0-9a-f]{2}/i.test(last)) return last.trim();
  try {
    return decodeURIComponent(last).trim();
  } catch (e) {
    // a lone % in a local file's name: the name is as written
    if (e instanceof URIError) return last.trim();
    throw e;
  }
}

const EXTENSION = new RegExp(`\\.(?:${FN.extensions.map(escape).join('|')})$`, 'i');
/** A copy's mark at the end: (1), (2), -副本, 副本(3), - Copy. */
const COPY_MARK = new RegExp(`(?:[-_\\s]*(?:${FN.copyMarks.map(escape).join('|')}))?[-_\\s]*(?:\\(\\d{1,3}\\))?$`, 'i');
const SEPARATORS = new RegExp(`[${FN.separators.map(escape).join('')}]+`);
const LEADING = new RegExp(`^(?:(?:${FN.prefixes.map(escape).join('|')})\\d{0,2}[:]?|(?:19|20)\\d{2}年?度?)+`);
const FILE_CUT = new RegExp(`(?:19|20)\\d{2}|${[...PROGRAMME_WORDS, ...FN.cutWords].map(escape).join('|')}`);
const TAIL = new RegExp(`(?:${FN.tailWords.map(escape).join('|')})$`);

/**
 * The platform a workbook's file name names (衢州智造新城2024年度评价.xlsx → 衢州智造新城,
 * XX高新区新产业平台-验收.xlsx → XX高新区新产业平台), or undefined (年度评价.xlsx, Book1.xlsx,
 * 评分表(1).xlsx). Read as a title is: the words before a year, the programme's or an
 * evaluation's name, ending as a platform's name does.
 */
export function platformInFileName(fileName: string): string | undefined {
  let base = normalizeText(fileBaseName(fileName)).replace(EXTENSION, '');
  // copy marks may stack: 评分表 - 副本 (2)
  for (let i = 0; i < 3; i++) base = base.replace(COPY_MARK, '');
  for (const raw of base.split(SEPARATORS)) {
    let part = raw.replace(LEADING, '');
    const cut = part.search(FILE_CUT);
    if (cut === 0) continue;
    if (cut > 0) part = part.slice(0, cut);
    for (let before = ''; before !== part; ) {
      before = part;
      part = part.replace(TAIL, '');
    }
    const name = asName(part);
    if (name) return name;
  }
  return undefined;
}
