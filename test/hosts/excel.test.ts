import { OfficeMockObject } from 'office-addin-mock';
import { sheetError, type RawValue } from '../../src/engine';
import { ExcelHost, splitAreas, widthToPoints, type ExcelHostDeps } from '../../src/hosts/excel/host';
import { WorkbookSession } from '../../src/workbook';
import { colLetters } from '../../src/workbook/core/address';
import { buildSheet, cellAt, emptyBatch, type CellData, type CellWrite, type ExpectedCell, type WorkbookData } from '../../src/workbook/core/model';
import { annualRows, handScoredWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { data as workbookData } from '../helpers/data';
import { canonicalMarks, markSeverityOf } from '../../src/workbook/core/marks';
import { contractWorkbook, describeHostContract, refOf, selfTestCalculation, userFormatRange } from '../helpers/host-contract';
import { describeSheetLayoutContract } from '../helpers/layout-contract';
import { FakeExcel } from '../helpers/fakes/excel';

/**
 * The fake does not calculate; these are the results Excel computes for the formulas the tests
 * write (B3 = 1180.5 in the contract workbook). An unknown formula comes out as #NAME?.
 */
// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose main module
// pulls in ESM-only packages jest cannot load; give it the enum module alone.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));

const RESULTS: Readonly<Record<string, RawValue>> = {
  'SUM(B3:B4)': 1180.5,
  '1/0': sheetError('div0'),
  'MIN(10,B3/1000*10)': 10,
  'B3*2': 2361,
};
const calculate = (formula: string): RawValue => RESULTS[formula] ?? selfTestCalculation(formula) ?? (/^B\d+\*10$/.test(formula) ? 10 : sheetError('name'));

/** Whether requirement-set version a is at most b, part by part ("1.9" < "1.20"). */
function atMost(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return true;
}

/** The Office namespace's requirement-set check, mocked with office-addin-mock. */
function requirements(supported: Readonly<Record<string, string>>) {
  const office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => supported[name] !== undefined && atMost(version, supported[name]),
      },
    },
  });
  return (name: string, version: string): boolean => office.context.requirements.isSetSupported(name, version) === true;
}

function make(x: FakeExcel, supported: Readonly<Record<string, string>> = { ExcelApi: '1.20' }, extra: Partial<ExcelHostDeps> = {}) {
  const errors: unknown[] = [];
  const host = new ExcelHost({ run: x.run, runIn: x.runIn, isSetSupported: requirements(supported), reportError: (e) => errors.push(e), ...extra });
  return { host, errors };
}

describeHostContract('Excel (Office.js fake; requirement sets through office-addin-mock)', async (data, options = {}) => {
  const x = FakeExcel.from(data, calculate);
  for (const f of options.userFormats ?? []) x.addFormat(f.sheet, { type: 'Custom', formula: `=${f.formula}`, fill: '#00FF00', ranges: [userFormatRange(f)] });
  return {
    host: make(x).host,
    userFormats: async () =>
      x.sheets.flatMap((s) => s.formats.filter((f) => markSeverityOf(f.formula) === undefined).map((f) => ({ sheet: s.name, ref: refOf(f.ranges), formula: f.formula.slice(1) }))),
  };
}, { marks: true, reopen: false, functions: true });

describeSheetLayoutContract('Excel (Office.js fake)', async () => {
  const x = FakeExcel.from(contractWorkbook(), calculate);
  return {
    host: make(x).host,
    layoutOf: async (sheet) => {
      const s = x.sheet(sheet);
      const p = s.page;
      if (s.frozenRows === 0 && p.zoom === null && p.printTitleRows === null && p.centerFooter === '' && p.orientation === 'Portrait') return null;
      const rows = p.printTitleRows ? /^\$(\d+):\$(\d+)$/.exec(p.printTitleRows) : null;
      return {
        sheet,
        freezeRows: s.frozenRows,
        print: {
          landscape: p.orientation === 'Landscape',
          fitWidth: p.zoom?.horizontalFitToPages === 1 && p.zoom.verticalFitToPages === 0,
          titleRows: rows ? { first: Number(rows[1]), last: Number(rows[2]) } : null,
          footer: p.centerFooter === '' ? null : p.centerFooter,
        },
      };
    },
  };
});

