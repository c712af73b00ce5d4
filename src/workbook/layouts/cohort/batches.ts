/**
 * One 培育名单 over several sheets. Input sheets of the same evaluation, with the same input
 * columns read in the same units and no platform in common, are batches of one list when their
 * names say so (第一批, 第二批 …) or the user's mapping does: 附件4 takes xmin and xmax over the
 * whole 培育名单, so they are one table, with a note saying so and how to score a sheet alone.
 * When such sheets' names do not say it, they stay apart, with a warning at every 无量纲化 column
 * that its xmin/xmax depend on whether the sheets form one 培育名单 — never silently one way.
 */
import { vocabulary  } from '../../../rules';
import { finding, type Finding } from '../../findings/codes';
import { platformKeys } from './pairing';
import { type CohortSheet } from './types';

function shape(s: CohortSheet): string {
  const parts: string[] = [];
  for (const c of s.columns) if (c.role.kind === 'input') parts.push(`${c.role.indicator}.${c.role.field}×${c.unit.factor}${c.unit.unknown ? '?' : ''}`);
  return `${s.evaluation}|${parts.sort().join(',')}`;
}

function saysBatch(s: CohortSheet): boolean {
  return vocabulary.batchWords.some((w) => s.sheet.name.includes(w));
}

function disjoint(group: readonly CohortSheet[]): boolean {
  const seen = new Set<string>();
  for (const s of group) {
    for (const k of platformKeys(s).keys()) {
      if (seen.has(k)) return false;
      seen.add(k);
    }
  }
  return true;
}

/** The input sheets as tables: each a list of sheets, batches of one 培育名单 joined (first sheet first). */
export function groupBatches(inputs: readonly CohortSheet[]): { groups: CohortSheet[][]; notes: Map<CohortSheet, Finding[]> } {
  const notes = new Map<CohortSheet, Finding[]>();
  const byShape = new Map<string, CohortSheet[]>();
  for (const s of inputs) {
    const k = shape(s);
    const list = byShape.get(k);
    if (list) list.push(s);
    else byShape.set(k, [s]);
  }
  const joined = new Map<CohortSheet, CohortSheet[]>();
  for (const same of byShape.values()) {
    const open = same.filter((s) => s.options.cohort !== 'own');
    if (open.length < 2 || !disjoint(open)) continue;
    const batches = open.filter((s) => s.options.cohort === 'batch' || saysBatch(s));
    if (batches.length >= 2) {
      joined.set(batches[0], batches);
      for (const b of batches.slice(1)) joined.set(b, []);
      const first = batches[0];
      notes.set(first, [finding('info', 'cohort_batches', first.sheet.name, first.headerTop(first.platformCol), first.platformCol, { sheets: batches.map((b) => b.sheet.name) })]);
    }
    const unsure = open.filter((s) => !batches.includes(s));
    if (unsure.length >= 1 && unsure.length + batches.length >= 2) {
      const others = open.map((o) => o.sheet.name);
      for (const s of unsure) {
        const list = notes.get(s) ?? [];
        s.tables[s.evaluation].indicators.forEach((ind, i) => {
          if (ind.rule.kind !== 'normalized') return;
          const c = s.columns.find((d) => d.role.kind === 'input' && d.role.indicator === i);
          if (c) list.push(finding('warning', 'cohort_maybe_batches', s.sheet.name, s.headerTop(c.col), c.col, { evaluation: s.evaluation, indicator: i + 1, sheets: others.filter((n) => n !== s.sheet.name) }));
        });
        notes.set(s, list);
      }
    }
  }
  const groups: CohortSheet[][] = [];
  for (const s of inputs) {
    const j = joined.get(s);
    if (j === undefined) groups.push([s]);
    else if (j.length > 0) groups.push(j);
  }
  return { groups, notes };
}
