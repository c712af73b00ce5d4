/**
 * Model-based: random batches applied to the file host and to the in-memory reference host read
 * back the same, before and after saving and opening again.
 */
import fc from 'fast-check';
import { MemoryHost } from '../../../src/hosts/memory/host';
import { XlsxFileHost } from '../../../src/hosts/file/xlsx';
import { emptyBatch, type CellWrite, type WorkbookData } from '../../../src/workbook/core/model';
import { contractWorkbook } from '../../helpers/host-contract';
import { packageOf } from '../../helpers/xlsx-package';

/** Cells that exist with nothing in them and no format may or may not be listed: leave them out. */
function normalized(wb: WorkbookData) {
  return wb.sheets.map((s) => ({
    name: s.name,
    state: s.state,
    cells: [...s.rows]
      .flatMap(([row, line]) => [...line].map(([col, c]) => ({ row, col, c })))
      .filter(({ c }) => !(c.value === null && c.formula === undefined && c.numFmt === undefined))
      .sort((a, b) => a.row - b.row || a.col - b.col),
  }));
}

const sheetName = fc.constantFrom('基础数据', "评分 '22", '新表');
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary-ascii', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('00123', '=不是公式', ' 空格 ', '行\n行', '_x0041_', '<&>'));
const write: fc.Arbitrary<CellWrite> = fc
  .record({
    sheet: sheetName,
    row: fc.integer({ min: 1, max: 12 }),
    col: fc.integer({ min: 1, max: 8 }),
    kind: fc.constantFrom('number', 'text', 'bool', 'null', 'formula', 'clear'),
    n: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((x) => (x === 0 ? 0 : x)), // spreadsheets have no -0
    t: text,
    b: fc.boolean(),
    numFmt: fc.constantFrom(undefined, 'General', '0.00', '0.00%', '0.000'),
  })
  .map(({ sheet, row: r, col, kind, n, t, b, numFmt }): CellWrite => {
    // (cells hidden under the merge A1:D1 are not read by the file host; keep out of it)
    const row = sheet === '基础数据' && r === 1 && col <= 4 ? 13 : r;
    const at = { sheet, row, col, ...(numFmt !== undefined ? { numFmt } : {}) };
    switch (kind) {
      case 'number': return { ...at, value: n };
      case 'text': return { ...at, value: t };
      case 'bool': return { ...at, value: b };
      case 'null': return { ...at, value: null };
      case 'formula': return { ...at, formula: `ROW()+${col}`, result: n };
      default: return { sheet, row, col, clear: true };
    }
  });

describe('file host against the in-memory host', () => {
  it('random batches read back the same, and after saving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(write, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.boolean(), async (batches, deleteNew) => {
        const memory = new MemoryHost(contractWorkbook());
        const file = await XlsxFileHost.fromBuffer(packageOf(contractWorkbook()));
        let first = true;
        for (const cells of batches) {
          const b = { ...emptyBatch(), addSheets: first ? [{ name: '新表' }] : [], cells };
          first = false;
          expect(await file.write(b, [])).toEqual(await memory.write(b, []));
        }
        if (deleteNew) {
          const b = { ...emptyBatch(), deleteSheets: ['新表'] };
          await memory.write(b, []);
          await file.write(b, []);
        }
        const expected = normalized(await memory.read());
        expect(normalized(await file.read())).toEqual(expected);
        expect(normalized(await (await XlsxFileHost.fromBuffer(file.toBuffer())).read())).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
