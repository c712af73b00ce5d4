import { indicatorChecklist } from '../helpers/checklist';
// 世界500强或全球行业前10强 5, 中国500强 3, 国内行业前10强 2; 分值 10
indicatorChecklist({
  evaluation: 'annual', number: 5, valid: [0, 1, 1],
  cases: [['none', [0, 0, 0], 0], ['china and domestic', [0, 1, 1], 5], ['one of each is exactly 10', [1, 1, 1], 10], ['above the cap', [1, 2, 0], 10], ['two world', [2], 10]],
});
