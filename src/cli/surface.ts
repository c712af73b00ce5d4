/** How the command line words the actions a finding suggests (see workbook/findings/catalogue). */
import type { Surface } from '../workbook';

export const cliSurface: Surface = {
  mapHint: '可用 --map 映射文件指定各列或各表的含义',
  replaceHint: '如需按官方规则重写,请使用 --replace(覆盖前的内容记录在工作簿中,可用 wanmu revert 恢复)',
  revertHint: '可用 wanmu revert 恢复原内容',
  cohortHint: { own: '可在 --map 映射文件中把各表的 "cohort" 设为 "own"', batch: '可在 --map 映射文件中把各表的 "cohort" 设为 "batch"' },
  platformHint: '可在 --map 映射文件中为该表设置 "platform"(平台名称)',
};
