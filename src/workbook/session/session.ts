/**
 * A workbook session: what the CLI, the Excel task pane and the WPS add-in drive. One host read
 * opens it; `explain` answers for any score or input cell; `planFill` previews a fill that
 * `apply` writes in one host write (refused if the user changed a target cell since); `revert`
 * restores the workbook from the record the fill left in it; `update` re-scores only what
 * depends on the cells the user edited (a 无量纲化 column as a whole).
 */
import {
  cohortRange,
  explainIndicator,
  isWanmuError,
  type CohortRange,
  type ErrorReason,
  type IndicatorValues,
  type RawValue,
  type WanmuError,
} from '../../engine';
import { builtIn, editionName, type EvaluationId, type Indicator, type Tables } from '../../rules';
import { resultTables, type ResultTable } from '../check/results';
import { chartData, missingInputs, planConvert, planMissingSheet, planResultsSheet, planTemplate, type ChartTable, type MissingInput } from './extras';
import { type Mapping } from '../check/mapping';
import { resolveMapping } from './mapping';
import { loadRules, type LoadedRules } from './editions';
import { a1, parseA1 } from '../core/address';
import { analyze, evaluateLayout, scoreRecords, totalRecords } from '../check/analyze';
import { type Analysis, type AnalyzeOptions, type IndicatorResult, type PlatformResult, type TableResult } from '../contract/analysis';
import { MAPPING_SHEET } from '../core/sheets';
import { dedupeFindings, findingAtCell, type Finding } from '../findings/codes';
import { MARKS_UNAVAILABLE_TEXT } from '../text/catalogue';
import { planFill, type FillOptions, type FillPlan } from '../write/fill';
import { type CellRef } from '../core/address';
import { cellAt, emptyBatch, sheetsByName, type CellData, type CellRange, type ChangedCells, type RangeCells, type SheetRange, type ScoreRecord, type SheetData, type TotalRecord, type WorkbookData, type WorkbookHost, type WriteConflict } from '../core/model';
import { Dependents } from '../read/dependents';
import { reviewByPlatform } from '../check/review';
import { sameCell } from '../core/same';
import { nextVersion } from '../core/version';
import { planRevert, type RevertPlan } from '../write/revert';
import { cellsToRanges, sameMarks } from '../core/marks';
import { planMarks } from '../write/marks';
import type { MarkSet } from '../core/model';

export interface SessionModel {
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  readonly scores: readonly ScoreRecord[];
  readonly totals: readonly TotalRecord[];
}

export interface ExplainedInput {
  readonly label: string;
  readonly unit: string;
  readonly cell: { readonly sheet: string; readonly cell: string } | null;
  readonly raw: RawValue;
  /** The value the engine used (after units and defaults), or null. */
  readonly value: number | null;
}

export interface Explanation {
  readonly evaluation: TableResult['table']['evaluation'];
  /** The edition the score is computed by, as users name it. */
  readonly edition: string;
  readonly platform: string;
  readonly indicator: Indicator;
  /** 评分标准, verbatim. */
  readonly standard: string;
  readonly inputs: readonly ExplainedInput[];
  readonly score: number | null;
  /** The engine's arithmetic, in Chinese, or why there is no score. */
  readonly text: string;
  readonly reason: ErrorReason | null;
  /** Where the score is (or will be written). */
  readonly scoreCell: { readonly sheet: string; readonly cell: string } | null;
}

export type ApplyResult =
  | { readonly ok: true; readonly plan: FillPlan; readonly model: SessionModel }
  | { readonly ok: false; readonly conflicts: readonly WriteConflict[]; readonly findings: readonly Finding[] };

export interface RevertResult {
  readonly plan: RevertPlan;
  readonly exact: boolean;
}

function key(sheet: string, row: number, col: number): string {
  return `${sheet}!${row},${col}`;
}

