import { scoreCohort, scorePlatform, type IndicatorValues } from '../../src/engine';
import { tables } from '../../src/rules';

const acceptance = tables.acceptance;
const annual = tables.annual;

/** A full set of 附件2 inputs reaching every target exactly. */
const perfect: IndicatorValues[] = [[1000], [0.8], [0.8], [40], [0.59], [5], [300], [2, 2, 0], [3, 2], [0.06], [6], [12], [1], [50], [5], [0.1], [100]];

describe('scorePlatform', () => {
  it('a platform at every target gets 100, with each group at its weight', () => {
    const s = scorePlatform(acceptance, perfect);
    expect(s.total).toBeCloseTo(100, 10);
    s.groups.forEach((g) => expect(g.score).toBeCloseTo(g.weight, 10));
  });

  it('totals add unrounded scores', () => {
    const values = perfect.slice();
    values[10] = [0, 1]; // 0.3
    values[11] = [1]; // 0.5
    const s = scorePlatform(acceptance, values);
    expect(s.groups[3].score).toBeCloseTo(5 + 0.3 + 0.5 + 3, 12);
  });

  it('an invalid input leaves its group and the total uncomputed (null), with the reason', () => {
    const values = perfect.slice();
    values[1] = [80]; // 80 typed for 80%
    const s = scorePlatform(acceptance, values);
    expect(s.indicators[1].ok).toBe(false);
    if (!s.indicators[1].ok) expect(s.indicators[1].error.reason.code).toBe('share_above_one');
    expect(s.groups[0].score).toBeNull();
    expect(s.groups[1].score).not.toBeNull();
    expect(s.total).toBeNull();
  });
});

describe('scoreCohort', () => {
  const base = (output: number | null, investment: number | null): IndicatorValues[] => [
    [output], [0.8], [2, 1, 1], [investment], [1, 1, 1], [1, 1, 5], [8, 4], [1], [10], [1], [1, 1, 1, 1], [1, 2], [3, 1], [0], [1],
  ];

  it('normalizes over the platforms given', () => {
    const s = scoreCohort(annual, [base(100, 10), base(300, 30), base(200, 20)]);
    expect(s.map((p) => (p.indicators[0].ok ? p.indicators[0].score : NaN))).toEqual([6, 10, 8]);
    expect(s[1].total).toBeCloseTo(100, 10);
  });

  it('a blank value is not part of the cohort and that platform is missing it', () => {
    const s = scoreCohort(annual, [base(100, 10), base(null, 30), base(200, 20)]);
    expect(s[0].indicators[0].ok && s[0].indicators[0].score).toBe(6);
    expect(s[2].indicators[0].ok && s[2].indicators[0].score).toBe(10);
    expect(!s[1].indicators[0].ok && s[1].indicators[0].error.reason.code).toBe('missing');
  });

  it('an invalid value makes the whole 无量纲化 column uncomputed (xmin/xmax unknown)', () => {
    const s = scoreCohort(annual, [base(100, 10), base(-5, 30), base(200, 20)]);
    for (const p of s) expect(p.indicators[0].ok).toBe(false);
    expect(!s[0].indicators[0].ok && s[0].indicators[0].error.reason.code).toBe('cohort_unknown');
    expect(!s[1].indicators[0].ok && s[1].indicators[0].error.reason.code).toBe('negative');
    // other indicators are unaffected
    expect(s[0].indicators[3].ok).toBe(true);
  });

  it('a single platform gets the full 分值 on 无量纲化 indicators', () => {
    const [p] = scoreCohort(annual, [base(123, 45)]);
    expect(p.indicators[0].ok && p.indicators[0].score).toBe(10);
    expect(p.indicators[3].ok && p.indicators[3].score).toBe(10);
  });
});
