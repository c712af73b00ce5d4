/**
 * The results every surface shows — the CLI's 得分 lines and JSON report, the pane's 结果 table and its
 * charts, the .csv export and the 评分结果汇总 sheet — from one place: each platform's 一级指标
 * subtotals and total as the engine computes them (官方) and as their cells show them (表中: a
 * fill's written sums, which add kept scores as they stand; a workbook's own total cell), with
 * ranks as RANK gives them. Where the two figures differ every surface shows both. The words
 * (a row's note) come from the catalogue: the functions that write text take them.
 */
import { addScores, rankDescending } from '../../engine';
import { topCall } from '../core/formula-parse';
import { formulaRefs } from '../core/refs';
import { vocabulary, type EvaluationId, type EvaluationTable } from '../../rules';
import { a1 } from '../core/address';
import { displayWidth } from '../core/text';
import { type Analysis } from '../contract/analysis';
import { type CellRef } from '../core/address';
import { cellAt, sheetsByName, type CellWrite, type WorkbookData } from '../core/model';

/** A figure as the engine computes it and as its cell shows it (null: no cell, or no figure in it). */
export interface Figure {
  readonly official: number | null;
  readonly shown: number | null;
}

export interface ResultRow {
  readonly serial: number;
  readonly platform: string;
  readonly groups: readonly Figure[];
  readonly total: Figure & { readonly cell: { readonly sheet: string; readonly cell: string } | null };
  /** RANK of the figure shown first (see figureOf) among the table's platforms. */
  readonly rank: number | null;
  /** 1-based numbers and names of the indicators that could not be scored. */
  readonly unscored: ReadonlyArray<{ readonly indicator: number; readonly name: string }>;
}

export interface ResultTable {
  readonly evaluation: EvaluationId;
  /** The edition the table was scored by. */
  readonly table: EvaluationTable;
  readonly sheet: string;
  readonly groups: ReadonlyArray<{ readonly name: string; readonly weight: number }>;
  readonly rows: readonly ResultRow[];
}

/** Two figures closer than this are the same figure (a spreadsheet's floating point). */
const SAME = 1e-6;

/** The figure a surface shows first: the cell's when it has one (what the reader sees in the workbook), else the engine's. */
export function figureOf(f: Figure): number | null {
  return f.shown ?? f.official;
}

/** The cell shows a figure other than the engine's. */
export function differs(f: Figure): boolean {
  return f.shown !== null && f.official !== null && Math.abs(f.shown - f.official) > SAME;
}

/** What a cell shows as a figure: a number, or a formula's cached number. */
export type ShownAt = (ref: CellRef) => number | null;

/**
 * What the cells show once the spreadsheet has recalculated: a fill's writes (their cached
 * results, which the fill computed from the cells as they will stand) over the cells as read. A plain SUM of ranges (=SUM(H4:H36), an office's own total) is
 * added up from the cells it reads, so a cached result left stale by a fill, or by a file saved
 * without recalculating, is not taken for the figure. Any other formula shows its cached result,
 * unless it reads a cell the fill wrote: then it cannot be known before recalculation (null:
 * surfaces show the engine's figure).
 */
export function shownAfter(writes: readonly CellWrite[], workbook: WorkbookData): ShownAt {
  // per sheet, by row and column as one number (a fill of 20,000 rows writes some 400,000 cells)
  const bySheet = new Map<string, Map<number, CellWrite>>();
  for (const w of writes) {
    let m = bySheet.get(w.sheet);
    if (!m) bySheet.set(w.sheet, (m = new Map()));
    m.set(w.row * 16384 + w.col, w);
  }
  const writtenAt = (sheet: string, row: number, col: number) => bySheet.get(sheet)?.get(row * 16384 + col);
  const sheets = sheetsByName(workbook);
  // whether a formula reads a written cell: the smaller of its ranges' cells and the writes is walked
  const touches = (sheet: string, f: string) =>
    writes.length > 0 &&
    formulaRefs(f).some((r) => {
      const target = r.sheet ?? sheet;
      const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (area > writes.length) return writes.some((w) => w.sheet === target && w.row >= r.top && w.row <= r.bottom && w.col >= r.left && w.col <= r.right);
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (writtenAt(target, row, col)) return true;
      return false;
    });
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  // UNKNOWN: a formula whose result is not known before recalculation (no cached result, or one a write makes stale)
  const UNKNOWN = Symbol('unknown');
  const plainSum = (f: string) => {
    if (!/^\s*=?\s*SUM\s*\(/i.test(f)) return undefined;
    const call = topCall(f);
    const refs = formulaRefs(f);
    return call !== undefined && call.name === 'SUM' && refs.length === call.args.length && refs.every((r, i) => r.text.replace(/\s/g, '') === call.args[i].replace(/\s/g, '')) ? refs : undefined;
  };
  const sum = (refs: ReturnType<typeof formulaRefs>, sheet: string, depth: number): number | typeof UNKNOWN => {
    const values: number[] = [];
    for (const r of refs)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const v = at({ sheet: r.sheet ?? sheet, row, col }, depth + 1);
          if (v === UNKNOWN) return UNKNOWN;
          if (v !== null) values.push(v);
        }
    return addScores(values);
  };
  const at = (ref: CellRef, depth: number): number | null | typeof UNKNOWN => {
    const w = writtenAt(ref.sheet, ref.row, ref.col);
    // a written cell shows its cached result: the fill computed it from the cells as they will stand
    if (w) return w.clear ? null : number(w.formula !== undefined ? w.result : w.value);
    const s = sheets.get(ref.sheet);
    const c = s ? cellAt(s, ref.row, ref.col) : null;
    if (!c) return null;
    if (!c.formula) return number(c.value);
    const refs = depth <= 3 ? plainSum(c.formula) : undefined;
    if (refs) return sum(refs, ref.sheet, depth);
    if (c.value === null || c.value === undefined || touches(ref.sheet, c.formula)) return UNKNOWN;
    return number(c.value);
  };
  return (ref) => {
    const v = at(ref, 0);
    return v === UNKNOWN ? null : v;
  };
}

