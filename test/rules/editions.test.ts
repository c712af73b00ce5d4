/** The registry of editions, an edition read from JSON, and the command line's rules commands and --rules. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../helpers/cli';
import { builtIn, builtInEditions, editionSet, tables } from '../../src/rules';
import { readEdition } from '../../src/rules/load';
import { annualRows, annualWideWorkbook } from '../fixtures/workbooks';
import { testEdition, testEditionJson } from '../helpers/test-edition';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-rules-'));
const file = (name: string) => path.join(dir, name);


describe('editions in force', () => {
  it('one built-in edition per evaluation today, each the table the worksheet functions use', () => {
    expect(builtInEditions.map((e) => e.id).sort()).toEqual(['acceptance-2020', 'annual-2020']);
    expect(builtIn.tableFor('annual')).toBe(tables.annual);
    expect(builtIn.tableFor('acceptance', 2019)).toBe(tables.acceptance);
  });

  it('a loaded edition is in force from its first year; before it, the built-in one', () => {
    const e = testEdition();
    const set = editionSet([e]);
    expect(set.tableFor('annual', 2023)).toBe(tables.annual);
    expect(set.tableFor('annual', 2024)).toBe(e);
    expect(set.tableFor('annual', 2030)).toBe(e);
    expect(set.tableFor('annual')).toBe(e);
    expect(set.inForce.annual).toBe(e);
    expect(set.inForce.acceptance).toBe(tables.acceptance);
  });

  it('at the same first year a loaded edition is taken over the built-in one', () => {
    const e = { ...testEdition(), since: 2020 };
    expect(editionSet([e]).tableFor('annual', 2020)).toBe(e);
  });
});

describe('an edition read from JSON', () => {
  it('a copy of a built-in edition is that edition', () => {
    for (const e of builtInEditions) {
      const r = readEdition(JSON.parse(JSON.stringify(e)));
      expect(r.ok && r.edition).toBe(e);
    }
  });

  it('each problem names its field and says what it should be, in Chinese', () => {
    const bad = testEditionJson() as { indicators: { points: unknown; rule: { target?: unknown } }[]; label?: unknown; evaluation: unknown };
    bad.indicators[3].points = -2;
    bad.indicators[1].rule.target = '七成';
    delete bad.label;
    bad.evaluation = 'yearly';
    const r = readEdition(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.path} ${p.message}`)).toEqual([
      'evaluation 应为以下之一:acceptance、annual',
      'label 缺少此项',
      'indicators[1].rule.target 应为数字',
      'indicators[3].points 应为正数',
    ]);
  });

  it('a rule of a kind there is none of names the kinds there are', () => {
    const e = testEditionJson() as { indicators: { rule: { kind: string } }[] };
    e.indicators[1].rule.kind = 'percent';
    const r = readEdition(e);
    expect(r.ok ? [] : r.problems.map((p) => `${p.path} ${p.message}`)).toEqual(['indicators[1].rule.kind kind 应为 ratio、inverse、points、deduction、normalized 之一']);
  });

  it('分值 that do not add up are refused, with the 一级指标 named', () => {
    const e = testEditionJson() as { indicators: { points: number }[] };
    e.indicators[0].points = 12;
    const r = readEdition(e);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['“产业培育”各项分值之和为 18,与权重 15 不符', '各项分值之和为 103,应为 100']);
  });

  it('a changed table under a built-in id is refused: it must say it is another edition', () => {
    const e = JSON.parse(JSON.stringify(tables.annual)) as { indicators: { points: number }[] };
    e.indicators[0].points = 9;
    e.indicators[1].points = 6;
    const r = readEdition(e);
    expect(r.ok ? '' : r.problems[0].message).toContain('另起一个 id');
  });
});

describe('the command line', () => {
  beforeAll(async () => {
    await annualWideWorkbook(annualRows(4)).xlsx.writeFile(file('annual.xlsx'));
    fs.writeFileSync(file('test-rules.json'), JSON.stringify(testEditionJson(), null, 2));
  });

  it('exports a built-in edition that reads back as itself', async () => {
    const r = await cli('rules', 'export', 'annual', '-o', file('annual.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('衢政办发〔2020〕28号 2020 年版');
    const back = readEdition(JSON.parse(fs.readFileSync(file('annual.json'), 'utf8')));
    expect(back.ok && back.edition).toBe(tables.annual);
    // the output is never overwritten without --force
    expect((await cli('rules', 'export', 'annual', '-o', file('annual.json'))).code).toBe(2);
  });

  it('rules check lists the differences, or each problem with its field', async () => {
    const ok = await cli('rules', 'check', file('test-rules.json'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('第 2 项基准 80%→70%');
    expect(ok.out).toContain('第 8 项“设立专项产业基金”换为“年度新增上市企业”');
    const bad = testEditionJson() as { indicators: { points: unknown }[] };
    bad.indicators[3].points = '十';
    fs.writeFileSync(file('bad.json'), JSON.stringify(bad));
    const r = await cli('rules', 'check', file('bad.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('indicators[3].points 应为数字');
  });

  it('check --rules scores by the loaded edition and says so, never silently', async () => {
    const plain = await cli('check', file('annual.xlsx'), '--json');
    const revised = await cli('check', file('annual.xlsx'), '--json', '--rules', file('test-rules.json'));
    const a = JSON.parse(plain.out) as { editions: { id: string; loaded: boolean }[]; scores: { indicator: number; score: number | null }[] };
    const b = JSON.parse(revised.out) as { editions: { id: string; loaded: boolean; differences: { text: string }[] }[]; scores: { indicator: number; score: number | null }[] };
    expect(a.editions).toEqual([expect.objectContaining({ id: 'annual-2020', loaded: false })]);
    expect(b.editions).toEqual([expect.objectContaining({ id: 'annual-2024-test', loaded: true })]);
    expect(b.editions[0].differences.map((d) => d.text)).toContain('第 1 项分值 10→9');
    const first = (s: { indicator: number; score: number | null }[], n: number) => s.find((x) => x.indicator === n)?.score;
    expect(first(a.scores, 2)).not.toBe(first(b.scores, 2));
    const human = await cli('check', file('annual.xlsx'), '--rules', file('test-rules.json'));
    expect(human.out.split('\n')[1]).toContain('年度评价按加载的评分规则“测试用修订 2024 年测试版”');
    expect(human.out).toContain('评分规则:测试用修订 2024 年测试版');
  });

  it('an edition a mapping file carries (as the pane saves it) is used, and said, as with --rules', async () => {
    fs.writeFileSync(file('map-with-rules.json'), JSON.stringify({ sheets: {}, rules: testEditionJson() }));
    const r = await cli('check', file('annual.xlsx'), '--json', '--map', file('map-with-rules.json'));
    const j = JSON.parse(r.out) as { editions: { id: string; loaded: boolean }[] };
    expect(j.editions).toEqual([expect.objectContaining({ id: 'annual-2024-test', loaded: true })]);
  });

  it('a --rules file that cannot be used stops the command with its problems (exit 2)', async () => {
    const r = await cli('check', file('annual.xlsx'), '--rules', file('bad.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('indicators[3].points 应为数字');
    const missing = await cli('check', file('annual.xlsx'), '--rules', file('nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取评分规则文件');
  });
});
