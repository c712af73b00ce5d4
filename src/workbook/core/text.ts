/**
 * Comparing texts as statisticians type them: formatting is ignored (whitespace, line breaks,
 * full-/half-width forms, quote and dash variants), content is not.
 */
import type { RawValue } from '../../engine';

const DASHES = /[‐‑‒–—―−－~～]/g;
const QUOTES = /[“”„‟"＂]/g;
const SINGLE_QUOTES = /[‘’‚‛＇]/g;

/** Content of a text for comparison: NFKC, no whitespace, unified quotes and dashes. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(DASHES, '-').replace(QUOTES, '"').replace(SINGLE_QUOTES, "'");
}

/**
 * A header's 序号 prefix, as offices number their columns: 1. 1、 1) 一、 第一项 (a bracketed
 * (一) is already dropped by headerKey with the other bracketed text).
 */
const SERIAL_PREFIX = /^(?:\d{1,2}[.、)](?!\d)|[一二三四五六七八九十]{1,3}[、.]|第[一二三四五六七八九十\d]{1,3}项[:、.]?)/;

/** A header key without its 序号 prefix (when something is left). */
export function withoutSerial(key: string): string {
  const m = SERIAL_PREFIX.exec(key);
  return m && key.length - m[0].length >= 2 ? key.slice(m[0].length) : key;
}

/** Header key: normalized, without bracketed units and a trailing colon. */
export function headerKey(s: string): string {
  return normalizeText(s)
    .replace(/\([^)]*\)/g, '')
    .replace(/[:;,。.]+$/, '')
    .toLowerCase();
}

/** The text shown in a cell (numbers as typed; blank for empty cells and errors). */
export function cellText(v: RawValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** A text's width in a spreadsheet's character units: CJK and full-width characters count double. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
