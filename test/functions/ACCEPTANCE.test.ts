import { sheetError } from '../../src/engine';
import { runFunction } from '../../src/functions/declarations';
import { expectError, expectScore } from '../helpers/checklist';

const A = (...args: unknown[]) => runFunction('ACCEPTANCE', args as never[]);

describe('WANMU.ACCEPTANCE', () => {
  describe('arguments', () => {
    it.each([0, 18, 1.5, -1, '18'])('unknown 序号 %p is #VALUE!', (n) => {
      expectError(A(n, 1), 'unknown_indicator', 'value');
    });
    it('a 序号 that is not a number is #VALUE!', () => {
      expectError(A('十', 1), 'not_number', 'value');
    });
    it('a missing 序号 is #N/A', () => {
      expectError(A(null, 1), 'missing', 'na');
    });
    it('more arguments than declared is an error', () => {
      expectError(A(6, 1, 1, 1, 1), 'too_many_inputs', 'value');
    });
    it('omitted optional inputs arrive as null and count as absent', () => {
      expectScore(A(6, 1, null, null), 2);
      expectScore(A(5, 1.18, null), 1);
    });
  });
  describe('blanks', () => {
    it('a blank single input is #N/A', () => {
      expectError(A(1, ''), 'missing', 'na');
      expectError(A(1, [['']]), 'missing', 'na');
    });
  });
  describe('conversion', () => {
    it('a share typed as a percentage text is understood', () => {
      expectScore(A(2, '72%'), 9);
    });
    it('a share above 1 is never 7200%', () => {
      expectError(A(2, 72), 'share_above_one', 'num');
    });
    it('text where a number belongs', () => {
      expectError(A(1, '约1000'), 'not_number', 'value');
    });
    it('a negative amount or count', () => {
      expectError(A(1, -5), 'negative', 'num');
      expectError(A(6, -1), 'negative', 'num');
    });
  });
  describe('errors pass through', () => {
    it.each(['na', 'ref', 'value', 'div0', 'num'] as const)('%s', (kind) => {
      expectError(A(1, sheetError(kind)), 'upstream', kind);
      expectError(A(6, 1, [[sheetError(kind)]]), 'upstream', kind);
    });
  });
  describe('boundaries and caps', () => {
    it('every indicator stays within [0, 分值] at large inputs', () => {
      const big = [1e9, 1, 1, 1e9, 1e-9, 1e6, 1e9, 1e6, 1e6, 1, 1e6, 1e6, 1e6, 1e9, 1e9, 1, 100];
      const points = [10, 10, 6, 2, 2, 10, 5, 10, 10, 5, 6, 6, 3, 3, 4, 3, 5];
      big.forEach((v, i) => expectScore(A(i + 1, v), points[i]));
    });
  });
});
