/** The words the result sheet wanmu adds writes into the workbook (title, headers, 说明). */
import { editionName, vocabulary, type EvaluationTable } from '../../../rules';

/** Title of a result sheet wanmu adds. */
export function renderResultSheetTitle(t: EvaluationTable, dataSheet: string): string {
  return `${t.shortName}得分(万亩千亿评分助手按${t.attachment}计算,评分规则:${editionName(t)},数据来自“${dataSheet}”)`;
}

/** Header of a score column in a result sheet: 主导产业集聚度得分(10分). */
export function renderScoreHeader(name: string, points: number): string {
  return `${name}${vocabulary.scoreSuffixes[0]}(${points}分)`;
}

/** The 说明 cell of a result sheet's platform whose scores cannot all be computed: each indicator and why. */
export function renderUnscoredNote(list: ReadonlyArray<{ readonly name: string; readonly why: string }>): string {
  return `${list.length} 项指标无法计分:${list.map((x) => `${x.name}(${x.why})`).join(';')}`;
}

/** The 说明 cell of a result sheet's 培育名单最小值/最大值 rows. */
export const COHORT_BOUNDS_NOTE = '无量纲化所用的培育名单数据(各列为该指标的输入数据,单位与格式同数据表)';
