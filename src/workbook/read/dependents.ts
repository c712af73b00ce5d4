/**
 * Which formula cells may have been recalculated after the user edited some cells: the formulas
 * that read them, directly or through other formulas. Excel and WPS report only the cells the
 * user typed into; the session re-reads these dependents too, so that a score formula's new
 * result is never compared as if it were the old one.
 *
 * Built once per read of the workbook from every formula's references (A1 style, on its own sheet
 * or another). A formula whose references cannot all be seen — INDIRECT, OFFSET, volatile
 * functions, defined names, whole rows or columns, table or external references — is opaque: it
 * is taken to change with every edit, and so are the formulas that read it.
 */
import { formulaRefs, parseRefs } from '../core/refs';
import type { SheetData, WorkbookData } from '../core/model';

/** Functions whose result does not follow from the references written in the formula. */
const OPAQUE_FUNCTIONS = new Set(['INDIRECT', 'OFFSET', 'NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'RANDARRAY', 'CELL', 'INFO']);

/** A reference spanning more columns than this is kept once, not per column. */
const WIDE = 64;

export interface CellAt {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

interface Edge {
  readonly top: number;
  readonly bottom: number;
  /** The formula cell that reads the range. */
  readonly dependent: CellAt;
}

interface WideEdge extends Edge {
  readonly left: number;
  readonly right: number;
}

/** Whether every reference of the formula is an A1 reference the parser sees. */
export function transparent(formula: string): boolean {
  let rest = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const r of parseRefs(rest)) rest = rest.replace(r.text, ' ');
  for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) if (OPAQUE_FUNCTIONS.has(m[1].toUpperCase())) return false;
  rest = rest.replace(/[A-Za-z_][A-Za-z0-9_.]*\s*\(/g, '(').replace(/\b(?:TRUE|FALSE)\b/gi, ' ').replace(/\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/g, ' ');
  // anything else with letters (a name, A:A, 1:1 reads as digits and colons, [Table], #REF!) is unseen
  return !/[A-Za-z_\u00c0-\uffff[\]#!:]/.test(rest.replace(/""/g, ' '));
}

export class Dependents {
  /** sheet (lower case) → column → row → formulas reading that one cell (most references). */
  private readonly single = new Map<string, Map<number, Map<number, CellAt[]>>>();
  /** sheet (lower case) → column → ranges of several rows in that column read by formulas. */
  private readonly byColumn = new Map<string, Map<number, Edge[]>>();
  private readonly wide = new Map<string, WideEdge[]>();
  /** Formula cells whose references are not all seen. */
  readonly opaque: CellAt[] = [];

  constructor(workbook: WorkbookData) {
    const names = new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s.name]));
    for (const sheet of workbook.sheets) this.addSheet(sheet, names);
  }

  private addSheet(sheet: SheetData, names: ReadonlyMap<string, string>): void {
    for (const [row, line] of sheet.rows) {
      for (const [col, cell] of line) {
        if (cell.formula === undefined) continue;
        const dependent: CellAt = { sheet: sheet.name, row, col };
        if (!transparent(cell.formula)) {
          this.opaque.push(dependent);
          continue;
        }
        for (const r of formulaRefs(cell.formula)) {
          const target = r.sheet === null ? sheet.name : names.get(r.sheet.toLowerCase());
          if (target === undefined) continue; // a sheet not in the workbook: nothing here changes it
          const s = target.toLowerCase();
          if (r.right - r.left + 1 > WIDE) {
            let list = this.wide.get(s);
            if (!list) this.wide.set(s, (list = []));
            list.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right, dependent });
            continue;
          }
          if (r.top === r.bottom) {
            let cols = this.single.get(s);
            if (!cols) this.single.set(s, (cols = new Map()));
            for (let c = r.left; c <= r.right; c++) {
              let rows = cols.get(c);
              if (!rows) cols.set(c, (rows = new Map()));
              const list = rows.get(r.top);
              if (list) list.push(dependent);
              else rows.set(r.top, [dependent]);
            }
            continue;
          }
          let cols = this.byColumn.get(s);
          if (!cols) this.byColumn.set(s, (cols = new Map()));
          for (let c = r.left; c <= r.right; c++) {
            let list = cols.get(c);
            if (!list) cols.set(c, (list = []));
            list.push({ top: r.top, bottom: r.bottom, dependent });
          }
        }
      }
    }
  }

  /** Calls `visit` with each formula cell that reads this cell directly. */
  private direct(c: CellAt, visit: (d: CellAt) => void): void {
    const s = c.sheet.toLowerCase();
    const single = this.single.get(s)?.get(c.col)?.get(c.row);
    if (single) for (const d of single) visit(d);
    const ranges = this.byColumn.get(s)?.get(c.col);
    if (ranges) for (const e of ranges) if (c.row >= e.top && c.row <= e.bottom) visit(e.dependent);
    const wide = this.wide.get(s);
    if (wide) for (const e of wide) if (c.row >= e.top && c.row <= e.bottom && c.col >= e.left && c.col <= e.right) visit(e.dependent);
  }

  /**
   * Every formula cell that may hold a new result after these cells changed: their dependents,
   * transitively, and every opaque formula with its own dependents. Capped at `limit` cells
   * (null when exceeded: read the sheets again instead).
   */
  after(changed: Iterable<CellAt>, limit: number): CellAt[] | null {
    // cells seen, per sheet, as row × 16384 + column
    const seen = new Map<string, Set<number>>();
    const first = (d: CellAt): boolean => {
      let set = seen.get(d.sheet);
      if (!set) seen.set(d.sheet, (set = new Set()));
      const k = d.row * 16384 + d.col;
      if (set.has(k)) return false;
      set.add(k);
      return true;
    };
    const out: CellAt[] = [];
    const queue: CellAt[] = [];
    for (const c of this.opaque) {
      first(c);
      out.push(c);
      queue.push(c);
    }
    for (const c of changed) queue.push(c);
    let over = false;
    const visit = (d: CellAt) => {
      if (over || !first(d)) return;
      out.push(d);
      if (out.length > limit) over = true;
      queue.push(d);
    };
    while (queue.length > 0 && !over) this.direct(queue.pop() as CellAt, visit);
    return over ? null : out;
  }
}
