import { indicatorChecklist } from '../helpers/checklist';
// 历年的年度评价平均分/100×5
indicatorChecklist({
  evaluation: 'acceptance', number: 17, valid: [80],
  cases: [['zero', [0], 0], ['80', [80], 4], ['full marks', [100], 5]],
  errors: [['above 100', [101], 'score_above_max', 'num']],
});
