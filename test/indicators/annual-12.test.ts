import { indicatorChecklist } from '../helpers/checklist';
// 专项政策 3 分/项, 相关政策 1 分/项 不超过2分; 分值 5
indicatorChecklist({
  evaluation: 'annual', number: 12, valid: [1, 1],
  cases: [
    ['none', [0, 0], 0],
    ['one special', [1, 0], 3],
    ['one special, two related', [1, 2], 5],
    ['related are capped at 2', [0, 3], 2],
    ['one special, five related', [1, 5], 5],
    ['two special: total cap', [2, 0], 5],
  ],
});
