/**
 * Headers in people's own words (test/match/variants.ts): column-role accuracy over generated
 * tables and the hand-written headers, and the time a table's recognition takes.
 */
import { performance } from 'perf_hooks';
import { accuracy, emptyTally, generate, handTables, measure, type Tally } from '../test/match/variants';
import { handVariants, type HandVariant } from '../test/match/hand-variants';
import { holdoutVariants } from '../test/match/holdout-variants';
import { holdout2Variants } from '../test/match/holdout2-variants';

function line(label: string, t: Tally, ms: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  return `${label}: ${t.tables} 张表,${t.inputs} 个输入列识别正确 ${pct(accuracy(t))};误认 ${t.wrongWarned + t.wrongSilent.length} 列(其中未警告 ${t.wrongSilent.length} 列),未使用 ${t.unusedReported + t.unusedSilent.length} 列(未报告 ${t.unusedSilent.length} 列);不应识别的 ${t.others} 列中 ${t.othersLeft} 列未被使用;未识别为表格 ${t.unrecognizedTables.length} 张;每张表 ${(ms / Math.max(1, t.tables)).toFixed(2)} ms\n`;
}

export function runMatchBench(generated = 5000): void {
  const g = emptyTally();
  let t0 = performance.now();
  for (let s = 1; s <= generated; s++) measure(generate(s), g);
  process.stdout.write(line('表头匹配(生成的变体)', g, performance.now() - t0));
  const sets: [string, readonly HandVariant[]][] = [
    ['手写', handVariants],
    ['留出集一', holdoutVariants],
    ['留出集二', holdout2Variants],
  ];
  for (const [name, variants] of sets) {
    const h = emptyTally();
    t0 = performance.now();
    for (const x of handTables(variants)) measure(x, h);
    process.stdout.write(line(`表头匹配(${name}的 ${variants.length} 个表头)`, h, performance.now() - t0));
  }
}
