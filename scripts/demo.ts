/* Worked example: scores one platform on a few indicators and prints the arithmetic. */
import { runFunction } from '../src/functions/declarations';
import { errorMessage, isWanmuError } from '../src/engine';

const examples: [string, ...unknown[]][] = [
  ['验收', 1, 1180],
  ['验收', 2, '72%'],
  ['验收', 5, 0.5],
  ['验收', 9, 1, 12],
  ['年度', 1, 120, [[80], [120], [200]]],
  ['年度', 11, '是', '是', '否', '是'],
  ['年度', 14, 3],
  ['验收', 2, 72],
];
for (const ex of examples) {
  const r = runFunction("EXPLAIN", ex as unknown as never[]);
  process.stdout.write(`${isWanmuError(r) ? `错误:${errorMessage(r.reason)}` : String(r)}\n`);
}
