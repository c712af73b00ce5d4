import { indicatorChecklist } from '../helpers/checklist';
// 实际亩均税收/40×2
indicatorChecklist({
  evaluation: 'acceptance', number: 4, valid: [20],
  cases: [['zero', [0], 0], ['below', [20], 1], ['at 40', [40], 2], ['above the cap', [100], 2]],
});
