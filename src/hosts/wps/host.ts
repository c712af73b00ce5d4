/**
 * The workbook host over the WPS 表格 (ET) JS object model (WPS 加载项 / JSA): synchronous,
 * VBA-like (`Application.Worksheets.Item(1)`, `Range("A1:C3").Value2 = [[…]]`).
 *
 * Calls into the object model (each one crosses into WPS) are kept independent of the number of
 * rows wherever the data allows:
 *  - read: per sheet, the used range's position and size (5 calls), its Value2 and Formula as
 *    2-D arrays (1 call each), then number formats and merges: the whole used range answers
 *    with one format / one MergeCells state when uniform; otherwise formats are asked per column
 *    holding content, and merges per run of rows, each as runs found by galloping from the
 *    run's start (see `runs`). A header above uniform data costs a few calls per column however
 *    many rows follow (measured: 26 calls for a 35-column sheet, 166 with 7 percentage columns
 *    under a General header, the same for 2,000 and 20,000 rows); a format change deep down a
 *    column costs about 2·log2(its distance from the run's start).
 *  - write: the expected cells are read back as blocks (Value2 + Formula per block), then every
 *    dense rectangle of content is typed with one `Formula = 2-D array` assignment, each number
 *    format with one `NumberFormat =` per rectangle.
 * Everything uncertain about the object model (method vs property, scalar vs array, General's
 * name, error codes, undo transactions) is in WPS_QUIRKS.
 */
import type { RawValue } from '../../engine';
import {
  buildSheet,
  gridCells,
  sheetFromGrid,
  type CellData,
  type CellRange,
  type ChangedCells,
  type ExpectedCell,
  type HostCapabilities,
  type RangeCells,
  type MarkSet,
  type MarkSeverity,
  type ReadScope,
  type SheetData,
  type SheetRange,
  type WorkbookData,
  type WorkbookHost,
  type WriteBatch,
  type WriteOutcome,
} from '../../workbook/core/model';
import { MARK_FILL, markFormula, markSeverityOf } from '../../workbook/core/marks';
import { areaChunks, columnsAddress, denseBlocks, findConflicts, formulaOf, parseRangeAddress, planWrite, rangeAddress } from '../shared/blocks';
import { etValue, WPS_QUIRKS, type EtApplication, type EtFormatCondition, type EtRange, type EtWorksheet, type WpsMarkQuirks, type WpsQuirks } from './quirks';