/** Input cells → their indicators; score cells (a sum's cell maps to null); score, subtotal and total cells → their platform. */
interface CellIndex {
  readonly inputs: Map<string, { t: number; pi: number; i: number }[]>;
  readonly places: Map<string, { t: number; pi: number; i: number } | null>;
  readonly owners: Map<string, { t: number; pi: number }>;
}

/** Most cells one edit may cover before its sheet is simply read again. */
const UPDATE_CELLS = 5000;

/** The edited rectangles, or null when an address is not a cell or a range of cells (whole rows, columns). */
function editedRanges(change: ChangedCells): CellRange[] | null {
  const out: CellRange[] = [];
  for (const ref of change.cells) {
    for (const part of ref.split(',')) {
      const [from, to, ...rest] = part.trim().split(':');
      const a = parseA1(from);
      const b = to === undefined ? a : parseA1(to);
      if (!a || !b || rest.length > 0) return null;
      out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
    }
  }
  return out;
}

/** Cells as few rectangles per sheet (see cellsToRanges). */
function columnRuns(cells: readonly { sheet: string; row: number; col: number }[]): SheetRange[] {
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet);
    if (list) list.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  return [...bySheet].flatMap(([sheet, list]) => cellsToRanges(list).map((range) => ({ sheet, range })));
}

interface ChangedCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly before: CellData | null;
  readonly after: CellData | null;
}

/** The workbook with the rectangles read again, and the cells that differ from before. */
function patchWorkbook(workbook: WorkbookData, got: readonly RangeCells[]): { workbook: WorkbookData; changed: ChangedCell[] } {
  const bySheet = sheetsByName(workbook);
  const changed: ChangedCell[] = [];
  /** Cells already compared, per sheet, as row × 16384 + column (rectangles may overlap). */
  const seenBySheet = new Map<string, Set<number>>();
  const patched = new Map<string, { rows: Map<number, ReadonlyMap<number, CellData>>; copied: Set<number>; rowCount: number; colCount: number }>();
  for (const g of got) {
    const sheet = bySheet.get(g.sheet);
    let seen = seenBySheet.get(g.sheet);
    if (!seen) seenBySheet.set(g.sheet, (seen = new Set()));
    if (!sheet || !g.cells) continue;
    // the cells come in row, then column order (the contract): walk them alongside the positions
    const cells = g.cells;
    let next = 0;
    const { top, left, bottom, right } = g.range;
    for (let row = top; row <= bottom; row++) {
      const line = sheet.rows.get(row);
      for (let col = left; col <= right; col++) {
        while (next < cells.length && (cells[next].row < row || (cells[next].row === row && cells[next].col < col))) next++;
        const hit = cells[next];
        const after = hit && hit.row === row && hit.col === col ? hit.cell : null;
        const before = line?.get(col) ?? null;
        if (sameCell(before, after)) continue;
        const k = row * 16384 + col;
        if (seen.has(k)) continue;
        seen.add(k);
        changed.push({ sheet: g.sheet, row, col, before, after });
        let p = patched.get(g.sheet);
        if (!p) patched.set(g.sheet, (p = { rows: new Map(sheet.rows), copied: new Set(), rowCount: sheet.rowCount, colCount: sheet.colCount }));
        let r = p.rows.get(row) as Map<number, CellData> | undefined;
        if (!p.copied.has(row)) {
          r = new Map(r ?? []);
          p.copied.add(row);
        } else if (!r) r = new Map();
        p.rows.set(row, r);
        if (after) r.set(col, after);
        else r.delete(col);
        if (r.size === 0) p.rows.delete(row);
        if (after) {
          p.rowCount = Math.max(p.rowCount, row);
          p.colCount = Math.max(p.colCount, col);
        }
      }
    }
  }
  if (changed.length === 0) return { workbook, changed };
  return {
    workbook: { sheets: workbook.sheets.map((s) => {
      const p = patched.get(s.name);
      return p ? { ...s, rows: p.rows, rowCount: p.rowCount, colCount: p.colCount } : s;
    }) },
    changed,
  };
}

