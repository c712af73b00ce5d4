/**
 * Findings are data: every code renders to a Chinese sentence for each surface, the sentence is
 * built only in the catalogue, and the workbook layer names no command-line flag.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderFinding, type Surface } from '../../src/workbook';
import { dedupeFindings, findingAtCell, type FactsByCode, type FindingCode } from '../../src/workbook/findings/codes';
import { cliSurface } from '../../src/cli/surface';

const reason = { code: 'negative', field: '亩均税收', value: -1 } as const;
const ind = { evaluation: 'annual', indicator: 2 } as const;

/** One example of every code's facts (the compiler checks that none is missing). */
const examples: { [K in FindingCode]: FactsByCode[K] } = {
  group_changed: { official: '产业培育(15%)', found: '产业(15%)', attachment: '附件3' },
  number_changed: { ...ind, found: 3 },
  name_changed: { official: 'a', found: 'b', attachment: '附件3' },
  standard_changed: { official: 'a', found: 'b', attachment: '附件3' },
  points_changed: { ...ind, official: 5, found: '6' },
  responsibility_differs: { official: '市经信局', found: '湖州市经信局', attachment: '附件2', header: '责任分工' },
  missing_indicator: ind,
  duplicate_indicator: { ...ind, firstRow: 5 },
  reordered_indicator: ind,
  unknown_indicator: { evaluation: 'annual', found: '某指标' },
  group_points_sum: { evaluation: 'annual', group: 0, sum: 14 },
  points_sum: { sum: 99, expected: 100 },
  points_total_changed: { found: 99, expected: 100 },
  unknown_component: { text: '其中:某项' },
  components_missing: { evaluation: 'annual', indicator: 3 },
  no_value_column: {},
  no_table: {},
  unknown_column: { text: '用地面积' },
  score_column_unmatched: { text: '产业培育(15%)/得分' },
  row_uncertain: { text: '引进领军企业', evaluation: 'annual', role: { kind: 'score', indicator: 4 }, score: 0.7, runnerUp: null },
  unknown_indicator_row: { text: '某项工作', evaluation: 'annual' },
  column_uncertain: {
    text: '规上营收',
    evaluation: 'annual',
    role: { kind: 'input', indicator: 1, field: 0 },
    score: 0.7,
    runnerUp: { kind: 'input', indicator: 2, field: 0 },
  },
  column_ambiguous: {
    text: '投资额',
    evaluation: 'annual',
    role: { kind: 'input', indicator: 5, field: 0 },
    runnerUp: { kind: 'input', indicator: 6, field: 0 },
  },
  score_error_value: { error: '#DIV/0!', cause: { severity: 'error', code: 'cohort_range', sheet: '得分表', cell: 'L7', facts: { ref: '数据!V8:V8', top: 5, bottom: 12, expected: "'数据'!$V$5:$V$12", relative: true } }, input: null },
  column_resembles: { text: '营收', evaluation: 'annual', role: { kind: 'score', indicator: 1 }, score: 0.55 },
  other_column: { text: '备注' },
  other_evaluation_column: { text: '亩均税收', evaluation: 'acceptance' },
  parameter_sheet: {},
  cohort_batches: { sheets: ['第一批', '第二批'] },
  cohort_maybe_batches: { ...ind, sheets: ['杭州'] },
  other_year_columns: { year: 2021, evaluated: 2022, count: 27 },
  duplicate_column: { text: '集聚度', firstColumn: 'D' },
  indicator_not_in_table: ind,
  field_not_in_table: { ...ind, indicator: 13, field: 0 },
  no_platform_column: {},
  duplicate_platform: { name: '平台甲', firstRow: 5 },
  unnamed_row: { row: 9 },
  platform_not_in_score_sheet: { name: '平台甲', scoreSheet: '评分' },
  unknown_platform_in_score_sheet: { name: '平台乙', inputSheet: '基础数据' },
  ambiguous_score_sheet: { candidates: ['2021年', '2022年'] },
  ambiguous_sheet: { reasons: ['基础数据'] },
  score_sheet_without_data: {},
  mapping_sheet_missing: { sheet: '数据' },
  mapping_column_missing: { column: 'Z' },
  mapping_unreadable: { message: '映射文件格式有误' },
  mapping_platform_unused: { name: '衢州高端电子材料平台', platforms: 3 },
  platform_name_duplicate: { name: '衢州高端电子材料平台', evaluation: 'annual', other: '自评表' },
  unit_converted: { ...ind, indicator: 1, field: 0, from: '万元', to: '亿元', factor: 1e-4 },
  percent_points: { ...ind, field: 0 },
  unit_unknown: { ...ind, indicator: 1, field: 0, unit: '吨', expected: '亿元' },
  not_number: { reason: { code: 'not_number', field: 'x', text: '约120' } },
  unit_in_cell: { reason: { code: 'unit_in_cell', field: 'x', text: '3亿元' } },
  negative: { reason },
  not_whole: { reason: { code: 'not_whole', field: 'x', value: 1.5 } },
  share_above_one: { reason: { code: 'share_above_one', field: 'x', value: 85 } },
  not_yes_no: { reason: { code: 'not_yes_no', field: 'x', text: '有' } },
  score_above_max: { reason: { code: 'score_above_max', field: 'x', value: 120, max: 100 } },
  not_positive: { reason: { code: 'not_positive', field: 'x', value: 0 } },
  cell_error: { reason: { code: 'upstream', kind: 'na', field: 'x' } },
  missing: { reason: { code: 'missing', field: 'x' } },
  percent_text: { text: '85%', value: 0.85 },
  fullwidth: { text: '１２', value: 12 },
  number_as_text: { text: '12', value: 12 },
  blank: { field: '迟报或漏报次数' },
  no_cached_value: { what: 'score', count: 12 },
  cohort_not_scored: { ...ind, indicator: 1 },
  single_platform_cohort: { ...ind, indicator: 1 },
  score_mismatch: { ...ind, expected: 3.9244, found: 5, formula: 'MIN(5,D4/0.8*5)', decimals: 2 },
  missing_cap: { ...ind, expected: 5, found: 5.46, points: 5, formula: null },
  score_not_number: { text: '是' },
  no_score_mark_stale: {},
  typed_constant: { what: 'score' },
  wrong_row: { ref: '基础数据!C6', row: 6, platform: '平台乙' },
  wrong_input: { ref: 'I5', other: 'platform' },
  cohort_range: { ref: 'R5:R16', top: 4, bottom: 15, expected: '$R$4:$R$15', relative: true },
  cohort_columns: { ref: '$C5:$F5', first: 'C', last: 'G', expected: '$C$5:$G$5' },
  cohort_batch_missing: { ref: '第一批!$C$4:$C$9', missing: '第二批', expected: '第一批!$C$4:$C$9,第二批!$C$4:$C$8' },
  no_cap: { ...ind, points: 5 },
  sum_mismatch: { what: 'subtotal', group: '项目招引', expected: 9.64, found: 8 },
  sum_cells_mismatch: { what: 'total', group: null, cells: 80, found: 81 },
  wanmu_args: { ...ind, expected: 'WANMU.ANNUAL(2,D5)', found: 'WANMU.ANNUAL(2,D6)' },
  wanmu_uncalculated: ind,
  total_includes_kept: { official: 82.35, shown: 85 },
  kept_existing: { what: 'total' },
  kept_differs: { ...ind, expected: 3, found: 4 },
  value_instead_of_formula: { why: 'text_input' },
  replaced: { value: '8', formula: '' },
  input_not_replaced: {},
  cohort_values_written: ind,
  changed_since_check: { count: 2 },
  changed_since_fill: {},
  sheet_changed_since_fill: { sheet: '评分结果', cleared: true },
  nothing_to_revert: {},
  revert_record_damaged: { row: 7 },
};

