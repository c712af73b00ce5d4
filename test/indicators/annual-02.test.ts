import { indicatorChecklist } from '../helpers/checklist';
// 主导产业产值/工业总产值/80%×5
indicatorChecklist({
  evaluation: 'annual', number: 2, valid: [0.72],
  cases: [['zero', [0], 0], ['72%', [0.72], 4.5], ['at 80%', [0.8], 5], ['100% is capped', [1], 5]],
  errors: [['85 typed for 85%', [85], 'share_above_one', 'num']],
});
