/**
 * The host contract, as one test suite every host runs: the in-memory host, the .xlsx file host,
 * and (with their fakes) the Office.js and WPS hosts. A host is given a workbook and must read it
 * back exactly, apply a batch as one write, refuse a write whose target cells changed, and keep
 * types exact (numbers stay numbers, text that looks like a number or a formula stays text).
 * A host that declares `marks` must replace, read back and clear wanmu's marks (conditional
 * formats) without touching cells or the user's own conditional formats.
 *
 * The pane's 自检 runs as part of it: the very step functions of src/selftest, one test
 * per step, each passed by every host (or skipped by the self-test where the host does not offer
 * what it needs). A test of something a host does not offer checks that the host says so.
 */
import { parseRangeAddress, rangeAddress } from '../../src/hosts/shared/blocks';
import { canonicalMarks } from '../../src/workbook/core/marks';
import { buildSheet, emptyBatch, type CellData, type CellRange, type MarkSet, type SheetData, type WorkbookData, type WorkbookHost, type WriteBatch } from '../../src/workbook/core/model';
import { cellAt } from '../../src/workbook/core/model';
import { sheetError, type RawValue } from '../../src/engine';
import { runFunction } from '../../src/functions/declarations';
import { FUNCTION_FORMULA, offers, outcomeReason, runSelfTest, SELF_TEST_RESULTS, SELF_TEST_STEPS, type SelfTestReport } from '../../src/selftest';

/** A conditional format of the user's own: an expression rule on one range. */
export interface UserFormat {
  readonly sheet: string;
  /** "B3" or "B3:B4". */
  readonly ref: string;
  /** Without '='. */
  readonly formula: string;
}

/** The rectangle of a user format's ref. */
export function userFormatRange(f: UserFormat): CellRange {
  const r = parseRangeAddress(f.ref);
  if (!r) throw new Error(`not a range: ${f.ref}`);
  return r;
}

/** A format's ranges as a UserFormat ref (space-separated, as in an sqref). */
export function refOf(ranges: readonly CellRange[]): string {
  return ranges.map(rangeAddress).join(' ');
}

export interface HostUnderTest {
  readonly host: WorkbookHost;
  /** Saves and opens the workbook again (hosts with a file behind them). */
  readonly reopen?: () => Promise<WorkbookHost>;
  /** Hosts that mark: the conditional formats in the workbook now that are not wanmu's, in priority order. */
  readonly userFormats?: () => Promise<UserFormat[]>;
}

export type HostFactory = (data: WorkbookData, options?: { readonly userFormats?: readonly UserFormat[] }) => Promise<HostUnderTest>;

function cells(list: ReadonlyArray<[number, number, CellData]>) {
  return list.map(([row, col, cell]) => ({ row, col, cell }));
}

/** The workbook every host is given. */
export function contractWorkbook(): WorkbookData {
  const data: SheetData = buildSheet(
    '基础数据',
    cells([
      [1, 1, { value: '2022年度“万亩千亿”新产业平台基础数据' }],
      [2, 1, { value: '平台名称' }],
      [2, 2, { value: '工业总产值(亿元)' }],
      [2, 3, { value: '集聚度' }],
      [2, 4, { value: '编码' }],
      [3, 1, { value: '平台甲' }],
      [3, 2, { value: 1180.5 }],
      [3, 3, { value: 0.72, numFmt: '0.00%' }],
      [3, 4, { value: '00123' }],
      [4, 1, { value: '平台乙' }],
      [4, 2, { value: 0 }],
      [4, 3, { value: true }],
      [4, 4, { value: '=不是公式' }],
      [5, 1, { value: '合计' }],
      [5, 2, { value: 1180.5, formula: 'SUM(B3:B4)' }],
      [5, 3, { value: sheetError('div0'), formula: '1/0' }],
    ]),
    [{ top: 1, left: 1, bottom: 1, right: 4 }],
  );
  const scores: SheetData = buildSheet("评分 '22", cells([[1, 1, { value: '得分' }], [40, 9, { value: 'far away' }]]));
  return { sheets: [data, scores] };
}

const cellRange = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

