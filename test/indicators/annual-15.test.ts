import { indicatorChecklist } from '../helpers/checklist';
// 制定年度工作计划和任务分工得5分
indicatorChecklist({
  evaluation: 'annual', number: 15, valid: [1],
  cases: [['yes', ['是'], 5], ['no', ['否'], 0], ['TRUE', [true], 5], ['blank is no', [null], 0], ['已制定', ['已制定'], 5], ['未制定', ['未制定'], 0], ['有', ['有'], 5]],
  errors: [['text', ['待定'], 'not_yes_no', 'value'], ['a plan name', ['2025年工作计划'], 'not_yes_no', 'value']],
});
