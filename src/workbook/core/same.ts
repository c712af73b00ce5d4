/**
 * Whether a cell still holds what was read or written: the same formula (its cached result may
 * have been recalculated since), or the same constant. Empty text and an absent cell are the same.
 */
import type { RawValue } from '../../engine';
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

/** Whether two reads of a cell hold exactly the same: value (cached result included), formula and number format. */
export function sameCell(a: CellData | null | undefined, b: CellData | null | undefined): boolean {
  const x = norm(a?.value);
  const y = norm(b?.value);
  if ((a?.formula ?? undefined) !== (b?.formula ?? undefined)) return false;
  if ((a?.numFmt ?? undefined) !== (b?.numFmt ?? undefined)) return false;
  if (x === null || y === null) return x === y;
  if (typeof x === 'object' || typeof y === 'object') return JSON.stringify(x) === JSON.stringify(y);
  return x === y;
}
