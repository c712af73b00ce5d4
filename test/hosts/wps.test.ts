import { sheetError, type RawValue } from '../../src/engine';
import { WpsHost } from '../../src/hosts/wps/host';
import { WPS_QUIRKS } from '../../src/hosts/wps/quirks';
import { buildSheet, cellAt, emptyBatch, type CellData, type CellWrite, type WorkbookData } from '../../src/workbook/core/model';
import { canonicalMarks, markSeverityOf } from '../../src/workbook/core/marks';
import { contractWorkbook, describeHostContract, refOf, selfTestCalculation, userFormatRange } from '../helpers/host-contract';
import { describeSheetLayoutContract } from '../helpers/layout-contract';
import { FakeEt } from '../helpers/fakes/et';

/** The fake does not calculate: results WPS computes for the formulas the tests write. */
const RESULTS: Readonly<Record<string, RawValue>> = { 'SUM(B3:B4)': 1180.5, '1/0': sheetError('div0'), 'MIN(10,B3/1000*10)': 10, 'B3*2': 2361 };
const calculate = (formula: string): RawValue => RESULTS[formula] ?? selfTestCalculation(formula) ?? (/^B\d+\*10$/.test(formula) ? 10 : sheetError('name'));

describeHostContract('WPS (fake ET)', async (data, options = {}) => {
  const et = FakeEt.from(data, calculate);
  for (const f of options.userFormats ?? []) et.addCondition(f.sheet, { type: 2, formula1: `=${f.formula}`, color: 0x00ff00, ranges: [userFormatRange(f)] });
  return {
    host: new WpsHost(et),
    userFormats: async () =>
      et.state.flatMap((s) => s.conditions.filter((c) => markSeverityOf(c.formula1) === undefined).map((c) => ({ sheet: s.name, ref: refOf(c.ranges), formula: c.formula1.slice(1) }))),
  };
}, { marks: true, reopen: false, functions: true });

describeSheetLayoutContract('WPS (fake ET)', async () => {
  const et = FakeEt.from(contractWorkbook(), calculate);
  return {
    host: new WpsHost(et),
    layoutOf: async (sheet) => {
      const s = et.sheet(sheet);
      const p = s.page;
      if (s.frozenRows === 0 && p.Orientation === 1 && p.Zoom === 100 && p.PrintTitleRows === '' && p.CenterFooter === '') return null;
      const rows = typeof p.PrintTitleRows === 'string' ? /^\$(\d+):\$(\d+)$/.exec(p.PrintTitleRows) : null;
      return {
        sheet,
        freezeRows: s.frozenRows,
        print: {
          landscape: p.Orientation === 2,
          fitWidth: p.Zoom === false && p.FitToPagesWide === 1 && p.FitToPagesTall === false,
          titleRows: rows ? { first: Number(rows[1]), last: Number(rows[2]) } : null,
          footer: p.CenterFooter === '' ? null : String(p.CenterFooter),
        },
      };
    },
  };
});

/** A data sheet like a filled-in platform table: 35 columns, a title merged over the header. */
function platformSheet(rows: number, formatted: boolean): WorkbookData {
  const cells: { row: number; col: number; cell: CellData }[] = [{ row: 1, col: 1, cell: { value: '2022年度基础数据' } }];
  for (let c = 1; c <= 35; c++) cells.push({ row: 2, col: c, cell: { value: `指标${c}` } });
  for (let r = 3; r <= rows + 2; r++) {
    cells.push({ row: r, col: 1, cell: { value: `平台${r - 2}` } });
    for (let c = 2; c <= 35; c++) cells.push({ row: r, col: c, cell: { value: ((r * 31 + c * 7) % 1000) / 10, ...(formatted && c % 5 === 0 ? { numFmt: '0.00%' } : {}) } });
  }
  return { sheets: [buildSheet('基础数据', cells, [{ top: 1, left: 1, bottom: 1, right: 35 }])] };
}

async function readCalls(data: WorkbookData): Promise<number> {
  const et = FakeEt.from(data, calculate);
  const host = new WpsHost(et);
  await host.read();
  return et.calls;
}

