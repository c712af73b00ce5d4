/**
 * The self-test's steps: the host contract's essential checks, run on the workbook open in the
 * host (Excel, WPS, a file) on scratch sheets the self-test adds and removes. The same functions
 * run in the contract suite (test/hosts/contract.ts) over every host, so the jest suite and the
 * field self-test cannot drift apart.
 *
 * Nothing is written outside the scratch sheets: every write names one of SCRATCH_SHEETS, and
 * the marks step runs only when the workbook holds no marks of wanmu's elsewhere (setMarks
 * replaces them all). The scratch sheets have fixed names, so a run interrupted half-way (the
 * pane closed, the host gone) leaves at most them, and the next run removes them first — only
 * when they are empty or hold the self-test's signature (or, for the record, a revert record):
 * a user's sheet that happens to have such a name is never deleted.
 *
 * Reliances of the hosts that their documentation does not state, checked here:
 *  - Excel (src/hosts/excel/host.ts): a refused write is written and undone in the same sync (a
 *    batch's operations run in order), so the user's value, the number formats and the sheet
 *    list come back (precondition); text Excel would parse is written quote-prefixed and reads
 *    back as text (text); formulas are calculated after the write, not given their results
 *    (formulas, polled); `getRanges` takes at most 255 characters, longer mark lists are split
 *    (marks, with a list longer than that); own writes are told apart by triggerSource (events);
 *    a very hidden sheet (the revert record) can be deleted (revert).
 *  - WPS (src/hosts/wps/quirks.ts): General's name, CVErr codes (a number equal to one stays a
 *    number), scalar vs array Value2 of one cell, empty cells' Value2, mixed number formats in
 *    one range, the Address member, FormatConditions and addresses up to 255 characters.
 */
import { vocabulary } from '../rules';
import type { RawValue } from '../engine';
import { runFunction } from '../functions/declarations';
import { a1, parseA1 } from '../workbook';
import { tables } from '../rules';
import { canonicalMarks, markedCells, sameMarks } from '../workbook';
import { cellAt, cellsInRange, emptyBatch, type CellData, type CellRange, type CellWrite, type ChangedCells, type ExpectedCell, type MarkSet, type RangeCells, type SheetData, type WorkbookData, type WorkbookHost, type WriteBatch } from '../workbook';
import { PlanBuilder } from '../workbook';
import { planRevert } from '../workbook';
import { isRevertRecord } from '../workbook';
import { sameCell } from '../workbook';
import type { Ability, CellMismatch, Failure, FailureCode, FailureFacts, SkipReason, StepId, StepResult } from './types';

// ---- The scratch sheets -------------------------------------------------------------------------

/** The sheet the self-test writes into. */
export const SCRATCH_SHEET = 'wanmu自检';
/** The sheet a fill adds (revert removes it) and a refused write tries to add. */
export const SCRATCH_ADDED = 'wanmu自检新表';
/** The fill's revert record (very hidden, as the workbook's own record is). */
export const SCRATCH_RECORD = 'wanmu自检撤销记录';
/** The sheet added with the result sheets' view and print settings (removed by its step). */
export const SCRATCH_LAYOUT = 'wanmu自检页面';
export const SCRATCH_SHEETS: readonly string[] = [SCRATCH_SHEET, SCRATCH_ADDED, SCRATCH_RECORD, SCRATCH_LAYOUT];
/** A1 of the scratch sheets: what tells them apart from a user's sheet of the same name. */
export const SCRATCH_SIGNATURE = '万亩千亿评分助手自检临时表,可删除';

export function isScratchSheet(name: string): boolean {
  return SCRATCH_SHEETS.includes(name);
}

/** A sheet the self-test may delete: empty, signed, or a revert record. */
function isOurs(sheet: SheetData): boolean {
  return sheet.rows.size === 0 || cellAt(sheet, 1, 1)?.value === SCRATCH_SIGNATURE || isRevertRecord(sheet);
}

// ---- The step context ---------------------------------------------------------------------------

export interface SelfTestOptions {
  /** The host calculates WANMU.* worksheet functions (Excel's shared runtime, WPS's AddCustomFunction). */
  readonly functions: boolean;
  /** Epoch milliseconds (Date.now unless a test sets it). */
  readonly now?: () => number;
  /** Waits; setTimeout unless a test sets it. */
  readonly wait?: (ms: number) => Promise<void>;
  /** How long a formula may take to calculate (Excel calculates after the write). */
  readonly calcTimeoutMs?: number;
  readonly pollMs?: number;
  /** How long change events are waited for (Excel delivers them after the sync). */
  readonly eventWaitMs?: number;
}

