/** The unit a header names in its words (工业总产值(万元) → 万元). */
import { isMoneyUnit } from '../../../engine';
import { counterUnits, moneyUnits, percentUnits, unitLabels } from '../../../rules/units';
import { normalizeText } from '../../core/text';

/** The unit in a header's brackets: 工业总产值(万元) → 万元; (单位:万元) too. */
export function headerUnit(text: string): string | null {
  const t = normalizeText(text);
  const groups = [...t.matchAll(/\(([^()]*)\)/g)].map((m) => {
    const label = unitLabels.find((l) => m[1].startsWith(l));
    return label ? m[1].slice(label.length).replace(/^[::]/, '') : m[1];
  });
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === '') continue;
    if (percentUnits.includes(g) || isMoneyUnit(g) || counterUnits.some((u) => g.startsWith(u))) return g;
    // a rate per money or per counted thing is a unit too, whatever it measures (千克标准煤/万元)
    const per = g.lastIndexOf('/');
    const denominator = per > 0 ? g.slice(per + 1) : '';
    if (denominator !== '' && (isMoneyUnit(denominator) || counterUnits.some((u) => denominator.startsWith(u)))) return g;
  }
  // a money unit written after the label without brackets: 工业总产值万元 (longest first: 亿元 before 元)
  const money = Object.keys(moneyUnits).sort((a, b) => b.length - a.length);
  // (not a fragment's amount: 10-50亿元 names a band of firms, not its unit)
  const ending = money.find((u) => t.endsWith(u));
  if (ending !== undefined && !/[\d十百千]$/.test(t.slice(0, -ending.length))) return ending;
  return null;
}