describe('WPS host object-model calls', () => {
  it('reads a 2,000-platform sheet in a number of calls that does not grow with the rows', async () => {
    const plain = [await readCalls(platformSheet(2000, false)), await readCalls(platformSheet(4000, false)), await readCalls(platformSheet(20000, false))];
    expect(plain[0]).toBe(plain[1]);
    expect(plain[1]).toBe(plain[2]);
    expect(plain[0]).toBeLessThan(40);
  });

  it('reads per-column formats under a General header in a number of calls that does not grow with the rows', async () => {
    const at2k = await readCalls(platformSheet(2000, true));
    expect(await readCalls(platformSheet(20000, true))).toBe(at2k);
    // 7 of 35 columns hold percentages under the header: a few calls per column, none per row
    expect(at2k).toBeLessThan(35 * 6);
    const s = (await new WpsHost(FakeEt.from(platformSheet(2000, true), calculate)).read()).sheets[0];
    expect(cellAt(s, 2002, 35)).toEqual({ value: ((2002 * 31 + 35 * 7) % 1000) / 10, numFmt: '0.00%' });
    expect(cellAt(s, 2, 35)).toEqual({ value: '指标35' });
    expect(cellAt(s, 2002, 34)).toEqual({ value: ((2002 * 31 + 34 * 7) % 1000) / 10 });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 35 }]);
  });

  it('checks and fills 2,000 platforms with one block write and one format write', async () => {
    const et = FakeEt.from(platformSheet(2000, true), calculate);
    const host = new WpsHost(et);
    await host.read();
    et.calls = 0;
    const cells: CellWrite[] = [];
    for (let r = 3; r <= 2002; r++) for (let c = 36; c <= 45; c++) cells.push({ sheet: '基础数据', row: r, col: c, formula: `B${r}*10`, result: 10, numFmt: '0.00' });
    const expected = cells.map((w) => ({ sheet: w.sheet, row: w.row, col: w.col, value: null }));
    expect(await host.write({ ...emptyBatch(), cells }, expected)).toEqual({ ok: true });
    expect(et.blockWrites).toBe(1);
    expect(et.cellsWritten).toBe(20000);
    expect(et.calls).toBeLessThan(40);
    expect(et.cell('基础数据', 'AS2002')).toMatchObject({ value: 10, formula: 'B2002*10', numFmt: '0.00' });
  });
});

