/**
 * The checklist of every indicator, generated from an edition's data: whatever edition a test
 * names (a built-in one, a loaded one), each of its indicators is checked against its own rule —
 * the rule's anchor points (a ratio at its benchmark gives 分值, an inverse at its benchmark gives
 * 分值, each points item alone gives its points up to its cap, each deduction takes its amount, 附件4
 * at xmin and xmax gives floor × 分值 and 分值), caps at 分值, and the input errors each field kind
 * refuses. No expected figure is typed: they follow from the edition, so a revised edition is
 * tested the moment it exists.
 */
import { scoreIndicator, summarize, type CohortRange, type ErrorCode } from '../../src/engine';
import type { Edition, Indicator, InputField } from '../../src/rules';

/** A valid value of a field, away from its boundaries. */
function validValue(f: InputField): number {
  switch (f.kind) {
    case 'share':
      return 0.5;
    case 'count':
      return 1;
    case 'yesno':
      return 1;
    case 'score':
      return 50;
    case 'amount':
      return f.defaultValue ?? 10;
  }
}

function values(ind: Indicator, set: Readonly<Record<string, number | null>> = {}): (number | null)[] {
  return ind.inputs.map((f) => (f.id in set ? set[f.id] : validValue(f)));
}

/** The values that make every part of a points rule zero. */
function zeros(ind: Indicator): Record<string, number> {
  return Object.fromEntries(ind.inputs.map((f) => [f.id, 0]));
}

const RANGE: CohortRange = { min: 10, max: 20, strict: false };

function errorCases(f: InputField): [string, number | null, ErrorCode][] {
  const out: [string, number | null, ErrorCode][] = [];
  if (f.kind === 'yesno') out.push(['2 for 是/否', 2, 'not_yes_no']);
  else out.push(['a negative value', -1, f.positive ? 'not_positive' : 'negative']);
  if (f.kind === 'share') out.push(['85 typed for 85%', 85, 'share_above_one']);
  if (f.kind === 'count') out.push(['a part of an item', 1.5, 'not_whole']);
  if (f.kind === 'score') out.push(['above 100', 101, 'score_above_max']);
  if (!f.optional) out.push(['left blank', null, 'missing']);
  if (f.positive) out.push(['zero as a divisor', 0, 'not_positive']);
  return out;
}

