/** How the task pane words the actions a finding suggests (see workbook/findings/catalogue). */
import type { Surface } from '../workbook';

export const paneSurface: Surface = {
  mapHint: '请在“识别结果”中指定该列的含义',
  replaceHint: '如需覆盖,请在“填写”中勾选“覆盖已有内容”',
  revertHint: '可点击“撤销填写”恢复',
  cohortHint: { own: '请在“识别结果”中点击“各表分别评分”', batch: '请在“识别结果”中点击“合为一个培育名单”' },
  platformHint: '请在“识别结果”中修改该表的平台名称',
};
