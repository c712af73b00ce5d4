import { indicatorChecklist } from '../helpers/checklist';
// 累计新型基础设施投资/5×4
indicatorChecklist({
  evaluation: 'acceptance', number: 15, valid: [2.5],
  cases: [['zero', [0], 0], ['half', [2.5], 2], ['at 5', [5], 4], ['above the cap', [10], 4]],
});
