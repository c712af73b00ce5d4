/** 附件4 二、评价指标评分说明 of 衢政办发〔2020〕28号: the 功效系数法 both 2020 tables use. */
import type { Normalization } from '../schema';

/** S=[(x-xmin)/(xmax-xmin)×0.4+0.6]×分值 */
export const appendix4of2020: Normalization = {
  span: 0.4,
  floor: 0.6,
  formulaText: 'S=[(x-xmin)/(xmax-xmin)×0.4+0.6]×分值',
  cohortName: '培育名单',
};
