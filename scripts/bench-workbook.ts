/** Check and fill of a 2,000-platform cohort file, end to end (read, recognize, score, review, plan, write, save). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { XlsxFileHost } from '../src/hosts/file/xlsx';
import { checkWorkbook, fillWorkbook } from '../src/workbook';
import { annualRows, annualWideWorkbook } from '../test/fixtures/workbooks';

export async function runWorkbookBench(platforms = 2000, runs = 3): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-bench-'));
  const input = path.join(dir, 'cohort.xlsx');
  await annualWideWorkbook(annualRows(platforms)).xlsx.writeFile(input);
  const size = (fs.statSync(input).size / 1024).toFixed(0);
  const checks: number[] = [];
  const fills: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await checkWorkbook(await XlsxFileHost.open(input));
    checks.push(performance.now() - t0);
    t0 = performance.now();
    const host = await XlsxFileHost.open(input);
    await fillWorkbook(host, { style: 'native', replace: false });
    await host.save(path.join(dir, 'filled.xlsx'));
    fills.push(performance.now() - t0);
  }
  const best = (xs: number[]) => Math.min(...xs);
  const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = (label: string, xs: number[]) =>
    `${label}: median ${(med(xs) / 1000).toFixed(2)} s, best ${(best(xs) / 1000).toFixed(2)} s over ${runs} runs (target < 5 s) ${med(xs) < 5000 ? '达标' : '未达标'}\n`;
  process.stdout.write(line(`检查 ${platforms.toLocaleString()} 个平台的文件(${size} KB)`, checks));
  process.stdout.write(line(`检查并填写 ${platforms.toLocaleString()} 个平台的文件`, fills));
  fs.rmSync(dir, { recursive: true, force: true });
}
