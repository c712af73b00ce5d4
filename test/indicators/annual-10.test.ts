import { indicatorChecklist } from '../helpers/checklist';
// 无量纲化 ×5 over 年度新型基础设施投资总额
const cohort = [[1], [2], [5]];
indicatorChecklist({
  evaluation: 'annual', number: 10, valid: [2, cohort],
  cases: [['minimum', [1, cohort], 3], ['middle', [2, cohort], ((2 - 1) / (5 - 1) * 0.4 + 0.6) * 5], ['maximum', [5, cohort], 5]],
  errors: [['above the cohort', [6, cohort], 'out_of_cohort', 'num']],
});
