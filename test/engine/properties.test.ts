import fc from 'fast-check';
import { scoreIndicator, scoreCohort, type IndicatorValues } from '../../src/engine';
import { tables, type Indicator, type InputField } from '../../src/rules';

function arbValue(f: InputField): fc.Arbitrary<number> {
  switch (f.kind) {
    case 'share': return fc.double({ min: 0, max: 1, noNaN: true });
    case 'count': return fc.integer({ min: 0, max: 50 });
    case 'yesno': return fc.constantFrom(0, 1);
    case 'score': return fc.double({ min: 0, max: 100, noNaN: true });
    case 'amount': return f.positive ? fc.double({ min: 1e-6, max: 1e6, noNaN: true }) : fc.double({ min: 0, max: 1e6, noNaN: true });
  }
}

const all: Indicator[] = [...tables.acceptance.indicators, ...tables.annual.indicators];
const cohort = { min: 0, max: 1e6, strict: false };
/** 附件4 as the built-in editions carry it. */
const N = tables.annual.normalization;

/** Which direction an input moves a score: energy use and late reports are costs. */
function isCost(ind: Indicator, f: InputField): boolean {
  return (ind.rule.kind === 'inverse' && ind.rule.input === f.id) || ind.rule.kind === 'deduction';
}

describe.each(all.map((ind) => [`${ind.shortName}`, ind] as const))('%s', (_n, ind) => {
  it('stays within [0, 分值] and is never NaN', () => {
    fc.assert(
      fc.property(fc.tuple(...ind.inputs.map(arbValue)), (values) => {
        const r = scoreIndicator(ind, values, cohort, N);
        return r.ok && r.score >= 0 && r.score <= ind.points && !Number.isNaN(r.score);
      }),
      { numRuns: 300 },
    );
  });
  it.each(ind.inputs.map((f, i) => [f.label, i] as const))('is monotone in “%s”', (_l, i) => {
    const f = ind.inputs[i];
    if (f.id === 'benchmark') return; // the benchmark is a rule setting, not a result
    const step = f.kind === 'count' ? fc.integer({ min: 1, max: 20 }) : f.kind === 'yesno' ? fc.constant(1) : f.kind === 'share' ? fc.double({ min: 0, max: 1, noNaN: true }) : fc.double({ min: 0, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(...ind.inputs.map(arbValue)), step, (values, d) => {
        const lo = values.slice();
        const hi = values.slice();
        if (f.kind === 'yesno') { lo[i] = 0; hi[i] = 1; }
        else if (f.kind === 'share') { hi[i] = Math.min(1, lo[i] + d); }
        else if (f.kind === 'score') { hi[i] = Math.min(100, lo[i] + d); }
        else hi[i] = lo[i] + d;
        const a = scoreIndicator(ind, lo, cohort, N);
        const b = scoreIndicator(ind, hi, cohort, N);
        if (!a.ok || !b.ok) return false;
        return isCost(ind, f) ? b.score <= a.score + 1e-12 : b.score >= a.score - 1e-12;
      }),
      { numRuns: 200 },
    );
  });
});

describe('cohort scoring', () => {
  it('every platform total stays within [0, 100] and equals the sum of its groups', () => {
    const t = tables.annual;
    fc.assert(
      fc.property(fc.array(fc.tuple(...t.indicators.map((ind) => fc.tuple(...ind.inputs.map(arbValue)))), { minLength: 1, maxLength: 8 }), (platforms) => {
        const scores = scoreCohort(t, platforms as unknown as IndicatorValues[][]);
        return scores.every((s) => s.total !== null && s.total >= 0 && s.total <= 100 + 1e-9 && Math.abs(s.groups.reduce((a, g) => a + (g.score ?? NaN), 0) - s.total) < 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});
