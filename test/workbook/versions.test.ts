/**
 * The review's re-use after an edit is keyed by versions and content, not object identity: a copy
 * of an unchanged result re-uses what was found; a result made anew (a new version) is reviewed.
 */
import { analyze } from '../../src/workbook/check/analyze';
import { reviewByPlatform } from '../../src/workbook/check/review';
import { finding } from '../../src/workbook/findings/codes';
import { nextVersion } from '../../src/workbook/core/version';
import { data } from '../helpers/data';

describe('review re-use by version', () => {
  it('a copied platform with the same version keeps its findings; a new version is reviewed again', async () => {
    const wb = await data({ platforms: 3 });
    const a = analyze(wb);
    const marker = finding('info', 'unknown_column', 'x', 1, 1, { text: 'kept' });
    const previous = { tables: a.tables, findings: a.tables.map((t) => t.platforms.map(() => [marker])) };
    // copies of every object, versions unchanged
    const copied = { ...a, tables: a.tables.map((t) => ({ ...t, cohorts: [...t.cohorts], platforms: t.platforms.map((p) => ({ ...p })) })) };
    const same = reviewByPlatform(copied, previous);
    expect(same[0]).toHaveLength(3);
    expect(same[0].every((f) => f.length === 1 && f[0] === marker)).toBe(true);
    // the second platform made anew: reviewed (the workbook has no score cells, so nothing is found)
    const renewed = { ...copied, tables: copied.tables.map((t) => ({ ...t, platforms: t.platforms.map((p, pi) => (pi === 1 ? { ...p, version: nextVersion() } : p)) })) };
    const again = reviewByPlatform(renewed, previous);
    expect(again[0].map((f) => f.length)).toEqual([1, 0, 1]);
  });
});