/** A data sheet like a filled-in 2,000-platform table: 35 columns, a header row. */
function bigWorkbook(rows: number): WorkbookData {
  const cells: { row: number; col: number; cell: CellData }[] = [];
  for (let c = 1; c <= 35; c++) cells.push({ row: 1, col: c, cell: { value: `指标${c}` } });
  for (let r = 2; r <= rows + 1; r++) {
    cells.push({ row: r, col: 1, cell: { value: `平台${r - 1}` } });
    for (let c = 2; c <= 35; c++) cells.push({ row: r, col: c, cell: { value: (r * 31 + c * 7) % 1000 / 10, ...(c % 5 === 0 ? { numFmt: '0.00%' } : {}) } });
  }
  return { sheets: [buildSheet('基础数据', cells, [{ top: 1, left: 36, bottom: 1, right: 40 }])] };
}

describe('Excel host round trips', () => {
  it('reads in two syncs the first time (the sheet list, then the contents) and in one after', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    const first = await host.read();
    expect(x.syncs).toBe(2);
    expect(first.sheets.map((s) => s.name)).toEqual(['基础数据', "评分 '22"]);
    expect(cellAt(first.sheets[1], 40, 9)).toEqual({ value: 'far away' });
    x.syncs = 0;
    expect(await host.read()).toEqual(first);
    expect(x.syncs).toBe(1);
    x.syncs = 0;
    await host.read({ sheets: ["评分 '22"] });
    expect(x.syncs).toBe(1);
    // a scoped first read: the list, then the sheets asked for
    const y = FakeExcel.from(contractWorkbook(), calculate);
    const scoped = await make(y).host.read({ sheets: ["评分 '22"] });
    expect(scoped.sheets.map((s) => s.name)).toEqual(["评分 '22"]);
    expect(y.syncs).toBe(2);
  });

  it('never calls a method on a null object (an Excel that refuses them reads the same, in the same syncs)', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    x.rejectsCallsOnNullObjects = true;
    const { host } = make(x);
    const first = await host.read();
    expect(first.sheets.map((s) => s.name)).toEqual(['基础数据', "评分 '22"]);
    expect(cellAt(first.sheets[1], 40, 9)).toEqual({ value: 'far away' });
    expect(x.syncs).toBe(2);
  });

  it('reads a workbook of many sheets in the same two syncs', async () => {
    const sheets = Array.from({ length: 130 }, (_, i) => buildSheet(`表${i + 1}`, [{ row: 1, col: 1, cell: { value: i + 1 } }], i === 99 ? [{ top: 2, left: 1, bottom: 2, right: 2 }] : [], i === 64 ? 'hidden' : 'visible'));
    const x = FakeExcel.from({ sheets }, calculate);
    const wb = await make(x).host.read();
    expect(x.syncs).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    expect(wb.sheets.map((s) => cellAt(s, 1, 1)?.value)).toEqual(sheets.map((_, i) => i + 1));
    expect(wb.sheets[99].merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
    expect(wb.sheets[64].state).toBe('hidden');
  });

  it('writes in one sync, with expected cells too', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.read();
    x.syncs = 0;
    await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 3, col: 6, value: 1 }] }, []);
    expect(x.syncs).toBe(1);
    x.syncs = 0;
    expect(await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 4, col: 6, value: 2 }] }, [{ sheet: '基础数据', row: 4, col: 6, value: null }])).toEqual({ ok: true });
    expect(x.syncs).toBe(1);
    expect(x.cell('基础数据', 'F4')?.value).toBe(2);
  });

  it('checks and fills a 2,000-platform × 35-column workbook in 2 syncs with block writes', async () => {
    const x = FakeExcel.from(bigWorkbook(2000), calculate);
    const { host } = make(x);
    await host.read(); // the pane read the workbook when it opened
    x.syncs = 0;
    x.gridWrites = 0;
    const wb = await host.read();
    const s = wb.sheets[0];
    expect(s.rowCount).toBe(2001);
    expect(cellAt(s, 2001, 5)).toEqual({ value: ((2001 * 31 + 35) % 1000) / 10, numFmt: '0.00%' });
    expect(s.merges).toEqual([{ top: 1, left: 36, bottom: 1, right: 40 }]);
    // fill: 10 score columns (formulas, a number format) next to the data, all expected empty
    const cells: CellWrite[] = [];
    for (let r = 2; r <= 2001; r++) for (let c = 41; c <= 50; c++) cells.push({ sheet: '基础数据', row: r, col: c, formula: `B${r}*10`, result: 10, numFmt: '0.00' });
    const expected = cells.map((w) => ({ sheet: w.sheet, row: w.row, col: w.col, value: null }));
    expect(await host.write({ ...emptyBatch(), cells }, expected)).toEqual({ ok: true });
    expect(x.syncs).toBe(2);
    expect(x.gridWrites).toBe(2); // one formulas grid and one number-format grid for the block
    expect(x.gridCells).toBe(40000);
    expect(x.maxRequest).toBeLessThan(5_000_000);
    expect(x.maxResponse).toBeLessThan(5_000_000);
    expect(x.cell('基础数据', 'AX2001')).toMatchObject({ value: 10, formula: 'B2001*10', numFmt: '0.00' });
    expect(x.runs[x.runs.length - 1]).toEqual({ mergeUndoGroup: true });
  });

  it('splits a write into syncs under the payload budget, and only then', async () => {
    const x = FakeExcel.from(bigWorkbook(200), calculate);
    x.requestLimit = 60_000;
    const { host } = make(x, { ExcelApi: '1.20' }, { payloadBudget: 50_000 });
    const cells: CellWrite[] = [];
    for (let r = 2; r <= 201; r++) for (let c = 41; c <= 70; c++) cells.push({ sheet: '基础数据', row: r, col: c, value: `文字${r}-${c}` });
    expect(await host.write({ ...emptyBatch(), cells }, [])).toEqual({ ok: true });
    expect(x.syncs).toBeGreaterThan(1);
    expect(x.maxRequest).toBeLessThanOrEqual(60_000);
    const s = (await host.read()).sheets[0];
    expect(cellAt(s, 201, 70)?.value).toBe('文字201-70');
    expect(cellAt(s, 2, 41)?.value).toBe('文字2-41');
  });

  it('reads large sets of expected cells back in syncs under the budget', async () => {
    const x = FakeExcel.from(bigWorkbook(2000), calculate);
    x.responseLimit = 300_000;
    const { host } = make(x, { ExcelApi: '1.20' }, { payloadBudget: 200_000 });
    await host.read({ sheets: [] });
    x.syncs = 0;
    const expected = [];
    for (let r = 2; r <= 2001; r++) for (let c = 2; c <= 6; c++) expected.push({ sheet: '基础数据', row: r, col: c, value: ((r * 31 + c * 7) % 1000) / 10 });
    expected[7777] = { ...expected[7777], value: -1 };
    const r = await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 1, col: 41, value: '得分' }] }, expected);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflicts.map((c) => c.cell)).toEqual([`${'BCDEF'[7777 % 5]}${2 + Math.floor(7777 / 5)}`]);
    expect(x.syncs).toBeGreaterThan(1);
    expect(x.maxResponse).toBeLessThanOrEqual(300_000);
    expect(x.cell('基础数据', 'AO1')).toBeUndefined(); // the refused write was undone

  });

  it('reads in row bands when the workbook does not fit one response', async () => {
    const data = bigWorkbook(2000);
    const whole = make(FakeExcel.from(data, calculate)).host;
    const expected = await whole.read();
    const x = FakeExcel.from(data, calculate);
    x.responseLimit = 400_000;
    const { host } = make(x, { ExcelApi: '1.20' }, { payloadBudget: 300_000 });
    const got = await host.read();
    expect(x.maxResponse).toBeLessThanOrEqual(400_000);
    expect(x.syncs).toBeGreaterThan(3);
    expect(got.sheets[0].rowCount).toBe(2001);
    expect([...got.sheets[0].rows]).toEqual([...expected.sheets[0].rows]);
    expect(got.sheets[0].merges).toEqual(expected.sheets[0].merges);
  });

  it('reads in shorter bands when its cells are heavier than the estimate (long formulas, long texts)', async () => {
    const cells = [];
    for (let r = 1; r <= 400; r++) for (let c = 1; c <= 10; c++) cells.push({ row: r, col: c, cell: { value: `${'很长的说明文字'.repeat(40)}${r}-${c}` } });
    const data = { sheets: [buildSheet('说明', cells)] };
    const expected = await make(FakeExcel.from(data, calculate)).host.read();
    const x = FakeExcel.from(data, calculate);
    x.responseLimit = 400_000;
    const { host } = make(x, { ExcelApi: '1.20' }, { payloadBudget: 300_000 });
    const got = await host.read();
    expect(x.maxResponse).toBeLessThanOrEqual(400_000);
    expect([...got.sheets[0].rows]).toEqual([...expected.sheets[0].rows]);
    expect(cellAt(got.sheets[0], 400, 10)?.value).toMatch(/400-10$/);
  });

  it('reads an empty sheet and ignores formatting-only cells', async () => {
    const x = FakeExcel.from({ sheets: [buildSheet('空表', []), buildSheet('格式', [{ row: 2, col: 2, cell: { value: 1 } }])] }, calculate);
    x.sheet('格式').cells.set('Z99', { row: 99, col: 26, value: null, numFmt: '0.00' });
    const { host } = make(x);
    const wb = await host.read();
    expect(wb.sheets.map((s) => [s.name, s.rowCount, s.colCount])).toEqual([['空表', 0, 0], ['格式', 2, 2]]);
  });

  it('fails loudly, not partially, when Excel refuses a request', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    x.requestLimit = 1_000;
    const { host } = make(x, { ExcelApi: '1.20' }, { payloadBudget: 100_000 });
    const cells: CellWrite[] = Array.from({ length: 200 }, (_, i) => ({ sheet: '基础数据', row: 10 + i, col: 1, value: `很长的一段文字 ${i}` }));
    await expect(host.write({ ...emptyBatch(), cells }, [])).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(x.cell('基础数据', 'A10')).toBeUndefined();
  });
});

