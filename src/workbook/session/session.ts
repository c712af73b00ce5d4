/**
 * A workbook session: what the CLI, the Excel task pane and the WPS add-in drive. One host read
 * opens it; `explain` answers for any score or input cell; `planFill` previews a fill that
 * `apply` writes in one host write (refused if the user changed a target cell since); `revert`
 * restores the workbook from the record the fill left in it; `update` re-scores only what
 * depends on the cells the user edited (a 无量纲化 column as a whole).
 */
import { builtIn, type EvaluationId, type Tables } from '../../rules';
import { resultTables, type ResultTable } from '../check/results';
import { chartData, missingInputs, planConvert, planMissingSheet, planResultsSheet, planTemplate, type ChartTable, type MissingInput } from './extras';
import { type Mapping } from '../check/mapping';
import { resolveMapping } from './mapping';
import { loadRules, type LoadedRules } from './editions';
import { parseA1 } from '../core/address';
import { analyze, scoreRecords, totalRecords } from '../check/analyze';
import { type Analysis, type AnalyzeOptions } from '../contract/analysis';
import { MAPPING_SHEET } from '../core/sheets';
import { dedupeFindings, findingAtCell, type Finding } from '../findings/codes';
import { MARKS_UNAVAILABLE_TEXT } from '../text/catalogue';
import { planFill, type FillOptions, type FillPlan } from '../write/fill';
import { type CellRef } from '../core/address';
import { cellAt, emptyBatch, type ChangedCells, type ScoreRecord, type TotalRecord, type WorkbookData, type WorkbookHost, type WriteConflict } from '../core/model';
import { Dependents } from '../read/dependents';
import { reviewByPlatform } from '../check/review';
import { planRevert, type RevertPlan } from '../write/revert';
import { sameMarks } from '../core/marks';
import { planMarks } from '../write/marks';
import type { MarkSet } from '../core/model';
import { indexCells, type CellIndex } from './cells';
import { explainCell, type Explanation } from './explain';
import { recheck, rereadSheets, rescored, type RecheckSource } from './recheck';

export interface SessionModel {
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  readonly scores: readonly ScoreRecord[];
  readonly totals: readonly TotalRecord[];
}

export type { ExplainedInput, Explanation } from './explain';

export type ApplyResult =
  | { readonly ok: true; readonly plan: FillPlan; readonly model: SessionModel }
  | { readonly ok: false; readonly conflicts: readonly WriteConflict[]; readonly findings: readonly Finding[] };

export interface RevertResult {
  readonly plan: RevertPlan;
  readonly exact: boolean;
}

export class WorkbookSession {
  private analysis!: Analysis;
  /** Input and score cells → where they are in the analysis; built once per read of the tables. */
  private cellIndexCache: CellIndex | null = null;
  /** Which formulas read which cells; built once per analysis (see update). */
  private dependentsCache: Dependents | null = null;
  /** What explain and update read of this session: the analysis as it stands, and the caches above. */
  private readonly lookups: RecheckSource = {
    analysis: () => this.analysis,
    cellIndex: () => this.cellIndex(),
    dependents: () => this.dependents(),
  };

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

  /** Input cells and score places of every table (see cells.ts); built once per read of the tables. */
  private cellIndex(): CellIndex {
    return (this.cellIndexCache ??= indexCells(this.analysis));
  }

  /** What a score or input cell is: the indicator, its 评分标准, the inputs read, the arithmetic (see explain.ts). */
  explain(sheet: string, cell: string): Explanation | undefined {
    return explainCell(this.lookups, sheet, cell);
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
   * whole, as the tables themselves may have changed (see recheck.ts).
   */
  async update(change: ChangedCells): Promise<SessionModel> {
    const step = await recheck(this.host, change, this.lookups);
    switch (step.kind) {
      case 'refresh':
        return this.refresh();
      case 'reload':
        return this.reloadSheets(step.sheets, step.base);
      case 'unchanged':
        return this.current;
      case 'rescore': {
        if (step.formulasChanged) this.dependentsCache = null;
        const previous = { tables: this.analysis.tables, findings: this.reviewFindings };
        this.analysis = rescored(this.analysis, step.workbook, step.affected, step.dirty);
        this.reviewFindings = reviewByPlatform(this.analysis, previous, this.host.capabilities.changeEvents);
        this.publish();
        return this.current;
      }
    }
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
    const data = await rereadSheets(this.host, names, base);
    if (!data) return this.refresh();
    this.load(data);
    return this.current;
  }
}

/** Where a finding's cell is, for hosts that can select it. */
export function findingCell(f: Finding): CellRef | undefined {
  const at = parseA1(f.cell);
  return at ? { sheet: f.sheet, row: at.row, col: at.col } : undefined;
}

export type { FillOptions, FillPlan };