import { indicatorChecklist } from '../helpers/checklist';
// 活动 1 分/次 不超过3分; 展示厅 2 分; 分值 5
indicatorChecklist({
  evaluation: 'annual', number: 13, valid: [2, '否'],
  cases: [
    ['none', [0, '否'], 0],
    ['two activities', [2, '否'], 2],
    ['activities capped at 3', [5, '否'], 3],
    ['showroom only', [0, '是'], 2],
    ['three activities and a showroom', [3, '是'], 5],
    ['many activities and a showroom', [9, true], 5],
  ],
});
