import { indicatorChecklist } from '../helpers/checklist';
// 知名研发机构或高校 2, 公共技术服务平台 1, 孵化器/加速器/众创空间 1 各, 合计不超过3分; 分值 6
indicatorChecklist({
  evaluation: 'annual', number: 6, valid: [1, 1, 1],
  cases: [
    ['none', [0, 0, 0], 0],
    ['one of each', [1, 1, 1], 4],
    ['incubators are capped at 3', [0, 0, 5], 3],
    ['exactly 3 incubators', [0, 0, 3], 3],
    ['one institute, one platform, five incubators', [1, 1, 5], 6],
    ['above the total cap', [2, 1, 5], 6],
    ['platforms are not under the incubator cap', [0, 5, 0], 5],
  ],
});
