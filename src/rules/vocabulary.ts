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
  /** Header endings that make an unplaced column look like a score (it is then said to be unreviewed). */
  scoreEndings: ['得分', '分', '分数', '评分', '小计', '合计'],
  /** Platform-name column of a cohort table. */
  platformColumns: ['平台名称', '平台', '名称', '平台名', '新产业平台', '万亩千亿新产业平台', '培育平台', '新产业平台名称', '平台全称', '培育平台名称'],
  /** Total and subtotal labels. */
  total: ['合计', '总分', '总计', '总得分', '得分合计'],
  subtotal: ['小计'],
  /** Summary rows that end a cohort table. */
  summaryRows: ['合计', '总计', '平均', '平均值', '小计', '最大值', '最小值', '中位数', '全市', '全省'],
  /** Labels of the helper rows wanmu adds under a result sheet's platforms (无量纲化 MIN/MAX). */
  cohortMinRow: '培育名单最小值',
  cohortMaxRow: '培育名单最大值',
  /** Header endings that only say "number of" (…数, …数量, …个数, …次数). */
  countSuffixes: ['数', '数量', '个数', '次数', '情况'],
  /** Header beginnings that only ask a yes/no question (是否设立展示厅). */
  questionPrefixes: ['是否'],
  /**
   * Parameter and lookup sheets (分值 caps, 基准值, 系数 that score formulas refer to): the headers
   * of their value columns, and words in a sheet's name that say it holds parameters.
   */
  parameterColumns: ['参数', '参数值', '基准值', '基准', '系数', '系数值', '折算系数', '上限', '下限', '封顶', '权重', '标准值', '取值', '单项分值', '每项分值', '计分单位'],
  parameterSheetWords: ['参数', '系数表', '基准值', '计分标准'],
  /** Label columns of a parameter sheet. */
  parameterLabels: ['项目', '参数名称', '名称', '指标', '指标名称', '二级指标', '内容', '类别'],
  /** Columns that are neither data nor scores: remarks, sources. */
  /** Headers of a rank column (RANK over the totals): no score. */
  rankColumns: ['排名', '名次', '排序', '位次', '总分排名', '得分排名'],
  noteColumns: ['备注', '说明', '数据来源', '备注说明', '佐证材料', '资料来源', '来源', '附注'],
  /** Rows under a table that are notes and sign-off lines, by how they begin. */
  noteRows: ['注', '说明', '备注', '填报单位', '填报人', '联系电话', '联系人', '审核人', '制表人', '制表', '单位负责人', '负责人', '填报日期', '统计负责人', '资料来源', '数据来源', '附注'],
  /** Sheet names or titles that say a sheet holds scores. */
  scoreSheetWords: ['评分', '得分', '打分', '计分', '分数'],
  /** Prefix of component sub-rows under an indicator: 其中:… */
  componentPrefixes: ['其中:', '其中'],
  /** Sheet names wanmu adds when a layout has no place for scores. */
  resultSheet: '评分结果',
  /** Hidden sheet holding the revert record of every fill. */
  recordSheet: 'wanmu撤销记录',
  /** Hidden sheet holding the user's mapping (column and sheet roles), so it travels with the workbook. */
  mappingSheet: 'wanmu映射',
  /** Sheet the pane adds to list missing inputs by department. */
  missingSheet: '待补数据',
  /** Characters between departments in a 责任分工 text (经信局、发改局). */
  departmentSeparators: ['、', ',', ';'],
  /** Header of the missing-inputs sheet. */
  missingHeader: ['责任部门', '平台', '指标', '所需数据', '单元格'],
  /** The results table's columns (the pane's 结果, its copy and .csv, and the sheet it writes), around the 一级指标 columns. */
  resultColumns: { serial: '序号', platform: '平台', total: '总分', rank: '排名', note: '说明' },
  /** A result sheet's cell for a score that cannot be computed (the 说明 column says why). */
  noScore: '—',
  /** The printed footer of wanmu's result sheets (header/footer codes: &P page, &N pages). */
  printFooter: '第 &P 页,共 &N 页',
  /** The sheet the pane's 结果 writes (a free name is taken when it exists). */
  resultSummarySheet: '评分结果汇总',
  /** The missing-inputs sheet's cell text for an input the table has no column for. */
  missingNoColumn: '(表中无此列)',
  /**
   * Answers a yes/no input accepts (compared after removing spaces and full-width forms, in any
   * letter case): 是/否, 有/无, marks, Y/N, TRUE/FALSE, 1/0 and the verbs the indicators' own items
   * use (已设立/未设立 …). A word outside these lists stays an error at its cell.
   */
  answers: {
    yes: ['是', '有', '√', '✓', '✔', 'y', 'yes', 'true', '1', '已设立', '已制定', '已挂牌', '已建成', '已印发', '已成立', '已组建', '已出台', '已设置', '已开展', '已完成', '已落实'],
    no: ['否', '无', '没有', '×', '✗', '✘', 'n', 'no', 'false', '0', '未设立', '未制定', '未挂牌', '未建成', '未印发', '未成立', '未组建', '未出台', '未设置', '未开展', '未完成', '未落实'],
  },
  /** A word in a sheet's name that says the sheet is one batch of a 培育名单 (第一批, 第二批, 批次 …). */
  batchWords: ['批'],
  /** A sheet of indicators down the rows without the issued columns is a matrix when at least this share of an evaluation's indicators are named there. */
  matrixIndicatorShare: 0.6,
  /** Rows under a table's field labels that can still be header (units, year labels, weights): a header block has at most 1 + this many rows. */
  headerBlockRows: 3,
  /** Labels a units row of a header block may carry in its first columns (单位, 计量单位). */
  unitRowLabels: ['单位', '计量单位'],
  /** Year labels relative to the evaluated year, in a header block's year row. */
  yearWords: { previous: ['上年', '去年', '上年同期', '上年度'], current: ['本年', '今年', '本期', '本年度', '当年'] },
  /**
   * A single platform's name in the lines above an issued table: a title's words before the
   * programme's name (或 the evaluation's), ending in one of `platformEndings`, and not the
   * programme's own words; a 填报单位 line names the platform only when it ends in one of
   * `platformBodies` (the platform's own body, not a bureau). A platform is named for itself
   * (…平台) or for the area that hosts it (衢州智造新城, XX高新区, XX经济开发区, XX产业园).
   */
  platformTitle: {
    programme: '万亩千亿',
    generic: '新产业平台',
    platformEndings: ['平台', '新城', '新区', '开发区', '园区', '产业园', '集聚区'],
    /** Words of scope: a name that is one of them and an ending (全省平台, 各平台, 省级新产业平台) names no platform. */
    scopes: ['全省', '全市', '全区', '我省', '我市', '省级', '市级', '各', '本', '所有', '全部', '产业', '新产业'],
    reporterLabel: '填报单位',
    platformBodies: ['平台', '管委会', '管理委员会'],
    /**
     * A workbook's file name names the platform when neither the title nor a line above the table
     * does: without its extension and a copy's mark ((1), -副本), split at separators, each part
     * after a leading 附件N or year is cut before a year, the programme's or an evaluation's name or
     * one of `cutWords`, and loses `tailWords` at its end; what is left must end as a platform's
     * name does (衢州智造新城2024年度评价.xlsx, XX高新区新产业平台-验收.xlsx). 年度评价.xlsx,
     * Book1.xlsx and 评分表(1).xlsx name none.
     */
    fileName: {
      extensions: ['xlsx', 'xlsm', 'xltx', 'xls', 'et', 'ett', 'csv'],
      copyMarks: ['副本', '复件', '拷贝', 'copy'],
      prefixes: ['附件', '附表'],
      separators: ['-', '_', '+', '&', ',', '、', '(', ')', '[', ']', '【', '】', '《', '》', '〔', '〕', '"', "'", '.'],
      cutWords: ['验收', '年度', '评价', '评分', '自评', '打分', '考核', '得分'],
      tailWords: ['数据表', '数据', '指标', '完成情况', '情况', '汇总', '填报', '统计', '材料', '表'],
    },
  },
  /**
   * The text inside the always-true formula of wanmu's conditional formats that mark problem
   * cells, ISTEXT("万亩千亿评分:错误"): users see it in the conditional-format manager, and wanmu
   * recognizes its own rules by it (never by anything else).
   */
  markers: { error: '万亩千亿评分:错误', warning: '万亩千亿评分:警告' },
} as const;
