/**
 * Every column accounted for, and what was left undone. Each column of a recognized table ends
 * as one role (platform, input, score, subtotal, total, note/ignored, unrecognized) with how sure
 * the reading is; the undone counts (indicators that could not be scored, score columns that went
 * unreviewed) stand next to the errors, so that "错误 0 个" is never the whole story.
 * Host-neutral: the CLI and the pane render these (surfaces' catalogues), never compute them.
 */
import type { EvaluationId } from '../../rules';
import { type Analysis } from '../contract/analysis';
import type { Finding } from '../findings/codes';
import { type ColumnDecision } from '../findings/roles';
import type { ScoreRecord } from '../core/model';

/** How sure a column's reading is: used as read, used with a warning, or not used. */
export type ColumnCertainty = 'sure' | 'uncertain' | 'unrecognized';

export interface LedgerColumn {
  readonly sheet: string;
  readonly evaluation: EvaluationId;
  readonly decision: ColumnDecision;
  readonly certainty: ColumnCertainty;
}

/** What a column's decision says about its certainty. */
export function certaintyOf(d: ColumnDecision): ColumnCertainty {
  if (d.role.kind === 'unrecognized') return 'unrecognized';
  const m = d.evidence.find((e) => e.kind === 'match');
  return m && m.kind === 'match' && m.confidence !== 'confident' ? 'uncertain' : 'sure';
}

const ORDER: Readonly<Record<ColumnCertainty, number>> = { unrecognized: 0, uncertain: 1, sure: 2 };

/**
 * Every column of every recognized table, unrecognized and uncertain ones first (then by sheet
 * and column, as in the workbook). Blank columns with no header are left out.
 */
export function columnLedger(a: Analysis): LedgerColumn[] {
  const out: { c: LedgerColumn; k: number }[] = [];
  let k = 0;
  for (const t of a.tables) {
    for (const cs of t.layout.columns) {
      for (const d of cs.decisions) {
        if (d.role.kind === 'ignored' && d.header.trim() === '') continue;
        out.push({ c: { sheet: cs.sheet, evaluation: t.table.evaluation, decision: d, certainty: certaintyOf(d) }, k: k++ });
      }
    }
  }
  return out.sort((x, y) => ORDER[x.c.certainty] - ORDER[y.c.certainty] || x.k - y.k).map((x) => x.c);
}

export interface Undone {
  /** Indicators (per table) with no score for at least one platform. */
  readonly unscoredIndicators: number;
  /** Score-like columns (得分/小计 headers, formulas reading inputs) the tool could not review. */
  readonly unreviewedScoreColumns: number;
}

/** Finding codes that say a score column was not reviewed. */
const UNREVIEWED: ReadonlySet<Finding['code']> = new Set<Finding['code']>(['score_column_unmatched']);

export function undoneOf(r: { readonly findings: readonly Finding[]; readonly scores: readonly ScoreRecord[] }): Undone {
  const unscored = new Set<string>();
  for (const s of r.scores) if (s.score === null) unscored.add(`${s.evaluation}\u0000${s.sheet}\u0000${s.indicator}`);
  const columns = new Set(r.findings.filter((f) => UNREVIEWED.has(f.code)).map((f) => `${f.sheet}!${f.cell}`));
  return { unscoredIndicators: unscored.size, unreviewedScoreColumns: columns.size };
}

/** Whether anything was left undone: the command line exits 1 for it, as for an error. */
export function anythingUndone(u: Undone): boolean {
  return u.unscoredIndicators > 0 || u.unreviewedScoreColumns > 0;
}
