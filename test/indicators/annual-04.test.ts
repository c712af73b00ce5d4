import { indicatorChecklist } from '../helpers/checklist';
// 无量纲化 ×10 over 年度产业项目投资总额
const cohort = [[10], [35], [60]];
indicatorChecklist({
  evaluation: 'annual', number: 4, valid: [35, cohort],
  cases: [['minimum', [10, cohort], 6], ['middle', [35, cohort], 8], ['maximum', [60, cohort], 10], ['zero in a cohort from zero', [0, [[0], [40]]], 6]],
  errors: [['below the cohort', [5, cohort], 'out_of_cohort', 'num']],
});
