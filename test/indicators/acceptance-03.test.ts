import { indicatorChecklist } from '../helpers/checklist';
// 高新产业产值/工业总产值/80%×6
indicatorChecklist({
  evaluation: 'acceptance', number: 3, valid: [0.4],
  cases: [['zero', [0], 0], ['40%', [0.4], 3], ['at 80%', [0.8], 6], ['100% is capped', [1], 6]],
  errors: [['1.2', [1.2], 'share_above_one', 'num']],
});