export class WpsHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  private readonly listeners = new Set<(change: ChangedCells) => void>();
  /** True while the host itself writes: its own changes are not reported as the user's. */
  private writing = false;

  constructor(private readonly app: EtApplication, private readonly quirks: WpsQuirks = WPS_QUIRKS) {
    this.capabilities = { select: true, changeEvents: app.ApiEvent !== undefined, undoGroup: quirks.undo(app) !== null, marks: quirks.marks !== null, sheetLayout: quirks.sheetLayout !== null };
  }

  private sheets(): EtWorksheet[] {
    const ws = this.app.Worksheets;
    const n = ws.Count;
    return Array.from({ length: n }, (_, i) => ws.Item(i + this.quirks.firstSheetIndex));
  }

  private sheetNamed(name: string): EtWorksheet | null {
    return this.sheets().find((s) => s.Name === name) ?? null;
  }

  /** Every sheet by name: one listing (Count, then Item and Name per sheet) for many lookups. */
  private sheetsByName(): Map<string, EtWorksheet> {
    return new Map(this.sheets().map((ws) => [ws.Name, ws]));
  }

  async read(scope: ReadScope = {}): Promise<WorkbookData> {
    const out: SheetData[] = [];
    for (const ws of this.sheets()) {
      const name = ws.Name;
      if (scope.sheets && !scope.sheets.includes(name)) continue;
      out.push(this.readSheet(ws, name));
    }
    return { sheets: out };
  }

  /**
   * Per rectangle: Value2 and Formula (1 call each), then number formats as the read asks them
   * (one call when the rectangle's format is uniform). A sheet that no longer exists answers null.
   */
  async readRanges(ranges: readonly SheetRange[]): Promise<readonly RangeCells[]> {
    const q = this.quirks;
    const byName = new Map(this.sheets().map((ws) => [ws.Name, ws]));
    return ranges.map(({ sheet, range }) => {
      const ws = byName.get(sheet);
      if (!ws) return { sheet, range, cells: null };
      const r = ws.Range(rangeAddress(range));
      const rows = range.bottom - range.top + 1;
      const cols = range.right - range.left + 1;
      const grid = readGrid(q, r, rows, cols);
      const values = grid.values;
      const formulas = withEquals(grid.formulas);
      const content = values.map((line, i) => line.map((v, j) => (v !== null && v !== '') || formulas[i][j] !== null));
      if (!content.some((line) => line.some(Boolean))) return { sheet, range, cells: [] };
      const numFmts = this.readFormats(ws, r, range, content);
      const cells = gridCells({ origin: { row: range.top, col: range.left }, values, formulas, numFmts });
      return { sheet, range, cells };
    });
  }

  private readSheet(ws: EtWorksheet, name: string): SheetData {
    const q = this.quirks;
    const state = q.stateOf(ws.Visible);
    const used = ws.UsedRange;
    const rect: CellRange = { top: used.Row, left: used.Column, bottom: 0, right: 0 };
    const rows = used.Rows.Count;
    const cols = used.Columns.Count;
    const area: CellRange = { ...rect, bottom: rect.top + rows - 1, right: rect.left + cols - 1 };
    const grid = readGrid(q, used, rows, cols);
    const values = grid.values;
    const formulas = withEquals(grid.formulas);
    const content = values.map((line, i) => line.map((v, j) => v !== null || formulas[i][j] !== null));
    if (!content.some((line) => line.some(Boolean))) return buildSheet(name, [], this.readMerges(ws, used, area), state);
    const numFmts = this.readFormats(ws, used, area, content);
    return sheetFromGrid(name, { origin: { row: area.top, col: area.left }, values, formulas, numFmts }, this.readMerges(ws, used, area), state);
  }

  /**
   * Number formats of the content cells: the whole used range first; if its formats differ, each
   * column holding content, as runs of rows with one format (see `runs`).
   */
  private readFormats(ws: EtWorksheet, used: EtRange, area: CellRange, content: boolean[][]): (string | null)[][] {
    const q = this.quirks;
    const out: (string | null)[][] = content.map((line) => line.map(() => null));
    const asFormat = (f: unknown): string | null => (typeof f === 'string' && !q.generalFormats.includes(f) ? f : null);
    const fill = (r: CellRange, fmt: string | null) => {
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out[row - area.top][col - area.left] = fmt;
    };
    const whole = used.NumberFormat;
    if (!q.isMixed(whole)) {
      fill(area, asFormat(whole));
      return out;
    }
    const has = prefixSums(content);
    for (let col = area.left; col <= area.right; col++) {
      if (count(has, area, { ...area, left: col, right: col }) === 0) continue;
      const probe = (top: number, bottom: number) => {
        const f = ws.Range(rangeAddress({ top, bottom, left: col, right: col })).NumberFormat;
        return q.isMixed(f) ? MIXED : asFormat(f);
      };
      for (const run of runs(area.top, area.bottom, probe)) {
        if (run.value === MIXED) throw new Error(`单元格 ${rangeAddress({ top: run.from, bottom: run.from, left: col, right: col })} 的数字格式无法识别`);
        fill({ top: run.from, bottom: run.to, left: col, right: col }, run.value);
      }
    }
    return out;
  }

  /**
   * Merged areas without touching every cell: runs of rows with one MergeCells state (false: no
   * merges; true: every cell merged, each area found with one MergeArea call); a single row with
   * merged and unmerged cells is split into runs of columns the same way.
   */
  private readMerges(ws: EtWorksheet, used: EtRange, area: CellRange): CellRange[] {
    const q = this.quirks;
    const found = new Map<string, CellRange>();
    const state = (range: EtRange): boolean | typeof MIXED => {
      const m = range.MergeCells;
      if (m === true || m === false) return m;
      if (q.isMixed(m)) return MIXED;
      throw new Error('无法识别合并单元格状态');
    };
    const collect = (r: CellRange) => {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          if ([...found.values()].some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)) continue;
          const at = parseRangeAddress(q.address(ws.Range(rangeAddress({ top: row, left: col, bottom: row, right: col })).MergeArea));
          if (!at) throw new Error('无法识别合并区域地址');
          found.set(rangeAddress(at), at);
        }
      }
    };
    const first = state(used);
    if (first === false) return [];
    const rowRuns = first === true ? [{ from: area.top, to: area.bottom, value: true as const }] : runs(area.top, area.bottom, (top, bottom) => state(ws.Range(rangeAddress({ ...area, top, bottom }))));
    for (const rr of rowRuns) {
      if (rr.value === true) collect({ ...area, top: rr.from, bottom: rr.to });
      if (rr.value !== MIXED) continue;
      const row = rr.from;
      for (const cr of runs(area.left, area.right, (left, right) => state(ws.Range(rangeAddress({ top: row, bottom: row, left, right }))))) {
        if (cr.value === MIXED) throw new Error('无法识别合并单元格状态');
        if (cr.value) collect({ top: row, bottom: row, left: cr.from, right: cr.to });
      }
    }
    return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  }

  async write(batch: WriteBatch, expected: readonly ExpectedCell[]): Promise<WriteOutcome> {
    if (expected.length > 0) {
      const conflicts = this.check(expected);
      if (conflicts.length > 0) return { ok: false, conflicts };
    }
    const app = this.app;
    const q = this.quirks;
    const plan = planWrite(batch);
    const undo = q.undo(app);
    const screen = app.ScreenUpdating;
    const alerts = app.DisplayAlerts;
    const active = app.ActiveSheet;
    this.writing = true;
    app.ScreenUpdating = false;
    app.DisplayAlerts = false; // Delete and Merge would otherwise ask the user
    undo?.begin();
    try {
      // The sheets are listed once; the ones the write adds join the list.
      const byName = this.sheetsByName();
      for (const add of plan.addSheets) {
        if (byName.has(add.name)) throw new Error(`工作表“${add.name}”已存在`);
        const sheets = app.Worksheets;
        const ws = sheets.Add(null, sheets.Item(sheets.Count), 1);
        ws.Name = add.name;
        if (add.state && add.state !== 'visible') ws.Visible = q.visibility[add.state];
        byName.set(add.name, ws);
      }
      for (const s of plan.sheets) {
        const ws = byName.get(s.sheet);
        if (!ws) throw new Error(`找不到工作表“${s.sheet}”`);
        for (const r of s.clears) ws.Range(rangeAddress(r)).Clear();
        for (const b of s.content) ws.Range(rangeAddress(b.range)).Formula = q.blockInput(b.items.map((line) => line.map((c) => c.input)));
        for (const f of s.formats) for (const r of f.ranges) ws.Range(rangeAddress(r)).NumberFormat = f.numFmt === 'General' ? q.generalFormat : f.numFmt;
        for (const r of s.bold) ws.Range(rangeAddress(r)).Font.Bold = true;
        for (const r of s.wrap) {
          const range = ws.Range(rangeAddress(r));
          range.WrapText = true;
          range.VerticalAlignment = q.verticalCenter;
        }
        for (const r of s.merges) ws.Range(rangeAddress(r)).Merge(false);
        for (const w of s.widths) ws.Range(columnsAddress(w.left, w.right)).ColumnWidth = w.width;
      }
      const layout = q.sheetLayout;
      if (layout) {
        for (const l of batch.sheetLayouts) {
          const ws = byName.get(l.sheet);
          if (!ws || !plan.addSheets.some((a) => a.name === l.sheet)) continue;
          const page = ws.PageSetup;
          if (!page) throw new Error(`无法设置工作表“${l.sheet}”的页面(没有 PageSetup)`);
          page.Orientation = l.print.landscape ? layout.orientation.landscape : layout.orientation.portrait;
          if (l.print.fitWidth) {
            page.Zoom = false;
            page.FitToPagesWide = 1;
            page.FitToPagesTall = layout.anyPagesTall;
          }
          if (l.print.titleRows) page.PrintTitleRows = `$${l.print.titleRows.first}:$${l.print.titleRows.last}`;
          if (l.print.footer !== null) page.CenterFooter = l.print.footer;
          if (l.freezeRows > 0) {
            ws.Activate();
            const win = app.ActiveWindow;
            if (!win) throw new Error(`无法冻结工作表“${l.sheet}”的表头(没有 ActiveWindow)`);
            win.FreezePanes = false;
            win.SplitColumn = 0;
            win.SplitRow = l.freezeRows;
            win.FreezePanes = true;
          }
        }
      }
      for (const name of plan.deleteSheets) {
        const ws = byName.get(name);
        if (!ws) throw new Error(`找不到要删除的工作表“${name}”`);
        ws.Delete();
        byName.delete(name);
      }
      // Worksheets.Add activates the new sheet; the user stays where they were.
      if (plan.addSheets.length > 0 && active && !plan.deleteSheets.includes(active.Name)) active.Activate();
    } finally {
      undo?.end();
      app.DisplayAlerts = alerts;
      app.ScreenUpdating = screen;
      this.writing = false;
    }
    return { ok: true };
  }

  /** Reads the expected cells back as blocks (Value2 and Formula per block) and compares. */
  private check(expected: readonly ExpectedCell[]) {
    const q = this.quirks;
    const found = new Map<string, CellData | null>();
    const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}:${col}`;
    const bySheet = new Map<string, ExpectedCell[]>();
    for (const e of expected) {
      const list = bySheet.get(e.sheet);
      if (list) list.push(e);
      else bySheet.set(e.sheet, [e]);
    }
    const byName = bySheet.size > 0 ? this.sheetsByName() : new Map<string, EtWorksheet>();
    for (const [sheet, cells] of bySheet) {
      const ws = byName.get(sheet);
      if (!ws) continue; // a missing sheet holds nothing
      for (const b of denseBlocks(cells.map((e) => ({ row: e.row, col: e.col, item: e })))) {
        const rows = b.range.bottom - b.range.top + 1;
        const cols = b.range.right - b.range.left + 1;
        const { values, formulas } = readGrid(q, ws.Range(rangeAddress(b.range)), rows, cols);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const value = values[i][j];
            const formula = formulas[i][j];
            found.set(key(sheet, b.range.top + i, b.range.left + j), value === null && formula === undefined ? null : { value, ...(formula !== undefined ? { formula } : {}) });
          }
        }
      }
    }
    return findConflicts(expected, (e) => found.get(key(e.sheet, e.row, e.col)) ?? null);
  }

  /** wanmu's conditions of a sheet, with their 1-based indexes (read from the last: deleting keeps the others' places). */
  private sheetMarks(ws: EtWorksheet, q: WpsMarkQuirks): { index: number; severity: MarkSeverity; condition: EtFormatCondition }[] {
    const all = q.conditions(ws);
    const out: { index: number; severity: MarkSeverity; condition: EtFormatCondition }[] = [];
    for (let i = all.Count; i >= 1; i--) {
      const condition = all.Item(i);
      // only a formula condition has Formula1
      if (condition.Type !== q.expressionType) continue;
      const formula = condition.Formula1;
      const severity = typeof formula === 'string' ? markSeverityOf(formula) : undefined;
      if (severity) out.push({ index: i, severity, condition });
    }
    return out;
  }

  private markQuirks(): WpsMarkQuirks {
    const q = this.quirks.marks;
    if (!q) throw new Error('此版本的 WPS 不支持标出问题单元格');
    return q;
  }

  async readMarks(): Promise<MarkSet[]> {
    const q = this.markQuirks();
    const out: MarkSet[] = [];
    for (const ws of this.sheets()) {
      const name = ws.Name;
      for (const m of this.sheetMarks(ws, q).reverse()) {
        const ranges = this.quirks
          .address(m.condition.AppliesTo)
          .split(q.areaSeparator)
          .map((a) => {
            const r = parseRangeAddress(a);
            if (!r) throw new Error(`无法识别区域地址 ${a}`);
            return r;
          });
        out.push({ sheet: name, severity: m.severity, ranges });
      }
    }
    return out;
  }

  /**
   * Deletes wanmu's conditions on every sheet and adds the new ones (each after the sheet's
   * others), in one undo step where the build has one. Calls: a few per condition.
   */
  async setMarks(marks: readonly MarkSet[]): Promise<void> {
    const q = this.markQuirks();
    const app = this.app;
    const sheets = this.sheets().map((ws) => ({ ws, name: ws.Name }));
    for (const m of marks) if (!sheets.some((s) => s.name === m.sheet)) throw new Error(`找不到工作表“${m.sheet}”`);
    const undo = this.quirks.undo(app);
    const screen = app.ScreenUpdating;
    this.writing = true;
    app.ScreenUpdating = false;
    undo?.begin();
    try {
      for (const { ws } of sheets) for (const m of this.sheetMarks(ws, q)) m.condition.Delete();
      for (const m of marks) {
        const ws = (sheets.find((s) => s.name === m.sheet) as { ws: EtWorksheet }).ws;
        for (const address of areaChunks(m.ranges, q.addressLimit, q.areaSeparator)) {
          const condition = ws.Range(address).FormatConditions.Add(q.expressionType, q.omitted, `=${markFormula(m.severity)}`);
          condition.Interior.Color = q.color(MARK_FILL[m.severity]);
          q.placeLast(condition);
        }
      }
    } finally {
      undo?.end();
      app.ScreenUpdating = screen;
      this.writing = false;
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.sheetNamed(sheet);
    if (!ws) throw new Error(`找不到工作表“${sheet}”`);
    ws.Activate();
    ws.Range(cell).Select();
  }

  onChanged(listener: (change: ChangedCells) => void): () => void {
    const events = this.app.ApiEvent;
    if (!events) throw new Error('此版本的 WPS 不支持单元格修改事件');
    // RemoveApiEventListener removes every callback of an event by name: register one callback
    // for all listeners, and remove it with the last one.
    if (this.listeners.size === 0) events.AddApiEventListener(this.quirks.sheetChangeEvent, this.onSheetChange);
    this.listeners.add(listener);
    return () => {
      if (!this.listeners.delete(listener)) return;
      if (this.listeners.size === 0) events.RemoveApiEventListener(this.quirks.sheetChangeEvent);
    };
  }

  private readonly onSheetChange = (sheet: EtWorksheet, target: EtRange): void => {
    if (this.writing) return;
    const change = { sheet: sheet.Name, cells: [this.quirks.address(target)] };
    for (const l of this.listeners) l(change);
  };
}

/**
 * Value2 and Formula of a rectangle (one call each) as model values and formulas (without '=';
 * undefined for a constant, see formulaOf).
 */
function readGrid(q: WpsQuirks, r: EtRange, rows: number, cols: number): { values: RawValue[][]; formulas: (string | undefined)[][] } {
  const rawValues = q.grid(r.Value2, rows, cols);
  const rawFormulas = q.grid(r.Formula, rows, cols);
  const values = rawValues.map((line, i) => line.map((v, j) => etValue(q, v, rawFormulas[i][j])));
  const formulas = rawFormulas.map((line, i) => line.map((f, j) => formulaOf(values[i][j], f)));
  return { values, formulas };
}

/** Formulas as the grid builders take them: '=…', null for a constant. */
function withEquals(formulas: (string | undefined)[][]): (string | null)[][] {
  return formulas.map((line) => line.map((f) => (f === undefined ? null : `=${f}`)));
}

/** A probe's answer for positions whose states differ. */
export const MIXED = Symbol('mixed');

/**
 * Splits the positions from..to into maximal runs on which `probe(a, b)` (one object-model call
 * for positions a..b) answers one state. The remainder is asked as a whole first; if it is
 * mixed, the run at its start is found by galloping (1, 2, 4 … positions) and then bisection.
 * A header of h rows above uniform data costs about 2·log2(h) + 2 calls, however many rows follow.
 * A single position that is itself mixed comes back as a run with value MIXED.
 */
export function runs<T>(from: number, to: number, probe: (a: number, b: number) => T | typeof MIXED): { from: number; to: number; value: T | typeof MIXED }[] {
  const out: { from: number; to: number; value: T | typeof MIXED }[] = [];
  let start = from;
  while (start <= to) {
    const whole = probe(start, to);
    if (whole !== MIXED) {
      out.push({ from: start, to, value: whole });
      break;
    }
    const one = probe(start, start);
    if (one === MIXED || start === to) {
      out.push({ from: start, to: start, value: one });
      start++;
      continue;
    }
    let good = start; // probe(start, good) is uniform
    let value: T = one;
    let bad = to; // probe(start, bad) is mixed
    for (let step = 1; good + step < bad; step *= 2) {
      const v = probe(start, good + step);
      if (v === MIXED) {
        bad = good + step;
        break;
      }
      good += step;
      value = v;
    }
    while (bad - good > 1) {
      const mid = Math.floor((good + bad) / 2);
      const v = probe(start, mid);
      if (v === MIXED) bad = mid;
      else {
        good = mid;
        value = v;
      }
    }
    out.push({ from: start, to: good, value });
    start = good + 1;
  }
  return out;
}

/** 2-D prefix sums of a boolean grid, to count content cells in any rectangle in O(1). */
function prefixSums(grid: boolean[][]): number[][] {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const s = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) s[i + 1][j + 1] = s[i][j + 1] + s[i + 1][j] - s[i][j] + (grid[i][j] ? 1 : 0);
  return s;
}

function count(s: number[][], area: CellRange, r: CellRange): number {
  const t = r.top - area.top;
  const l = r.left - area.left;
  const b = r.bottom - area.top + 1;
  const rt = r.right - area.left + 1;
  return s[b][rt] - s[t][rt] - s[b][l] + s[t][l];
}
