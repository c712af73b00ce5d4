import { indicatorChecklist } from '../helpers/checklist';
// 无量纲化: [(x-xmin)/(xmax-xmin)×0.4+0.6]×10 over the cohort given as the second input
const cohort = [[80], [120], [200]];
indicatorChecklist({
  evaluation: 'annual', number: 1, valid: [120, cohort],
  cases: [
    ['the minimum gets 60%', [80, cohort], 6],
    ['in between', [120, cohort], ((120 - 80) / (200 - 80) * 0.4 + 0.6) * 10],
    ['the maximum gets full marks', [200, cohort], 10],
    ['single platform', [50, [[50]]], 10],
    ['all equal', [70, [[70], [70], [70]]], 10],
    ['blanks are not part of the cohort', [80, [[80], [''], [null], [200]]], 6],
  ],
  errors: [
    ['no cohort', [120], 'needs_cohort', 'na'],
    ['value outside the cohort', [250, cohort], 'out_of_cohort', 'num'],
    ['text in the cohort', [120, [[80], ['约100'], [200]]], 'cohort_value', 'value'],
    ['error in the cohort passes through', [120, [[80], [{ sheetError: 'ref' }], [200]]], 'upstream', 'ref'],
    ['empty cohort', [120, [[''], [null]]], 'empty_cohort', 'na'],
  ],
});