describe('Excel host values and text', () => {
  it('writes text Excel would parse so that it reads back exactly', async () => {
    const x = FakeExcel.from({ sheets: [buildSheet('S', [])] }, calculate);
    const { host } = make(x);
    const texts = ['00123', '1,234', '12%', 'TRUE', 'false', '#N/A', "'引号", '-abc', '+1', '=A1', '@x', '1e5', '平台甲', ''];
    await host.write({ ...emptyBatch(), cells: texts.map((value, i) => ({ sheet: 'S', row: i + 1, col: 1, value })) }, []);
    const s = (await host.read()).sheets[0];
    texts.forEach((t, i) => expect(cellAt(s, i + 1, 1)?.value ?? '').toBe(t));
    texts.forEach((_, i) => expect(cellAt(s, i + 1, 1)?.formula).toBeUndefined());
    // plain text needs no quote prefix
    expect(x.cell('S', 'A13')?.quotePrefix).toBeUndefined();
    expect(x.cell('S', 'A1')?.quotePrefix).toBe(true);
  });

  it('reads error values as sheet errors and error-looking text as text', async () => {
    const x = FakeExcel.from({ sheets: [buildSheet('S', [])] }, calculate);
    const { host } = make(x);
    await x.userEdit('S', 'A1', '#N/A');
    await x.userEdit('S', 'A2', "'#N/A");
    await x.userEdit('S', 'A3', '=1/0');
    const s = (await host.read()).sheets[0];
    expect(cellAt(s, 1, 1)).toEqual({ value: sheetError('na') });
    expect(cellAt(s, 2, 1)).toEqual({ value: '#N/A' });
    expect(cellAt(s, 3, 1)).toEqual({ value: sheetError('div0'), formula: '1/0' });
  });

  it('writes bold, merges, column widths and hidden sheets', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.write(
      {
        addSheets: [{ name: '评分结果' }, { name: '草稿', state: 'hidden' }],
        deleteSheets: [],
        cells: [
          { sheet: '评分结果', row: 1, col: 1, value: '平台名称', bold: true },
          { sheet: '评分结果', row: 1, col: 2, value: '得分', bold: true },
        ],
        merges: [{ sheet: '评分结果', range: { top: 2, left: 1, bottom: 2, right: 3 } }],
        columnWidths: [
          { sheet: '评分结果', col: 1, width: 20 },
          { sheet: '评分结果', col: 2, width: 12 },
          { sheet: '评分结果', col: 3, width: 12 },
        ],
        sheetLayouts: [],
      },
      [],
    );
    expect(x.cell('评分结果', 'B1')?.bold).toBe(true);
    const res = x.sheet('评分结果');
    expect(res.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 3 }]);
    expect([...res.widths]).toEqual([[1, widthToPoints(20)], [2, widthToPoints(12)], [3, widthToPoints(12)]]);
    expect(x.sheet('草稿').visibility).toBe('Hidden');
    const wb = await host.read();
    expect(wb.sheets.find((s) => s.name === '草稿')?.state).toBe('hidden');
    expect(wb.sheets.find((s) => s.name === '评分结果')?.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 3 }]);
  });

  it('splits merged-area addresses at commas outside quoted sheet names', () => {
    expect(splitAreas("'a, b'!A1:B2, 'a, b'!D4")).toEqual(["'a, b'!A1:B2", "'a, b'!D4"]);
  });
});