/** The cells as the analysis read them (see shownAfter). */
export function shownInWorkbook(a: Analysis): ShownAt {
  return shownAfter([], a.workbook);
}

export function resultTables(a: Analysis, shownAt: ShownAt = shownInWorkbook(a)): ResultTable[] {
  return a.tables.map((t) => {
    const figure = (official: number | null, ref: CellRef | null): Figure => ({ official, shown: ref ? shownAt(ref) : null });
    const base = t.platforms.map((p, k) => {
      const ref = p.total.place.ref;
      return {
        serial: k + 1,
        platform: p.name,
        groups: p.groups.map((g) => figure(g.score, g.place.ref)),
        total: { ...figure(p.total.score, ref), cell: ref ? { sheet: ref.sheet, cell: a1(ref.row, ref.col) } : null },
        unscored: p.indicators.filter((x) => x.score === null).map((x) => ({ indicator: x.indicator.number, name: x.indicator.shortName })),
      };
    });
    const ranks = rankDescending(base.map((r) => figureOf(r.total)));
    return {
      evaluation: t.table.evaluation,
      table: t.table,
      sheet: t.layout.sheet,
      groups: t.table.groups.map((g) => ({ name: g.name, weight: g.weight })),
      rows: base.map((r, k) => ({ ...r, rank: ranks[k] })),
    };
  });
}

/** A figure as a table cell holds it: the number shown (rounded as the report shows it, unless `exact`), or — . */
function cellFigure(f: Figure, exact: boolean): number | string {
  const x = figureOf(f);
  return x === null ? '—' : exact ? x : Math.round(x * 100) / 100;
}

/** How a row's note is worded (the catalogue's renderResultNote). */
export type NoteText = (r: ResultRow) => string;

/**
 * The table as rows of cells: a header row (序号, 平台, each 一级指标 with its weight, 总分, 排名, 说明),
 * then one row per platform. Figures are rounded to two decimals for text (copy, .csv); `exact`
 * keeps them whole for a sheet, which shows them as 0.00 and ranks them with RANK as the ranks here do.
 */
export function resultGrid(t: ResultTable, note: NoteText, exact = false): (number | string)[][] {
  const c = vocabulary.resultColumns;
  const head = [c.serial, c.platform, ...t.groups.map((g) => `${g.name}(${g.weight})`), c.total, c.rank, c.note];
  return [head, ...t.rows.map((r) => [r.serial, r.platform, ...r.groups.map((g) => cellFigure(g, exact)), cellFigure(r.total, exact), r.rank ?? '—', note(r)])];
}

/** Tab-separated text: pastes into Excel, WPS and Word as a table. */
export function resultsTsv(t: ResultTable, note: NoteText): string {
  return `${resultGrid(t, note).map((row) => row.map((v) => String(v).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n')}\r\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An HTML table (the rich form of a copy: Word and WPS 文字 paste it as a table). */
export function resultsHtml(t: ResultTable, note: NoteText): string {
  const [head, ...rows] = resultGrid(t, note);
  const tr = (cells: readonly (number | string)[], tag: 'th' | 'td') => `<tr>${cells.map((v) => `<${tag}>${escapeHtml(String(v))}</${tag}>`).join('')}</tr>`;
  return `<table border="1"><thead>${tr(head, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

/** CSV (RFC 4180) in UTF-8 with a byte-order mark, so Excel opens the Chinese right. */
export function resultsCsv(t: ResultTable, note: NoteText): Uint8Array {
  const field = (v: number | string) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = `\ufeff${resultGrid(t, note).map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
  return new TextEncoder().encode(text);
}


/** Column widths that fit a grid's headers and values (a little room, no column wider than `max`). */
export function fitWidths(grid: readonly (readonly (number | string)[])[], max = 60): number[] {
  const n = Math.max(0, ...grid.map((r) => r.length));
  return Array.from({ length: n }, (_, c) => Math.min(max, 2 + Math.max(4, ...grid.map((r) => displayWidth(typeof r[c] === 'number' ? (r[c] as number).toFixed(2) : String(r[c] ?? ''))))));
}
