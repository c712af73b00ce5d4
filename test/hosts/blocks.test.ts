import { cellInput, denseBlocks, formulaOf, parseRangeAddress, planWrite, rangeAddress, textNeedsGuard } from '../../src/hosts/shared/blocks';
import { MIXED, runs } from '../../src/hosts/wps/host';
import { emptyBatch } from '../../src/workbook/core/model';

describe('dense blocks', () => {
  it('makes one block of a filled column and one of a filled table', () => {
    const column = Array.from({ length: 2000 }, (_, i) => ({ row: i + 3, col: 40, item: i }));
    expect(denseBlocks(column).map((b) => rangeAddress(b.range))).toEqual(['AN3:AN2002']);
    const table = Array.from({ length: 2000 * 10 }, (_, i) => ({ row: 3 + Math.floor(i / 10), col: 36 + (i % 10), item: i }));
    const [b] = denseBlocks(table);
    expect(rangeAddress(b.range)).toBe('AJ3:AS2002');
    expect(b.items[1999][9]).toBe(19999);
  });

  it('splits shapes into dense rectangles, never with holes', () => {
    const cells = [
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
      [3, 1],
      [5, 1],
    ].map(([row, col]) => ({ row, col, item: `${row}:${col}` }));
    expect(denseBlocks(cells).map((b) => [rangeAddress(b.range), b.items])).toEqual([
      ['A1:B2', [['1:1', '1:2'], ['2:1', '2:2']]],
      ['A3', [['3:1']]],
      ['A5', [['5:1']]],
    ]);
  });

  it('lets the last write to a cell win', () => {
    expect(denseBlocks([{ row: 1, col: 1, item: 'a' }, { row: 1, col: 1, item: 'b' }])[0].items).toEqual([['b']]);
  });
});

describe('typing text so it stays text', () => {
  it('guards text a spreadsheet would parse, and only that', () => {
    for (const t of ['00123', '1,234', '12%', '2022-01-01', '1月2日', 'TRUE', 'false', '#N/A', '=x', '+x', '-x', '@x', "'x"]) expect(textNeedsGuard(t)).toBe(true);
    for (const t of ['平台甲', '合计', 'far away', '', '是']) expect(textNeedsGuard(t)).toBe(false);
  });

  it('types formulas with "=", text guarded, empty as ""', () => {
    expect(cellInput({ sheet: 'S', row: 1, col: 1, formula: 'SUM(A1:A2)', result: 3 })).toBe('=SUM(A1:A2)');
    expect(cellInput({ sheet: 'S', row: 1, col: 1, value: '00123' })).toBe("'00123");
    expect(cellInput({ sheet: 'S', row: 1, col: 1, value: '平台' })).toBe('平台');
    expect(cellInput({ sheet: 'S', row: 1, col: 1, value: null })).toBe('');
    expect(cellInput({ sheet: 'S', row: 1, col: 1 })).toBe('');
    expect(cellInput({ sheet: 'S', row: 1, col: 1, value: false })).toBe(false);
  });

  it('tells formulas from text that starts with "="', () => {
    expect(formulaOf(1180.5, '=SUM(B3:B4)')).toBe('SUM(B3:B4)');
    expect(formulaOf('=不是公式', '=不是公式')).toBeUndefined();
    expect(formulaOf('=x', '="=x"')).toBe('"=x"');
    expect(formulaOf(5, 5)).toBeUndefined();
    expect(formulaOf(null, '')).toBeUndefined();
  });
});

describe('addresses', () => {
  it('parses host addresses with quoted sheet names and $ signs', () => {
    expect(parseRangeAddress("'评分 ''22'!$A$1:$D$1")).toEqual({ top: 1, left: 1, bottom: 1, right: 4 });
    expect(parseRangeAddress('Sheet1!B7')).toEqual({ top: 7, left: 2, bottom: 7, right: 2 });
    expect(parseRangeAddress('A:C')).toBeUndefined();
  });
});

describe('write plan', () => {
  it('groups content, formats, clears, bold, merges and widths per sheet', () => {
    const plan = planWrite({
      ...emptyBatch(),
      cells: [
        { sheet: 'S', row: 1, col: 1, value: 1, numFmt: '0.00' },
        { sheet: 'S', row: 2, col: 1, value: 2, numFmt: '0.00' },
        { sheet: 'S', row: 3, col: 1, value: 3, numFmt: 'General' },
        { sheet: 'S', row: 5, col: 5, clear: true },
        { sheet: 'S', row: 1, col: 2, value: '表头', bold: true },
        { sheet: 'S', row: 1, col: 2, value: '表头二', bold: true },
      ],
      columnWidths: [
        { sheet: 'S', col: 1, width: 12 },
        { sheet: 'S', col: 2, width: 12 },
        { sheet: 'S', col: 4, width: 12 },
      ],
      merges: [{ sheet: 'T', range: { top: 1, left: 1, bottom: 1, right: 3 } }],
    });
    expect(plan.sheets.map((s) => s.sheet)).toEqual(['S', 'T']);
    const s = plan.sheets[0];
    expect(s.clears.map(rangeAddress)).toEqual(['E5']);
    expect(s.content.map((b) => rangeAddress(b.range))).toEqual(['A1:B1', 'A2:A3']);
    expect(s.content[0].items[0].map((c) => c.input)).toEqual([1, '表头二']);
    expect(s.formats.map((f) => [f.numFmt, f.ranges.map(rangeAddress)])).toEqual([
      ['0.00', ['A1:A2']],
      ['General', ['A3']],
    ]);
    expect(s.bold.map(rangeAddress)).toEqual(['B1']);
    expect(s.widths).toEqual([
      { left: 1, right: 2, width: 12 },
      { left: 4, right: 4, width: 12 },
    ]);
    expect(plan.sheets[1].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });
});

describe('runs (WPS format and merge probing)', () => {
  function probing(values: readonly string[]) {
    const calls = { n: 0 };
    const probe = (a: number, b: number) => {
      calls.n++;
      const set = new Set(values.slice(a, b + 1));
      return set.size === 1 ? [...set][0] : MIXED;
    };
    return { calls, probe };
  }

  it('finds a header above uniform data in a few probes, whatever the length', () => {
    for (const n of [2000, 200000]) {
      const values = ['G', 'G', ...new Array<string>(n).fill('%')];
      const { calls, probe } = probing(values);
      expect(runs(0, values.length - 1, probe)).toEqual([
        { from: 0, to: 1, value: 'G' },
        { from: 2, to: n + 1, value: '%' },
      ]);
      expect(calls.n).toBeLessThanOrEqual(6);
    }
  });

  it('splits any sequence into its exact runs', () => {
    const values = ['a', 'b', 'b', 'c', 'c', 'c', 'c', 'c', 'a', 'a'];
    const { probe } = probing(values);
    expect(runs(0, values.length - 1, probe).map((r) => `${r.from}-${r.to}:${String(r.value)}`)).toEqual(['0-0:a', '1-2:b', '3-7:c', '8-9:a']);
  });
});
