/**
 * A sheet read once: merged cells expanded for header text, and for a chosen header row the data
 * rows (platform, summary, note, blank, unnamed) and what every column holds — numbers, text,
 * blanks, formulas and the sheets and rows they read. Recognition, checks, fill and review all
 * work from profiles; nothing downstream re-reads raw cells for these facts.
 */
import { vocabulary, type Tables } from '../../rules';
import { cellAt, type CellData, type CellRange, type SheetData, type WorkbookData } from '../core/model';
import { formulaRefs } from '../core/refs';
import { answerOf, parseInput } from '../../engine';
import { cellText, headerKey, normalizeText } from '../core/text';

/** Merged-aware text lookup for one sheet, read against the tables in force (`tables`: what its labels are matched to). */
export class MergeIndex {
  private readonly master = new Map<number, { row: number; col: number }>();
  private readonly big: CellRange[] = [];

  constructor(
    readonly sheet: SheetData,
    readonly tables: Tables,
  ) {
    for (const m of sheet.merges) {
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (area > 4096) {
        this.big.push(m);
        continue;
      }
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.master.set(r * 20000 + c, { row: m.top, col: m.left });
    }
  }

  /** The merged area's top-left cell for a cell inside a merge, else the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const m = this.master.get(row * 20000 + col);
    if (m) return m;
    const b = this.big.find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right);
    return b ? { row: b.top, col: b.left } : { row, col };
  }

  /** Whether the cell is inside a merge but not its top-left cell. */
  isCovered(row: number, col: number): boolean {
    const m = this.masterOf(row, col);
    return m.row !== row || m.col !== col;
  }

  /** The merge containing a cell, if any. */
  mergeOf(row: number, col: number): CellRange | undefined {
    const m = this.masterOf(row, col);
    if (m.row === row && m.col === col && !this.master.has(row * 20000 + col)) return undefined;
    return this.sheet.merges.find((x) => x.top === m.row && x.left === m.col);
  }

  text(row: number, col: number): string {
    const m = this.masterOf(row, col);
    return cellText(cellAt(this.sheet, m.row, m.col)?.value ?? null);
  }
}

/**
 * Each sheet profiled once: layouts ask here and never build merge indexes of their own. `tables`:
 * the editions in force for the workbook (one per evaluation), which every label is matched to.
 */
export class Profiles {
  private readonly merges = new Map<string, MergeIndex>();
  constructor(
    readonly workbook: WorkbookData,
    readonly tables: Tables,
  ) {}
  merge(sheet: SheetData): MergeIndex {
    let m = this.merges.get(sheet.name);
    if (!m) this.merges.set(sheet.name, (m = new MergeIndex(sheet, this.tables)));
    return m;
  }
}

export type RowKind = 'platform' | 'summary' | 'note' | 'blank' | 'unnamed';

export interface RowInfo {
  readonly row: number;
  readonly kind: RowKind;
  readonly name: string;
}

export interface ColumnStats {
  readonly col: number;
  /** Cells with a typed number (not a formula). */
  readonly typedNumbers: number;
  /** Largest typed number (formulas' results not counted). */
  readonly maxTyped: number;
  /** Largest typed or cached number. */
  readonly maxNumber: number;
  readonly minNumber: number;
  readonly texts: number;
  readonly blanks: number;
  readonly formulas: number;
  /** Formula cells that read another sheet, by sheet name. */
  readonly crossSheet: ReadonlyMap<string, number>;
  /** Formula cells that read only their own row of this sheet (or constants). */
  readonly sameRow: number;
  /** Formula cells that call WANMU.* functions. */
  readonly wanmu: number;
  /** Numbers (typed or cached) per row, for score/value evidence. */
  readonly numbers: number;
  /** Texts that are yes/no answer words (有, 已制定 …; see vocabulary.answers). */
  readonly answers: number;
  /** Numbers with a fractional part, numbers below 0, numbers other than 0 and 1. */
  readonly fractions: number;
  readonly negatives: number;
  readonly outsideBinary: number;
  /** Texts that are words: neither answer words nor numbers or percentages written as text (所属地市's 湖州市). */
  readonly words: number;
  /** Formula cells that are one reference and nothing else (=数据!D5: a copy of a value, not a computation). */
  readonly links: number;
}

