/**
 * Units as written in headers, as data. Amounts are kept in 元, 万元 or 亿元 depending on the
 * office; the rules state theirs (亿元, 万元/亩 …). Converting is a change of magnitude only.
 */

/** Magnitude of each money unit, in 元. */
export const moneyUnits: Readonly<Record<string, number>> = {
  元: 1,
  千元: 1e3,
  万元: 1e4,
  百万元: 1e6,
  亿元: 1e8,
};

/**
 * Other spellings of a rule's (non-money) unit that mean exactly the same: read with factor 1.
 * A header stating any other unit for such an input (千克标准煤/万元, %) is not guessed at: the
 * indicator is not scored and the header is reported.
 */
export const unitSpellings: Readonly<Record<string, readonly string[]>> = {
  '吨标煤/万元': ['吨标准煤/万元', 'tce/万元'],
};

/** Words in a header unit that mean "per cent". */
export const percentUnits: readonly string[] = ['%', '％', '百分比', '百分点'];

/**
 * A share column whose header says per cent and whose values all lie in this range (with at
 * least one above its lower end) holds percentage points: 72.5 means 72.5 %.
 */
export const PERCENT_POINTS_RANGE = { above: 1, max: 100 } as const;

/** Factor that turns percentage points (72.5) into the share the rules use (0.725). */
export const PERCENT_POINTS_FACTOR = 0.01;

/** Measure words and other non-money units a header may state in brackets: 个, 项, 家 … */
export const counterUnits: readonly string[] = ['个', '项', '家', '人', '名', '支', '次', '元', '亩', '吨', '万吨', '%'];

/** Words before a unit in a header's brackets: (单位:万元). */
export const unitLabels: readonly string[] = ['单位'];

/** Longest unit (in characters) a units row may state that the rules do not convert (万美元): longer text is not a unit. */
export const UNKNOWN_UNIT_MAX_LENGTH = 4;

/** Units of a yes/no answer, as a units row under the headers states them. */
export const answerUnits: readonly string[] = ['是/否', '是或否', '是否', '有/无', '√/×'];

/** The unit of points, as a units row states it over a score column or an average score (历年均分). */
export const scoreUnits: readonly string[] = ['分'];

/** Labels of a table-wide unit in a line above the table: 金额单位:万元, 单位:亿元. */
export const tableUnitLabels: readonly string[] = ['金额单位', '计量单位', '单位'];
