import { indicatorChecklist } from '../helpers/checklist';
// 无量纲化 ×5 over 年度基础设施投资总额
const cohort = [[0], [50], [100]];
indicatorChecklist({
  evaluation: 'annual', number: 9, valid: [50, cohort],
  cases: [['minimum', [0, cohort], 3], ['middle', [50, cohort], 4], ['maximum', [100, cohort], 5], ['single platform', [7, [[7]]], 5]],
});
