"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sheetError = sheetError;
exports.isSheetError = isSheetError;
exports.toHalfWidth = toHalfWidth;
exports.parseInput = parseInput;
const errors_1 = require("./errors");
function sheetError(kind) {
    return { sheetError: kind };
}
function isSheetError(x) {
    return typeof x === 'object' && x !== null && 'sheetError' in x;
}
const YES = new Set(['是', 'true', '√', '✓', '1']);
const NO = new Set(['否', 'false', '×', '✗', '0']);
/** Full-width digits and signs (０-９ ． － ％ ，) to ASCII. */
function toHalfWidth(text) {
    return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
function parseNumberText(text) {
    if (NUMBER_RE.test(text))
        return Number(text);
    if (GROUPED_RE.test(text))
        return Number(text.replace(/,/g, ''));
    return undefined;
}
function notice(code, text, value) {
    return { ok: true, value, notice: { code, text } };
}
function fail(error) {
    return { ok: false, error };
}
function parseText(kind, label, original) {
    const trimmed = original.trim();
    if (trimmed === '')
        return { ok: true, value: null };
    const errKind = (0, errors_1.errorKindFromText)(trimmed);
    if (errKind && trimmed.startsWith('#'))
        return fail((0, errors_1.wanmuError)({ code: 'upstream', kind: errKind, field: label }));
    const half = toHalfWidth(trimmed).trim();
    const wasFullWidth = half !== trimmed;
    if (kind === 'yesno') {
        const key = half.toLowerCase();
        if (YES.has(key))
            return notice('yesno_text', original, 1);
        if (NO.has(key))
            return notice('yesno_text', original, 0);
        return fail((0, errors_1.wanmuError)({ code: 'not_yes_no', field: label, text: original }));
    }
    const pct = /^(.*?)\s*%$/.exec(half);
    if (pct) {
        const v = parseNumberText(pct[1]);
        if (v !== undefined)
            return notice('percent_text', original, v / 100);
    }
    const v = parseNumberText(half);
    if (v !== undefined)
        return notice(wasFullWidth ? 'fullwidth' : 'number_as_text', original, v);
    // "3.2亿元", "12家": a number with a unit or words around it.
    const leading = /^([+-]?\d[\d,]*(\.\d+)?)\s*([^\d\s].*)$/.exec(half);
    if (leading && parseNumberText(leading[1]) !== undefined) {
        return fail((0, errors_1.wanmuError)({ code: 'unit_in_cell', field: label, text: original }));
    }
    return fail((0, errors_1.wanmuError)({ code: 'not_number', field: label, text: original }));
}
/**
 * Converts a raw value for a field. Blank → null (the scorer decides whether blank is allowed).
 * Domain checks (negative, share above 1 …) are the scorer's, so they apply to numbers too.
 */
function parseInput(field, raw) {
    if (raw === null || raw === undefined)
        return { ok: true, value: null };
    if (typeof raw === 'number') {
        if (!Number.isFinite(raw))
            return fail((0, errors_1.wanmuError)({ code: 'not_number', field: field.label, text: String(raw) }));
        if (field.kind === 'yesno' && raw !== 0 && raw !== 1) {
            return fail((0, errors_1.wanmuError)({ code: 'not_yes_no', field: field.label, text: String(raw) }));
        }
        return { ok: true, value: raw };
    }
    if (typeof raw === 'boolean') {
        if (field.kind === 'yesno')
            return { ok: true, value: raw ? 1 : 0 };
        return fail((0, errors_1.wanmuError)({ code: 'not_number', field: field.label, text: raw ? 'TRUE' : 'FALSE' }));
    }
    if (typeof raw === 'string')
        return parseText(field.kind, field.label, raw);
    return fail((0, errors_1.wanmuError)({ code: 'upstream', kind: raw.sheetError, field: field.label }));
}
