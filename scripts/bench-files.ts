/**
 * File benchmarks (printed, not asserted), each step in its own process for its peak memory:
 *  - fill of a 2,000-platform cohort file, end to end (open, recognize, score, write, save)
 *  - fill of a ~20 MB rich workbook (the cohort with comments, a chart, a large photo and a data sheet)
 *  - reading and writing a 9 KB file with one cell at XFD1048576
 *  - reading a sheet with all 1,048,576 rows filled (6 columns): read or refused within seconds
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { annualRows, annualWideWorkbook } from '../test/fixtures/workbooks';
import { farCellFile, fullGridFile, richWorkbook } from './bench-files-gen';

/**
 * The same steps measured with the previous host (exceljs, whole workbook round trip) on this
 * machine, 2026-11-23, before it was replaced; kept as a note.
 */
const BEFORE: Readonly<Record<string, string>> = {
  cohort: '2.27 s, peak RSS 404 MB',
  rich: '3.44 s 后失败,peak RSS 424 MB:exceljs 读不了 openpyxl 写的图片锚点(“Cannot read properties of undefined (reading \'anchors\')”)',
  far: '0.38 s, peak RSS 172 MB',
  full: '115 s, peak RSS 4,033 MB(读入全部 6,291,456 个单元格)',
};

interface Measured {
  ms: number;
  maxRssMB: number;
  result: string;
}

function measure(task: string, file: string, out?: string): Measured {
  const runner = path.join(__dirname, 'bench-files-run.ts');
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '-r', 'ts-node/register/transpile-only', runner, task, file, ...(out ? [out] : [])], {
    encoding: 'utf8',
    cwd: path.join(__dirname, '..'),
    timeout: 600000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) return { ms: NaN, maxRssMB: NaN, result: `failed (exit ${r.status}, ${r.signal ?? ''}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}` };
  return JSON.parse(line) as Measured;
}

function mb(file: string): string {
  const size = fs.statSync(file).size;
  return size > 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${(size / 1024).toFixed(1)} KB`;
}

function print(label: string, key: string, m: Measured, target: string): void {
  process.stdout.write(`${label}: ${(m.ms / 1000).toFixed(2)} s, peak RSS ${m.maxRssMB.toFixed(0)} MB (${m.result.slice(0, 120)}) ${target}\n`);
  process.stdout.write(`  之前(exceljs 宿主): ${BEFORE[key]}\n`);
}

export async function runFilesBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-bench-files-'));
  try {
    const cohort = path.join(dir, 'cohort.xlsx');
    await annualWideWorkbook(annualRows(2000)).xlsx.writeFile(cohort);
    const c = measure('fill', cohort, path.join(dir, 'cohort-filled.xlsx'));
    print(`填写 2,000 个平台的文件(${mb(cohort)})`, 'cohort', c, c.ms < 5000 ? '(target < 5 s) 达标' : '(target < 5 s) 未达标');

    const python = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl, PIL'], { stdio: 'pipe' }).status === 0;
    if (python) {
      const rich = path.join(dir, 'rich.xlsx');
      richWorkbook(cohort, rich, 120000, 2150);
      const r = measure('fill', rich, path.join(dir, 'rich-filled.xlsx'));
      print(`填写约 20 MB 的复杂工作簿(${mb(rich)},含批注、图表、大图片和 12 万行明细)`, 'rich', r, '');
    } else process.stdout.write('填写约 20 MB 的复杂工作簿:跳过(需要 /usr/bin/python3 及 python3-openpyxl、python3-pil)\n');

    const far = path.join(dir, 'far.xlsx');
    await farCellFile(far);
    const f = measure('write', far, path.join(dir, 'far-written.xlsx'));
    print(`读写只有 XFD1048576 一个远端单元格的小文件(${mb(far)})`, 'far', f, f.ms < 2000 && f.maxRssMB < 300 ? '(target < 2 s, < 300 MB) 达标' : '(target < 2 s, < 300 MB) 未达标');

    const full = path.join(dir, 'full.xlsx');
    await fullGridFile(full);
    const g = measure('read', full);
    print(`读取 1,048,576 行 × 6 列的满表(${mb(full)})`, 'full', g, g.ms < 15000 ? '(读完或在数秒内明确拒绝) 达标' : '未达标');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void runFilesBench();
