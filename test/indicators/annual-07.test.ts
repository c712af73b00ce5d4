import { indicatorChecklist } from '../helpers/checklist';
// 高层次人才 1 名或创新创业团队 1 个得 0.5 分; 分值 6
indicatorChecklist({
  evaluation: 'annual', number: 7, valid: [3, 1],
  cases: [['none', [0, 0], 0], ['three talents, one team', [3, 1], 2], ['talents only', [4], 2], ['exactly 6', [8, 4], 6], ['above the cap', [10, 4], 6]],
});
