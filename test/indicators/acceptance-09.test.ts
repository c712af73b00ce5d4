import { indicatorChecklist } from '../helpers/checklist';
// 产值50亿元以上企业 3 分/家; 产值10-50亿元企业 0.5 分/家, 不超过5分; 分值 10
indicatorChecklist({
  evaluation: 'acceptance', number: 9, valid: [1, 4],
  cases: [
    ['none', [0, 0], 0],
    ['one firm of 50亿 or more', [1, 0], 3],
    ['three firms of 50亿', [3, 0], 9],
    ['nine mid firms', [0, 9], 4.5],
    ['ten mid firms reach the sub-cap', [0, 10], 5],
    ['twelve mid firms stay at the sub-cap', [0, 12], 5],
    ['one big and four mid', [1, 4], 5],
    ['two big and twelve mid: total cap', [2, 12], 10],
    ['four big firms: total cap', [4, 0], 10],
  ],
});
