/**
 * The words statisticians' workbooks use for the parts of an evaluation table, as data.
 * Header matching (src/workbook) compares these after normalizing formatting.
 */
export const vocabulary = {
  /** Columns of the issued (vertical) table. */
  columns: {
    group: ['一级指标'],
    number: ['序号', '编号'],
    name: ['二级指标', '指标名称', '指标'],
    standard: ['评分标准', '评分办法', '计分标准'],
    points: ['分值', '满分', '权重分'],
    responsibility: ['责任分工', '责任部门', '责任单位', '牵头部门'],
  },
  /** Headers of a value column (a platform's own name also marks one). */
  valueColumns: ['完成值', '数据', '实际值', '数值', '指标值', '完成情况', '填报值', '本平台数值'],
  /** Headers (or header endings) of a score column. */
  scoreColumns: ['得分', '自评得分', '评审得分', '分数', '评分', '核定得分', '审核得分'],
  scoreSuffixes: ['得分', '分数', '评分'],
  /** Platform-name column of a cohort table. */
  platformColumns: ['平台名称', '平台', '名称', '平台名', '新产业平台', '万亩千亿新产业平台', '培育平台'],
  /** Total and subtotal labels. */
  total: ['合计', '总分', '总计', '总得分', '得分合计'],
  subtotal: ['小计'],
  /** Summary rows that end a cohort table. */
  summaryRows: ['合计', '总计', '平均', '平均值'],
  /** Header endings that only say "number of" (…数, …数量, …个数). */
  countSuffixes: ['数', '数量', '个数'],
  /** Prefix of component sub-rows under an indicator: 其中:… */
  componentPrefixes: ['其中:', '其中'],
  /** Sheet names wanmu adds when a layout has no place for scores. */
  resultSheet: '评分结果',
  /** Sheet where `fill --replace` records what it overwrote. */
  recordSheet: 'wanmu原值',
  /** Words in a title that name the evaluation. */
  titleWords: { acceptance: ['验收'], annual: ['年度'] },
} as const;
