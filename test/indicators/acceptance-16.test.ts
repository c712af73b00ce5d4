import { indicatorChecklist } from '../helpers/checklist';
// 服务设施用地/总用地/10%×3
indicatorChecklist({
  evaluation: 'acceptance', number: 16, valid: [0.05],
  cases: [['zero', [0], 0], ['5%', [0.05], 1.5], ['at 10%', [0.1], 3], ['20% is capped', [0.2], 3]],
  errors: [['10 typed for 10%', [10], 'share_above_one', 'num']],
});
