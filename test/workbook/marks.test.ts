/**
 * Marks of problem cells: the plan made from findings (errors and warnings at cells, one mark per
 * cell, runs joined into ranges), the marker formulas, and the session marking, re-marking only
 * when the findings changed, and clearing.
 */
import { MemoryHost } from '../../src/hosts/memory/host';
import { vocabulary } from '../../src/rules';
import { parseA1 } from '../../src/workbook/core/address';
import { findingAtCell, type Finding } from '../../src/workbook/findings/codes';
import { canonicalMarks, cellsToRanges, markFormula, markSeverityOf, sameMarks } from '../../src/workbook/core/marks';
import { planMarks } from '../../src/workbook/write/marks';
import type { CellRange, MarkSet } from '../../src/workbook/core/model';
import { WorkbookSession } from '../../src/workbook/session/session';
import { WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { data } from '../helpers/data';

const DATA = '培育名单数据';
const r = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });
const at = (severity: Finding['severity'], sheet: string, cell: string) => findingAtCell(severity, 'blank', sheet, cell, { field: 'x' });

describe('marker formulas', () => {
  it('are always-true ISTEXT of the marker texts in src/rules, recognized exactly', () => {
    expect(markFormula('error')).toBe(`ISTEXT("${vocabulary.markers.error}")`);
    expect(markFormula('warning')).toBe('ISTEXT("万亩千亿评分:警告")');
    expect(markSeverityOf('ISTEXT("万亩千亿评分:错误")')).toBe('error');
    expect(markSeverityOf('=ISTEXT("万亩千亿评分:警告")')).toBe('warning');
    for (const other of ['istext("万亩千亿评分:错误")', 'ISTEXT( "万亩千亿评分:错误")', 'NOT(ISTEXT("万亩千亿评分:错误"))', 'ISTEXT("万亩千亿评分")', '==ISTEXT("万亩千亿评分:错误")', 'B3>1', '']) {
      expect([other, markSeverityOf(other)]).toEqual([other, undefined]);
    }
  });
});

describe('planning marks from findings', () => {
  const sheets = [{ name: 'A' }, { name: 'B' }, { name: 'wanmu映射', state: 'veryHidden' as const }];

  it('marks errors and warnings at cells, not info; a cell with both gets the error; runs in a column become one range', () => {
    const findings = [
      at('error', 'A', 'B3'),
      at('error', 'A', 'B4'),
      at('error', 'A', 'B5'),
      at('warning', 'A', 'B4'),
      at('warning', 'A', 'C4'),
      at('info', 'A', 'D4'),
      at('warning', 'B', 'A1'),
      at('error', 'A', 'B7'),
    ];
    expect(planMarks(findings, sheets)).toEqual([
      { sheet: 'A', severity: 'error', ranges: [r(3, 2, 5, 2), r(7, 2)] },
      { sheet: 'A', severity: 'warning', ranges: [r(4, 3)] },
      { sheet: 'B', severity: 'warning', ranges: [r(1, 1)] },
    ]);
  });

  it('leaves out cells on sheets the workbook does not have or the user cannot see (wanmu’s very hidden ones)', () => {
    expect(planMarks([at('error', '没有', 'A1'), at('warning', 'wanmu映射', 'A1'), at('error', '', 'A1')], sheets)).toEqual([]);
  });

  it('joins equal runs of adjacent columns into rectangles, in reading order', () => {
    const cells = ['B2', 'C2', 'B3', 'C3', 'E2', 'A9'].map((c) => parseA1(c) as { row: number; col: number });
    expect(cellsToRanges(cells)).toEqual([r(2, 2, 3, 3), r(2, 5), r(9, 1)]);
  });

  it('compares marks by the cells they mark, however a host split or ordered them', () => {
    const a: MarkSet[] = [{ sheet: 'A', severity: 'error', ranges: [r(2, 2, 3, 3)] }];
    const b: MarkSet[] = [
      { sheet: 'A', severity: 'error', ranges: [r(3, 2, 3, 3)] },
      { sheet: 'A', severity: 'error', ranges: [r(2, 3), r(2, 2)] },
    ];
    expect(canonicalMarks(b)).toEqual(a);
    expect(sameMarks(a, b)).toBe(true);
    expect(sameMarks(a, [{ sheet: 'A', severity: 'warning', ranges: [r(2, 2, 3, 3)] }])).toBe(false);
    expect(sameMarks([], [{ sheet: 'A', severity: 'error', ranges: [] }])).toBe(true);
  });
});

