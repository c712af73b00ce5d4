import { sheetError } from '../../src/engine';
import { runFunction } from '../../src/functions/declarations';
import { expectError, expectScore } from '../helpers/checklist';

const Y = (...args: unknown[]) => runFunction('ANNUAL', args as never[]);

describe('WANMU.ANNUAL', () => {
  describe('arguments', () => {
    it.each([0, 16, 2.5])('unknown 序号 %p is #VALUE!', (n) => {
      expectError(Y(n, 1), 'unknown_indicator', 'value');
    });
    it('a 无量纲化 indicator takes (x, cohort) and no more', () => {
      expectScore(Y(1, 200, [[80], [200]]), 10);
      expectError(Y(1, 200, [[80], [200]], 5), 'too_many_inputs', 'value');
    });
    it('a 无量纲化 indicator without a cohort is #N/A', () => {
      expectError(Y(4, 10), 'needs_cohort', 'na');
      expectError(Y(4, 10, null), 'needs_cohort', 'na');
    });
  });
  describe('blanks', () => {
    it('yes/no blanks are 否', () => {
      expectScore(Y(11, '是', null, '', '是'), 2);
    });
    it('late reports left blank are missing, not zero', () => {
      expectError(Y(14, null), 'missing', 'na');
    });
  });
  describe('conversion', () => {
    it('yes/no accepts TRUE/FALSE, 1/0, 是/否', () => {
      expectScore(Y(11, true, 1, '是', 'TRUE'), 4);
      expectScore(Y(11, false, 0, '否', 'FALSE'), 0);
    });
  });
  describe('errors pass through', () => {
    it.each(['na', 'ref'] as const)('%s in x, in the cohort and in a yes/no input', (kind) => {
      expectError(Y(1, sheetError(kind), [[1], [2]]), 'upstream', kind);
      expectError(Y(1, 1, [[1], [sheetError(kind)]]), 'upstream', kind);
      expectError(Y(11, '是', sheetError(kind)), 'upstream', kind);
    });
  });
  describe('boundaries and caps', () => {
    it('the deduction never goes below 0', () => {
      expectScore(Y(14, 100), 0);
    });
    it('points indicators stop at their 分值', () => {
      expectScore(Y(3, 5, 5, 5), 15);
      expectScore(Y(6, 9, 9, 9), 6);
    });
  });
});