/** Marks on both sheets, both severities, single cells and a run down a column. */
const MARKS: readonly MarkSet[] = [
  { sheet: '基础数据', severity: 'error', ranges: [cellRange(3, 2), cellRange(3, 3, 4, 3)] },
  { sheet: '基础数据', severity: 'warning', ranges: [cellRange(4, 4)] },
  { sheet: "评分 '22", severity: 'warning', ranges: [cellRange(40, 9)] },
];

/** The user's own rules, two of them close to wanmu's markers without being one. */
const USER_FORMATS: readonly UserFormat[] = [
  { sheet: '基础数据', ref: 'B3:B4', formula: 'B3>1000' },
  { sheet: '基础数据', ref: 'D3', formula: 'NOT(ISTEXT("万亩千亿评分:错误"))' },
  { sheet: "评分 '22", ref: 'A1', formula: 'ISTEXT("万亩千亿评分")' },
];

/** The host's marking calls, or null for a host that declares no marks. */
/** The marking methods of a host that must mark (the suite runs the mark tests only for those). */
function marking(host: WorkbookHost): { set(marks: readonly MarkSet[]): Promise<void>; read(): Promise<MarkSet[]> } {
  if (!host.capabilities.marks) throw new Error('this host was expected to declare marks');
  const { setMarks, readMarks } = host;
  if (!setMarks || !readMarks) throw new Error('a host that declares marks has setMarks and readMarks');
  return { set: (m) => setMarks.call(host, m), read: () => readMarks.call(host) };
}

function batch(partial: Partial<WriteBatch>): WriteBatch {
  return { ...emptyBatch(), ...partial };
}