describe('Excel host and a changing workbook', () => {
  it('notices sheets the user added or deleted since the last read', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.read();
    x.addSheet('用户新表').cells.set('A1', { row: 1, col: 1, value: '新' });
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(['基础数据', "评分 '22", '用户新表']);
    x.sheets.splice(1, 1);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(['基础数据', '用户新表']);
  });

  it('checks expected cells on sheets it has not read, and cells on missing sheets as empty', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    const r = await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 3, col: 6, value: 1 }] }, [
      { sheet: '基础数据', row: 3, col: 2, value: 999 },
      { sheet: '不存在', row: 1, col: 1, value: null },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflicts.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['基础数据!B3']);
    expect(x.cell('基础数据', 'F3')).toBeUndefined();
  });

  it('refuses a fill when the user typed into a target cell after the check read', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.read();
    await x.userEdit('基础数据', 'F4', '备注');
    const r = await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 4, col: 6, value: 5 }] }, [{ sheet: '基础数据', row: 4, col: 6, value: null }]);
    expect(r).toEqual({ ok: false, conflicts: [{ sheet: '基础数据', cell: 'F4', expected: { sheet: '基础数据', row: 4, col: 6, value: null }, found: { value: '备注' } }] });
    expect(x.cell('基础数据', 'F4')?.value).toBe('备注');
  });
});

