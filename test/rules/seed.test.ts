import * as fs from 'fs';
import * as path from 'path';
import { tables } from '../../src/rules';
import { validateRules } from '../../src/rules/validate';
import { readSeedTables, readSeedText } from '../helpers/seed';

const seed = readSeedTables();

describe.each([
  ['acceptance', seed.acceptance, 17],
  ['annual', seed.annual, 15],
] as const)('%s table against the issued text', (id, seedTable, count) => {
  const table = tables[id];

  it(`has ${count} indicators, as issued`, () => {
    expect(seedTable.rows).toHaveLength(count);
    expect(table.indicators).toHaveLength(count);
  });

  it('has the issued title and responsibility header', () => {
    expect(table.title).toBe(seedTable.title);
    expect(table.responsibilityHeader).toBe(seedTable.responsibilityHeader);
  });

  it.each(seedTable.rows.map((r) => [r.number, r] as const))('indicator %i matches verbatim', (n, row) => {
    const ind = table.indicators[n - 1];
    expect(ind.number).toBe(row.number);
    expect(ind.name).toBe(row.name);
    expect(ind.standard).toBe(row.standard);
    expect(ind.points).toBe(row.points);
    expect(ind.responsibility).toBe(row.responsibility);
    const group = table.groups[ind.group];
    expect(group.text).toBe(row.group);
    expect(`${group.name}(${group.weight}%)`).toBe(row.group);
  });

  it('分值 add up to each group weight and to 100', () => {
    for (const [gi, g] of table.groups.entries()) {
      const sum = table.indicators.filter((i) => i.group === gi).reduce((s, i) => s + i.points, 0);
      expect(sum).toBe(g.weight);
    }
    expect(table.indicators.reduce((s, i) => s + i.points, 0)).toBe(100);
    expect(table.groups.reduce((s, g) => s + g.weight, 0)).toBe(100);
  });
});

describe('rules validation', () => {
  it('the tables pass their zod schemas and sums', () => {
    expect(validateRules()).toEqual([]);
  });

  it('the 附件4 normalization constants are those of the printed formula', () => {
    const text = readSeedText();
    expect(text).toContain('S=[(x-xmin)/(xmax-xmin)×0.4+0.6 ]×10');
  });

  it('the committed copy of the issued document is verbatim', () => {
    const shared = path.resolve(__dirname, '../../../shared/seeds/000_ef44497bbf08d104.txt');
    const copy = path.resolve(__dirname, '../../docs/source-000_ef44497bbf08d104.txt');
    if (fs.existsSync(shared)) expect(fs.readFileSync(copy, 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
    expect(fs.readFileSync(copy, 'utf8')).toContain('附件2');
  });
});