function sheetOf(wb: WorkbookData, name: string): SheetData {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** What a host is expected to offer beyond the common contract: the suite checks it declares exactly that. */
export interface HostExpectations {
  /** Declares marks (conditional formats). */
  readonly marks: boolean;
  /** Has a file behind it that can be saved and opened again. */
  readonly reopen: boolean;
  /** Calculates WANMU.* worksheet functions (the fakes of Excel and WPS, with `selfTestCalculation`). */
  readonly functions?: boolean;
}

/**
 * What Excel or WPS would calculate for the self-test's formulas (for fakes that do not
 * calculate): its plain formulas' results, and a WANMU.ANNUAL call of number arguments run as
 * the hosts' adapters run it (runFunction). Undefined for any other formula.
 */
export function selfTestCalculation(formula: string): RawValue | undefined {
  if (formula in SELF_TEST_RESULTS) return SELF_TEST_RESULTS[formula];
  const call = /^WANMU\.ANNUAL\(([^()]*)\)$/.exec(formula);
  if (!call) return undefined;
  const r = runFunction('ANNUAL', call[1].split(',').map(Number));
  return typeof r === 'number' || typeof r === 'string' ? r : sheetError('value');
}

/**
 * A test of what a host may not offer: where it offers it the test runs; where it does not, a test
 * of the same name (“…: not offered”) checks that the host says so. Never a skip: on CI a skipped
 * test is a failure (test/helpers/needs.ts).
 */
function ifOffered(offered: boolean, notOffered: jest.ProvidesCallback): (name: string, fn: jest.ProvidesCallback) => void {
  return (name, fn) => (offered ? it(name, fn) : it(`${name}: not offered, and the host says so`, notOffered));
}

export function describeHostContract(name: string, make: HostFactory, expected: HostExpectations): void {
  const saysNoMarks = async () => {
    const { host } = await make(contractWorkbook());
    expect(host.capabilities.marks).toBe(false);
  };
  const saysNoFile = async () => {
    expect((await make(contractWorkbook())).reopen).toBeUndefined();
  };
  const withMarks = ifOffered(expected.marks, saysNoMarks);
  const withFile = ifOffered(expected.reopen, saysNoFile);
  const withMarksAndFile = ifOffered(expected.marks && expected.reopen, async () => {
    await (expected.marks ? saysNoFile : saysNoMarks)();
  });
  describe(`host contract: ${name}`, () => {
    it('offers what it is expected to: marks, and a file to reopen', async () => {
      const made = await make(contractWorkbook());
      expect(made.host.capabilities.marks).toBe(expected.marks);
      expect(made.reopen !== undefined).toBe(expected.reopen);
    });

    it('reads values, cached formula results, number formats and merges exactly', async () => {
      const { host } = await make(contractWorkbook());
      const wb = await host.read();
      expect(wb.sheets.map((s) => s.name)).toEqual(['基础数据', "评分 '22"]);
      const s = sheetOf(wb, '基础数据');
      expect(cellAt(s, 3, 2)).toEqual({ value: 1180.5 });
      expect(cellAt(s, 3, 3)).toEqual({ value: 0.72, numFmt: '0.00%' });
      expect(cellAt(s, 3, 4)?.value).toBe('00123');
      expect(cellAt(s, 4, 2)?.value).toBe(0);
      expect(cellAt(s, 4, 3)?.value).toBe(true);
      expect(cellAt(s, 4, 4)?.value).toBe('=不是公式');
      expect(cellAt(s, 4, 4)?.formula).toBeUndefined();
      expect(cellAt(s, 5, 2)).toEqual({ value: 1180.5, formula: 'SUM(B3:B4)' });
      expect(cellAt(s, 5, 3)).toEqual({ value: sheetError('div0'), formula: '1/0' });
      expect(cellAt(s, 6, 1)).toBeNull();
      expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
      expect(s.rowCount).toBe(5);
      expect(s.colCount).toBe(4);
    });

    it('stores sparsely: a far cell is one entry', async () => {
      const { host } = await make(contractWorkbook());
      const s = sheetOf(await host.read(), "评分 '22");
      expect(cellAt(s, 40, 9)?.value).toBe('far away');
      expect([...s.rows.keys()].sort((a, b) => a - b)).toEqual([1, 40]);
    });

    it('reads only the sheets in scope', async () => {
      const { host } = await make(contractWorkbook());
      const wb = await host.read({ sheets: ["评分 '22"] });
      expect(wb.sheets.map((s) => s.name)).toEqual(["评分 '22"]);
    });

    it('reads rectangles as the whole read gives their cells, in the order asked', async () => {
      const { host } = await make(contractWorkbook());
      const whole = sheetOf(await host.read(), '基础数据');
      const got = await host.readRanges([
        { sheet: '基础数据', range: { top: 3, left: 2, bottom: 5, right: 4 } },
        { sheet: "评分 '22", range: { top: 40, left: 9, bottom: 40, right: 9 } },
        { sheet: '基础数据', range: { top: 7, left: 1, bottom: 9, right: 3 } },
        { sheet: '没有这张表', range: { top: 1, left: 1, bottom: 1, right: 1 } },
        { sheet: '基础数据', range: { top: 3, left: 3, bottom: 3, right: 3 } },
      ]);
      expect(got.map((g) => g.sheet)).toEqual(['基础数据', "评分 '22", '基础数据', '没有这张表', '基础数据']);
      const expected: { row: number; col: number; cell: CellData }[] = [];
      for (let row = 3; row <= 5; row++)
        for (let col = 2; col <= 4; col++) {
          const cell = cellAt(whole, row, col);
          if (cell) expected.push({ row, col, cell });
        }
      expect(expected.length).toBe(8); // D5 is empty
      expect(got[0].cells).toEqual(expected);
      expect(got[0].cells).toContainEqual({ row: 3, col: 3, cell: { value: 0.72, numFmt: '0.00%' } });
      expect(got[0].cells).toContainEqual({ row: 5, col: 3, cell: { value: sheetError('div0'), formula: '1/0' } });
      expect(got[0].cells).toContainEqual({ row: 4, col: 4, cell: { value: '=不是公式' } });
      expect(got[1].cells).toEqual([{ row: 40, col: 9, cell: { value: 'far away' } }]);
      expect(got[2].cells).toEqual([]);
      expect(got[3].cells).toBeNull();
      expect(got[4].cells).toEqual([{ row: 3, col: 3, cell: { value: 0.72, numFmt: '0.00%' } }]);
    });

    it('reads rectangles as they are after a write', async () => {
      const { host } = await make(contractWorkbook());
      await host.read();
      // (the fakes answer SUM(B3:B4) from a table of results, the file host keeps the result given)
      await host.write(batch({ cells: [{ sheet: '基础数据', row: 3, col: 2, value: 99 }, { sheet: '基础数据', row: 4, col: 2, value: null }, { sheet: '基础数据', row: 6, col: 2, formula: 'SUM(B3:B4)', result: 1180.5, numFmt: '0.0' }] }), []);
      const [r] = await host.readRanges([{ sheet: '基础数据', range: { top: 3, left: 2, bottom: 6, right: 2 } }]);
      // an emptied cell may stay listed as a formatted blank (value null)
      expect(r.cells?.filter((c) => c.row !== 5 && (c.cell.value !== null || c.cell.formula !== undefined))).toEqual([
        { row: 3, col: 2, cell: { value: 99 } },
        { row: 6, col: 2, cell: { value: 1180.5, formula: 'SUM(B3:B4)', numFmt: '0.0' } },
      ]);
    });

    it('writes values, formulas with results, number formats and new sheets in one batch', async () => {
      const { host } = await make(contractWorkbook());
      const r = await host.write(
        batch({
          addSheets: [{ name: '评分结果' }, { name: 'wanmu撤销', state: 'veryHidden' }],
          cells: [
            { sheet: '基础数据', row: 3, col: 6, formula: 'MIN(10,B3/1000*10)', result: 10, numFmt: '0.00' },
            { sheet: '基础数据', row: 4, col: 6, value: 12.25 },
            { sheet: '评分结果', row: 1, col: 1, value: '平台名称', bold: true },
            { sheet: '评分结果', row: 2, col: 1, value: '00123' },
            { sheet: '评分结果', row: 2, col: 2, value: '=不是公式' },
            { sheet: '评分结果', row: 2, col: 3, value: false },
            { sheet: 'wanmu撤销', row: 1, col: 1, value: 's:记录' },
          ],
        }),
        [],
      );
      expect(r).toEqual({ ok: true });
      const wb = await host.read();
      const s = sheetOf(wb, '基础数据');
      expect(cellAt(s, 3, 6)).toEqual({ value: 10, formula: 'MIN(10,B3/1000*10)', numFmt: '0.00' });
      expect(cellAt(s, 4, 6)?.value).toBe(12.25);
      const res = sheetOf(wb, '评分结果');
      expect(cellAt(res, 2, 1)?.value).toBe('00123');
      expect(cellAt(res, 2, 2)?.value).toBe('=不是公式');
      expect(cellAt(res, 2, 2)?.formula).toBeUndefined();
      expect(cellAt(res, 2, 3)?.value).toBe(false);
      expect(sheetOf(wb, 'wanmu撤销').state).toBe('veryHidden');
      expect(wb.sheets.map((x) => x.name)).toEqual(['基础数据', "评分 '22", '评分结果', 'wanmu撤销']);
    });

    it('clears cells and deletes sheets (revert)', async () => {
      const { host } = await make(contractWorkbook());
      await host.write(batch({ addSheets: [{ name: '评分结果' }], cells: [{ sheet: '基础数据', row: 3, col: 6, value: 1, numFmt: '0.00' }] }), []);
      await host.write(batch({ deleteSheets: ['评分结果'], cells: [{ sheet: '基础数据', row: 3, col: 6, clear: true }] }), []);
      const wb = await host.read();
      expect(wb.sheets.map((x) => x.name)).toEqual(['基础数据', "评分 '22"]);
      expect(cellAt(sheetOf(wb, '基础数据'), 3, 6)).toBeNull();
    });

    it('restores a number format to General', async () => {
      const { host } = await make(contractWorkbook());
      await host.write(batch({ cells: [{ sheet: '基础数据', row: 3, col: 3, value: 0.5, numFmt: 'General' }] }), []);
      expect(cellAt(sheetOf(await host.read(), '基础数据'), 3, 3)).toEqual({ value: 0.5 });
    });

    it('refuses the whole write when a target cell changed since it was read', async () => {
      const { host } = await make(contractWorkbook());
      const before = await host.read();
      const s = sheetOf(before, '基础数据');
      // the user types into F3 and changes B3 after the check
      await host.write(batch({ cells: [{ sheet: '基础数据', row: 3, col: 6, value: '我的备注' }] }), []);
      const r = await host.write(batch({ cells: [{ sheet: '基础数据', row: 3, col: 6, value: 10 }, { sheet: '基础数据', row: 4, col: 6, value: 5 }] }), [
        { sheet: '基础数据', row: 3, col: 6, value: cellAt(s, 3, 6)?.value ?? null },
        { sheet: '基础数据', row: 4, col: 6, value: null },
      ]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.conflicts.map((c) => c.cell)).toEqual(['F3']);
      const after = sheetOf(await host.read(), '基础数据');
      expect(cellAt(after, 3, 6)?.value).toBe('我的备注');
      expect(cellAt(after, 4, 6)).toBeNull();
    });

    it('accepts a write whose expected cells are unchanged, formulas included', async () => {
      const { host } = await make(contractWorkbook());
      const r = await host.write(batch({ cells: [{ sheet: '基础数据', row: 5, col: 2, value: 1 }] }), [
        { sheet: '基础数据', row: 5, col: 2, value: 1180.5, formula: 'SUM(B3:B4)' },
        { sheet: '基础数据', row: 3, col: 2, value: 1180.5 },
        { sheet: '基础数据', row: 9, col: 9, value: null },
      ]);
      expect(r).toEqual({ ok: true });
    });

    withFile('keeps everything after saving and opening again', async () => {
      const made = await make(contractWorkbook());
      if (!made.reopen) throw new Error('this host was expected to reopen');
      await made.host.write(
        batch({ addSheets: [{ name: 'wanmu撤销', state: 'veryHidden' }], cells: [{ sheet: 'wanmu撤销', row: 1, col: 1, value: 's:00123' }, { sheet: '基础数据', row: 3, col: 6, formula: 'B3*2', result: 2361, numFmt: '0.00' }] }),
        [],
      );
      const again = await (await made.reopen()).read();
      expect(sheetOf(again, 'wanmu撤销').state).toBe('veryHidden');
      expect(cellAt(sheetOf(again, 'wanmu撤销'), 1, 1)?.value).toBe('s:00123');
      expect(cellAt(sheetOf(again, '基础数据'), 3, 6)).toEqual({ value: 2361, formula: 'B3*2', numFmt: '0.00' });
      expect(cellAt(sheetOf(again, '基础数据'), 3, 4)?.value).toBe('00123');
    });

    describe('自检 (the self-test steps the pane runs)', () => {
      let report: SelfTestReport;
      let made: HostUnderTest;
      let before: WorkbookData;
      let formatsBefore: UserFormat[] | undefined;
      beforeAll(async () => {
        made = await make(contractWorkbook(), expected.marks ? { userFormats: USER_FORMATS } : {});
        before = await made.host.read();
        formatsBefore = await made.userFormats?.();
        report = await runSelfTest(made.host, { name: name, version: null, apiSets: [] }, { functions: expected.functions === true, wait: async () => undefined, calcTimeoutMs: 1000, pollMs: 100 });
      });

      it.each(SELF_TEST_STEPS.map((s) => [s.id, s] as const))('%s', (id, step) => {
        const o = report.outcomes.find((x) => x.id === id);
        if (!o) throw new Error(`no outcome for ${id}`);
        const offered = !step.requires || offers({ host: made.host, functions: expected.functions === true }, step.requires);
        // the reason is compared too, so a failure says what went wrong
        expect({ id, status: o.status, reason: o.status === 'fail' ? outcomeReason(o) : '' }).toEqual({ id, status: offered ? 'pass' : 'skipped', reason: '' });
      });

      it('runs every step, and leaves every cell, sheet and conditional format of the workbook as it was', async () => {
        expect(report.done).toBe(true);
        expect(report.outcomes.map((o) => o.id)).toEqual(SELF_TEST_STEPS.map((s) => s.id));
        expect(await made.host.read()).toEqual(before);
        if (made.userFormats) expect(await made.userFormats()).toEqual(formatsBefore);
        if (made.host.readMarks) expect(await made.host.readMarks()).toEqual([]);
      });

      // a host that does not calculate WANMU functions is not asked to: the self-test skips that step
      ifOffered(expected.functions === true, () => {
        expect(offers({ host: made.host, functions: false }, 'functions')).toBe(false);
        expect(report.outcomes.find((o) => o.id === 'functions')?.status).toBe('skipped');
      })('computes the WANMU.ANNUAL call as the engine does', () => {
        expect(selfTestCalculation(FUNCTION_FORMULA)).toBe(4.5);
      });
    });

    it('declares its capabilities as data', async () => {
      const { host } = await make(contractWorkbook());
      expect(typeof host.capabilities.select).toBe('boolean');
      expect(typeof host.capabilities.changeEvents).toBe('boolean');
      expect(typeof host.capabilities.marks).toBe('boolean');
      if (host.capabilities.select) expect(typeof host.select).toBe('function');
      if (host.capabilities.changeEvents) expect(typeof host.onChanged).toBe('function');
      if (host.capabilities.marks) expect([typeof host.setMarks, typeof host.readMarks]).toEqual(['function', 'function']);
    });

    describe('marks (hosts that declare them)', () => {
      withMarks('marks cells and reads the marks back, leaving every cell as it was', async () => {
        const { host } = await make(contractWorkbook());
        const m = marking(host);
        const before = await host.read();
        expect(await m.read()).toEqual([]);
        await m.set(MARKS);
        expect(canonicalMarks(await m.read())).toEqual(canonicalMarks(MARKS));
        expect(await host.read()).toEqual(before);
      });

      withMarks('replaces all of its marks with the ones given, and clears them with none', async () => {
        const { host } = await make(contractWorkbook());
        const m = marking(host);
        const before = await host.read();
        await m.set(MARKS);
        const next: MarkSet[] = [{ sheet: '基础数据', severity: 'error', ranges: [cellRange(5, 2, 5, 3)] }];
        await m.set(next);
        expect(canonicalMarks(await m.read())).toEqual(canonicalMarks(next));
        await m.set([]);
        expect(await m.read()).toEqual([]);
        await m.set([]);
        expect(await m.read()).toEqual([]);
        expect(await host.read()).toEqual(before);
      });

      withMarks('never changes or deletes the user’s own conditional formats, even ones that look like its markers', async () => {
        const made = await make(contractWorkbook(), { userFormats: USER_FORMATS });
        const m = marking(made.host);
        if (!made.userFormats) throw new Error('a factory for a host that marks reports the user’s conditional formats');
        expect(await made.userFormats()).toEqual(USER_FORMATS);
        expect(await m.read()).toEqual([]);
        await m.set(MARKS);
        expect(await made.userFormats()).toEqual(USER_FORMATS);
        expect(canonicalMarks(await m.read())).toEqual(canonicalMarks(MARKS));
        await m.set([]);
        expect(await made.userFormats()).toEqual(USER_FORMATS);
        expect(await m.read()).toEqual([]);
      });

      withMarks('refuses marks on a sheet the workbook does not have, marking nothing', async () => {
        const { host } = await make(contractWorkbook());
        const m = marking(host);
        await m.set(MARKS);
        await expect(m.set([{ sheet: '没有这张表', severity: 'error', ranges: [cellRange(1, 1)] }])).rejects.toThrow();
        expect(canonicalMarks(await m.read())).toEqual(canonicalMarks(MARKS));
      });

      withMarksAndFile('keeps its marks after saving and opening again, and clears them there', async () => {
        const made = await make(contractWorkbook(), { userFormats: USER_FORMATS });
        const m = marking(made.host);
        if (!made.reopen) throw new Error('this host was expected to reopen');
        await m.set(MARKS);
        const again = await made.reopen();
        const m2 = marking(again);
        expect(canonicalMarks(await m2.read())).toEqual(canonicalMarks(MARKS));
        await m2.set([]);
        expect(await m2.read()).toEqual([]);
        expect(await again.read()).toEqual(await made.host.read());
      });
    });
  });
}
