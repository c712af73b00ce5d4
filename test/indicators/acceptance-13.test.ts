import { indicatorChecklist } from '../helpers/checklist';
// 专项产业基金 1 支得 3 分; 分值 3
indicatorChecklist({
  evaluation: 'acceptance', number: 13, valid: [1],
  cases: [['none', [0], 0], ['one fund', [1], 3], ['two funds are capped', [2], 3]],
});
