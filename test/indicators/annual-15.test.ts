import { indicatorChecklist } from '../helpers/checklist';
// 制定年度工作计划和任务分工得5分
indicatorChecklist({
  evaluation: 'annual', number: 15, valid: [1],
  cases: [['yes', ['是'], 5], ['no', ['否'], 0], ['TRUE', [true], 5], ['blank is no', [null], 0]],
  errors: [['text', ['已制定'], 'not_yes_no', 'value']],
});
