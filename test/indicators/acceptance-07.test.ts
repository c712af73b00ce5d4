import { indicatorChecklist } from '../helpers/checklist';
// 累计产业项目投资/300×5
indicatorChecklist({
  evaluation: 'acceptance', number: 7, valid: [150],
  cases: [['zero', [0], 0], ['half', [150], 2.5], ['at 300', [300], 5], ['above the cap', [600], 5]],
});
