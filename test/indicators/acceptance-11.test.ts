import { indicatorChecklist } from '../helpers/checklist';
// 国家级 1 分/个, 省级 0.3 分/个; 分值 6
indicatorChecklist({
  evaluation: 'acceptance', number: 11, valid: [2, 5],
  cases: [['none', [0, 0], 0], ['two national, five provincial', [2, 5], 3.5], ['three provincial', [0, 3], 0.9], ['exactly 6', [3, 10], 6], ['above the cap', [4, 10], 6]],
});