describe('Excel host: the precondition in the write’s own sync', () => {
  /** Every cell of a sheet, copied (the fake's state, quote prefixes and formats included). */
  const cellsOf = (x: FakeExcel, sheet: string) => new Map([...x.sheet(sheet).cells].map(([k, v]) => [k, { ...v }]));

  it('refuses a write whose target cells changed after the read, in 2 syncs, and puts every target back', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    const read = (await host.read()).sheets[0];
    // targets B3:D5: numbers, a percentage, quote-prefixed text, a formula, an error formula
    const cells: CellWrite[] = [];
    const expected: ExpectedCell[] = [];
    for (let row = 3; row <= 5; row++) {
      for (let col = 2; col <= 4; col++) {
        cells.push({ sheet: '基础数据', row, col, formula: `B${row}*10`, result: 10, numFmt: '0.000' });
        const c = cellAt(read, row, col);
        expected.push({ sheet: '基础数据', row, col, value: c?.value ?? null, ...(c?.formula !== undefined ? { formula: c.formula } : {}) });
      }
    }
    cells.push({ sheet: '新表', row: 1, col: 1, value: '新' });
    await x.userEdit('基础数据', 'C4', '用户刚改的');
    const before = cellsOf(x, '基础数据');
    const sheetsBefore = x.sheets.map((s) => s.name);
    x.syncs = 0;
    const r = await host.write({ ...emptyBatch(), addSheets: [{ name: '新表' }], cells }, expected);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflicts.map((c) => [c.cell, c.found])).toEqual([['C4', { value: '用户刚改的' }]]);
    expect(x.syncs).toBe(2);
    // the write did happen in the first sync (it is what gets undone) ...
    expect(x.gridCells).toBeGreaterThan(0);
    // ... and every target is back: the user's edit, formulas, formats, quote prefixes
    expect(x.cell('基础数据', 'C4')?.value).toBe('用户刚改的');
    expect(cellsOf(x, '基础数据')).toEqual(before);
    expect(x.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it('queues the precondition loads ahead of the writes, so they see the cells as they were', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.read();
    x.syncs = 0;
    // the expected value is the old one: were the loads after the write, they would see 7 and refuse
    const r = await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 3, col: 2, value: 7 }] }, [{ sheet: '基础数据', row: 3, col: 2, value: 1180.5 }]);
    expect(r).toEqual({ ok: true });
    expect(x.syncs).toBe(1);
    expect(x.cell('基础数据', 'B3')?.value).toBe(7);
    expect(x.cell('基础数据', 'B5')?.value).toBe(1180.5); // fake does not recalculate; the formula stays
  });

  it('checks first, in its own sync, a write that deletes sheets (a deletion cannot be undone)', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.read();
    const batch = { ...emptyBatch(), deleteSheets: ["评分 '22"], cells: [{ sheet: '基础数据', row: 9, col: 1, value: 'x' }] };
    x.syncs = 0;
    const refused = await host.write(batch, [{ sheet: '基础数据', row: 9, col: 1, value: 'y' }]);
    expect(refused.ok).toBe(false);
    expect(x.syncs).toBe(1);
    expect(x.sheets.map((s) => s.name)).toEqual(['基础数据', "评分 '22"]);
    expect(x.cell('基础数据', 'A9')).toBeUndefined();
    x.syncs = 0;
    expect(await host.write(batch, [{ sheet: '基础数据', row: 9, col: 1, value: null }])).toEqual({ ok: true });
    expect(x.syncs).toBe(2);
    expect(x.sheets.map((s) => s.name)).toEqual(['基础数据']);
  });

  it('takes cells on a sheet deleted since the read as empty (lists the sheets again, writes nothing twice)', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.read();
    x.sheets.splice(1, 1);
    x.syncs = 0;
    const r = await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 9, col: 2, value: 3 }] }, [
      { sheet: "评分 '22", row: 1, col: 1, value: null },
      { sheet: '基础数据', row: 9, col: 2, value: null },
    ]);
    expect(r).toEqual({ ok: true });
    expect(x.syncs).toBe(3); // refused load, sheet list, write
    expect(x.cell('基础数据', 'B9')?.value).toBe(3);
  });

  it('checks and fills a 2,000-platform cohort table through a session in 3 syncs (the sheet list, the contents, the write), over existing scores', async () => {
    // a score column already filled by hand: the fill replaces it, so every target is non-empty
    const { wb, col } = handScoredWorkbook(annualRows(2000));
    const data = await workbookData({ workbook: wb });
    const x = FakeExcel.from(data, calculate);
    const { host } = make(x);
    const session = await WorkbookSession.open(host); // the check
    const plan = session.planFill({ style: 'native', replace: true });
    expect(plan.expected.filter((e) => e.value !== null).length).toBe(2000);
    const applied = await session.apply(plan, { refresh: false }); // the fill
    expect(applied.ok).toBe(true);
    expect(x.syncs).toBe(3);
    expect(x.maxResponse).toBeLessThan(5_000_000);
    expect(x.maxRequest).toBeLessThan(5_000_000);
    const last = x.cell('培育名单数据', `${colLetters(col)}${WIDE_FIRST_ROW + 1999}`);
    expect(last?.formula).toBeDefined();
  });

  it('refuses the 2,000-platform fill when the user changed one score after the check, and keeps the change', async () => {
    const { wb, col } = handScoredWorkbook(annualRows(2000));
    const data = await workbookData({ workbook: wb });
    const x = FakeExcel.from(data, calculate);
    const session = await WorkbookSession.open(make(x).host);
    const plan = session.planFill({ style: 'native', replace: true });
    const cell = `${colLetters(col)}${WIDE_FIRST_ROW + 1000}`;
    await x.userEdit('培育名单数据', cell, 4.5);
    const before = cellsOf(x, '培育名单数据');
    const sheets = x.sheets.map((s) => s.name);
    x.syncs = 0;
    const r = await session.apply(plan, { refresh: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflicts.map((c) => c.cell)).toEqual([cell]);
    expect(x.syncs).toBe(2);
    expect(x.cell('培育名单数据', cell)?.value).toBe(4.5);
    expect(cellsOf(x, '培育名单数据')).toEqual(before);
    expect(x.sheets.map((s) => s.name)).toEqual(sheets);
  });
});

