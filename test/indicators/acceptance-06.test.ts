import { indicatorChecklist } from '../helpers/checklist';
// 50亿元以上项目 2 分/项, 技术领先型或行业领军型企业投资的项目 1 分/项, 100亿元以上项目 3 分/项; 分值 10
indicatorChecklist({
  evaluation: 'acceptance', number: 6, valid: [1, 1, 1],
  cases: [
    ['none', [0, 0, 0], 0],
    ['one 50亿 project (exactly 50亿 is 以上)', [1], 2],
    ['one leading project', [0, 1], 1],
    ['one 100亿 project counts only in its highest category', [0, 0, 1], 3],
    ['one of each', [1, 1, 1], 6],
    ['exactly 10', [2, 3, 1], 10],
    ['above the cap', [3, 2, 1], 10],
    ['five 50亿 projects', [5, 0, 0], 10],
  ],
});
