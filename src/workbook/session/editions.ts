/**
 * An edition loaded at run time (a statistician's revised table, docs/rules.md), as the surfaces
 * use it: read and validated (problems name the field, in Chinese), the set of editions to score
 * by, and the sentence that lists how it differs from the built-in edition it revises — never
 * silently.
 */
import { builtIn, builtInEditions, compareEditions, editionSet, type Edition, type EditionDifference, type EditionSet } from '../../rules';
import { readEdition } from '../../rules/load';
import { renderEditionProblem, renderEditionProblems, renderLoadedEdition } from '../text/catalogue';

export interface LoadedRules {
  readonly ok: true;
  readonly editions: EditionSet;
  readonly edition: Edition;
  /** The built-in edition it revises (the one of its evaluation in force in its first year). */
  readonly base: Edition;
  readonly differences: readonly EditionDifference[];
  /** 年度评价按加载的评分规则“…”:与 2020 年版相比,第 2 项分值 5→6 … */
  readonly note: string;
}

export type RulesLoad = LoadedRules | { readonly ok: false; readonly message: string; readonly problems: readonly string[] };

/** Reads an edition from parsed JSON and makes the set of editions to score by. */
export function loadRules(json: unknown): RulesLoad {
  const r = readEdition(json);
  if (!r.ok) {
    const problems = r.problems.map(renderEditionProblem);
    return { ok: false, message: renderEditionProblems(problems), problems };
  }
  const edition = r.edition;
  const base = builtIn.tableFor(edition.evaluation, edition.since);
  const differences = builtInEditions.includes(edition) ? [] : compareEditions(base, edition);
  const editions = editionSet(builtInEditions.includes(edition) ? [] : [edition]);
  return { ok: true, editions, edition, base, differences, note: renderLoadedEdition(edition, base, differences) };
}