describe('Excel host capabilities', () => {
  it('groups undo only where ExcelApi 1.20 (RunOptions.mergeUndoGroup) is supported', async () => {
    for (const [version, group] of [['1.20', true], ['1.19', false]] as const) {
      const x = FakeExcel.from(contractWorkbook(), calculate);
      const { host } = make(x, { ExcelApi: version });
      expect(host.capabilities.undoGroup).toBe(group);
      await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 3, col: 6, value: 1 }] }, []);
      expect(x.runs[x.runs.length - 1]).toEqual(group ? { mergeUndoGroup: true } : undefined);
    }
  });

  it('declares change events only with ExcelApi 1.9', () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    expect(make(x, { ExcelApi: '1.8' }).host.capabilities.changeEvents).toBe(false);
    expect(make(x, { ExcelApi: '1.9' }).host.capabilities.changeEvents).toBe(true);
  });

  it('selects a cell on its sheet', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.select("评分 '22", 'I40');
    expect(x.active).toBe("评分 '22");
    expect(x.selection).toEqual({ sheet: "评分 '22", address: "'评分 ''22'!I40" });
  });

  it('reports the user’s edits to change listeners until they unsubscribe', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host, errors } = make(x);
    const seen: string[] = [];
    const off = host.onChanged((c) => seen.push(`${c.sheet}!${c.cells.join(',')}`));
    await new Promise((r) => setImmediate(r));
    await x.userEdit('基础数据', 'B3', 5);
    await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 9, col: 9, value: 1 }] }, []); // its own write: not reported
    await host.read();
    await x.userEdit("评分 '22", 'A2', 'x');
    off();
    await new Promise((r) => setImmediate(r));
    await x.userEdit('基础数据', 'B4', 6);
    expect(seen).toEqual(['基础数据!B3', "评分 '22!A2"]);
    expect(x.handlers.size).toBe(0);
    expect(errors).toEqual([]);
  });

  it('marks inserted and deleted rows, columns and cells as structural changes (the session reads the sheet again)', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    const seen: { cells: readonly string[]; structural?: boolean }[] = [];
    host.onChanged((c) => seen.push({ cells: c.cells, ...(c.structural ? { structural: true } : {}) }));
    await new Promise((r) => setImmediate(r));
    await x.userEdit('基础数据', 'B3', 5);
    await x.userEdit('基础数据', 'B3', 5, 'RowInserted', '3:3');
    await x.userEdit('基础数据', 'B3', 5, 'CellDeleted', 'B3');
    await x.userEdit('基础数据', 'B3', 5, 'Unknown', 'B3');
    expect(seen).toEqual([{ cells: ['B3'] }, { cells: ['3:3'], structural: true }, { cells: ['B3'], structural: true }, { cells: ['B3'], structural: true }]);
  });
});

