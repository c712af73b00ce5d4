/**
 * Whether a cell still holds what was read or written: the same formula (its cached result may
 * have been recalculated since), or the same constant. Empty text and an absent cell are the same.
 */
import type { RawValue } from '../engine';
import type { CellData, ExpectedCell } from './model';

function norm(v: RawValue | undefined): RawValue {
  return v === '' || v === undefined ? null : v;
}

export function sameContentAs(expected: Pick<CellData, 'value' | 'formula'> | ExpectedCell, found: CellData | null): boolean {
  if ((found?.formula ?? undefined) !== (expected.formula ?? undefined)) return false;
  if (expected.formula !== undefined) return true;
  const a = norm(expected.value);
  const b = norm(found?.value);
  if (a === null || b === null) return a === b;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
