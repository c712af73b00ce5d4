import { indicatorChecklist } from '../helpers/checklist';
// 0.59/单位增加值综合能耗×2; the benchmark may be overridden (个别产业可对照国际标准)
indicatorChecklist({
  evaluation: 'acceptance', number: 5, valid: [1.18],
  cases: [
    ['twice the benchmark', [1.18], 1],
    ['at the benchmark', [0.59], 2],
    ['below the benchmark is capped', [0.3], 2],
    ['own benchmark 0.5', [1, 0.5], 1],
    ['blank benchmark uses 0.59', [1.18, null], 1],
    ['very high consumption', [590], 0.002],
  ],
  errors: [
    ['zero consumption', [0], 'not_positive', 'num'],
    ['negative consumption', [-0.5], 'not_positive', 'num'],
    ['zero benchmark', [1, 0], 'not_positive', 'num'],
  ],
});
