/**
 * An in-memory workbook host: the reference implementation of the host contract, used by the
 * contract test suite, the session tests and the pane's component tests. It also plays the user:
 * `edit()` changes cells outside the session and reports them to change listeners.
 */
import type { RawValue } from '../../engine';
import { a1, parseA1 } from '../../workbook/core/address';
import { MARK_FILL, markFormula, markSeverityOf } from '../../workbook/core/marks';
import { findConflicts } from '../shared/blocks';
import {
  buildSheet,
  type CellData,
  type SheetLayout,
  type CellRange,
  type ChangedCells,
  type ExpectedCell,
  type HostCapabilities,
  type RangeCells,
  type MarkSet,
  type ReadScope,
  type SheetRange,
  type SheetState,
  type WorkbookData,
  type WorkbookHost,
  type WriteBatch,
  type WriteOutcome,
} from '../../workbook/core/model';

interface MutableSheet {
  name: string;
  cells: Map<string, { row: number; col: number; cell: CellData }>;
  merges: CellRange[];
  state: SheetState;
}

/** A conditional format of type expression, as the in-memory host keeps it: wanmu's marks and the user's own alike. */
export interface MemoryConditionalFormat {
  readonly sheet: string;
  /** Formula without '='. */
  readonly formula: string;
  /** Fill colour, RRGGBB. */
  readonly fill: string;
  readonly ranges: readonly CellRange[];
}

