/**
 * Benchmarks (printed, not asserted). Run with `npm run bench`.
 *  1. WANMU.NORMALIZE spill form over 100,000 values — target < 50 ms
 *  2. scoring 10,000 platforms on all 32 indicators — target < 200 ms
 *  3. check and fill of a 2,000-platform cohort file end to end — target < 5 s
 *  4. files (scripts/bench-files.ts): fill of the cohort file and of a ~20 MB rich workbook, a
 *     far-cell file and a full 1,048,576-row sheet, each with its peak memory
 *  5. the workbook model (scripts/bench-model.ts): recalculation, report, memory, many tables
 *  6. headers in people's own words (scripts/bench-match.ts): column-role accuracy
 *  7. the task pane (scripts/bench-pane.ts): check through the Office.js host fake, explain, re-check after edits, bundle sizes
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { scoreCohort, scorePlatform, type IndicatorValues } from '../src/engine';
import { runFunction } from '../src/functions/declarations';
import { tables, type InputField } from '../src/rules';
import { runFilesBench } from './bench-files';
import { runWorkbookBench } from './bench-workbook';
import { runModelBench } from './bench-model';
import { runMatchBench } from './bench-match';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(label: string, target: number, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  const m = median(ts);
  const verdict = m <= target ? '达标' : '未达标';
  process.stdout.write(`${label}: median ${m.toFixed(1)} ms, min ${Math.min(...ts).toFixed(1)} ms over ${runs} runs (target < ${target} ms) ${verdict}\n`);
}

const rand = rng(42);
function value(f: InputField): number {
  switch (f.kind) {
    case 'share': return rand();
    case 'count': return Math.floor(rand() * 6);
    case 'yesno': return rand() < 0.5 ? 0 : 1;
    case 'score': return rand() * 100;
    case 'amount': return f.positive ? 0.1 + rand() : rand() * 1500;
  }
}

// 1. NORMALIZE over 100,000 values
const N = 100_000;
const column = Array.from({ length: N }, () => [rand() * 1000]);
time(`NORMALIZE 溢出 ${N.toLocaleString()} 个值`, 50, 15, () => runFunction('NORMALIZE', [column, column, 10]));

// 2. 10,000 platforms × 32 indicators
const P = 10_000;
const acc: IndicatorValues[][] = Array.from({ length: P }, () => tables.acceptance.indicators.map((ind) => ind.inputs.map(value)));
const ann: IndicatorValues[][] = Array.from({ length: P }, () => tables.annual.indicators.map((ind) => ind.inputs.map(value)));
time(`${P.toLocaleString()} 个平台 × 32 项指标评分`, 200, 15, () => {
  for (const p of acc) scorePlatform(tables.acceptance, p);
  scoreCohort(tables.annual, ann);
});

// 3. Check and fill of a 2,000-platform cohort file, end to end; 4. the file host; 5. the workbook model.
void (async () => {
  await runWorkbookBench();
  await runFilesBench();
  await runModelBench();
  runMatchBench();
  // the pane in a process of its own, as it runs in its own web view: not in a heap the benches
  // above have filled with their 20,000-row workbooks
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', "require('./scripts/bench-pane').runPaneBench().catch((e) => { console.error(e); process.exit(1); })"], { cwd: path.resolve(__dirname, '..'), stdio: 'inherit' });
  if (r.status !== 0) process.stdout.write(`面板测量失败(退出码 ${r.status})\n`);
})();