export interface StepContext {
  readonly host: WorkbookHost;
  readonly functions: boolean;
  readonly wait: (ms: number) => Promise<void>;
  readonly calcTimeoutMs: number;
  readonly pollMs: number;
  readonly eventWaitMs: number;
  /** The workbook before the run, without scratch sheets (set by prepare). */
  before: WorkbookData | null;
  /** wanmu's marks before the run, off the scratch sheets (hosts that mark; set by prepare). */
  marksBefore: MarkSet[] | null;
  /** What the write step read back in its one read. */
  readBack: RangeCells | null;
}

export function stepContext(host: WorkbookHost, options: SelfTestOptions): StepContext {
  return {
    host,
    functions: options.functions,
    wait: options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    calcTimeoutMs: options.calcTimeoutMs ?? 8000,
    pollMs: options.pollMs ?? 250,
    eventWaitMs: options.eventWaitMs ?? 600,
    before: null,
    marksBefore: null,
    readBack: null,
  };
}

export interface SelfTestStep {
  readonly id: StepId;
  /** Skipped (not passed) where the host does not offer it. */
  readonly requires?: Ability;
  /** Steps that must have passed first; otherwise this one is skipped. */
  readonly after: readonly StepId[];
  run(ctx: StepContext): Promise<StepResult>;
}

const PASS: StepResult = { status: 'pass' };

function fail<K extends FailureCode>(code: K, facts: FailureFacts[K]): StepResult {
  return { status: 'fail', failure: { code, facts } as Failure };
}

function skip(reason: SkipReason): StepResult {
  return { status: 'skipped', skip: reason };
}

/** Whether the host offers an ability (declared and implemented). */
export function offers(ctx: Pick<StepContext, 'host' | 'functions'>, ability: Ability): boolean {
  const h = ctx.host;
  if (ability === 'functions') return ctx.functions;
  if (ability === 'select') return h.capabilities.select && typeof h.select === 'function';
  if (ability === 'changeEvents') return h.capabilities.changeEvents && typeof h.onChanged === 'function';
  if (ability === 'sheetLayout') return h.capabilities.sheetLayout;
  return h.capabilities.marks && typeof h.setMarks === 'function' && typeof h.readMarks === 'function';
}

// ---- Cells ---------------------------------------------------------------------------------------

type Content = Omit<CellWrite, 'sheet' | 'row' | 'col'>;
type Facet = 'numbers' | 'text' | 'formats' | 'formulas';

/** A cell the write step writes, what it must read back as, and which step checks it. */
interface Planted {
  readonly at: string;
  readonly write: Content;
  readonly expect: CellData;
  readonly facet: Facet;
  /** Also right: what a host that does not calculate (a file) holds, where the write cannot give the result. */
  readonly orElse?: CellData;
}

const plant = (at: string, facet: Facet, write: Content, expect: CellData): Planted => ({ at, facet, write, expect });
const num = (at: string, v: number): Planted => plant(at, 'numbers', { value: v }, { value: v });
const text = (at: string, v: string): Planted => plant(at, 'text', { value: v }, { value: v });

const PLANTED: readonly Planted[] = [
  num('B3', 1180.5),
  num('C3', 0),
  num('D3', -3.25),
  num('E3', 123456789.125),
  // WPS reports error values as these CVErr numbers: a typed number equal to one stays a number
  num('F3', -2146826281),
  plant('B4', 'numbers', { value: true }, { value: true }),
  plant('C4', 'numbers', { value: false }, { value: false }),
  text('B5', '00123'),
  text('C5', '=不是公式'),
  text('D5', '1e3'),
  text('E5', 'TRUE'),
  text('F5', '2024-01-05'),
  text('G5', '-5'),
  plant('B6', 'formats', { value: 0.72, numFmt: '0.00%' }, { value: 0.72, numFmt: '0.00%' }),
  plant('C6', 'formats', { value: 1234.5, numFmt: '#,##0.00' }, { value: 1234.5, numFmt: '#,##0.00' }),
  plant('D6', 'formats', { value: 3, numFmt: '0.0' }, { value: 3, numFmt: '0.0' }),
  plant('E6', 'formats', { value: '00123', numFmt: '@' }, { value: '00123', numFmt: '@' }),
  plant('F6', 'formats', { value: 5, numFmt: 'General' }, { value: 5 }),
  plant('B7', 'formulas', { formula: 'B3*2', result: 2361, numFmt: '0.00' }, { value: 2361, formula: 'B3*2', numFmt: '0.00' }),
  plant('C7', 'formulas', { formula: 'SUM(B3:D3)', result: 1177.25 }, { value: 1177.25, formula: 'SUM(B3:D3)' }),
  // an error result cannot be written (CellWrite.result): a host that does not calculate has none
  { ...plant('D7', 'formulas', { formula: '1/0' }, { value: { sheetError: 'div0' }, formula: '1/0' }), orElse: { value: null, formula: '1/0' } },
  plant('E7', 'formulas', { formula: 'B5&"x"', result: '00123x' }, { value: '00123x', formula: 'B5&"x"' }),
  text('B9', '合并标题'),
];
const MERGED: CellRange = { top: 9, left: 2, bottom: 9, right: 4 };
/** The rectangle the write step writes and reads back. */
export const WRITE_RANGE: CellRange = { top: 3, left: 2, bottom: 9, right: 7 };