export class WorkbookSession {
  private analysis!: Analysis;
  /** Input and score cells → where they are in the analysis; built once per read of the tables. */
  private cellIndexCache: CellIndex | null = null;
  /** Which formulas read which cells; built once per analysis (see update). */
  private dependentsCache: Dependents | null = null;

  /** Review findings per table and platform. */
  private reviewFindings: Finding[][][] = [];
  private current!: SessionModel;

  private mappingJson: Mapping | null = null;
  /** A mapping set in this session wins over the one saved in the workbook. */
  private mappingSet = false;
  private mappingFinding: Finding | null = null;
  private savedRules: LoadedRules | null = null;

  private constructor(
    readonly host: WorkbookHost,
    private options: AnalyzeOptions,
    /** Options given by the caller (a mapping file): they win over the mapping saved in the workbook. */
    private readonly explicit: AnalyzeOptions,
  ) {}

  static async open(host: WorkbookHost, options: AnalyzeOptions = {}): Promise<WorkbookSession> {
    const s = new WorkbookSession(host, options, options);
    s.load(await host.read());
    return s;
  }

  /** Opens on data already read (a host that was read once for another purpose). */
  static fromData(host: WorkbookHost, data: WorkbookData, options: AnalyzeOptions = {}): WorkbookSession {
    const s = new WorkbookSession(host, options, options);
    s.load(data);
    return s;
  }

  /** The mapping saved in the workbook (or set in this session), as its JSON. */
  get mapping(): Mapping | null {
    return this.mappingJson;
  }

  /** Uses a mapping (the JSON shape of a mapping file) from now on; the tables are read again. */
  setMapping(json: unknown): { ok: true } | { ok: false; message: string } {
    const r = this.useMapping(json);
    if (!r.ok) return r;
    this.mappingSet = true;
    this.load(this.analysis.workbook);
    return { ok: true };
  }

  /**
   * A mapping's options, and its edition (`rules`) when it carries one, over the caller's: the
   * caller's own mapping and edition (the command line's mapping and rules files) win.
   */
  private useMapping(json: unknown): { ok: true } | { ok: false; message: string } {
    const rulesJson = json !== null && typeof json === 'object' ? (json as { rules?: unknown }).rules : undefined;
    let rules: LoadedRules | null = null;
    if (rulesJson !== undefined && !this.explicit.editions) {
      const l = loadRules(rulesJson);
      if (!l.ok) return l;
      rules = l;
    }
    const editions = this.explicit.editions ?? rules?.editions;
    const r = resolveMapping(json, (editions ?? builtIn).inForce);
    if (!r.ok) return r;
    this.mappingJson = json as Mapping;
    this.savedRules = rules;
    this.options = { ...this.explicit, ...(editions ? { editions } : {}), sheets: new Map([...r.options, ...(this.explicit.sheets ?? new Map())]) };
    return { ok: true };
  }

  /** The edition the workbook's own mapping carries (loaded in the pane and saved with the workbook), or null. */
  get loadedRules(): LoadedRules | null {
    return this.savedRules;
  }

  /** Saves the mapping into the workbook (a very hidden sheet), so it travels with the file. */
  planSaveMapping(): FillPlan {
    const sheet = this.analysis.workbook.sheets.find((s) => s.name === MAPPING_SHEET);
    const batch = { ...emptyBatch(), addSheets: sheet ? [] : [{ name: MAPPING_SHEET, state: 'veryHidden' as const }], cells: [{ sheet: MAPPING_SHEET, row: 1, col: 1, value: JSON.stringify(this.mappingJson ?? { sheets: {} }) }] };
    // the saved mapping is replaced only while it is what was read (never something written since)
    const before = sheet ? cellAt(sheet, 1, 1) : null;
    const expected = sheet ? [{ sheet: MAPPING_SHEET, row: 1, col: 1, value: before?.value ?? null, ...(before?.formula !== undefined ? { formula: before.formula } : {}) }] : [];
    return { batch, expected, findings: [], preview: { cells: 1, replaced: [], addSheets: [], addColumns: [] }, replaced: [], written: 1 };
  }

