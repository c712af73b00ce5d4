/**
 * Validates the editions with their zod schema and checks that 分值 add up: to each 一级指标's
 * weight and to 100. Run by the tests and at the start of the command line (built-in editions),
 * and on every edition loaded at run time (src/rules/load.ts).
 */
import { FULL_MARKS } from './index';
import { builtInEditions } from './editions';
import { EditionSchema, type Edition } from './schema';

/** A problem of an edition: where (the path of the field) and what, in words. */
export interface EditionProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What the schema cannot say: 分值 adding up to each weight and to 100. */
export function sumProblems(table: Edition): EditionProblem[] {
  const problems: EditionProblem[] = [];
  table.groups.forEach((g, gi) => {
    const sum = table.indicators.filter((ind) => ind.group === gi).reduce((s, ind) => s + ind.points, 0);
    if (Math.abs(sum - g.weight) > 1e-9) problems.push({ path: ['groups', gi, 'weight'], message: `“${g.name}”各项分值之和为 ${sum},与权重 ${g.weight} 不符` });
  });
  const total = table.indicators.reduce((s, ind) => s + ind.points, 0);
  if (Math.abs(total - FULL_MARKS) > 1e-9) problems.push({ path: ['indicators'], message: `各项分值之和为 ${total},应为 ${FULL_MARKS}` });
  return problems;
}

export function validateRules(): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const table of builtInEditions) {
    if (ids.has(table.id)) problems.push(`${table.id}: two editions have this id`);
    ids.add(table.id);
    const parsed = EditionSchema.safeParse(table);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((i) => `${table.id} ${i.path.join('.')}: ${i.message}`));
      continue;
    }
    problems.push(...sumProblems(table).map((p) => `${table.id} ${p.path.join('.')}: ${p.message}`));
  }
  return problems;
}