/** Formula cells of the self-test and what they calculate to (for hosts' fakes that do not calculate). */
export const SELF_TEST_RESULTS: Readonly<Record<string, RawValue>> = {
  'B3*2': 2361,
  'SUM(B3:D3)': 1177.25,
  '1/0': { sheetError: 'div0' },
  'B5&"x"': '00123x',
  'C3+1': 1,
  'D3*2': -6.5,
};

function at(ref: string): { row: number; col: number } {
  const p = parseA1(ref);
  if (!p) throw new Error(`not an address: ${ref}`);
  return p;
}

function cellWrite(ref: string, content: Content, sheet = SCRATCH_SHEET): CellWrite {
  return { sheet, ...at(ref), ...content };
}

function batch(partial: Partial<WriteBatch>): WriteBatch {
  return { ...emptyBatch(), ...partial };
}

function byAddress(cells: RangeCells['cells']): Map<string, CellData> {
  return new Map((cells ?? []).map((c) => [a1(c.row, c.col), c.cell]));
}

/** Empty text and an absent cell are the same; a formatted blank (value null) is empty. */
function present(c: CellData | null | undefined): CellData | null {
  if (!c) return null;
  if (c.formula === undefined && (c.value === null || c.value === '')) return null;
  return c;
}

/** The planted cells that do not read back as written (formulas: by text and format only when `content`). */
function mismatches(found: ReadonlyMap<string, CellData>, planted: readonly Planted[], content = false): CellMismatch[] {
  const out: CellMismatch[] = [];
  for (const p of planted) {
    const f = present(found.get(p.at));
    const ok = content && p.expect.formula !== undefined ? f?.formula === p.expect.formula && f.numFmt === p.expect.numFmt : sameCell(p.expect, f) || (p.orElse !== undefined && sameCell(p.orElse, f));
    if (!ok) out.push({ cell: p.at, expected: p.expect, found: f });
  }
  return out;
}

/** Cells in the rectangle that hold something though nothing was written there. */
function strays(found: ReadonlyMap<string, CellData>, planted: readonly Planted[]): CellMismatch[] {
  const known = new Set(planted.map((p) => p.at));
  const out: CellMismatch[] = [];
  for (const [ref, cell] of found) if (!known.has(ref) && present(cell)) out.push({ cell: ref, expected: null, found: cell });
  return out;
}

async function readScratch(ctx: StepContext, range: CellRange): Promise<Map<string, CellData> | null> {
  const [r] = await ctx.host.readRanges([{ sheet: SCRATCH_SHEET, range }]);
  return r?.cells ? byAddress(r.cells) : null;
}

/**
 * Reads until `check` finds nothing wrong or the calculation time is up: Excel calculates after
 * the write (and custom functions show #BUSY! meanwhile). The first answer may be given.
 */
async function settle<T>(ctx: StepContext, read: () => Promise<T>, check: (found: T) => boolean, first?: T): Promise<{ found: T; waitedMs: number }> {
  let found = first ?? (await read());
  const attempts = Math.max(1, Math.ceil(ctx.calcTimeoutMs / ctx.pollMs));
  let waitedMs = 0;
  for (let i = 0; i < attempts && !check(found); i++) {
    await ctx.wait(ctx.pollMs);
    waitedMs += ctx.pollMs;
    found = await read();
  }
  return { found, waitedMs };
}

