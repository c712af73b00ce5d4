import { indicatorChecklist } from '../helpers/checklist';
// 领导小组, 专门管理机构, 专业运营团队, 挂牌: 1 分 each; 分值 4
indicatorChecklist({
  evaluation: 'annual', number: 11, valid: [1, 1, 0, 1],
  cases: [
    ['none', [0, 0, 0, 0], 0],
    ['是/否', ['是', '是', '否', '是'], 3],
    ['TRUE/FALSE', [true, true, true, true], 4],
    ['1/0', [1, 0, 0, 0], 1],
    ['√/×', ['√', '×', '√', '×'], 2],
    ['text TRUE', ['TRUE', 'false', 'True', 'FALSE'], 2],
    ['有/无 and the items’ verbs', ['有', '无', '已设立', '未挂牌'], 2],
    ['Y/N, full width and spaces', ['Ｙ', ' n ', '已 设立', '✔'], 3],
  ],
  errors: [
    ['待定 is no answer', ['待定', 1, 1, 1], 'not_yes_no', 'value'],
    ['是的 is no answer', ['是的', 1, 1, 1], 'not_yes_no', 'value'],
    ['2 is not yes/no', [2, 1, 1, 1], 'not_yes_no', 'value'],
  ],
});