/** Four platforms, 主导产业集聚度 entered as 85 (a share must be a decimal): an error at D of the first platform. */
const SHARE_AS_85 = { platforms: 4, edits: { [`D${WIDE_FIRST_ROW}`]: 85 } };

describe('marking in a session', () => {
  it('marks every error and warning cell once, with the most severe, and never a cell without one', async () => {
    const s = await WorkbookSession.open(new MemoryHost(await data(SHARE_AS_85)));
    const plan = s.planMarks();
    const marked = new Map<string, string>();
    for (const m of plan) for (const x of m.ranges) for (let row = x.top; row <= x.bottom; row++) for (let col = x.left; col <= x.right; col++) {
      const key = `${m.sheet}!${row},${col}`;
      expect(marked.has(key)).toBe(false);
      marked.set(key, m.severity);
    }
    const expected = new Map<string, string>();
    for (const f of s.model.findings) {
      const c = parseA1(f.cell);
      if (f.severity === 'info' || !c || !s.model.analysis.workbook.sheets.some((x) => x.name === f.sheet && x.state !== 'veryHidden')) continue;
      const key = `${f.sheet}!${c.row},${c.col}`;
      if (f.severity === 'error' || !expected.has(key)) expected.set(key, f.severity);
    }
    expect(marked).toEqual(expected);
    expect([...marked.values()]).toContain('error');
    expect(marked.get(`${DATA}!${WIDE_FIRST_ROW},4`)).toBe('error');
  });

  it('marks, re-marks only when the findings changed, clears, and never changes a cell', async () => {
    const host = new MemoryHost(await data(SHARE_AS_85));
    const s = await WorkbookSession.open(host);
    expect(s.canMark).toBe(true);
    expect(s.marked).toBeNull();
    const before = await host.read();
    const plan = await s.mark(true);
    expect(plan.length).toBeGreaterThan(0);
    expect(canonicalMarks(await host.readMarks())).toEqual(canonicalMarks(plan));
    expect(s.marked).toBe(true);
    expect(host.calls.setMarks).toBe(1);
    await s.mark(true);
    expect(host.calls.setMarks).toBe(1);
    // the user fixes the share: the error's mark goes at the next re-mark
    host.edit(DATA, { [`D${WIDE_FIRST_ROW}`]: 0.85 });
    await s.update({ sheet: DATA, cells: [`D${WIDE_FIRST_ROW}`] });
    const next = await s.mark(true);
    expect(host.calls.setMarks).toBe(2);
    expect(next.some((m) => m.sheet === DATA && m.ranges.some((x) => x.top <= WIDE_FIRST_ROW && WIDE_FIRST_ROW <= x.bottom && x.left <= 4 && 4 <= x.right && m.severity === 'error'))).toBe(false);
    await s.mark(false);
    expect(await host.readMarks()).toEqual([]);
    expect(s.marked).toBe(false);
    // the workbook is what the user's edit alone makes of it
    const control = new MemoryHost(before);
    control.edit(DATA, { [`D${WIDE_FIRST_ROW}`]: 0.85 });
    expect(await host.read()).toEqual(await control.read());
  });

  it('a new session learns that the workbook holds marks', async () => {
    const host = new MemoryHost(await data(SHARE_AS_85));
    await (await WorkbookSession.open(host)).mark(true);
    const again = await WorkbookSession.open(host);
    expect(again.marked).toBeNull();
    expect((await again.readMarks()).length).toBeGreaterThan(0);
    expect(again.marked).toBe(true);
  });

  it('says so where the host cannot mark', async () => {
    const s = await WorkbookSession.open(new MemoryHost(await data(SHARE_AS_85), { marks: false }));
    expect(s.canMark).toBe(false);
    await expect(s.mark(true)).rejects.toThrow('不能在表格中标出问题单元格');
    await expect(s.readMarks()).rejects.toThrow('不能在表格中标出问题单元格');
  });
});