  planConvert(style: 'native' | 'values'): FillPlan {
    return planConvert(this.analysis, style);
  }

  /** The editions in force for this workbook: the built-in ones, or the ones a surface loaded (one per evaluation). */
  get tables(): Tables {
    return (this.options.editions ?? builtIn).inForce;
  }

  planTemplate(evaluation: EvaluationId, platforms: number): FillPlan {
    return planTemplate(this.analysis, this.tables[evaluation], platforms);
  }

  missingInputs(): MissingInput[] {
    return missingInputs(this.analysis);
  }

  planMissingSheet(): FillPlan {
    return planMissingSheet(this.analysis);
  }

  chartData(): ChartTable[] {
    return chartData(this.analysis);
  }

  /** Every platform's results as every surface shows them (see results.ts). */
  results(): ResultTable[] {
    return resultTables(this.analysis);
  }

  /** The results as a new sheet, revertible. */
  planResultsSheet(): FillPlan {
    return planResultsSheet(this.analysis);
  }

  // ------------------------------------------------------------ marks (conditional formats on problem cells)

  /** wanmu's marks in the workbook as this session last read or wrote them; null before. */
  private marksNow: readonly MarkSet[] | null = null;

  /** The host can mark problem cells. */
  get canMark(): boolean {
    return this.host.capabilities.marks && typeof this.host.setMarks === 'function' && typeof this.host.readMarks === 'function';
  }

  /** The marks the current findings call for: errors and warnings at cells (see marks.ts). */
  planMarks(): MarkSet[] {
    return planMarks(this.current.findings, this.analysis.workbook.sheets);
  }

  /** Whether the workbook holds wanmu's marks, as last read or written; null before either. */
  get marked(): boolean | null {
    if (this.marksNow === null) return null;
    const sheets = new Set(this.analysis.workbook.sheets.map((s) => s.name));
    return this.marksNow.some((m) => m.ranges.length > 0 && sheets.has(m.sheet));
  }

  /** Reads which of wanmu's marks the workbook holds (one host call). */
  async readMarks(): Promise<readonly MarkSet[]> {
    const host = this.host;
    if (!this.canMark || !host.readMarks) throw new Error(MARKS_UNAVAILABLE_TEXT);
    this.marksNow = await host.readMarks();
    return this.marksNow;
  }

  /**
   * Marks the cells of the current errors and warnings (on), or clears wanmu's marks (off): the
   * host replaces all of wanmu's marks in one call. Nothing is written when the workbook holds
   * exactly these marks already (the pane re-marks after every re-check).
   */
  async mark(on: boolean): Promise<readonly MarkSet[]> {
    const host = this.host;
    if (!this.canMark || !host.setMarks) throw new Error(MARKS_UNAVAILABLE_TEXT);
    const plan = on ? this.planMarks() : [];
    if (this.marksNow !== null && sameMarks(this.marksNow, plan)) return plan;
    await host.setMarks(plan);
    this.marksNow = plan;
    return plan;
  }

  /** Reads the mapping saved in the workbook, unless one was set in this session. */
  private readSavedMapping(data: WorkbookData): void {
    if (this.mappingSet) return;
    this.mappingFinding = null;
    const sheet = data.sheets.find((s) => s.name === MAPPING_SHEET);
    const text = sheet ? cellAt(sheet, 1, 1)?.value : undefined;
    if (typeof text !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      this.mappingFinding = findingAtCell('warning', 'mapping_unreadable', MAPPING_SHEET, 'A1', { message: (e as Error).message });
      return;
    }
    const r = this.useMapping(json);
    if (!r.ok) this.mappingFinding = findingAtCell('warning', 'mapping_unreadable', MAPPING_SHEET, 'A1', { message: r.message });
  }

  get model(): SessionModel {
    return this.current;
  }

