/**
 * The evidence of a column's values and of its header's wording for one kind of input: counts
 * are whole non-negative numbers, shares lie in [0, 1] or are percentages, yes/no columns hold
 * answer words or 0/1, amounts are non-negative. A factor (≤ 1) that weighs the text similarity.
 */
import { matchThresholds as T, matchWords as W, type FieldKind } from '../../../rules';
import { isMoneyUnit, unitFactor } from '../../../engine';
import { unitSpellings } from '../../../rules/units';
import type { ColumnStats } from '../profile';
import { normalizeText } from '../../core/text';
import { headerKey } from '../../core/text';

export function valueFactor(kind: FieldKind, stats: ColumnStats): number {
  const filled = stats.numbers + stats.texts;
  if (filled === 0) return 1;
  const otherTexts = stats.texts - stats.answers;
  // words (湖州市, 智能网联汽车) are no figure of any kind but a 是/否 field's unknown answers
  if (kind !== 'yesno' && stats.words * 2 > filled) return T.valuesContradict;
  switch (kind) {
    case 'yesno':
      if (stats.outsideBinary > 0) return T.valuesContradict;
      return otherTexts * 2 > filled ? T.valuesUnlike : 1;
    case 'count':
      if (stats.answers * 2 > filled) return T.valuesContradict;
      return stats.fractions > 0 || stats.negatives > 0 ? T.valuesUnlike : 1;
    case 'share':
      if (stats.answers * 2 > filled) return T.valuesContradict;
      return stats.numbers > 0 && (stats.maxNumber > 100 || stats.minNumber < 0) ? T.valuesContradict : 1;
    case 'amount':
    case 'score':
      if (stats.answers * 2 > filled) return T.valuesContradict;
      return stats.negatives > 0 ? T.valuesUnlike : 1;
  }
}

/** A header's wording against a kind: 投资计划数 says a number, 是否挂牌 a 是/否 answer. */
export function wordingFactor(kind: FieldKind, header: string): number {
  const k = headerKey(header);
  if (kind === 'yesno' && W.numberEndings.some((e) => k.endsWith(e))) return T.wordingContradicts;
  if (kind !== 'yesno' && W.answerBeginnings.some((b) => k.startsWith(b))) return T.wordingContradicts;
  return 1;
}

/**
 * A unit the header states against the field's: an amount in a unit it cannot be converted from
 * (税收总额(亿元) is no 亩均税收 in 万元/亩), a share or a count stated in money, is not that field.
 */
export function unitAgreement(kind: FieldKind, fieldUnit: string, stated: string | null, header = ''): number {
  if (stated === null) return 1;
  const u = normalizeText(stated);
  if (kind === 'amount' || kind === 'score') {
    if (fieldUnit === '' || u === normalizeText(fieldUnit) || unitFactor(u, fieldUnit) !== undefined) return 1;
    const spellings = [fieldUnit, ...(unitSpellings[fieldUnit] ?? [])].map(normalizeText);
    if (spellings.includes(u)) return 1;
    // a rate's numerator with its denominator in the header's words: 万元增加值能耗(吨标煤)
    const outside = normalizeText(header).replace(/\([^()]*\)/g, '');
    if (spellings.some((s) => s.includes('/') && s.slice(0, s.lastIndexOf('/')) === u && outside.includes(s.slice(s.lastIndexOf('/') + 1)))) return 1;
    return T.valuesContradict;
  }
  if (kind === 'share' || kind === 'count') return isMoneyUnit(u) ? T.valuesContradict : 1;
  return 1;
}
