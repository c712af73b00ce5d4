import { indicatorChecklist } from '../helpers/checklist';
// 专项产业基金 每支得3分; 分值 3
indicatorChecklist({
  evaluation: 'annual', number: 8, valid: [1],
  cases: [['none', [0], 0], ['one fund', [1], 3], ['two funds are capped', [2], 3]],
});
