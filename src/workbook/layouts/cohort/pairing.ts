/**
 * Pairs score sheets with the input sheets they score and settles ambiguous sheets.
 */
import { type EvaluationId  } from '../../../rules';
import { finding, type Finding } from '../../findings/codes';
import { headerKey } from '../../core/text';
import { resettle } from './sheet';
import { type CohortSheet } from './types';

const keysOf = new WeakMap<CohortSheet, ReadonlyMap<string, number>>();

/** Platform names of a sheet, by their header key (made once per sheet read). */
export function platformKeys(cs: CohortSheet): ReadonlyMap<string, number> {
  const known = keysOf.get(cs);
  if (known) return known;
  const m = new Map<string, number>();
  for (const r of cs.rows) if (r.kind === 'platform' && !m.has(headerKey(r.name))) m.set(headerKey(r.name), r.row);
  keysOf.set(cs, m);
  return m;
}

/**
 * Pairs score sheets with the input sheets they score and settles ambiguous sheets. Linear in the
 * number of sheets: names are looked up in one index.
 */
export function pairSheets(sheets: readonly CohortSheet[], findings: Finding[]): Map<CohortSheet, CohortSheet> {
  const pairs = new Map<CohortSheet, CohortSheet>();
  // only score sheets and sheets of unsettled role are paired: input sheets alone need no name index
  if (!sheets.some((s) => s.role === 'scores' || s.role === 'ambiguous')) return pairs;
  const byName = new Map(sheets.map((s) => [s.sheet.name, s]));
  const keys = new Map(sheets.map((s) => [s, platformKeys(s)]));
  // name → input sheets holding it
  const holders = new Map<string, CohortSheet[]>();
  for (const s of sheets) {
    if (s.role !== 'inputs' && s.role !== 'combined' && s.role !== 'ambiguous') continue;
    for (const k of keys.get(s)?.keys() ?? []) {
      const list = holders.get(k);
      if (list) list.push(s);
      else holders.set(k, [s]);
    }
  }
  const overlapping = (s: CohortSheet): CohortSheet[] => {
    const count = new Map<CohortSheet, number>();
    const own = keys.get(s) as ReadonlyMap<string, number>;
    for (const k of own.keys()) for (const h of holders.get(k) ?? []) if (h !== s) count.set(h, (count.get(h) ?? 0) + 1);
    return [...count].filter(([, n]) => n * 2 >= own.size && n > 0).map(([h]) => h);
  };
  // Ambiguous sheets: scores when another sheet with the same platforms holds values beyond the
  // 分值 of a shared indicator that this one keeps within; inputs when no sheet shares its
  // platforms; otherwise left unread, with a finding.
  for (const s of sheets) {
    if (s.role !== 'ambiguous') continue;
    const others = overlapping(s).filter((o) => o.role === 'inputs' || o.role === 'combined');
    if (others.length === 0) {
      resettle(s, 'inputs');
      continue;
    }
    const larger = others.filter((o) => s.columns.some((c) => {
      const ind = c.role.kind === 'input' || c.role.kind === 'score' ? c.role.indicator : -1;
      if (ind < 0) return false;
      const points = s.tables[s.evaluation].indicators[ind].points;
      const mine = s.stats.get(c.col);
      return mine !== undefined && mine.numbers > 0 && mine.maxNumber <= points + 1e-9 && o.columns.some((oc) => oc.role.kind === 'input' && oc.role.indicator === ind && (o.stats.get(oc.col)?.maxNumber ?? -Infinity) > points + 1e-9);
    }));
    if (larger.length > 0) resettle(s, 'scores');
    else {
      s.role = 'none';
      findings.push(finding('warning', 'ambiguous_sheet', s.sheet.name, s.headerTop(s.platformCol), s.platformCol, { reasons: others.map((o) => o.sheet.name) }));
    }
  }
  for (const s of sheets) {
    if (s.role !== 'scores') continue;
    let target: CohortSheet | undefined;
    if (s.options.inputSheet) target = byName.get(s.options.inputSheet);
    if (!target && s.readsFrom) {
      const r = byName.get(s.readsFrom);
      if (r && (r.role === 'inputs' || r.role === 'combined')) target = r;
    }
    if (!target) {
      const candidates = overlapping(s).filter((o) => o.role === 'inputs' || o.role === 'combined');
      if (candidates.length === 1) target = candidates[0];
      else if (candidates.length > 1) {
        findings.push(finding('warning', 'ambiguous_score_sheet', s.sheet.name, s.headerTop(s.platformCol), s.platformCol, { candidates: candidates.map((c) => c.sheet.name) }));
        continue;
      }
    }
    if (!target) {
      findings.push(finding('info', 'score_sheet_without_data', s.sheet.name, s.headerTop(s.platformCol), s.platformCol, {}));
      continue;
    }
    if (target.evaluation !== s.evaluation) {
      // a score sheet scores its data sheet's evaluation
      (s as { evaluation: EvaluationId }).evaluation = target.evaluation;
    }
    pairs.set(s, target);
  }
  return pairs;
}