  private load(data: WorkbookData): void {
    this.readSavedMapping(data);
    this.analysis = analyze(data, this.options);
    this.cellIndexCache = null;
    this.dependentsCache = null;
    this.reviewFindings = reviewByPlatform(this.analysis, undefined, this.host.capabilities.changeEvents);
    this.publish();
  }

  private publish(): void {
    const findings = dedupeFindings([...(this.mappingFinding ? [this.mappingFinding] : []), ...this.analysis.findings, ...this.reviewFindings.flat(2)]);
    const analysis = this.analysis;
    // score and total records are made when first asked for (a large fill need not hold them while it writes)
    let scores: ScoreRecord[] | undefined;
    let totals: TotalRecord[] | undefined;
    this.current = {
      analysis,
      findings,
      get scores() {
        return (scores ??= scoreRecords(analysis));
      },
      get totals() {
        return (totals ??= totalRecords(analysis));
      },
    };
  }

  /** Reads the whole workbook again. */
  async refresh(): Promise<SessionModel> {
    this.load(await this.host.read());
    return this.current;
  }

  // ------------------------------------------------------------ explain

  /** Input cells and score places (a sum's place maps to null) of every table, by sheet!row,col. */
  private cellIndex(): CellIndex {
    if (this.cellIndexCache) return this.cellIndexCache;
    const inputs = new Map<string, { t: number; pi: number; i: number }[]>();
    const places = new Map<string, { t: number; pi: number; i: number } | null>();
    const owners = new Map<string, { t: number; pi: number }>();
    this.analysis.tables.forEach((t, ti) =>
      t.platforms.forEach((p, pi) => {
        p.indicators.forEach((r, i) => {
          for (const c of r.inputs) {
            if (!c) continue;
            const k = key(c.sheet, c.row, c.col);
            const list = inputs.get(k);
            if (list) list.push({ t: ti, pi, i });
            else inputs.set(k, [{ t: ti, pi, i }]);
          }
          if (r.place.ref) {
            places.set(key(r.place.ref.sheet, r.place.ref.row, r.place.ref.col), { t: ti, pi, i });
            owners.set(key(r.place.ref.sheet, r.place.ref.row, r.place.ref.col), { t: ti, pi });
          }
        });
        for (const g of p.groups) if (g.place.ref) places.set(key(g.place.ref.sheet, g.place.ref.row, g.place.ref.col), null);
        if (p.total.place.ref) places.set(key(p.total.place.ref.sheet, p.total.place.ref.row, p.total.place.ref.col), null);
        for (const ref of [...p.groups.map((g) => g.place.ref), p.total.place.ref]) if (ref) owners.set(key(ref.sheet, ref.row, ref.col), { t: ti, pi });
      }),
    );
    this.cellIndexCache = { inputs, places, owners };
    return this.cellIndexCache;
  }

  /** What a score or input cell is: the indicator, its 评分标准, the inputs read, the arithmetic. */
  explain(sheet: string, cell: string): Explanation | undefined {
    const at = parseA1(cell);
    if (!at) return undefined;
    const index = this.cellIndex();
    const k = key(sheet, at.row, at.col);
    const hit = index.places.get(k) ?? index.inputs.get(k)?.[0];
    if (!hit) return undefined;
    const t = this.analysis.tables[hit.t];
    const p = t.platforms[hit.pi];
    return this.explainResult(t, hit.pi, p, p.indicators[hit.i]);
  }