describe('Excel host marks', () => {
  const column = (rows: number) => Array.from({ length: rows }, (_, i) => ({ top: 3 + 2 * i, left: 2, bottom: 3 + 2 * i, right: 2 }));

  it('declares marks only with ExcelApi 1.9 (getRanges, ConditionalFormat.getRanges)', () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    expect(make(x, { ExcelApi: '1.8' }).host.capabilities.marks).toBe(false);
    expect(make(x, { ExcelApi: '1.9' }).host.capabilities.marks).toBe(true);
  });

  it('marks in two syncs after a read and reads them back in two: Custom formats with the marker formula and fill, after the user’s', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    x.addFormat('基础数据', { type: 'DataBar', formula: '', fill: null, ranges: [{ top: 3, left: 2, bottom: 4, right: 2 }] });
    x.addFormat('基础数据', { type: 'Custom', formula: '=B3>1000', fill: '#00FF00', ranges: [{ top: 3, left: 2, bottom: 4, right: 2 }] });
    const { host } = make(x);
    await host.read();
    x.syncs = 0;
    const marks = [
      { sheet: '基础数据', severity: 'error' as const, ranges: [{ top: 3, left: 2, bottom: 4, right: 2 }] },
      { sheet: "评分 '22", severity: 'warning' as const, ranges: [{ top: 40, left: 9, bottom: 40, right: 9 }] },
    ];
    await host.setMarks(marks);
    expect(x.syncs).toBe(2);
    expect(x.sheet('基础数据').formats.map((f) => [f.type, f.formula, f.fill])).toEqual([
      ['DataBar', '', null],
      ['Custom', '=B3>1000', '#00FF00'],
      ['Custom', '=ISTEXT("万亩千亿评分:错误")', '#FFC7CE'],
    ]);
    expect(x.sheet("评分 '22").formats.map((f) => [f.formula, f.fill])).toEqual([['=ISTEXT("万亩千亿评分:警告")', '#FFEB9C']]);
    x.syncs = 0;
    expect(await host.readMarks()).toEqual(marks);
    expect(x.syncs).toBe(2);
    // replacing: the old ones are deleted in the same sync as the new ones are added
    x.syncs = 0;
    await host.setMarks([]);
    expect(x.syncs).toBe(2);
    expect(x.sheet('基础数据').formats.map((f) => f.type)).toEqual(['DataBar', 'Custom']);
  });

  it('splits a long range list into formats whose addresses getRanges takes, and reads all of it back', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.read();
    const ranges = column(300);
    await host.setMarks([{ sheet: '基础数据', severity: 'warning', ranges }]);
    expect(x.sheet('基础数据').formats.length).toBeGreaterThan(1);
    expect(canonicalMarks(await host.readMarks())).toEqual(canonicalMarks([{ sheet: '基础数据', severity: 'warning', ranges }]));
    await host.setMarks([]);
    expect(x.sheet('基础数据').formats).toEqual([]);
  });

  it('finds its marks on a sheet added since the last read (a copy of a marked sheet) and clears them there', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x);
    await host.read();
    const copy = x.addSheet('基础数据 (2)');
    copy.formats.push({ id: x.newId('format'), type: 'Custom', formula: '=ISTEXT("万亩千亿评分:错误")', fill: '#FFC7CE', ranges: [{ top: 1, left: 1, bottom: 1, right: 1 }] });
    expect(await host.readMarks()).toEqual([{ sheet: '基础数据 (2)', severity: 'error', ranges: [{ top: 1, left: 1, bottom: 1, right: 1 }] }]);
    await host.setMarks([]);
    expect(copy.formats).toEqual([]);
  });

  it('is one undo step where Excel merges undo groups', async () => {
    const x = FakeExcel.from(contractWorkbook(), calculate);
    const { host } = make(x, { ExcelApi: '1.20' });
    await host.setMarks([{ sheet: '基础数据', severity: 'error', ranges: [{ top: 3, left: 2, bottom: 3, right: 2 }] }]);
    expect(x.runs[x.runs.length - 1]).toEqual({ mergeUndoGroup: true });
  });
});
