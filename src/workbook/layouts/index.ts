/**
 * The registry of layouts. Recognition offers each sheet to the layouts in this order; a sheet a
 * layout claims is not offered to the next. Everything that depends on a table's shape asks
 * `layoutOf(table.kind)`: one entry per LayoutKind, checked by the type below.
 */
import { cohortLayout } from './cohort';
import { issuedLayout, matrixLayout } from './issued';
import type { Layout, LayoutKind, Recognizer } from '../contract/layout';
import { parameterSheets } from './parameters';

const byKind: { readonly [K in LayoutKind]: Layout & { readonly kind: K } } = {
  issued: issuedLayout as Layout & { kind: 'issued' },
  matrix: matrixLayout as Layout & { kind: 'matrix' },
  cohort: cohortLayout as Layout & { kind: 'cohort' },
};

/** The layouts, in the order sheets are offered: the stricter shapes first. */
export const layouts: readonly Layout[] = [issuedLayout, matrixLayout, cohortLayout];

/** What recognition runs, in order: sheets that hold no table (parameters), then the layouts. */
export const recognizers: readonly Recognizer[] = [parameterSheets, ...layouts];

export function layoutOf(kind: LayoutKind): Layout {
  return byKind[kind];
}

/** The layout that makes blank tables (the issued table). */
export function templateLayout(): Layout & { readonly template: NonNullable<Layout['template']> } {
  const l = layouts.find((x) => x.template !== undefined);
  if (!l || !l.template) throw new Error('no layout makes blank tables');
  return l as Layout & { readonly template: NonNullable<Layout['template']> };
}

export * from '../contract/layout';
