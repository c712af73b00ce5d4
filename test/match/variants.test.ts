/**
 * Headers in people's own words, measured: thousands of generated tables (variants of the issued
 * labels, reordered, with unrelated and near-miss columns) and a few hundred hand-written headers
 * from offices' habits. At least 99 % of inputs matched right; no wrong match used without a
 * warning at its header; every input not used reported; every table recognized.
 */
import { accuracy, emptyTally, generate, handTables, measure, type Tally } from './variants';
import { handVariants } from './hand-variants';

const GENERATED = 3000;

function brief(t: Tally): string {
  return `${t.right}/${t.inputs} inputs right, ${t.wrongWarned} wrong with a warning, ${t.wrongSilent.length} wrong silently, ${t.unusedReported} unused (reported), ${t.othersLeft}/${t.others} others left alone`;
}

describe('header variants', () => {
  it('the generator is deterministic and has the variations it should', () => {
    expect(generate(7).columns.map((c) => `${c.parent}/${c.header}`)).toEqual(generate(7).columns.map((c) => `${c.parent}/${c.header}`));
    const cols = Array.from({ length: 200 }, (_, s) => generate(s + 1)).flatMap((g) => g.columns);
    const has = (p: (c: (typeof cols)[number]) => boolean) => cols.filter(p).length;
    expect(has((c) => c.unitWhere === 'header')).toBeGreaterThan(100);
    expect(has((c) => c.unitWhere === 'row')).toBeGreaterThan(100);
    expect(has((c) => c.unitWhere === 'none')).toBeGreaterThan(100);
    expect(has((c) => c.unit === '万元')).toBeGreaterThan(20);
    expect(has((c) => c.parent !== '')).toBeGreaterThan(100);
    expect(has((c) => c.expected.kind === 'other' && c.expected.why === 'near-miss')).toBeGreaterThan(50);
    expect(has((c) => c.expected.kind === 'other' && c.expected.why === 'unrelated')).toBeGreaterThan(50);
    // not only the issued wording: most inputs' headers differ from their labels
    const inputs = cols.filter((c) => c.expected.kind === 'input');
    expect(inputs.filter((c) => !c.header.startsWith('年度') && !/或者|或|、/.test(c.header)).length / inputs.length).toBeGreaterThan(0.5);
  });

  it(`${GENERATED} generated tables: ≥ 99 % of inputs right, no wrong match without a warning, every unused input reported`, () => {
    const t = emptyTally();
    for (let s = 1; s <= GENERATED; s++) measure(generate(s), t);
    expect(t.tables).toBe(GENERATED);
    expect(t.inputs).toBeGreaterThan(GENERATED * 10);
    expect(t.unrecognizedTables).toEqual([]);
    expect(t.wrongSilent.slice(0, 20)).toEqual([]);
    expect(t.unusedSilent.slice(0, 20)).toEqual([]);
    expect(accuracy(t)).toBeGreaterThanOrEqual(0.99);
    expect(t.others).toBeGreaterThan(GENERATED);
    console.log(`generated: ${brief(t)}`);
  });

  // Measured on main (see the closing note of issue 14): the hand-written headers are harder
  // than the generated ones — a near-miss sub-column (目标值) under an input's own name, an
  // amount in an unconvertible unit (能耗总量(万吨标煤)), one table of acceptance sub-items in
  // people's words not recognized at all. These floors hold what is reached and fail on any
  // regression; the targets (≥ 99 %, no silent wrong match) are not yet met here.
  const HAND_FLOOR = { accuracy: 0.95, silentWrong: 4, unrecognizedTables: 1 };

  it('hand-written headers from offices: inputs matched right, wrong matches, unused inputs reported', () => {
    expect(handVariants.length).toBeGreaterThanOrEqual(300);
    const tablesOf = handTables(handVariants);
    const t = emptyTally();
    for (const g of tablesOf) measure(g, t);
    const listed = (g: (typeof tablesOf)[number]) => g.columns.length;
    expect(tablesOf.reduce((s, g) => s + listed(g), 0)).toBe(handVariants.length);
    expect(t.unusedSilent).toEqual([]);
    expect(t.unrecognizedTables.length).toBeLessThanOrEqual(HAND_FLOOR.unrecognizedTables);
    expect(t.wrongSilent.length).toBeLessThanOrEqual(HAND_FLOOR.silentWrong);
    expect(accuracy(t)).toBeGreaterThanOrEqual(HAND_FLOOR.accuracy);
    console.log(`hand-written: ${brief(t)}; silent: ${t.wrongSilent.join('; ')}`);
  });
});
