import { indicatorChecklist } from '../helpers/checklist';
// 50亿元以上 4 分/项, 技术领先型或行业领军型 2 分/项, 100亿元以上 6 分/项; 分值 15
indicatorChecklist({
  evaluation: 'annual', number: 3, valid: [1, 1, 1],
  cases: [
    ['none', [0, 0, 0], 0],
    ['one 50亿 project', [1], 4],
    ['one 100亿 project counts only as 100亿', [0, 0, 1], 6],
    ['one of each', [1, 1, 1], 12],
    ['exactly 15', [0, 3, 1, ], 12],
    ['above the cap', [2, 1, 1], 15],
    ['two 100亿 projects', [0, 0, 2], 12],
  ],
});