const pane: Surface = { mapHint: '请在“识别结果”中指定该列的含义', replaceHint: '如需覆盖,请勾选“覆盖已有内容”', revertHint: '可点击“撤销填写”恢复', cohortHint: { own: '请点击“各表分别评分”', batch: '请点击“合为一个培育名单”' }, platformHint: '请修改平台名称' };

describe('finding catalogue', () => {
  for (const code of Object.keys(examples) as FindingCode[]) {
    it(`${code} renders a Chinese sentence on every surface`, () => {
      const f = findingAtCell('info', code, '表', 'A1', examples[code] as never);
      for (const s of [cliSurface, pane]) {
        const text = renderFinding(f, s);
        expect(text.length).toBeGreaterThan(4);
        expect(text).toMatch(/[\u4e00-\u9fff]/);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
      }
    });
  }

  it('a surface decides how an action is worded', () => {
    const f = findingAtCell('warning', 'unknown_column', '表', 'A1', { text: '用地面积' });
    expect(renderFinding(f, cliSurface)).toContain('--map');
    expect(renderFinding(f, pane)).toContain('识别结果');
    expect(renderFinding(f, pane)).not.toContain('--');
  });

  it('the workbook layer names no command-line flag and builds no sentence outside its catalogue', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'workbook');
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name))));
    walk(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect({ f, flags: text.match(/--(map|replace|json|formulas|force)\b/g) }).toEqual({ f, flags: null });
    }
  });

  it('one finding per problem: the same finding at the same cell is kept once; missing results once per sheet', () => {
    const a = findingAtCell('error', 'wrong_row', 'S', 'C5', { ref: 'C6', row: 6, platform: '乙' });
    const n1 = findingAtCell('warning', 'no_cached_value', 'S', 'C5', { what: 'score', count: 1 });
    const n2 = findingAtCell('warning', 'no_cached_value', 'S', 'D9', { what: 'score', count: 1 });
    const out = dedupeFindings([n1, a, a, n2]);
    expect(out.map((f) => f.code)).toEqual(['wrong_row', 'no_cached_value']);
    expect(out[1].facts).toEqual({ what: 'score', count: 2 });
  });
});
