import { indicatorChecklist } from '../helpers/checklist';
// 累计基础设施投资/50×3
indicatorChecklist({
  evaluation: 'acceptance', number: 14, valid: [25],
  cases: [['zero', [0], 0], ['half', [25], 1.5], ['at 50', [50], 3], ['above the cap', [80], 3]],
});