describe('WPS host values and quirks', () => {
  it('maps CVErr codes to errors, but keeps a typed number that happens to equal one', async () => {
    const et = FakeEt.from({ sheets: [buildSheet('S', [])] }, calculate);
    et.userEdit('S', 'A1', '#N/A');
    et.userEdit('S', 'A2', -2146826281);
    et.userEdit('S', 'A3', '=1/0');
    et.userEdit('S', 'A4', "'#REF!");
    const s = (await new WpsHost(et).read()).sheets[0];
    expect(cellAt(s, 1, 1)).toEqual({ value: sheetError('na') });
    expect(cellAt(s, 2, 1)).toEqual({ value: -2146826281 });
    expect(cellAt(s, 3, 1)).toEqual({ value: sheetError('div0'), formula: '1/0' });
    expect(cellAt(s, 4, 1)).toEqual({ value: '#REF!' });
  });

  it('maps every documented CVErr code', () => {
    expect([...WPS_QUIRKS.errorCodes.entries()]).toEqual([
      [-2146826281, 'div0'],
      [-2146826246, 'na'],
      [-2146826259, 'name'],
      [-2146826288, 'null'],
      [-2146826252, 'num'],
      [-2146826265, 'ref'],
      [-2146826273, 'value'],
    ]);
  });

  it('reads a one-cell sheet (scalar Value2) and an empty sheet', async () => {
    const et = FakeEt.from({ sheets: [buildSheet('一格', [{ row: 3, col: 2, cell: { value: 7 } }]), buildSheet('空', [])] }, calculate);
    const wb = await new WpsHost(et).read();
    expect(cellAt(wb.sheets[0], 3, 2)).toEqual({ value: 7 });
    expect(wb.sheets[0].rowCount).toBe(3);
    expect(wb.sheets[1].rows.size).toBe(0);
  });

  it('accepts a one-row range returned as a flat array', () => {
    expect(WPS_QUIRKS.grid([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(() => WPS_QUIRKS.grid([[1, 2]], 1, 3)).toThrow();
  });

  it('writes text WPS would parse so that it reads back exactly', async () => {
    const et = FakeEt.from({ sheets: [buildSheet('S', [])] }, calculate);
    const host = new WpsHost(et);
    const texts = ['00123', '1,234', '12%', 'TRUE', '#N/A', "'引号", '-abc', '=A1', '平台甲'];
    await host.write({ ...emptyBatch(), cells: texts.map((value, i) => ({ sheet: 'S', row: i + 1, col: 1, value })) }, []);
    const s = (await host.read()).sheets[0];
    texts.forEach((t, i) => expect(cellAt(s, i + 1, 1)).toEqual({ value: t }));
    expect(et.blockWrites).toBe(1);
  });

  it('adds sheets at the end without moving the user, deletes with alerts off, restores settings', async () => {
    const et = FakeEt.from(contractWorkbook(), calculate);
    const host = new WpsHost(et);
    await host.write({ ...emptyBatch(), addSheets: [{ name: '评分结果' }, { name: 'wanmu撤销', state: 'veryHidden' }], columnWidths: [{ sheet: '评分结果', col: 2, width: 14 }], cells: [{ sheet: '评分结果', row: 1, col: 1, value: '平台', bold: true }] }, []);
    expect(et.state.map((s) => s.name)).toEqual(['基础数据', "评分 '22", '评分结果', 'wanmu撤销']);
    expect(et.sheet('wanmu撤销').visible).toBe(2);
    expect(et.sheet('评分结果').widths.get(2)).toBe(14);
    expect(et.cell('评分结果', 'A1')?.bold).toBe(true);
    expect(et.activeName).toBe('基础数据');
    expect(et.alertsOn).toBe(true);
    expect(et.screenOn).toBe(true);
    await host.write({ ...emptyBatch(), deleteSheets: ['评分结果'] }, []);
    expect(et.state.map((s) => s.name)).toEqual(['基础数据', "评分 '22", 'wanmu撤销']);
    expect(et.undoLog).toEqual(['begin', 'end:万亩千亿评分', 'begin', 'end:万亩千亿评分']);
  });

  it('restores the application settings and closes the undo group when a write fails', async () => {
    const et = FakeEt.from(contractWorkbook(), calculate);
    const host = new WpsHost(et);
    await expect(host.write({ ...emptyBatch(), cells: [{ sheet: '没有这张表', row: 1, col: 1, value: 1 }] }, [])).rejects.toThrow('没有这张表');
    expect(et.alertsOn).toBe(true);
    expect(et.screenOn).toBe(true);
    expect(et.undoLog).toEqual(['begin', 'end:万亩千亿评分']);
  });

  it('refuses a fill when the user typed into a target cell', async () => {
    const et = FakeEt.from(contractWorkbook(), calculate);
    const host = new WpsHost(et);
    et.userEdit('基础数据', 'F4', '备注');
    const r = await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 4, col: 6, value: 5 }] }, [{ sheet: '基础数据', row: 4, col: 6, value: null }, { sheet: '不存在', row: 1, col: 1, value: null }]);
    expect(r).toEqual({ ok: false, conflicts: [{ sheet: '基础数据', cell: 'F4', expected: { sheet: '基础数据', row: 4, col: 6, value: null }, found: { value: '备注' } }] });
    expect(et.cell('基础数据', 'F4')?.value).toBe('备注');
  });
});

