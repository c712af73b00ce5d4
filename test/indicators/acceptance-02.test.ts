import { indicatorChecklist } from '../helpers/checklist';
// 主导产业产值/工业总产值/80%×10; shares are fractions
indicatorChecklist({
  evaluation: 'acceptance', number: 2, valid: [0.72],
  cases: [['zero', [0], 0], ['72%', [0.72], 9], ['72% as text', ['72%'], 9], ['at 80%', [0.8], 10], ['95% is capped', [0.95], 10], ['100%', [1], 10]],
  errors: [['72 typed for 72%', [72], 'share_above_one', 'num']],
});