/** A note or sign-off line under a table (注:…, 填报单位:…). */
export function isNoteText(text: string): boolean {
  const t = normalizeText(text);
  if (t === '') return false;
  return vocabulary.noteRows.some((w) => {
    if (!t.startsWith(w)) return false;
    const rest = t.slice(w.length);
    return rest === '' || /^[::.、,,0-9一二三四五六七八九十((]/.test(rest);
  });
}

export function isSummaryLabel(text: string): boolean {
  const k = headerKey(text);
  return k !== '' && [...vocabulary.summaryRows, ...vocabulary.total, vocabulary.cohortMinRow, vocabulary.cohortMaxRow].some((w) => headerKey(w) === k);
}

/** The first non-empty text in a row, scanning the given columns. */
function firstText(sheet: SheetData, row: number): string {
  const line = sheet.rows.get(row);
  if (!line) return '';
  let best: { col: number; text: string } | undefined;
  for (const [col, c] of line) {
    const t = cellText(c.value).trim();
    if (t !== '' && (!best || col < best.col)) best = { col, text: t };
  }
  return best?.text ?? '';
}

function rowHasData(sheet: SheetData, row: number, except: number): boolean {
  const line = sheet.rows.get(row);
  if (!line) return false;
  for (const [col, c] of line) if (col !== except && (c.formula !== undefined || cellText(c.value).trim() !== '')) return true;
  return false;
}

/**
 * Data rows under a header row: platform rows by their name in `nameCol`; summary rows; blank
 * rows; rows with data but no name; the table ends at a note line or two blank rows.
 */
export function dataRows(sheet: SheetData, headerRow: number, nameCol: number): RowInfo[] {
  const out: RowInfo[] = [];
  let blanks = 0;
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const name = cellText(cellAt(sheet, r, nameCol)?.value ?? null).trim();
    const first = firstText(sheet, r);
    if (first !== '' && isNoteText(first) && (name === '' || name === first)) break;
    if (name === '') {
      if (rowHasData(sheet, r, nameCol)) {
        out.push({ row: r, kind: 'unnamed', name: '' });
        blanks = 0;
      } else {
        out.push({ row: r, kind: 'blank', name: '' });
        if (++blanks >= 2) break;
      }
      continue;
    }
    blanks = 0;
    if (isSummaryLabel(name)) out.push({ row: r, kind: 'summary', name });
    else out.push({ row: r, kind: 'platform', name });
  }
  // trailing blank rows are not part of the table
  while (out.length > 0 && out[out.length - 1].kind === 'blank') out.pop();
  return out;
}

function isWanmu(formula: string): boolean {
  return /(^|[^A-Za-z0-9_.])WANMU\./i.test(formula);
}

/** Reading a text as an amount and as a share tells numbers (1,234; 85%) written as text from words. */
const WORD_PROBES = [{ kind: 'amount', label: '' }, { kind: 'share', label: '' }] as const;

/** A text that is no number: one that does not begin like a number is a word without parsing it (platform names, 湖州市). */
function isWordText(text: string): boolean {
  if (!/^[\s\u3000]*[-+−－＋.．(（0-9０-９]/.test(text)) return true;
  return !WORD_PROBES.some((p) => parseInput(p, text).ok);
}

export function columnStats(sheet: SheetData, col: number, rows: readonly RowInfo[]): ColumnStats {
  let typedNumbers = 0;
  let maxTyped = -Infinity;
  let numbers = 0;
  let maxNumber = -Infinity;
  let minNumber = Infinity;
  let texts = 0;
  let blanks = 0;
  let formulas = 0;
  let sameRow = 0;
  let wanmu = 0;
  let answers = 0;
  let fractions = 0;
  let negatives = 0;
  let outsideBinary = 0;
  let links = 0;
  let words = 0;
  const crossSheet = new Map<string, number>();
  for (const info of rows) {
    if (info.kind !== 'platform') continue;
    const c: CellData | null = cellAt(sheet, info.row, col);
    if (c === null || (c.formula === undefined && cellText(c.value).trim() === '')) {
      blanks++;
      continue;
    }
    if (typeof c.value === 'number') {
      numbers++;
      if (c.value > maxNumber) maxNumber = c.value;
      if (c.value < minNumber) minNumber = c.value;
      if (!Number.isInteger(c.value)) fractions++;
      if (c.value < 0) negatives++;
      if (c.value !== 0 && c.value !== 1) outsideBinary++;
    } else if (typeof c.value === 'string' && answerOf(c.value) !== undefined && !/^\s*[01]\s*$/.test(c.value)) answers++;
    else if (typeof c.value === 'string' && isWordText(c.value)) words++;
    if (c.formula !== undefined) {
      formulas++;
      if (isWanmu(c.formula)) wanmu++;
      const refs = formulaRefs(c.formula);
      if (refs.length === 1 && c.formula.replace(/^=/, '').trim() === refs[0].text) links++;
      const other = refs.find((x) => x.sheet !== null && x.sheet !== sheet.name);
      if (other?.sheet) crossSheet.set(other.sheet, (crossSheet.get(other.sheet) ?? 0) + 1);
      else if (refs.every((x) => x.top === info.row && x.bottom === info.row)) sameRow++;
    } else if (typeof c.value === 'number') {
      typedNumbers++;
      if (c.value > maxTyped) maxTyped = c.value;
    }
    else texts++;
  }
  return { col, typedNumbers, maxTyped, numbers, maxNumber, minNumber, texts, blanks, formulas, crossSheet, sameRow, wanmu, answers, fractions, negatives, outsideBinary, links, words };
}
