/**
 * The issued rules, validated once at load time. Everything above `rules/` reads them from here.
 */
import { builtIn, evaluationIds, type Tables } from './editions';
import type { EvaluationId, EvaluationTable, Indicator } from './schema';

// Types only: the zod schemas are applied by ./validate (tests, command line), so the
// worksheet-function bundle does not carry zod.
export type * from './schema';
export { builtIn, builtInEditions, defaultEvaluation, editionName, editionSet, evaluationIds, type EditionSet, type Tables } from './editions';
export { vocabulary } from './vocabulary';
export { compareEditions, type EditionDifference } from './compare';
export { matchThresholds, matchWords } from './matching';
export { absentMeansDefault } from './fields';

/** The built-in edition in force now, per evaluation (the worksheet functions score by these). */
export const tables: Tables = builtIn.inForce;

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
