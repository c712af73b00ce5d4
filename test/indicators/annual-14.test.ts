import { indicatorChecklist } from '../helpers/checklist';
// 6 − 0.5 per late or missing report, not below 0
indicatorChecklist({
  evaluation: 'annual', number: 14, valid: [3],
  cases: [['none late', [0], 6], ['one late', [1], 5.5], ['three late', [3], 4.5], ['twelve late', [12], 0], ['thirteen late stays at 0', [13], 0]],
});
