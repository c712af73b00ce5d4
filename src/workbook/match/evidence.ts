/**
 * The evidence of a column's values and of its header's wording for one kind of input: counts
 * are whole non-negative numbers, shares lie in [0, 1] or are percentages, yes/no columns hold
 * answer words or 0/1, amounts are non-negative. A factor (≤ 1) that weighs the text similarity.
 */
import { matchThresholds as T, matchWords as W, type FieldKind } from '../../rules';
import type { ColumnStats } from '../read/profile';
import { headerKey } from '../text';

export function valueFactor(kind: FieldKind, stats: ColumnStats): number {
  const filled = stats.numbers + stats.texts;
  if (filled === 0) return 1;
  const otherTexts = stats.texts - stats.answers;
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
