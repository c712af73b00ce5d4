/**
 * The WANMU.* worksheet functions for Excel. Thin wrappers: each converts its arguments
 * (hosts/excel), runs the declared function (functions/declarations) and converts the result.
 * functions.json is generated from these JSDoc comments at build time.
 * Parameters are typed `any` / `any[][]` on purpose: that is the metadata type that lets a cell
 * pass a number, text, TRUE/FALSE or a range; `fromExcel` converts them at once.
 */
import { fromExcel, toExcelMatrix, toExcelScalar } from './customFunctions';
import { runFunction } from '../../functions/declarations';

/**
 * 无量纲化(功效系数法)得分:S=[(x-xmin)/(xmax-xmin)×0.4+0.6]×分值,xmin、xmax 取培育名单中的最小值和最大值。x 为一个区域时按同样形状溢出结果。
 * @customfunction NORMALIZE
 * @param x 本平台的数值,或一列平台的数值
 * @param cohort 培育名单中各平台的数值(空白单元格不计入)
 * @param weight 该指标的分值,如 10 或 5
 * @returns 得分
 */
export function normalize(x: any[][], cohort: any[][], weight: any): any[][] {
  return toExcelMatrix(runFunction('NORMALIZE', [fromExcel(x), fromExcel(cohort), fromExcel(weight)]));
}

/**
 * 验收评价(附件2)指标得分。按评分标准中出现的顺序填写输入;比重填小数(72%填0.72)。
 * @customfunction ACCEPTANCE
 * @param index 指标序号(1-17)
 * @param input1 第一个输入,如工业总产值(亿元)
 * @param [input2] 第二个输入(如第6项的技术领先型或行业领军型企业投资项目数;第5项可填对照标准,默认0.59)
 * @param [input3] 第三个输入(如第6项的100亿元以上项目数)
 * @returns 得分
 */
export function acceptance(index: any, input1: any[][], input2?: any[][], input3?: any[][]): number | string {
  return toExcelScalar(runFunction('ACCEPTANCE', [index, input1, input2, input3].map(fromExcel)));
}

/**
 * 年度评价(附件3)指标得分。无量纲化指标(第1、4、9、10项)填本平台数值和培育名单区域;是否类输入可填是/否、TRUE/FALSE、1/0。
 * @customfunction ANNUAL
 * @param index 指标序号(1-15)
 * @param input1 第一个输入,如年度工业产值(亿元)
 * @param [input2] 第二个输入;无量纲化指标填培育名单区域
 * @param [input3] 第三个输入
 * @param [input4] 第四个输入(第11项:挂牌)
 * @returns 得分
 */
export function annual(index: any, input1: any[][], input2?: any[][], input3?: any[][], input4?: any[][]): number | string {
  return toExcelScalar(runFunction('ANNUAL', [index, input1, input2, input3, input4].map(fromExcel)));
}

/**
 * 用文字说明某项指标的得分计算过程。
 * @customfunction EXPLAIN
 * @param table 评价类型:“验收”或“年度”
 * @param index 指标序号
 * @param input1 第一个输入
 * @param [input2] 第二个输入
 * @param [input3] 第三个输入
 * @param [input4] 第四个输入
 * @returns 计算过程说明
 */
export function explain(table: any, index: any, input1: any[][], input2?: any[][], input3?: any[][], input4?: any[][]): string {
  return String(toExcelScalar(runFunction('EXPLAIN', [table, index, input1, input2, input3, input4].map(fromExcel))));
}