  private explainResult(t: TableResult, pi: number, p: PlatformResult, r: IndicatorResult): Explanation {
    const ind = r.indicator;
    const i = ind.number - 1;
    const values: IndicatorValues = t.values[pi][i];
    const sheets = sheetsByName(this.analysis.workbook);
    let range: CohortRange | WanmuError | undefined;
    if (ind.rule.kind === 'normalized') range = cohortRange(ind, t.values.map((v) => v[i]));
    const out = range && isWanmuError(range) ? range : undefined;
    const explained = out ? { ok: false as const, error: out } : explainIndicator(ind, values, range && !isWanmuError(range) ? range : undefined, t.table.normalization);
    const inputs = ind.inputs.map((f, fi): ExplainedInput => {
      const c = r.inputs[fi];
      const raw = c ? cellAt(sheets.get(c.sheet) as SheetData, c.row, c.col)?.value ?? null : null;
      const v = values[fi];
      return { label: f.label, unit: f.unit, cell: c ? { sheet: c.sheet, cell: a1(c.row, c.col) } : null, raw, value: v === null || v === undefined || Number.isNaN(v) ? null : v };
    });
    return {
      evaluation: t.table.evaluation,
      edition: editionName(t.table),
      platform: p.name,
      indicator: ind,
      standard: ind.standard,
      inputs,
      score: r.score,
      text: explained.ok ? explained.text : '',
      reason: r.reason ?? (explained.ok ? null : explained.error.reason),
      scoreCell: r.place.ref ? { sheet: r.place.ref.sheet, cell: a1(r.place.ref.row, r.place.ref.col) } : null,
    };
  }

  // ------------------------------------------------------------ fill and revert

  planFill(options: FillOptions): FillPlan {
    return planFill(this.analysis, options);
  }

  /** Writes a planned fill in one host write; refused when a target cell changed since it was read. */
  async apply(plan: FillPlan, options: { readonly refresh?: boolean } = {}): Promise<ApplyResult> {
    const outcome = await this.host.write(plan.batch, plan.expected);
    if (!outcome.ok) {
      const first = outcome.conflicts[0];
      return { ok: false, conflicts: outcome.conflicts, findings: [findingAtCell('error', 'changed_since_check', first.sheet, first.cell, { count: outcome.conflicts.length })] };
    }
    // a caller that is done with the workbook (the command line) need not read it again
    if (options.refresh !== false) await this.refresh();
    return { ok: true, plan, model: this.current };
  }

  /** Restores every cell the recorded fills wrote and removes the sheets they added. */
  async revert(): Promise<RevertResult> {
    const data = await this.host.read();
    const plan = planRevert(data);
    if (plan.batch.cells.length > 0 || plan.batch.deleteSheets.length > 0) {
      const outcome = await this.host.write(plan.batch, []);
      if (!outcome.ok) throw new Error('a revert write has no preconditions and cannot be refused');
    }
    await this.refresh();
    return { plan, exact: plan.skipped === 0 && !plan.findings.some((f) => f.code === 'revert_record_damaged') };
  }

  // ------------------------------------------------------------ update after edits

