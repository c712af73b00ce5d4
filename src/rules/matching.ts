/**
 * How headers in people's own words are matched to the issued inputs and indicators, as data:
 * the words that carry no meaning of their own (年度, 累计, 总额 …), synonyms, the words that make a
 * column something else (上年同期, 计划数 …), the hints a header's wording gives about its values,
 * and the thresholds that say when a match is used, used with a warning, or not used.
 * src/workbook/match computes the similarities; nothing there is a word list.
 */
export const matchWords = {
  /**
   * Words dropped wherever they stand: they say when or how something was counted, not what
   * (年度引进标志性项目 is 标志性项目 to a reader; 其中 only introduces a sub-item).
   */
  fillers: ['年度', '累计', '引进', '其中', '新增', '本年', '全年', '当年', '截至目前', '截至年底', '截至本年末', '开工以来', '完成', '的'],
  /** Endings dropped: they only say "the amount of" or "the number of". */
  fillerEndings: ['总额', '总量', '金额', '数量', '个数', '次数', '情况', '数'],
  /** Beginnings dropped: a yes/no question's 是否, 有无. */
  fillerBeginnings: ['是否', '有无', '平台', '规模以上', '规上'],
  /**
   * Words that say over which span a figure is counted. A header that says one span does not
   * match a label that says the other (本年基础设施投资 is not 累计基础设施投资), though both
   * words are dropped as fillers otherwise.
   */
  spans: {
    cumulative: ['累计', '开工以来', '截至目前', '截至年底', '截至本年末', '历年'],
    yearly: ['本年', '当年', '年度', '全年', '本期'],
  },
  /**
   * Synonyms as people write them, each with the issued wording it stands for (compared after
   * formatting is dropped). Longest first is not needed: each pair is applied once, in order.
   */
  synonyms: [
    ['五十亿', '50亿'],
    ['百亿', '100亿'],
    ['十亿', '10亿'],
    ['孵化载体', '孵化器'],
    ['本年累计', '本年'],
    ['1-12月累计', '本年'],
    ['成立', '设立'],
    ['五百强', '500强'],
    ['十强', '10强'],
    ['新基建', '新型基础设施'],
    ['九通一平', '基础设施'],
    ['单位用地税收', '亩均税收'],
    ['地均税收', '亩均税收'],
    ['排名前十', '前10强'],
    ['排名前10', '前10强'],
    ['基建', '基础设施'],
    ['营收', '营业收入'],
    ['主营收入', '营业收入'],
    ['世界五百强', '世界500强'],
    ['中国五百强', '中国500强'],
    ['前十强', '前10强'],
    ['前十', '前10强'],
    ['前10名', '前10强'],
    ['大院名校', '研发机构或高校'],
    ['科研院所', '研发机构'],
    ['孵化平台', '孵化器'],
    ['人才团队', '人才和团队'],
    ['双创团队', '创新创业团队'],
    ['产业引导基金', '产业基金'],
    ['专项基金', '专项产业基金'],
    ['招商活动', '招商推介活动'],
    ['展厅', '展示厅'],
    ['研发投入', 'R&D经费'],
    ['研发经费', 'R&D经费'],
  ] as const,
  /**
   * Words that make a column something other than the input it resembles: last year's figure, a
   * growth rate, a plan or target, a rank. A header with one of these matches only a label that
   * has it too.
   */
  nearMiss: ['上年', '去年', '同期', '同比', '环比', '增长', '增速', '增幅', '计划', '目标', '预计', '预期', '任务数', '考核', '排名', '排序', '名次', '占全市', '占全省', '平均'],
  /**
   * Sub-item headers that only say "the figure itself" under a parent that names it
   * (工业产值(亿元) › 完成值): the column is read as its parent.
   */
  valueQualifiers: ['完成值', '完成数', '实际值', '实际数', '实际完成', '实际完成值', '实绩', '实际', '完成', '数值', '填报值', '本期值', '本期数', '本期', '本年', '本年数', '1-12月', '截至本年末', '截至年底', '截至目前', '本年末', '年末数', '数量', '个数', '数目', '金额'],
  /** Header endings that say the values are numbers (not 是/否 answers). */
  numberEndings: ['数', '数量', '个数', '次数', '额', '金额', '值', '率', '占比', '比重', '比例', '投资', '收入', '产值'],
  /** Header beginnings that say the values are 是/否 answers. */
  answerBeginnings: ['是否', '有无'],
} as const;

/**
 * Similarity thresholds (0 … 1) and weights. A match at or above `confident`, clear of its
 * runner-up by `margin`, is used; one at or above `uncertain` is used with a warning at the header
 * that says what it was taken for; below, the column is unrecognized. Two readings within `tie`
 * of each other are not told apart: the column is left for the user to say.
 */
export const matchThresholds = {
  confident: 0.8,
  margin: 0.06,
  uncertain: 0.62,
  tie: 0.015,
  /** How much of the score is the header explained by the label, and the label by the header. */
  headerCoverage: 0.65,
  /** A header is never matched when less than this share of it is found in the label. */
  minHeaderCoverage: 0.5,
  /** A parent header (the 一级指标 or indicator over a sub-item) that names the indicator adds this. */
  parentBonus: 0.15,
  /** … and candidates outside the indicator the parent names are weighed by this. */
  outsideParent: 0.7,
  /** Values that cannot be the field's kind weigh the match by this (a 120 is no 是/否). */
  valuesContradict: 0.3,
  /** Values somewhat unlike the field's kind (fractions in a count column). */
  valuesUnlike: 0.7,
  /** Wording that says numbers over a 是/否 field, or a question over a number. */
  wordingContradicts: 0.4,
} as const;
