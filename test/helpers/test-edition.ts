/**
 * A made-up edition for tests: the annual table of 2020 revised the way tables of this kind are —
 * 分值 moved between two indicators, a benchmark changed (集聚度 80% → 70%), and one indicator
 * replaced by another (设立专项产业基金 → 年度新增上市企业). Written as data only, as a statistician's
 * JSON file would be: nothing outside src/rules knows it.
 */
import { tables, type Edition } from '../../src/rules';

export function testEdition(): Edition {
  const base = tables.annual;
  const indicators = base.indicators.map((ind) => ({ ...ind }));
  // 产业培育 stays 15: #1 10 → 9, #2 5 → 6 with its benchmark 80% → 70%
  indicators[0] = { ...indicators[0], points: 9 };
  indicators[1] = { ...indicators[1], points: 6, standard: '主导产业产值(营业收入)/工业总产值(营业收入)/70%×6', rule: { kind: 'ratio', input: 'clusterShare', target: 0.7 } };
  // #8 replaced: 1.5 分 per newly listed firm, 3 at most (its 分值)
  indicators[7] = {
    number: 8,
    group: indicators[7].group,
    name: '年度新增上市企业(家)',
    shortName: '年度新增上市企业',
    aliases: ['新增上市企业数'],
    standard: '年度新增境内外上市企业,每家得1.5分',
    points: 3,
    responsibility: '市金融办、智造新城管委会',
    inputs: [{ id: 'listedFirms', label: '新增上市企业', unit: '家', counter: '家', kind: 'count', aliases: ['上市企业'], optional: true, defaultValue: 0 }],
    rule: { kind: 'points', items: [{ input: 'listedFirms', points: 1.5 }] },
  };
  return {
    ...base,
    id: 'annual-2024-test',
    label: '2024 年测试版',
    source: '测试用修订',
    since: 2024,
    indicators,
  };
}

/** The edition as the JSON file a statistician would load. */
export function testEditionJson(): unknown {
  return JSON.parse(JSON.stringify(testEdition()));
}
