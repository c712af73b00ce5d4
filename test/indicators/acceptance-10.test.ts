import { indicatorChecklist } from '../helpers/checklist';
// R&D经费占主营业务收入比重/6%×5
indicatorChecklist({
  evaluation: 'acceptance', number: 10, valid: [0.03],
  cases: [['zero', [0], 0], ['3%', [0.03], 2.5], ['6% as text', ['6%'], 5], ['at 6%', [0.06], 5], ['10% is capped', [0.1], 5]],
  errors: [['6 typed for 6%', [6], 'share_above_one', 'num']],
});
