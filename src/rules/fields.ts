/**
 * Small builders for input-field data, so the tables read like the issued text.
 * They only fill in defaults; the zod schema validates the result.
 */
import type { InputField } from './schema';

export function amount(id: string, label: string, unit: string, aliases: string[] = []): InputField {
  return { id, label, unit, kind: 'amount', aliases, optional: false };
}

export function share(id: string, label: string, aliases: string[] = []): InputField {
  return { id, label, unit: '', kind: 'share', aliases, optional: false };
}

/** A count of items; blank means none (0), as the points rules count what is there. */
export function count(id: string, label: string, counter: string, aliases: string[] = []): InputField {
  return { id, label, unit: counter, counter, kind: 'count', aliases, optional: true, defaultValue: 0 };
}

/** A required count (e.g. late reports: a blank is not the same as "none"). */
export function requiredCount(id: string, label: string, counter: string, aliases: string[] = []): InputField {
  return { id, label, unit: counter, counter, kind: 'count', aliases, optional: false };
}

/** 是/否; blank means 否. */
export function yesNo(id: string, label: string, aliases: string[] = []): InputField {
  return { id, label, unit: '', kind: 'yesno', aliases, optional: true, defaultValue: 0 };
}

export function score(id: string, label: string, aliases: string[] = []): InputField {
  return { id, label, unit: '分', kind: 'score', aliases, optional: false };
}

/**
 * Whether a table without a column (or 其中 row) for this field may score the indicator with the
 * field's default. Only an optional amount (the energy benchmark, 0.59 unless stated) may: a
 * missing count or 是/否 column is not the same as "none", so the indicator is not scored.
 */
export function absentMeansDefault(field: InputField): boolean {
  return field.optional && field.kind === 'amount' && field.defaultValue !== undefined;
}