function rangeRef(r: CellRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

// ---- The steps -----------------------------------------------------------------------------------

/** Deletes the scratch sheets present that are the self-test's; reports foreign ones. */
async function removeScratch(ctx: StepContext, sheets: readonly SheetData[]): Promise<StepResult | null> {
  const scratch = sheets.filter((s) => isScratchSheet(s.name));
  const foreign = scratch.find((s) => !isOurs(s));
  if (foreign) return fail('sheet_name_taken', { sheet: foreign.name });
  if (scratch.length === 0) return null;
  const r = await ctx.host.write(batch({ deleteSheets: scratch.map((s) => s.name) }), []);
  if (!r.ok) return fail('write_refused', { cells: r.conflicts.map((c) => c.cell) });
  const left = (await ctx.host.read({ sheets: SCRATCH_SHEETS })).sheets.map((s) => s.name);
  return left.length > 0 ? fail('sheets_left', { sheets: left }) : null;
}

const prepare: SelfTestStep = {
  id: 'prepare',
  after: [],
  async run(ctx) {
    const wb = await ctx.host.read();
    const foreign = wb.sheets.find((s) => isScratchSheet(s.name) && !isOurs(s));
    if (foreign) return fail('sheet_name_taken', { sheet: foreign.name });
    ctx.before = { sheets: wb.sheets.filter((s) => !isScratchSheet(s.name)) };
    if (offers(ctx, 'marks') && ctx.host.readMarks) ctx.marksBefore = (await ctx.host.readMarks()).filter((m) => !isScratchSheet(m.sheet));
    return (await removeScratch(ctx, wb.sheets)) ?? PASS;
  },
};

const addSheet: SelfTestStep = {
  id: 'addSheet',
  after: ['prepare'],
  async run(ctx) {
    const r = await ctx.host.write(batch({ addSheets: [{ name: SCRATCH_SHEET }], cells: [cellWrite('A1', { value: SCRATCH_SIGNATURE, bold: true })] }), []);
    if (!r.ok) return fail('write_refused', { cells: r.conflicts.map((c) => c.cell) });
    const wb = await ctx.host.read({ sheets: [SCRATCH_SHEET] });
    const s = wb.sheets.find((x) => x.name === SCRATCH_SHEET);
    if (!s) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    if ((s.state ?? 'visible') !== 'visible') return fail('sheet_state', { sheet: SCRATCH_SHEET, expected: 'visible', found: s.state ?? 'visible' });
    const a = present(cellAt(s, 1, 1));
    return sameCell({ value: SCRATCH_SIGNATURE }, a) ? PASS : fail('cells_differ', { cells: [{ cell: 'A1', expected: { value: SCRATCH_SIGNATURE }, found: a }] });
  },
};

const write: SelfTestStep = {
  id: 'write',
  after: ['addSheet'],
  async run(ctx) {
    const r = await ctx.host.write(
      batch({ cells: PLANTED.map((p) => cellWrite(p.at, p.write)), merges: [{ sheet: SCRATCH_SHEET, range: MERGED }], columnWidths: [{ sheet: SCRATCH_SHEET, col: 2, width: 14 }] }),
      [],
    );
    if (!r.ok) return fail('write_refused', { cells: r.conflicts.map((c) => c.cell) });
    // one read of everything written
    const [back] = await ctx.host.readRanges([{ sheet: SCRATCH_SHEET, range: WRITE_RANGE }]);
    if (!back?.cells) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    ctx.readBack = back;
    return PASS;
  },
};

function facetStep(id: 'numbers' | 'text' | 'formats'): SelfTestStep {
  return {
    id,
    after: ['write'],
    async run(ctx) {
      if (!ctx.readBack) throw new Error('the write step has not read');
      const wrong = mismatches(byAddress(ctx.readBack.cells), PLANTED.filter((p) => p.facet === id));
      return wrong.length > 0 ? fail('cells_differ', { cells: wrong }) : PASS;
    },
  };
}

const formulas: SelfTestStep = {
  id: 'formulas',
  after: ['write'],
  async run(ctx) {
    if (!ctx.readBack) throw new Error('the write step has not read');
    const planted = PLANTED.filter((p) => p.facet === 'formulas');
    const { found, waitedMs } = await settle(
      ctx,
      () => readScratch(ctx, WRITE_RANGE),
      (f) => f !== null && mismatches(f, planted).length === 0,
      byAddress(ctx.readBack.cells),
    );
    if (!found) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const wrong = mismatches(found, planted);
    return wrong.length > 0 ? fail('cells_differ', { cells: wrong, waitedMs }) : PASS;
  },
};

const wholeRead: SelfTestStep = {
  id: 'wholeRead',
  after: ['write'],
  async run(ctx) {
    const wb = await ctx.host.read({ sheets: [SCRATCH_SHEET] });
    const s = wb.sheets.find((x) => x.name === SCRATCH_SHEET);
    if (!s) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const found = byAddress(cellsInRange(s, WRITE_RANGE));
    // formulas by their text and format: their results are the formulas step's
    const wrong = [...mismatches(found, PLANTED, true), ...strays(found, PLANTED)];
    if (wrong.length > 0) return fail('cells_differ', { cells: wrong });
    if (!s.merges.some((m) => m.top === MERGED.top && m.left === MERGED.left && m.bottom === MERGED.bottom && m.right === MERGED.right)) return fail('merge_missing', { range: rangeRef(MERGED) });
    return PASS;
  },
};

/** The refused write's cells: B12 the user changed, C12 holds a formatted number, D12 is empty. */
const GUARDED: CellRange = { top: 12, left: 2, bottom: 12, right: 4 };

const precondition: SelfTestStep = {
  id: 'precondition',
  after: ['addSheet'],
  async run(ctx) {
    const h = ctx.host;
    const setup = await h.write(batch({ cells: [cellWrite('B12', { value: '原值' }), cellWrite('C12', { value: 0.5, numFmt: '0.00%' })] }), []);
    if (!setup.ok) return fail('write_refused', { cells: setup.conflicts.map((c) => c.cell) });
    // the user types over B12 after wanmu read it
    const edit = await h.write(batch({ cells: [cellWrite('B12', { value: '用户改过' })] }), []);
    if (!edit.ok) return fail('write_refused', { cells: edit.conflicts.map((c) => c.cell) });
    const expected: ExpectedCell[] = [
      { sheet: SCRATCH_SHEET, ...at('B12'), value: '原值' },
      { sheet: SCRATCH_SHEET, ...at('C12'), value: 0.5 },
      { sheet: SCRATCH_SHEET, ...at('D12'), value: null },
    ];
    const r = await h.write(
      batch({
        addSheets: [{ name: SCRATCH_ADDED }],
        cells: [
          cellWrite('A1', { value: SCRATCH_SIGNATURE }, SCRATCH_ADDED),
          cellWrite('B12', { value: 'wanmu写入' }),
          cellWrite('C12', { value: 9, numFmt: '0.0' }),
          cellWrite('D12', { formula: 'C3+1', result: 1, numFmt: '0.00' }),
        ],
      }),
      expected,
    );
    if (r.ok) {
      // the sheet it should not have added goes, so that the later steps test what they test
      await h.write(batch({ deleteSheets: [SCRATCH_ADDED] }), []);
      return fail('precondition_ignored', { cell: 'B12' });
    }
    const conflicts = r.conflicts.map((c) => c.cell);
    if (conflicts.join() !== 'B12') return fail('conflicts_wrong', { expected: ['B12'], found: conflicts });
    const after = await readScratch(ctx, GUARDED);
    if (!after) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const want: ReadonlyArray<[string, CellData | null]> = [
      ['B12', { value: '用户改过' }],
      ['C12', { value: 0.5, numFmt: '0.00%' }],
      ['D12', null],
    ];
    const wrong = want.filter(([ref, c]) => !sameCell(c, present(after.get(ref)))).map(([ref, c]) => ({ cell: ref, expected: c, found: present(after.get(ref)) }));
    if (wrong.length > 0) return fail('cells_differ', { cells: wrong });
    const left = (await h.read({ sheets: [SCRATCH_ADDED] })).sheets.map((s) => s.name);
    return left.length > 0 ? fail('sheets_left', { sheets: left }) : PASS;
  },
};

const accepted: SelfTestStep = {
  id: 'accepted',
  after: ['write'],
  async run(ctx) {
    // the expected formula cell's result may have been recalculated: formulas are compared by their text
    const expected: ExpectedCell[] = [
      { sheet: SCRATCH_SHEET, ...at('B7'), value: 2361, formula: 'B3*2' },
      { sheet: SCRATCH_SHEET, ...at('B3'), value: 1180.5 },
      { sheet: SCRATCH_SHEET, ...at('H14'), value: null },
    ];
    const r = await ctx.host.write(batch({ cells: [cellWrite('H14', { value: 7 })] }), expected);
    if (!r.ok) return fail('write_refused', { cells: r.conflicts.map((c) => c.cell) });
    const after = await readScratch(ctx, { top: 14, left: 8, bottom: 14, right: 8 });
    const h14 = present(after?.get('H14'));
    return sameCell({ value: 7 }, h14) ? PASS : fail('cells_differ', { cells: [{ cell: 'H14', expected: { value: 7 }, found: h14 }] });
  },
};

/** Marks on the scratch sheet: both severities, a run, and a list of cells whose address exceeds 255 characters. */
export const SELF_TEST_MARKS: readonly MarkSet[] = [
  {
    sheet: SCRATCH_SHEET,
    severity: 'error',
    ranges: [{ top: 3, left: 2, bottom: 3, right: 2 }, { top: 3, left: 3, bottom: 4, right: 3 }, ...Array.from({ length: 80 }, (_, i) => ({ top: 20, left: 2 * i + 1, bottom: 20, right: 2 * i + 1 }))],
  },
  { sheet: SCRATCH_SHEET, severity: 'warning', ranges: [{ top: 5, left: 2, bottom: 5, right: 2 }] },
];
const MARKED_AREA: CellRange = { top: 1, left: 1, bottom: 24, right: 160 };

const marks: SelfTestStep = {
  id: 'marks',
  requires: 'marks',
  after: ['write'],
  async run(ctx) {
    const { setMarks, readMarks } = ctx.host;
    if (!setMarks || !readMarks) throw new Error('a host that declares marks has setMarks and readMarks');
    const set = (m: readonly MarkSet[]) => setMarks.call(ctx.host, m);
    const read = () => readMarks.call(ctx.host);
    const elsewhere = ctx.marksBefore ?? (await read());
    if (elsewhere.length > 0) return skip({ code: 'marks_elsewhere', count: markedCells(elsewhere) });
    const cells = await readScratch(ctx, MARKED_AREA);
    await set(SELF_TEST_MARKS);
    const got = await read();
    if (!sameMarks(got, SELF_TEST_MARKS)) return fail('marks_differ', { expected: markedCells(canonicalMarks(SELF_TEST_MARKS)), found: markedCells(canonicalMarks(got)) });
    // marks never change a cell
    const still = await readScratch(ctx, MARKED_AREA);
    if (cells && still) {
      const wrong: CellMismatch[] = [];
      for (const ref of new Set([...cells.keys(), ...still.keys()])) {
        const a = present(cells.get(ref));
        const b = present(still.get(ref));
        const same = a?.formula !== undefined || b?.formula !== undefined ? a?.formula === b?.formula && a?.numFmt === b?.numFmt : sameCell(a, b);
        if (!same) wrong.push({ cell: ref, expected: a, found: b });
      }
      if (wrong.length > 0) return fail('cells_differ', { cells: wrong });
    }
    await set([]);
    const left = await read();
    return left.length > 0 ? fail('marks_not_cleared', { count: markedCells(left) }) : PASS;
  },
};

/** What the fill finds before it writes (row 16), and what it writes there. */
const BEFORE_FILL: ReadonlyArray<[string, Content]> = [
  ['B16', { value: 12, numFmt: '0.0' }],
  ['C16', { value: '旧文本' }],
  ['D16', { formula: 'B3*2', result: 2361, numFmt: '0.00' }],
];
const FILL: ReadonlyArray<[string, Content]> = [
  ['B16', { value: 95.5, numFmt: '0.00' }],
  ['C16', { formula: 'C3+1', result: 1, numFmt: '0.00' }],
  ['D16', { value: 3 }],
  ['E16', { formula: 'D3*2', result: -6.5, numFmt: '0.00' }],
];
const FILL_ROW: CellRange = { top: 16, left: 2, bottom: 16, right: 5 };

/** Contents equal; formulas by their text (a recalculated result is no difference). */
function sameContent(a: CellData | null, b: CellData | null): boolean {
  if (a?.formula !== undefined || b?.formula !== undefined) return a?.formula === b?.formula && a?.numFmt === b?.numFmt;
  return sameCell(a, b);
}

const revert: SelfTestStep = {
  id: 'revert',
  after: ['addSheet'],
  async run(ctx) {
    const h = ctx.host;
    const setup = await h.write(batch({ cells: BEFORE_FILL.map(([ref, c]) => cellWrite(ref, c)) }), []);
    if (!setup.ok) return fail('write_refused', { cells: setup.conflicts.map((c) => c.cell) });
    // a fill as the pane makes it: read, plan (the record on a scratch sheet of its own), write with the precondition
    const read = await h.read({ sheets: [SCRATCH_SHEET] });
    const scratch = read.sheets.find((s) => s.name === SCRATCH_SHEET);
    if (!scratch) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const before = new Map(BEFORE_FILL.map(([ref]) => [ref, present(cellAt(scratch, at(ref).row, at(ref).col))]));
    const plan = new PlanBuilder(read, { recordSheet: SCRATCH_RECORD });
    plan.addSheet(SCRATCH_ADDED);
    plan.write(cellWrite('A1', { value: SCRATCH_SIGNATURE }, SCRATCH_ADDED));
    plan.write(cellWrite('A2', { value: '评分结果' }, SCRATCH_ADDED));
    for (const [ref, c] of FILL) plan.write(cellWrite(ref, c));
    const fill = plan.finish();
    const filled = await h.write(fill.batch, fill.expected);
    if (!filled.ok) return fail('write_refused', { cells: filled.conflicts.map((c) => c.cell) });
    const afterFill = await h.read({ sheets: SCRATCH_SHEETS });
    const names = afterFill.sheets.map((s) => s.name);
    for (const name of [SCRATCH_ADDED, SCRATCH_RECORD]) if (!names.includes(name)) return fail('sheet_missing', { sheet: name });
    const record = afterFill.sheets.find((s) => s.name === SCRATCH_RECORD);
    if (record?.state !== 'veryHidden') return fail('sheet_state', { sheet: SCRATCH_RECORD, expected: 'veryHidden', found: record?.state ?? 'visible' });
    // revert as the session does: from the record, with no precondition
    const undo = planRevert(afterFill, SCRATCH_RECORD);
    const damaged = undo.findings.filter((f) => f.code === 'revert_record_damaged').length;
    if (undo.skipped > 0 || damaged > 0) return fail('revert_incomplete', { skipped: undo.skipped, damaged });
    const reverted = await h.write(undo.batch, []);
    if (!reverted.ok) return fail('write_refused', { cells: reverted.conflicts.map((c) => c.cell) });
    const left = (await h.read({ sheets: [SCRATCH_ADDED, SCRATCH_RECORD] })).sheets.map((s) => s.name);
    if (left.length > 0) return fail('sheets_left', { sheets: left });
    const now = await readScratch(ctx, FILL_ROW);
    if (!now) return fail('sheet_missing', { sheet: SCRATCH_SHEET });
    const wrong: CellMismatch[] = [];
    for (const [ref] of FILL) {
      const was = before.get(ref) ?? null;
      const is = present(now.get(ref));
      if (!sameContent(was, is)) wrong.push({ cell: ref, expected: was, found: is });
    }
    return wrong.length > 0 ? fail('cells_differ', { cells: wrong }) : PASS;
  },
};

const select: SelfTestStep = {
  id: 'select',
  requires: 'select',
  after: ['addSheet'],
  async run(ctx) {
    if (!ctx.host.select) throw new Error('a host that declares select has select');
    await ctx.host.select(SCRATCH_SHEET, 'B3');
    return PASS;
  },
};

const events: SelfTestStep = {
  id: 'events',
  requires: 'changeEvents',
  after: ['addSheet'],
  async run(ctx) {
    const h = ctx.host;
    if (!h.onChanged) throw new Error('a host that declares change events has onChanged');
    const seen: ChangedCells[] = [];
    const off = h.onChanged((c) => seen.push(c));
    try {
      // registering may finish after the call returns (Office.js): let it, then write
      await ctx.wait(ctx.eventWaitMs);
      const r = await h.write(batch({ cells: [cellWrite('B22', { value: '自检写入' }), cellWrite('C22', { value: 22 })] }), []);
      if (!r.ok) return fail('write_refused', { cells: r.conflicts.map((c) => c.cell) });
      await ctx.wait(ctx.eventWaitMs);
    } finally {
      off();
    }
    const own = seen.filter((c) => c.sheet === SCRATCH_SHEET).flatMap((c) => c.cells);
    return own.length > 0 ? fail('own_write_reported', { cells: own }) : PASS;
  },
};

/** The WANMU.ANNUAL call of the functions step: 年度评价 第 2 项 (主导产业集聚度) at 72%. */
export const FUNCTION_ARGS: readonly number[] = [2, 0.72];
export const FUNCTION_FORMULA = `${tables.annual.functionName}(${FUNCTION_ARGS.join(',')})`;

/** What the engine gives for the functions step's call (the value the host must show). */
export function functionExpected(): number {
  const r = runFunction('ANNUAL', [...FUNCTION_ARGS]);
  if (typeof r !== 'number') throw new Error(`the engine gives no number for ${FUNCTION_FORMULA}`);
  return r;
}

const FUNCTION_CELL: CellRange = { top: 24, left: 2, bottom: 24, right: 2 };

const functions: SelfTestStep = {
  id: 'functions',
  requires: 'functions',
  after: ['addSheet'],
  async run(ctx) {
    const expected = functionExpected();
    const r = await ctx.host.write(batch({ cells: [cellWrite('B24', { formula: FUNCTION_FORMULA })] }), []);
    if (!r.ok) return fail('write_refused', { cells: r.conflicts.map((c) => c.cell) });
    const right = (c: CellData | null) => c !== null && typeof c.value === 'number' && Math.abs(c.value - expected) < 1e-9;
    const { found, waitedMs } = await settle(
      ctx,
      async () => present((await readScratch(ctx, FUNCTION_CELL))?.get('B24')),
      right,
    );
    return right(found) ? PASS : fail('function_wrong', { formula: FUNCTION_FORMULA, expected, found, waitedMs });
  },
};

const cleanup: SelfTestStep = {
  id: 'cleanup',
  after: ['prepare'],
  async run(ctx) {
    const wb = await ctx.host.read({ sheets: SCRATCH_SHEETS });
    return (await removeScratch(ctx, wb.sheets)) ?? PASS;
  },
};

/**
 * Differences between two reads of the user's sheets: constants exactly, formulas by their text
 * (a recalculated result is no change: a volatile formula recalculates on any write), number
 * formats, merges, visibility and order. Formatted blanks are not compared (formatting only).
 */
export function workbookDifferences(before: WorkbookData, after: WorkbookData): FailureFacts['workbook_changed'] {
  const sheets: string[] = [];
  const cells: string[] = [];
  let count = 0;
  const byName = new Map(after.sheets.map((s) => [s.name, s]));
  const had = new Set(before.sheets.map((s) => s.name));
  for (const s of after.sheets) if (!had.has(s.name)) sheets.push(s.name);
  const kept = before.sheets.map((s) => s.name).filter((n) => byName.has(n));
  const order = after.sheets.map((s) => s.name).filter((n) => had.has(n));
  const reordered = kept.join('\u0000') !== order.join('\u0000');
  for (const b of before.sheets) {
    const a = byName.get(b.name);
    if (!a) {
      sheets.push(b.name);
      continue;
    }
    let changed = (a.state ?? 'visible') !== (b.state ?? 'visible') || JSON.stringify(sortRanges(a.merges)) !== JSON.stringify(sortRanges(b.merges));
    const seen = new Set<string>();
    for (const s of [b, a])
      s.rows.forEach((line, row) =>
        line.forEach((_, col) => {
          const ref = a1(row, col);
          if (seen.has(ref)) return;
          seen.add(ref);
          if (sameContent(present(cellAt(b, row, col)), present(cellAt(a, row, col)))) return;
          changed = true;
          count++;
          if (cells.length < 10) cells.push(`${b.name}!${ref}`);
        }),
      );
    if (changed) sheets.push(b.name);
  }
  return { sheets, cells, count, reordered };
}

function sortRanges(rs: readonly CellRange[]): CellRange[] {
  return [...rs].sort((x, y) => x.top - y.top || x.left - y.left || x.bottom - y.bottom || x.right - y.right);
}

const unchanged: SelfTestStep = {
  id: 'unchanged',
  after: ['prepare'],
  async run(ctx) {
    if (!ctx.before) throw new Error('prepare has not read the workbook');
    const after = await ctx.host.read();
    const d = workbookDifferences(ctx.before, after);
    if (d.sheets.length > 0 || d.reordered) return fail('workbook_changed', d);
    if (ctx.marksBefore && ctx.host.readMarks) {
      const now = await ctx.host.readMarks();
      if (!sameMarks(now, ctx.marksBefore)) return fail('marks_changed', { before: markedCells(ctx.marksBefore), after: markedCells(now) });
    }
    return PASS;
  },
};

/**
 * A sheet added with the result sheets' view and print settings (frozen header, landscape, one
 * page wide, print titles, a footer): the host applies them in the same write, or the step fails
 * with the host's error. Excel's "0 pages tall" for "as many as needed" is not stated in the
 * Office.js documentation (see SHEET_LAYOUT_REQUIREMENT): this is where a live Excel shows whether
 * it takes it. The sheet is removed again.
 */
const layout: SelfTestStep = {
  id: 'layout',
  requires: 'sheetLayout',
  after: ['addSheet'],
  async run(ctx) {
    const sheet = SCRATCH_LAYOUT;
    const r = await ctx.host.write(
      batch({
        addSheets: [{ name: sheet }],
        cells: [cellWrite('A1', { value: SCRATCH_SIGNATURE, bold: true }, sheet), cellWrite('A2', { value: '序号', bold: true, wrap: true }, sheet), cellWrite('B2', { value: '自检:表头加粗、自动换行,冻结在窗口顶部,打印时每页重复', bold: true, wrap: true }, sheet), cellWrite('B3', { value: 8.4, numFmt: '0.00' }, sheet)],
        sheetLayouts: [{ sheet, freezeRows: 2, print: { landscape: true, fitWidth: true, titleRows: { first: 1, last: 2 }, footer: vocabulary.printFooter } }],
      }),
      [],
    );
    if (!r.ok) return fail('write_refused', { cells: r.conflicts.map((c) => c.cell) });
    const s = (await ctx.host.read({ sheets: [sheet] })).sheets.find((x) => x.name === sheet);
    if (!s) return fail('sheet_missing', { sheet });
    const b3 = present(cellAt(s, 3, 2));
    if (!sameCell({ value: 8.4, numFmt: '0.00' }, b3)) return fail('cells_differ', { cells: [{ cell: 'B3', expected: { value: 8.4, numFmt: '0.00' }, found: b3 }] });
    const d = await ctx.host.write(batch({ deleteSheets: [sheet] }), []);
    if (!d.ok) return fail('write_refused', { cells: d.conflicts.map((c) => c.cell) });
    const left = (await ctx.host.read({ sheets: [sheet] })).sheets.map((x) => x.name);
    return left.length > 0 ? fail('sheets_left', { sheets: left }) : PASS;
  },
};

/** Every step, in the order they run. */
export const SELF_TEST_STEPS: readonly SelfTestStep[] = [
  prepare,
  addSheet,
  write,
  facetStep('numbers'),
  facetStep('text'),
  facetStep('formats'),
  formulas,
  wholeRead,
  layout,
  precondition,
  accepted,
  marks,
  revert,
  select,
  events,
  functions,
  cleanup,
  unchanged,
];
