import { sheetError } from '../../src/engine';
import { runFunction } from '../../src/functions/declarations';
import { expectError } from '../helpers/checklist';

const E = (...args: unknown[]) => runFunction('EXPLAIN', args as never[]);

describe('WANMU.EXPLAIN', () => {
  describe('arguments', () => {
    it.each(['验收', 'acceptance', 'ACCEPTANCE', ' 验收 ', '附件2'])('table %p is 验收评价', (t) => {
      expect(E(t, 1, 1180)).toMatch(/^验收评价第1项/);
    });
    it.each(['年度', 'annual'])('table %p is 年度评价', (t) => {
      expect(E(t, 15, '是')).toMatch(/^年度评价第15项/);
    });
    it('an unknown table is #VALUE!', () => {
      expectError(E('季度', 1, 1), 'unknown_table', 'value');
    });
    it('an unknown 序号 is #VALUE!', () => {
      expectError(E('年度', 16, 1), 'unknown_indicator', 'value');
    });
  });
  describe('explanations show the arithmetic', () => {
    it('ratio above the cap', () => {
      expect(E('验收', 1, 1180)).toContain('1180 ÷ 1000 × 10 = 11.8,超过分值 10,得 10 分');
    });
    it('ratio below target', () => {
      expect(E('验收', 7, 150)).toContain('150 ÷ 300 × 5 = 2.5,得 2.5 分');
    });
    it('shares as percentages', () => {
      expect(E('验收', 2, 0.72)).toContain('72% ÷ 80% × 10 = 9,得 9 分');
    });
    it('energy against the benchmark', () => {
      expect(E('验收', 5, 0.5)).toContain('0.59 ÷ 0.5 × 2 = 2.36,超过分值 2,得 2 分');
    });
    it('points with a sub-cap', () => {
      const t = E('验收', 9, 1, 12) as string;
      expect(t).toContain('产值50亿元以上企业 1 家 × 3');
      expect(t).toContain('该项不超过 5 分,按 5 计');
      expect(t).toContain('= 8,得 8 分');
    });
    it('yes/no items', () => {
      expect(E('年度', 11, '是', '否', '是', '是')).toContain('设立领导小组(是)1 + 专门管理机构(否)0');
    });
    it('deduction below zero', () => {
      expect(E('年度', 14, 13)).toContain('6 − 13 次 × 0.5 = -0.5,低于 0,得 0 分');
    });
    it('normalization', () => {
      expect(E('年度', 1, 120, [[80], [120], [200]])).toContain('[(120 − 80) ÷ (200 − 80) × 0.4 + 0.6] × 10 = 7.3333,得 7.33 分');
    });
    it('normalization over an all-equal cohort', () => {
      expect(E('年度', 9, 3, [[3], [3]])).toContain('均为 3),得满分 5 分');
    });
  });
  describe('blanks, conversion and errors pass through', () => {
    it('a blank required input is #N/A', () => {
      expectError(E('验收', 1, ''), 'missing', 'na');
    });
    it('a share above 1', () => {
      expectError(E('验收', 2, 72), 'share_above_one', 'num');
    });
    it.each(['na', 'ref'] as const)('%s in an input or in the table name', (kind) => {
      expectError(E('验收', 1, sheetError(kind)), 'upstream', kind);
      expectError(E(sheetError(kind), 1, 1), 'upstream', kind);
    });
  });
});
