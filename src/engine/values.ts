/**
 * Converting what a cell or a worksheet-function argument holds into the number the engine
 * scores, by field kind. Pure: used by the worksheet functions and the workbook checks alike,
 * so "85%", "是" or "１２３" mean the same everywhere.
 */
import { vocabulary, type FieldKind, type InputField } from '../rules';
import { errorKindFromText, wanmuError, type ErrorKind, type WanmuError } from './errors';

/** A spreadsheet error value in a cell (#N/A, #REF! …), host-neutral. */
export interface SheetError {
  readonly sheetError: ErrorKind;
}

export function sheetError(kind: ErrorKind): SheetError {
  return { sheetError: kind };
}

export function isSheetError(x: unknown): x is SheetError {
  return typeof x === 'object' && x !== null && 'sheetError' in x;
}

/** What a cell can hold, as every host reports it. */
export type RawValue = number | string | boolean | null | SheetError;

/** Something worth telling the user about a value that was still understood. */
export type NoticeCode = 'percent_text' | 'fullwidth' | 'number_as_text' | 'yesno_text';
export interface Notice {
  readonly code: NoticeCode;
  readonly text: string;
}

export type Parsed =
  | { readonly ok: true; readonly value: number | null; readonly notice?: Notice }
  | { readonly ok: false; readonly error: WanmuError };

const YES = new Set<string>(vocabulary.answers.yes);
const NO = new Set<string>(vocabulary.answers.no);

/** Full-width digits and signs (０-９ ． － ％ ，) to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** How an answer word is compared: no spaces, half-width, lower case (" 有 ", "Ｙ", "已 制定"). */
export function answerKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
}

/** 1 for a yes answer, 0 for a no answer, undefined for any other text. */
export function answerOf(text: string): 0 | 1 | undefined {
  const k = answerKey(text);
  if (YES.has(k)) return 1;
  if (NO.has(k)) return 0;
  return undefined;
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function parseNumberText(text: string): number | undefined {
  if (NUMBER_RE.test(text)) return Number(text);
  if (GROUPED_RE.test(text)) return Number(text.replace(/,/g, ''));
  return undefined;
}

function notice(code: NoticeCode, text: string, value: number): Parsed {
  return { ok: true, value, notice: { code, text } };
}

function fail(error: WanmuError): Parsed {
  return { ok: false, error };
}

function parseText(kind: FieldKind, label: string, original: string): Parsed {
  const trimmed = original.trim();
  if (trimmed === '') return { ok: true, value: null };
  const errKind = errorKindFromText(trimmed);
  if (errKind && trimmed.startsWith('#')) return fail(wanmuError({ code: 'upstream', kind: errKind, field: label }));
  const half = toHalfWidth(trimmed).trim();
  const wasFullWidth = half !== trimmed;

  if (kind === 'yesno') {
    const answer = answerOf(half);
    if (answer !== undefined) return notice('yesno_text', original, answer);
    return fail(wanmuError({ code: 'not_yes_no', field: label, text: original }));
  }
  const pct = /^(.*?)\s*%$/.exec(half);
  if (pct) {
    const v = parseNumberText(pct[1]);
    if (v !== undefined) return notice('percent_text', original, v / 100);
  }
  const v = parseNumberText(half);
  if (v !== undefined) return notice(wasFullWidth ? 'fullwidth' : 'number_as_text', original, v);
  // "3.2亿元", "12家": a number with a unit or words around it.
  const leading = /^([+-]?\d[\d,]*(\.\d+)?)\s*([^\d\s].*)$/.exec(half);
  if (leading && parseNumberText(leading[1]) !== undefined) {
    return fail(wanmuError({ code: 'unit_in_cell', field: label, text: original }));
  }
  return fail(wanmuError({ code: 'not_number', field: label, text: original }));
}

/**
 * Converts a raw value for a field. Blank → null (the scorer decides whether blank is allowed).
 * Domain checks (negative, share above 1 …) are the scorer's, so they apply to numbers too.
 */
export function parseInput(field: Pick<InputField, 'kind' | 'label'>, raw: RawValue | undefined): Parsed {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail(wanmuError({ code: 'not_number', field: field.label, text: String(raw) }));
    if (field.kind === 'yesno' && raw !== 0 && raw !== 1) {
      return fail(wanmuError({ code: 'not_yes_no', field: field.label, text: String(raw) }));
    }
    return { ok: true, value: raw };
  }
  if (typeof raw === 'boolean') {
    if (field.kind === 'yesno') return { ok: true, value: raw ? 1 : 0 };
    return fail(wanmuError({ code: 'not_number', field: field.label, text: raw ? 'TRUE' : 'FALSE' }));
  }
  if (typeof raw === 'string') return parseText(field.kind, field.label, raw);
  return fail(wanmuError({ code: 'upstream', kind: raw.sheetError, field: field.label }));
}
