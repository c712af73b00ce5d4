/**
 * The issued rules, validated once at load time. Everything above `rules/` reads them from here.
 */
import { acceptanceTable } from './acceptance';
import { annualTable } from './annual';
import type { EvaluationId, EvaluationTable, Indicator, Normalization } from './schema';

// Types only: the zod schemas are applied by ./validate (tests, command line), so the
// worksheet-function bundle does not carry zod.
export type * from './schema';
export { ENERGY_BENCHMARK } from './acceptance';
export { vocabulary } from './vocabulary';
export { matchThresholds, matchWords } from './matching';
export { absentMeansDefault } from './fields';

/** 附件4 二、评价指标评分说明: S=[(x-xmin)/(xmax-xmin)×0.4+0.6]×分值 */
export const normalization: Normalization = {
  span: 0.4,
  floor: 0.6,
  formulaText: 'S=[(x-xmin)/(xmax-xmin)×0.4+0.6]×分值',
  cohortName: '培育名单',
};

export const tables: Readonly<Record<EvaluationId, EvaluationTable>> = Object.freeze({
  acceptance: acceptanceTable,
  annual: annualTable,
});

export const evaluationIds: readonly EvaluationId[] = ['acceptance', 'annual'];

/** Total of the 100-point scale. */
export const FULL_MARKS = 100;

export function getIndicator(evaluation: EvaluationId, number: number): Indicator | undefined {
  const t = tables[evaluation];
  return Number.isInteger(number) ? t.indicators[number - 1] : undefined;
}

/** Finds a table by what a user typed: 验收/年度/acceptance/annual/附件2/附件3 (case and spaces ignored). */
export function findTable(text: string): EvaluationTable | undefined {
  const key = text.replace(/\s+/g, '').toLowerCase();
  return evaluationIds.map((id) => tables[id]).find((t) => t.aliases.some((a) => a.toLowerCase() === key));
}
