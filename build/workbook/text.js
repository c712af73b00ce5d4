"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normalizeText = normalizeText;
exports.headerKey = headerKey;
exports.cellText = cellText;
exports.numbersIn = numbersIn;
/**
 * Comparing texts as statisticians type them: formatting is ignored (whitespace, line breaks,
 * full-/half-width forms, quote and dash variants), content is not.
 */
const engine_1 = require("../engine");
const DASHES = /[‐‑‒–—―−－~～]/g;
const QUOTES = /[“”„‟"＂]/g;
const SINGLE_QUOTES = /[‘’‚‛＇]/g;
/** Content of a text for comparison: NFKC, no whitespace, unified quotes and dashes. */
function normalizeText(s) {
    return s.normalize('NFKC').replace(/\s+/g, '').replace(DASHES, '-').replace(QUOTES, '"').replace(SINGLE_QUOTES, "'");
}
/** Header key: normalized, without bracketed units and a trailing colon. */
function headerKey(s) {
    return normalizeText(s)
        .replace(/\([^)]*\)/g, '')
        .replace(/[:;,。.]+$/, '')
        .toLowerCase();
}
/** The text shown in a cell (numbers as typed, blank for empty and errors). */
function cellText(v) {
    if (v === null || v === undefined)
        return '';
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return (0, engine_1.isSheetError)(v) ? '' : '';
}
/** Numbers in a text, e.g. "重量级未来产业集群高地(30%)" → [30]. */
function numbersIn(s) {
    return (normalizeText(s).match(/\d+(\.\d+)?/g) ?? []).map(Number);
}
