/**
 * Excel adapter for the worksheet functions: turns Excel's arguments into host-neutral ones and
 * the engine's typed errors into `CustomFunctions.Error`. The only place that knows Excel's error
 * objects. Documented host configuration (not branches): which error codes carry a message.
 */
import { errorKindFromText, errorMessage, isWanmuError, sheetError, type ErrorKind, type RawValue, type WanmuError } from '../../engine';
import type { Arg, CellResult, FnResult } from '../../functions/args';

/**
 * Excel shows a custom message only for #VALUE! and #N/A (CustomFunctions.ErrorCode docs);
 * other codes are returned without one.
 */
export const EXCEL_ERROR_CONFIG: Readonly<Record<ErrorKind, { code: string; message: boolean }>> = {
  value: { code: '#VALUE!', message: true },
  na: { code: '#N/A', message: true },
  num: { code: '#NUM!', message: false },
  div0: { code: '#DIV/0!', message: false },
  ref: { code: '#REF!', message: false },
  name: { code: '#NAME?', message: false },
  null: { code: '#NULL!', message: false },
  spill: { code: '#VALUE!', message: true },
  calc: { code: '#VALUE!', message: true },
  busy: { code: '#N/A', message: true },
};

/** Excel passes an error in an argument as an object with its code ("#N/A" …). */
function fromExcelValue(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const code = (v as { code?: unknown }).code;
    if (typeof code === 'string') {
      const kind = errorKindFromText(code);
      if (kind) return sheetError(kind);
    }
  }
  return sheetError('value');
}

export function fromExcel(a: unknown): Arg {
  if (Array.isArray(a)) return a.map((row: unknown) => (Array.isArray(row) ? row.map(fromExcelValue) : [fromExcelValue(row)]));
  return fromExcelValue(a);
}

export function toExcelError(e: WanmuError): CustomFunctions.Error {
  const cfg = EXCEL_ERROR_CONFIG[e.kind];
  const code = cfg.code as CustomFunctions.ErrorCode;
  return cfg.message ? new CustomFunctions.Error(code, errorMessage(e.reason)) : new CustomFunctions.Error(code);
}

type ExcelCell = number | string | CustomFunctions.Error;

function cell(c: CellResult): ExcelCell {
  return isWanmuError(c) ? toExcelError(c) : c;
}

/** A scalar result; a typed error is thrown, as Excel expects for a single-cell error. */
export function toExcelScalar(r: FnResult): number | string {
  if (Array.isArray(r)) throw toExcelError({ kind: 'value', reason: { code: 'not_single_value', field: '结果' } });
  if (isWanmuError(r)) throw toExcelError(r);
  return r;
}

/** A spilled result; a whole-function error is thrown, per-cell errors stay in their cells. */
export function toExcelMatrix(r: FnResult): ExcelCell[][] {
  if (isWanmuError(r)) throw toExcelError(r);
  if (!Array.isArray(r)) return [[r]];
  return r.map((row) => row.map(cell));
}
