import { isWanmuError, sheetError } from '../../src/engine';
import { runFunction } from '../../src/functions/declarations';
import { expectError, expectScore } from '../helpers/checklist';

const N = (x: unknown, cohort: unknown, weight: unknown = 10) => runFunction('NORMALIZE', [x as never, cohort as never, weight as never]);
const cohort = [[80], [120], [200]];

describe('WANMU.NORMALIZE', () => {
  describe('arguments', () => {
    it('a single value returns a 1×1 result', () => {
      expect(N(120, cohort)).toEqual([[((120 - 80) / (200 - 80) * 0.4 + 0.6) * 10]]);
    });
    it('a range spills in the same shape, computed over the cohort', () => {
      const r = N([[80, 120], [200, 100]], cohort, 5) as number[][];
      expect(r).toHaveLength(2);
      expect(r[0]).toHaveLength(2);
      expect(r[0][0]).toBeCloseTo(3, 12);
      expect(r[1][0]).toBeCloseTo(5, 12);
      expect(r[0][1]).toBeCloseTo(((120 - 80) / 120 * 0.4 + 0.6) * 5, 12);
    });
    it('x may be the cohort itself (the usual spill form)', () => {
      const r = N(cohort, cohort) as number[][];
      expect(r.map((row) => row[0])).toEqual([6, ((120 - 80) / 120 * 0.4 + 0.6) * 10, 10]);
    });
    it('the weight is required and positive', () => {
      expectError(N(120, cohort, null), 'missing', 'na');
      expectError(N(120, cohort, 0), 'bad_weight', 'value');
      expectError(N(120, cohort, 'abc'), 'not_number', 'value');
    });
    it('the weight may be numeric text', () => {
      expect(N(200, cohort, '5')).toEqual([[5]]);
    });
  });

  describe('blanks', () => {
    it('blank cells are not part of the cohort', () => {
      expect(N(80, [[80], [''], [null], [200]])).toEqual([[6]]);
    });
    it('blank x cells stay blank in the spill', () => {
      expect(N([[80], [''], [200]], cohort)).toEqual([[6], [''], [10]]);
    });
    it('an empty cohort is #N/A', () => {
      expectError(N(1, [[''], [null]]), 'empty_cohort', 'na');
    });
  });

  describe('conversion', () => {
    it('numeric text and full-width digits count as numbers', () => {
      expect(N('200', cohort)).toEqual([[10]]);
      expect(N('２００', cohort)).toEqual([[10]]);
      expect(N(200, [['80'], ['200']])).toEqual([[10]]);
    });
    it('text in the cohort is an error naming its position', () => {
      const r = N(120, [[80], ['约120'], [200]]);
      expectError(r, 'cohort_value', 'value');
      if (isWanmuError(r) && r.reason.code === 'cohort_value') expect(r.reason.position).toBe(2);
    });
    it('text in x gives an error in that cell only', () => {
      const r = N([[80], ['abc'], [200]], cohort) as unknown[][];
      expect(r[0][0]).toBe(6);
      expectError(r[1][0] as never, 'not_number', 'value');
      expect(r[2][0]).toBe(10);
    });
  });

  describe('errors pass through', () => {
    it.each(['na', 'ref', 'div0'] as const)('%s in the cohort', (kind) => {
      expectError(N(120, [[80], [sheetError(kind)], [200]]), 'upstream', kind);
    });
    it.each(['na', 'ref'] as const)('%s in x stays in its cell', (kind) => {
      const r = N([[80], [sheetError(kind)]], cohort) as unknown[][];
      expect(r[0][0]).toBe(6);
      expectError(r[1][0] as never, 'upstream', kind);
    });
    it('an error as the weight', () => {
      expectError(N(120, cohort, sheetError('na')), 'upstream', 'na');
    });
  });

  describe('boundaries', () => {
    it('xmin gets 0.6 × 分值 and xmax the full 分值', () => {
      expectScore((N(80, cohort) as number[][])[0][0], 6);
      expectScore((N(200, cohort) as number[][])[0][0], 10);
    });
    it('single platform and all-equal cohorts give the full 分值', () => {
      expect(N(5, [[5]])).toEqual([[10]]);
      expect(N([[3], [3]], [[3], [3], ['']], 5)).toEqual([[5], [5]]);
    });
    it('a value outside an explicit cohort is an error', () => {
      expectError((N([[79]], cohort) as never[][])[0][0], 'out_of_cohort', 'num');
      expectError((N([[201]], cohort) as never[][])[0][0], 'out_of_cohort', 'num');
    });
    it('negative values are allowed when the cohort contains them', () => {
      expect(N(-10, [[-10], [10]])).toEqual([[6]]);
    });
  });

  describe('caps', () => {
    it('scores never exceed the 分值 over a large cohort', () => {
      const c = Array.from({ length: 1000 }, (_, i) => [i * 1.37]);
      const r = N(c, c, 10) as number[][];
      for (const [v] of r) {
        expect(v).toBeGreaterThanOrEqual(6);
        expect(v).toBeLessThanOrEqual(10);
      }
    });
  });
});