export function editionChecklist(edition: Edition): void {
  const N = edition.normalization;
  const score = (ind: Indicator, v: (number | null)[], cohort?: CohortRange): number => {
    const o = scoreIndicator(ind, v, cohort, N);
    if (!o.ok) throw new Error(`${ind.shortName}: ${JSON.stringify(o.error.reason)}`);
    return o.score;
  };

  describe(`${edition.id}(${edition.shortName} ${edition.label})`, () => {
    it('分值 add up to each 一级指标 weight and to 100, and a platform with full marks gets 100', () => {
      edition.groups.forEach((g, gi) => expect(edition.indicators.filter((i) => i.group === gi).reduce((s, i) => s + i.points, 0)).toBeCloseTo(g.weight, 12));
      const full = summarize(edition, edition.indicators.map((ind) => ({ ok: true as const, score: ind.points, raw: ind.points })));
      expect(full.total).toBeCloseTo(100, 12);
    });

    describe.each(edition.indicators.map((ind) => [`#${ind.number} ${ind.shortName}`, ind] as const))('%s', (_name, ind) => {
      const r = ind.rule;
      it('a valid set of inputs scores within [0, 分值]', () => {
        const s = score(ind, values(ind), r.kind === 'normalized' ? RANGE : undefined);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(ind.points);
      });

      if (r.kind === 'ratio') {
        it('at its benchmark it scores 分值; at 0, 0; above it, capped at 分值', () => {
          expect(score(ind, values(ind, { [r.input]: r.target }))).toBeCloseTo(ind.points, 12);
          expect(score(ind, values(ind, { [r.input]: 0 }))).toBe(0);
          expect(score(ind, values(ind, { [r.input]: r.target / 2 }))).toBeCloseTo(ind.points / 2, 12);
          const kind = ind.inputs.find((f) => f.id === r.input)?.kind;
          const above = kind === 'share' ? 1 : kind === 'score' ? 100 : r.target * 3;
          expect(score(ind, values(ind, { [r.input]: above }))).toBe(ind.points);
        });
      }
      if (r.kind === 'inverse') {
        it('at its benchmark it scores 分值; at twice the benchmark, half', () => {
          const benchmark = ind.inputs.find((f) => f.id === r.benchmarkInput)?.defaultValue ?? 1;
          expect(score(ind, values(ind, { [r.input]: benchmark, [r.benchmarkInput]: null }))).toBeCloseTo(ind.points, 12);
          expect(score(ind, values(ind, { [r.input]: benchmark * 2, [r.benchmarkInput]: null }))).toBeCloseTo(ind.points / 2, 12);
        });
      }
      if (r.kind === 'points') {
        it('nothing scores 0', () => {
          expect(score(ind, values(ind, zeros(ind)))).toBe(0);
        });
        it.each(r.items.map((item) => [item.input, item] as const))('one “%s” alone scores its points, up to its cap and 分值', (_i, item) => {
          const one = Math.min(item.points, item.cap ?? Infinity, ind.points);
          expect(score(ind, values(ind, { ...zeros(ind), [item.input]: 1 }))).toBeCloseTo(one, 12);
          // a yes/no counts once; a count as many times as it is
          const n = ind.inputs.find((f) => f.id === item.input)?.kind === 'yesno' ? 1 : 100;
          const many = Math.min(item.points * n, item.cap ?? Infinity, ind.points);
          expect(score(ind, values(ind, { ...zeros(ind), [item.input]: n }))).toBeCloseTo(many, 12);
        });
      }
      if (r.kind === 'deduction') {
        it('none scores 分值; each occurrence takes its deduction; never below 0', () => {
          expect(score(ind, values(ind, { [r.input]: 0 }))).toBe(ind.points);
          expect(score(ind, values(ind, { [r.input]: 1 }))).toBeCloseTo(Math.max(0, ind.points - r.perOccurrence), 12);
          expect(score(ind, values(ind, { [r.input]: Math.ceil(ind.points / r.perOccurrence) + 5 }))).toBe(0);
        });
      }
      if (r.kind === 'normalized') {
        it('附件4: xmin scores floor × 分值, xmax 分值, the middle between; one value for all, 分值', () => {
          expect(score(ind, values(ind, { [r.input]: RANGE.min }), RANGE)).toBeCloseTo(N.floor * ind.points, 12);
          expect(score(ind, values(ind, { [r.input]: RANGE.max }), RANGE)).toBeCloseTo(Math.min(1, N.floor + N.span) * ind.points, 12);
          expect(score(ind, values(ind, { [r.input]: (RANGE.min + RANGE.max) / 2 }), RANGE)).toBeCloseTo(Math.min(ind.points, (N.floor + N.span / 2) * ind.points), 12);
          expect(score(ind, values(ind, { [r.input]: 7 }), { min: 7, max: 7, strict: false })).toBe(ind.points);
        });
        it('without its 培育名单 it is not scored', () => {
          const o = scoreIndicator(ind, values(ind), undefined, N);
          expect(o.ok ? null : o.error.reason.code).toBe('needs_cohort');
        });
      }

      const errors = ind.inputs.flatMap((f) => errorCases(f).map(([what, v, code]) => [`“${f.label}” ${what}`, f, v, code] as const));
      it.each(errors)('%s is refused', (_what, f, v, code) => {
        const o = scoreIndicator(ind, values(ind, { [f.id]: v }), r.kind === 'normalized' ? RANGE : undefined, N);
        expect(o.ok ? null : o.error.reason.code).toBe(code);
      });
    });
  });
}
