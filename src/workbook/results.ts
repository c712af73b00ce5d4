/**
 * The results every surface shows — the CLI's 得分 lines and JSON report, the pane's 结果 table and its
 * charts, the .csv export and the 评分结果 sheet — from one place: each platform's 一级指标
 * subtotals and total as the engine computes them (官方) and as their cells show them (表中: a
 * fill's written sums, which add kept scores as they stand; a workbook's own total cell), with
 * ranks as RANK gives them. Where the two figures differ every surface shows both. The words
 * (a row's note) come from the catalogue: the functions that write text take them.
 */
import { rankDescending } from '../engine';
import { vocabulary, type EvaluationId } from '../rules';
import { a1 } from './address';
import type { Analysis } from './analyze';
import type { CellRef } from './layouts/layout';
import { cellAt, sheetsByName, type CellWrite } from './model';

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

/** The cells as the analysis read them. */
export function shownInWorkbook(a: Analysis): ShownAt {
  const sheets = sheetsByName(a.workbook);
  return (ref) => {
    const s = sheets.get(ref.sheet);
    const v = s ? cellAt(s, ref.row, ref.col)?.value : undefined;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
}

/** The cells as a fill writes them (its cached results), over what they held before. */
export function shownAfter(writes: readonly CellWrite[], before: ShownAt): ShownAt {
  const written = new Map<string, CellWrite>();
  for (const w of writes) written.set(`${w.sheet}\u0000${w.row}\u0000${w.col}`, w);
  return (ref) => {
    const w = written.get(`${ref.sheet}\u0000${ref.row}\u0000${ref.col}`);
    if (!w) return before(ref);
    if (w.clear) return null;
    const v = w.formula !== undefined ? w.result : w.value;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
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
      evaluation: t.table.id,
      sheet: t.layout.sheet,
      groups: t.table.groups.map((g) => ({ name: g.name, weight: g.weight })),
      rows: base.map((r, k) => ({ ...r, rank: ranks[k] })),
    };
  });
}

/** A figure as a table cell holds it: the number shown (rounded as the report shows it), or — . */
function cellFigure(f: Figure): number | string {
  const x = figureOf(f);
  return x === null ? '—' : Math.round(x * 100) / 100;
}

/** The table as rows of cells: a header row (序号, 平台, each 一级指标 with its weight, 总分, 排名, 说明), then one row per platform. */
/** How a row's note is worded (the catalogue's renderResultNote). */
export type NoteText = (r: ResultRow) => string;

export function resultGrid(t: ResultTable, note: NoteText): (number | string)[][] {
  const c = vocabulary.resultColumns;
  const head = [c.serial, c.platform, ...t.groups.map((g) => `${g.name}(${g.weight})`), c.total, c.rank, c.note];
  return [head, ...t.rows.map((r) => [r.serial, r.platform, ...r.groups.map(cellFigure), cellFigure(r.total), r.rank ?? '—', note(r)])];
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

/** A text's width in a spreadsheet's character units: CJK and full-width characters count double. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Column widths that fit a grid's headers and values (a little room, no column wider than `max`). */
export function fitWidths(grid: readonly (readonly (number | string)[])[], max = 60): number[] {
  const n = Math.max(0, ...grid.map((r) => r.length));
  return Array.from({ length: n }, (_, c) => Math.min(max, 2 + Math.max(4, ...grid.map((r) => displayWidth(typeof r[c] === 'number' ? (r[c] as number).toFixed(2) : String(r[c] ?? ''))))));
}
