import { indicatorChecklist } from '../helpers/checklist';
// 工业总产值或营业总收入/1000×10
indicatorChecklist({
  evaluation: 'acceptance', number: 1, valid: [500],
  cases: [['zero', [0], 0], ['below target', [500], 5], ['just below', [999.9], 9.999], ['at target', [1000], 10], ['above the cap', [1180], 10]],
});
