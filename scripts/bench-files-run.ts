/**
 * One file benchmark step, run in its own process so its peak memory is its own:
 *   bench-files-run.ts fill|read|write FILE [OUT]
 * Prints one JSON line: { ms, maxRssMB, result }.
 */
import { performance } from 'perf_hooks';
import { FileOpenError, XlsxFileHost } from '../src/hosts/file/xlsx';
import { fillWorkbook } from '../src/workbook';
import { emptyBatch } from '../src/workbook/core/model';

async function step(task: string, file: string, out: string | undefined): Promise<string> {
  const host = await XlsxFileHost.open(file);
  if (task === 'read') {
    const wb = await host.read();
    return `${wb.sheets.reduce((n, s) => n + [...s.rows.values()].reduce((m, line) => m + line.size, 0), 0)} cells`;
  }
  if (task === 'fill') {
    const r = await fillWorkbook(host, { style: 'native', replace: false });
    await host.save(out as string);
    return `${r.plan.written} cells written`;
  }
  if (task === 'write') {
    const wb = await host.read();
    const s = wb.sheets[0];
    await host.write({ ...emptyBatch(), addSheets: [{ name: '评分结果' }], cells: [{ sheet: s.name, row: 2, col: 2, value: 1 }, { sheet: '评分结果', row: 1, col: 1, value: '得分', bold: true }] }, []);
    await host.save(out as string);
    return 'written';
  }
  throw new Error(`unknown task ${task}`);
}

const [task, file, out] = process.argv.slice(2);
const t0 = performance.now();
step(task, file, out).then(
  (result) => {
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024, result })}\n`);
  },
  (e: unknown) => {
    if (e instanceof FileOpenError) process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024, result: `refused: ${e.message}` })}\n`);
    else {
      process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024, result: `failed: ${e instanceof Error ? e.message : String(e)}` })}\n`);
      process.exitCode = 1;
    }
  },
);
