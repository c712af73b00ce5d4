/**
 * Argument conversion shared by every worksheet function, host-neutral: arguments arrive as the
 * engine's `RawValue` (a host adapter has already turned host error objects into SheetError)
 * or as a matrix of them (a range).
 */
import { isSheetError, wanmuError, type RawValue, type WanmuError } from '../engine';

export type Matrix = RawValue[][];
export type Arg = RawValue | Matrix | undefined;

/** One cell of a function's result: a number, a text, or a typed error. */
export type CellResult = number | string | WanmuError;
export type FnResult = CellResult | CellResult[][];

export function isMatrix(a: Arg): a is Matrix {
  return Array.isArray(a);
}

/** A scalar argument: a 1×1 range counts as its value; a larger range is an error. */
export function scalar(a: Arg, label: string): RawValue | WanmuError {
  if (a === undefined) return null;
  if (!isMatrix(a)) return a;
  if (a.length === 1 && a[0].length === 1) return a[0][0];
  if (a.length === 0 || a.every((row) => row.length === 0)) return null;
  return wanmuError({ code: 'not_single_value', field: label });
}

/** A range argument: a scalar counts as a 1×1 range. */
export function matrix(a: Arg): Matrix {
  if (a === undefined || a === null) return [];
  return isMatrix(a) ? a : [[a]];
}

/** Blank, as spreadsheets pass it: null, undefined or "" (an empty cell in a range). */
export function isBlank(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Errors in an argument pass through unchanged (kind kept), naming the argument. */
export function upstream(v: RawValue, label: string): WanmuError | undefined {
  return isSheetError(v) ? wanmuError({ code: 'upstream', kind: v.sheetError, field: label }) : undefined;
}