export class MemoryHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  private sheets: MutableSheet[] = [];
  private listeners = new Set<(c: ChangedCells) => void>();
  /** Calls made, for tests that count round trips. */
  readonly calls = { read: 0, readRanges: 0, write: 0, select: 0, setMarks: 0, readMarks: 0 };
  selection: { sheet: string; cell: string } | null = null;
  /** Conditional formats in priority order (the user's, and wanmu's marks after them). */
  conditionalFormats: MemoryConditionalFormat[] = [];
  /** View and print settings of the sheets writes added (see SheetLayout), by sheet. */
  readonly layouts = new Map<string, SheetLayout>();

  constructor(data: WorkbookData = { sheets: [] }, capabilities: Partial<HostCapabilities> = {}) {
    this.capabilities = { select: true, changeEvents: true, undoGroup: false, marks: true, sheetLayout: true, ...capabilities };
    for (const s of data.sheets) {
      const cells = new Map<string, { row: number; col: number; cell: CellData }>();
      s.rows.forEach((line, row) => line.forEach((cell, col) => cells.set(a1(row, col), { row, col, cell })));
      this.sheets.push({ name: s.name, cells, merges: [...s.merges], state: s.state ?? 'visible' });
    }
  }

  async read(scope: ReadScope = {}): Promise<WorkbookData> {
    this.calls.read++;
    const wanted = scope.sheets ? new Set(scope.sheets) : undefined;
    return {
      sheets: this.sheets.filter((s) => !wanted || wanted.has(s.name)).map((s) => buildSheet(s.name, [...s.cells.values()], s.merges, s.state)),
    };
  }

  async readRanges(ranges: readonly SheetRange[]): Promise<readonly RangeCells[]> {
    this.calls.readRanges++;
    const out: RangeCells[] = [];
    for (const { sheet, range } of ranges) {
      const s = this.sheet(sheet);
      if (!s) {
        out.push({ sheet, range, cells: null });
        continue;
      }
      const area = (range.bottom - range.top + 1) * (range.right - range.left + 1);
      const cells: { row: number; col: number; cell: CellData }[] = [];
      if (area < s.cells.size) {
        for (let row = range.top; row <= range.bottom; row++)
          for (let col = range.left; col <= range.right; col++) {
            const c = s.cells.get(a1(row, col));
            if (c) cells.push({ row, col, cell: c.cell });
          }
      } else {
        for (const c of s.cells.values()) if (c.row >= range.top && c.row <= range.bottom && c.col >= range.left && c.col <= range.right) cells.push({ row: c.row, col: c.col, cell: c.cell });
      }
      out.push({ sheet, range, cells: cells.sort((a, b) => a.row - b.row || a.col - b.col) });
    }
    return out;
  }

  private sheet(name: string): MutableSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async write(batch: WriteBatch, expected: readonly ExpectedCell[]): Promise<WriteOutcome> {
    this.calls.write++;
    const conflicts = findConflicts(expected, (e) => this.sheet(e.sheet)?.cells.get(a1(e.row, e.col))?.cell ?? null);
    if (conflicts.length > 0) return { ok: false, conflicts };
    for (const add of batch.addSheets) {
      if (this.sheet(add.name)) throw new Error(`sheet exists: ${add.name}`);
      this.sheets.push({ name: add.name, cells: new Map(), merges: [], state: add.state ?? 'visible' });
    }
    for (const w of batch.cells) {
      const s = this.sheet(w.sheet);
      if (!s) throw new Error(`no sheet ${w.sheet}`);
      const key = a1(w.row, w.col);
      if (w.clear) {
        s.cells.delete(key);
        continue;
      }
      const old = s.cells.get(key)?.cell;
      const numFmt = w.numFmt === undefined ? old?.numFmt : w.numFmt === 'General' ? undefined : w.numFmt;
      const cell: CellData =
        w.formula !== undefined
          ? { value: w.result ?? null, formula: w.formula, ...(numFmt ? { numFmt } : {}) }
          : { value: w.value ?? null, ...(numFmt ? { numFmt } : {}) };
      s.cells.set(key, { row: w.row, col: w.col, cell });
    }
    for (const m of batch.merges) this.sheet(m.sheet)?.merges.push(m.range);
    const added = new Set(batch.addSheets.map((a) => a.name));
    if (this.capabilities.sheetLayout) for (const l of batch.sheetLayouts) if (added.has(l.sheet)) this.layouts.set(l.sheet, l);
    for (const name of batch.deleteSheets) {
      this.sheets = this.sheets.filter((s) => s.name !== name);
      this.layouts.delete(name);
    }
    if (batch.deleteSheets.length > 0) this.conditionalFormats = this.conditionalFormats.filter((f) => !batch.deleteSheets.includes(f.sheet));
    return { ok: true };
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.calls.select++;
    this.selection = { sheet, cell };
  }

  onChanged(listener: (change: ChangedCells) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async setMarks(marks: readonly MarkSet[]): Promise<void> {
    this.calls.setMarks++;
    for (const m of marks) if (!this.sheet(m.sheet)) throw new Error(`no sheet ${m.sheet}`);
    const others = this.conditionalFormats.filter((f) => markSeverityOf(f.formula) === undefined);
    const ours = marks.filter((m) => m.ranges.length > 0).map((m) => ({ sheet: m.sheet, formula: markFormula(m.severity), fill: MARK_FILL[m.severity], ranges: [...m.ranges] }));
    this.conditionalFormats = [...others, ...ours];
  }

  async readMarks(): Promise<MarkSet[]> {
    this.calls.readMarks++;
    const out: MarkSet[] = [];
    for (const f of this.conditionalFormats) {
      const severity = markSeverityOf(f.formula);
      if (severity) out.push({ sheet: f.sheet, severity, ranges: [...f.ranges] });
    }
    return out;
  }

  /** The user adds a conditional format of their own. */
  addConditionalFormat(format: MemoryConditionalFormat): void {
    if (!this.sheet(format.sheet)) throw new Error(`no sheet ${format.sheet}`);
    this.conditionalFormats.push(format);
  }

  /** The user types into cells (A1 → value, or '=…' for a formula with its result). */
  edit(sheet: string, cells: Readonly<Record<string, RawValue | { formula: string; result: RawValue }>>): void {
    this.set(sheet, cells);
    for (const l of this.listeners) l({ sheet, cells: Object.keys(cells) });
  }

  /** The user inserts or deletes rows (given as the cells after the change): reported as structural. */
  editStructure(sheet: string, cells: Readonly<Record<string, RawValue | { formula: string; result: RawValue }>>, address: string): void {
    this.set(sheet, cells);
    for (const l of this.listeners) l({ sheet, cells: [address], structural: true });
  }

  /**
   * Formulas recalculated after an edit: new cached results, not reported to change listeners
   * (as in Excel and WPS, whose change events report only what the user typed).
   */
  recalculated(sheet: string, results: Readonly<Record<string, RawValue>>): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    for (const [ref, value] of Object.entries(results)) {
      const old = s.cells.get(ref);
      if (!old || old.cell.formula === undefined) throw new Error(`no formula at ${sheet}!${ref}`);
      old.cell = { ...old.cell, value };
    }
  }

  private set(sheet: string, cells: Readonly<Record<string, RawValue | { formula: string; result: RawValue }>>): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    for (const [ref, v] of Object.entries(cells)) {
      const at = parseA1(ref);
      if (!at) throw new Error(`bad address ${ref}`);
      const old = s.cells.get(ref)?.cell;
      const cell: CellData =
        v !== null && typeof v === 'object' && 'formula' in v ? { value: v.result, formula: v.formula } : { value: v as RawValue, ...(old?.numFmt ? { numFmt: old.numFmt } : {}) };
      if (cell.value === null && cell.formula === undefined && !old?.numFmt) s.cells.delete(ref);
      else s.cells.set(ref, { row: at.row, col: at.col, cell });
    }
  }
}
