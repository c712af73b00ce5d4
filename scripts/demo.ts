/**
 * The main job on the bundled examples: check each workbook, fill its scores with native
 * formulas into out/, and print the summary. Run with `npm run demo` (after `npm run build`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../src/cli/main';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const outDir = path.join(root, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of ['年度评价-培育名单.xlsx', '验收评价-平台自评.xlsx']) {
    const input = path.join(root, 'examples', name);
    const output = path.join(outDir, name.replace(/\.xlsx$/, '-已评分.xlsx'));
    // out/ belongs to the demo: a second run replaces what the first wrote
    process.stdout.write(`\n===== wanmu fill examples/${name} -o out/${path.basename(output)} --force =====\n`);
    const code = await run(['fill', input, '-o', output, '--force']);
    process.stdout.write(`(退出码 ${code}:${code === 0 ? '无错误' : code === 1 ? '发现错误,见上' : '未完成,原因见上'})\n`);
  }
  process.stdout.write(`\n已评分的工作簿在 ${outDir}/ 中;用 Excel、WPS 或 LibreOffice 打开即可查看公式。\n`);
}

void main();
