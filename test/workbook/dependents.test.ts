/**
 * Which formulas an edit may have recalculated (src/workbook/read/dependents.ts): what the session
 * re-reads after the user types, besides the typed cells.
 */
import { Dependents, transparent } from '../../src/workbook/read/dependents';
import { buildSheet, type CellData, type WorkbookData } from '../../src/workbook/core/model';
import { parseA1 } from '../../src/workbook/core/address';

function sheet(name: string, cells: Record<string, number | string | { f: string }>) {
  return buildSheet(
    name,
    Object.entries(cells).map(([ref, v]) => {
      const at = parseA1(ref);
      if (!at) throw new Error(ref);
      const cell: CellData = typeof v === 'object' ? { value: 0, formula: v.f } : { value: v };
      return { row: at.row, col: at.col, cell };
    }),
  );
}

const names = (cells: readonly { sheet: string; row: number; col: number }[] | null) =>
  cells === null ? null : cells.map((c) => `${c.sheet}!${c.row},${c.col}`).sort();

describe('transparent formulas: every reference seen', () => {
  it.each([
    ['ROUND(MIN(5,B5/0.8*5),2)', true],
    ["'培育名单 数据'!C5*2+培育名单数据!D$7", true],
    ['IF(C5="是",3,0)', true],
    ['SUM(E5:Q5)', true],
    ['WANMU.ANNUAL(2,D5)', true],
    ['_xlfn.IFS(C5>1,1,TRUE,0)', true],
    ['C5*1E+3', true],
    ['INDIRECT("C"&ROW())', false],
    ['OFFSET(C5,1,0)', false],
    ['NOW()-C5', false],
    ['SUM(C:C)', false],
    ['SUM(5:5)', false],
    ['产值合计*2', false],
    ['Table1[产值]', false],
    ['[1]Sheet1!A1', false],
    ['#REF!+1', false],
  ])('%s → %s', (formula, expected) => {
    expect(transparent(formula)).toBe(expected);
  });
});

describe('dependents of edited cells', () => {
  const wb: WorkbookData = {
    sheets: [
      sheet('数据', { C5: 1, C6: 2, C7: 3, D5: 0.5, C9: { f: 'MIN(C5:C7)' }, C10: { f: 'MAX($C$5:$C$7)' }, E5: { f: 'C5/10' } }),
      sheet("评分 '22", {
        B5: { f: "ROUND((数据!C5-数据!$C$9)/(数据!$C$10-数据!$C$9)*5,2)" },
        B6: { f: "ROUND((数据!C6-数据!$C$9)/(数据!$C$10-数据!$C$9)*5,2)" },
        B7: { f: "ROUND((数据!C7-数据!$C$9)/(数据!$C$10-数据!$C$9)*5,2)" },
        C5: { f: 'MIN(5,数据!D5/0.8*5)' },
        D5: { f: 'SUM(B5:C5)' },
        E5: { f: "'评分 ''22'!D5+0" },
        F5: { f: 'F6+1' },
        F6: { f: 'F5+1' },
        G5: { f: '别的表!C5' },
      }),
    ],
  };
  const deps = new Dependents(wb);

  it('follows references directly and through other formulas, across sheets, to the total', () => {
    expect(names(deps.after([{ sheet: '数据', row: 5, col: 4 }], 100))).toEqual(["评分 '22!5,3", "评分 '22!5,4", "评分 '22!5,5"]);
  });

  it('a 无量纲化 input reaches the MIN/MAX cells and through them every score of the column', () => {
    const got = names(deps.after([{ sheet: '数据', row: 6, col: 3 }], 100));
    expect(got).toEqual(['数据!10,3', '数据!9,3', "评分 '22!5,2", "评分 '22!5,4", "评分 '22!5,5", "评分 '22!6,2", "评分 '22!7,2"]);
  });

  it('a cell no formula reads has no dependents; sheet names match without regard to case', () => {
    expect(deps.after([{ sheet: '数据', row: 20, col: 1 }], 100)).toEqual([]);
    const upper = new Dependents({ sheets: [sheet('Data', { A1: 1 }), sheet('S', { B1: { f: 'data!A1*2' } })] });
    expect(names(upper.after([{ sheet: 'Data', row: 1, col: 1 }], 10))).toEqual(['S!1,2']);
  });

  it('circular references end; the limit gives null (read the sheets instead)', () => {
    expect(names(deps.after([{ sheet: "评分 '22", row: 5, col: 6 }], 100))).toEqual(["评分 '22!5,6", "评分 '22!6,6"]);
    expect(deps.after([{ sheet: '数据', row: 6, col: 3 }], 3)).toBeNull();
  });

  it('opaque formulas are taken to change with every edit, with what reads them', () => {
    const opaque = new Dependents({ sheets: [sheet('S', { A1: 1, B1: { f: 'INDIRECT("A1")' }, C1: { f: 'B1*2' }, D1: { f: 'A1+1' } })] });
    expect(names(opaque.after([{ sheet: 'S', row: 9, col: 9 }], 10))).toEqual(['S!1,2', 'S!1,3']);
    expect(names(opaque.after([{ sheet: 'S', row: 1, col: 1 }], 10))).toEqual(['S!1,2', 'S!1,3', 'S!1,4']);
  });

  it('a reference wider than a page of columns is kept once and still found', () => {
    const wide = new Dependents({ sheets: [sheet('S', { A3: { f: 'SUM(A1:CZ1)' } })] });
    expect(names(wide.after([{ sheet: 'S', row: 1, col: 90 }], 10))).toEqual(['S!3,1']);
    expect(wide.after([{ sheet: 'S', row: 2, col: 90 }], 10)).toEqual([]);
  });
});
