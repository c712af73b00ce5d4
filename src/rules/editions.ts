/**
 * The editions of the issued tables and which one is in force. A table is scored by the edition of
 * its evaluation in force for its evaluated year: the newest whose `since` is not after that year
 * (the newest of all when the year is not known). A set of editions may hold editions loaded at run
 * time beside the built-in ones; at the same `since`, a loaded edition is taken over a built-in one.
 */
import { acceptance2020 } from './tables/acceptance-2020';
import { annual2020 } from './tables/annual-2020';
import type { Edition, EvaluationId } from './schema';

/** An edition as users name it: 衢政办发〔2020〕28号 2020 年版. */
export function editionName(t: Edition): string {
  return `${t.source} ${t.label}`;
}

/** The editions this release carries. One line per edition. */
export const builtInEditions: readonly Edition[] = [acceptance2020, annual2020];

/** The evaluations there are editions of, in the order the surfaces list them. */
export const evaluationIds: readonly EvaluationId[] = ['acceptance', 'annual'];

/** The evaluation a table is taken for when nothing in it says which (the yearly one, filled most often). */
export const defaultEvaluation: EvaluationId = 'annual';

/** One edition per evaluation: the tables in force for a workbook (what recognition matches headers against). */
export type Tables = Readonly<Record<EvaluationId, Edition>>;

export interface EditionSet {
  /** The newest edition of each evaluation (a loaded one at the same year). */
  readonly inForce: Tables;
  /** Every edition, built-in ones first. */
  readonly editions: readonly Edition[];
  /** Editions loaded at run time (a subset of `editions`). */
  readonly loaded: readonly Edition[];
  /** The edition in force for an evaluation and evaluated year (undefined: the newest). */
  tableFor(evaluation: EvaluationId, year?: number): Edition;
}

/** A set of editions: the built-in ones and, after them, any loaded ones. */
export function editionSet(loaded: readonly Edition[] = []): EditionSet {
  const editions = [...builtInEditions, ...loaded];
  const isLoaded = new Set<Edition>(loaded);
  const byEvaluation = new Map<EvaluationId, Edition[]>();
  for (const e of editions) {
    const list = byEvaluation.get(e.evaluation) ?? [];
    list.push(e);
    byEvaluation.set(e.evaluation, list);
  }
  // newest first; at the same year a loaded edition before a built-in one
  for (const list of byEvaluation.values()) list.sort((a, b) => b.since - a.since || Number(isLoaded.has(b)) - Number(isLoaded.has(a)));
  const tableFor = (evaluation: EvaluationId, year?: number): Edition => {
    const list = byEvaluation.get(evaluation);
    if (!list || list.length === 0) throw new Error(`no edition of ${evaluation}`);
    if (year === undefined) return list[0];
    return list.find((e) => e.since <= year) ?? list[list.length - 1];
  };
  const inForce = Object.freeze(Object.fromEntries(evaluationIds.map((e) => [e, tableFor(e)])) as Record<EvaluationId, Edition>);
  return { inForce, editions, loaded, tableFor };
}

/** The built-in editions alone. */
export const builtIn: EditionSet = editionSet();