  /**
   * The user edited cells: reads them and the formulas that read them (one host round trip), and
   * re-scores and re-reviews only what depends on them. Edits to headers, names or anything that
   * is not an input or a score, and inserted or deleted rows, read the edited sheet again as a
   * whole, as the tables themselves may have changed.
   */
  async update(change: ChangedCells): Promise<SessionModel> {
    const edited = change.structural ? null : editedRanges(change);
    if (!edited || edited.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0) > UPDATE_CELLS) return this.reloadSheets([change.sheet]);
    // the edited cells, and the formulas that read them: Excel and WPS report only what the user
    // typed, not the formulas recalculated since
    const editedCells = edited.flatMap((r) => {
      const out: { sheet: string; row: number; col: number }[] = [];
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ sheet: change.sheet, row, col });
      return out;
    });
    const recalculated = this.dependents().after(editedCells, UPDATE_CELLS * 4);
    if (!recalculated) return this.refresh();
    const ranges: SheetRange[] = [...edited.map((range) => ({ sheet: change.sheet, range })), ...columnRuns(recalculated)];
    const got = await this.host.readRanges(ranges);
    if (got.some((g) => g.cells === null)) return this.refresh(); // a sheet was deleted or renamed
    const { workbook, changed } = patchWorkbook(this.analysis.workbook, got);
    if (changed.length === 0) return this.current;
    const { inputs, places, owners } = this.cellIndex();
    const typed = new Set(editedCells.map((c) => key(c.sheet, c.row, c.col)));
    const affected: { t: number; pi: number; i: number }[] = [];
    const dirty: { t: number; pi: number }[] = [];
    let formulasChanged = false;
    for (const c of changed) {
      const k = key(c.sheet, c.row, c.col);
      const reads = inputs.get(k);
      const owner = owners.get(k);
      // the user typed outside the tables' inputs and score cells (a header, a name, a new row):
      // read the sheet again; a recalculated formula outside them changes nothing the tables read
      if (!reads && !owner && !places.has(k) && typed.has(k)) return this.reloadSheets([change.sheet], workbook);
      if (reads) for (const r of reads) affected.push(r);
      if (owner) dirty.push(owner);
      if (c.before?.formula !== c.after?.formula) formulasChanged = true;
    }
    if (formulasChanged) this.dependentsCache = null;
    this.rescore(workbook, affected, dirty);
    return this.current;
  }

  /**
   * Builds what a re-check after an edit needs (the cell index and the formulas' dependents), so
   * that the first edit is as quick as the next; the pane calls it when idle after opening.
   */
  prepareUpdates(): void {
    this.cellIndex();
    this.dependents();
  }

  private dependents(): Dependents {
    return (this.dependentsCache ??= new Dependents(this.analysis.workbook));
  }

  /** Reads these sheets again as a whole and analyses the workbook anew. */
  private async reloadSheets(names: readonly string[], base: WorkbookData = this.analysis.workbook): Promise<SessionModel> {
    const fresh = sheetsByName(await this.host.read({ sheets: names }));
    if (names.some((n) => !fresh.has(n) && base.sheets.some((s) => s.name === n))) return this.refresh();
    const known = new Set(base.sheets.map((s) => s.name));
    this.load({ sheets: [...base.sheets.map((s) => fresh.get(s.name) ?? s), ...[...fresh.values()].filter((s) => !known.has(s.name))] });
    return this.current;
  }

  /**
   * Re-scores the affected inputs' indicators and reviews their platforms again, and the `dirty`
   * platforms (whose score cells changed) too.
   */
  private rescore(workbook: WorkbookData, affected: readonly { t: number; pi: number; i: number }[], dirty: readonly { t: number; pi: number }[] = []): void {
    const sheets = sheetsByName(workbook);
    const readFindings: Finding[] = [];
    const reread = new Set<string>();
    const tablesNext = this.analysis.tables.map((t, ti) => {
      const mine = affected.filter((a) => a.t === ti);
      const next = mine.length === 0 ? t : evaluateLayout(sheets, t.layout, readFindings, { previous: t, affected: mine, reread });
      const again = new Set(dirty.filter((d) => d.t === ti).map((d) => d.pi));
      if (again.size === 0) return next;
      // a new object makes the review look at the platform again
      return { ...next, platforms: next.platforms.map((p, pi) => (again.has(pi) && p === t.platforms[pi] ? { ...p, version: nextVersion() } : p)) };
    });
    // findings at re-read cells and at the affected platforms' score cells are replaced
    const stale = (f: Finding) => reread.has(`${f.sheet}!${f.cell}`);
    const analysis: Analysis = { ...this.analysis, workbook, tables: tablesNext, findings: [...this.analysis.findings.filter((f) => !stale(f)), ...readFindings] };
    const previous = { tables: this.analysis.tables, findings: this.reviewFindings };
    this.analysis = analysis;
    this.reviewFindings = reviewByPlatform(analysis, previous, this.host.capabilities.changeEvents);
    this.publish();
  }
}

/** Where a finding's cell is, for hosts that can select it. */
export function findingCell(f: Finding): CellRef | undefined {
  const at = parseA1(f.cell);
  return at ? { sheet: f.sheet, row: at.row, col: at.col } : undefined;
}

export type { FillOptions, FillPlan };