describe('WPS host capabilities', () => {
  it('declares undo grouping and change events only when the build has them', () => {
    const full = new WpsHost(FakeEt.from(contractWorkbook(), calculate));
    expect(full.capabilities).toEqual({ select: true, changeEvents: true, undoGroup: true, marks: true, sheetLayout: true });
    const bare = new WpsHost(FakeEt.from(contractWorkbook(), calculate, { undo: false, events: false }));
    expect(bare.capabilities).toEqual({ select: true, changeEvents: false, undoGroup: false, marks: true, sheetLayout: true });
    // marking is configuration too: quirks without conditional formats declare none
    expect(new WpsHost(FakeEt.from(contractWorkbook(), calculate), { ...WPS_QUIRKS, marks: null }).capabilities.marks).toBe(false);
    expect(new WpsHost(FakeEt.from(contractWorkbook(), calculate), { ...WPS_QUIRKS, sheetLayout: null }).capabilities.sheetLayout).toBe(false);
  });

  it('reports the user’s edits, not its own writes, and unregisters with the last listener', async () => {
    const et = FakeEt.from(contractWorkbook(), calculate);
    const host = new WpsHost(et);
    const seen: string[] = [];
    const off1 = host.onChanged((c) => seen.push(`1:${c.sheet}!${c.cells.join(',')}`));
    const off2 = host.onChanged((c) => seen.push(`2:${c.sheet}!${c.cells.join(',')}`));
    expect(et.events.get('SheetChange')).toHaveLength(1);
    et.userEdit('基础数据', 'B3', 5);
    await host.write({ ...emptyBatch(), cells: [{ sheet: '基础数据', row: 9, col: 9, value: 1 }] }, []);
    off1();
    et.userEdit("评分 '22", 'A2', 'x');
    off2();
    expect(et.events.has('SheetChange')).toBe(false);
    et.userEdit('基础数据', 'B4', 6);
    expect(seen).toEqual(['1:基础数据!B3', '2:基础数据!B3', "2:评分 '22!A2"]);
  });

  it('selects a cell on its sheet', async () => {
    const et = FakeEt.from(contractWorkbook(), calculate);
    await new WpsHost(et).select("评分 '22", 'I40');
    expect(et.activeName).toBe("评分 '22");
    expect(et.selection).toEqual({ sheet: "评分 '22", address: 'I40' });
  });
});

describe('WPS host marks', () => {
  it('adds formula conditions with the marker, a BGR fill, after the user’s; leaves other kinds unread', async () => {
    const et = FakeEt.from(contractWorkbook(), calculate);
    // a data bar has no Formula1 (the fake fails if it is read)
    et.addCondition('基础数据', { type: 4, formula1: '', color: null, ranges: [{ top: 3, left: 2, bottom: 4, right: 2 }] });
    et.addCondition('基础数据', { type: 2, formula1: '=B3>1000', color: 0x00ff00, ranges: [{ top: 3, left: 2, bottom: 4, right: 2 }] });
    const host = new WpsHost(et);
    const marks = [{ sheet: '基础数据', severity: 'error' as const, ranges: [{ top: 3, left: 2, bottom: 3, right: 2 }, { top: 3, left: 3, bottom: 4, right: 3 }] }];
    await host.setMarks(marks);
    expect(et.sheet('基础数据').conditions.map((c) => [c.type, c.formula1, c.color])).toEqual([
      [4, '', null],
      [2, '=B3>1000', 0x00ff00],
      [2, '=ISTEXT("万亩千亿评分:错误")', 0xcec7ff],
    ]);
    expect(await host.readMarks()).toEqual(marks);
    expect(et.undoLog).toEqual(['begin', 'end:万亩千亿评分']);
    await host.setMarks([]);
    expect(et.sheet('基础数据').conditions.map((c) => c.type)).toEqual([4, 2]);
  });

  it('splits a long range list into Range addresses of at most 255 characters', async () => {
    const et = FakeEt.from(contractWorkbook(), calculate);
    const host = new WpsHost(et);
    const ranges = Array.from({ length: 300 }, (_, i) => ({ top: 3 + 2 * i, left: 2, bottom: 3 + 2 * i, right: 2 }));
    await host.setMarks([{ sheet: '基础数据', severity: 'warning', ranges }]);
    expect(et.sheet('基础数据').conditions.length).toBeGreaterThan(1);
    expect(canonicalMarks(await host.readMarks())).toEqual(canonicalMarks([{ sheet: '基础数据', severity: 'warning', ranges }]));
  });

  it('the BGR colour of an RRGGBB fill', () => {
    expect(WPS_QUIRKS.marks?.color('FFEB9C')).toBe(0x9cebff);
    expect(WPS_QUIRKS.marks?.color('123456')).toBe(0x563412);
  });
});
