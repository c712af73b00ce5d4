/**
 * The registry of layouts: one line per layout. Recognition offers each sheet to the recognizers
 * in this order; a sheet a layout claims is not offered to the next. Everything that depends on a
 * table's shape asks `layoutOf(table.kind)`; none branches on a kind. Each layout declares all
 * about itself (its kind, names per surface, the reading roles of the sheets it claims and their
 * words, the texts it writes); the kinds below are derived from this list.
 */
import { cohortLayout } from './cohort';
import { issuedLayout, matrixLayout } from './issued';
import type { Layout, Recognizer, SheetReadingRole } from '../contract/layout';
import { parameterSheets } from './parameters';

/** The layouts, in the order sheets are offered: the stricter shapes first. */
export const layouts = [issuedLayout, matrixLayout, cohortLayout] as const;

/** The registered layouts' kinds. */
export type LayoutKind = (typeof layouts)[number]['kind'];

/** What recognition runs, in order: sheets that hold no table (parameters), then the layouts. */
export const recognizers: readonly Recognizer[] = [parameterSheets, ...layouts];

const byKind = new Map<string, Layout>(layouts.map((l) => [l.kind, l]));

export function layoutOf(kind: string): Layout {
  const l = byKind.get(kind);
  // a table's kind is always a registered layout's: another is a bug, not a user's mistake
  if (!l) throw new Error(`no layout of kind ${kind}`);
  return l;
}

/** A reading role in words, as the recognizer that gives it declares it (undefined: none does). */
export function sheetRoleText(role: SheetReadingRole): string | undefined {
  for (const r of recognizers) if (role in r.sheetRoles) return r.sheetRoles[role];
  return undefined;
}

/** The layout that makes blank tables (the issued table). */
export function templateLayout(): Layout & { readonly template: NonNullable<Layout['template']> } {
  const l = layouts.find((x): x is typeof x & { template: NonNullable<Layout['template']> } => 'template' in x && x.template !== undefined);
  if (!l) throw new Error('no layout makes blank tables');
  return l;
}

export * from '../contract/layout';
