import { indicatorChecklist } from '../helpers/checklist';
// 世界500强或世界行业前10强 3, 中国500强 2, 国内行业前10强 1; 分值 10
indicatorChecklist({
  evaluation: 'acceptance', number: 8, valid: [1, 1, 1],
  cases: [['none', [0, 0, 0], 0], ['one of each', [1, 1, 1], 6], ['four domestic', [0, 0, 4], 4], ['exactly 10', [2, 2, 0], 10], ['above the cap', [2, 2, 1], 10]],
});
