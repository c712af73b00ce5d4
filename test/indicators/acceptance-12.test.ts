import { indicatorChecklist } from '../helpers/checklist';
// 人才 0.5 分/人, 团队 0.5 分/个; 分值 6
indicatorChecklist({
  evaluation: 'acceptance', number: 12, valid: [4, 2],
  cases: [['none', [0, 0], 0], ['four talents, two teams', [4, 2], 3], ['talents only', [5], 2.5], ['exactly 6', [10, 2], 6], ['above the cap', [10, 3], 6]],
});
