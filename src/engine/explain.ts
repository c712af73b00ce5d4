/**
 * Explanations: the arithmetic of a score in Chinese, e.g.
 *   1180 ÷ 1000 × 10 = 11.8,超过分值 10,得 10 分
 * The score itself always comes from `scoreIndicator`; this only writes the working out.
 */
import type { Indicator, InputField, Normalization } from '../rules';
import type { WanmuError } from './errors';
import { fmt, fmtPercent, fmtScore } from './format';
import { checkInputs, inputIndex, scoreIndicator, type CohortRange, type IndicatorValues } from './score';

export type ExplainOutcome =
  | { readonly ok: true; readonly text: string; readonly score: number }
  | { readonly ok: false; readonly error: WanmuError };

function valueText(field: InputField, v: number): string {
  return field.kind === 'share' ? fmtPercent(v) : fmt(v);
}

function conclusion(raw: number, score: number, points: number): string {
  if (raw > points) return `,超过分值 ${fmt(points)},得 ${fmt(points)} 分`;
  if (raw < 0) return `,低于 0,得 0 分`;
  return `,得 ${fmtScore(score)} 分`;
}

export function explainIndicator(indicator: Indicator, values: IndicatorValues, cohort: CohortRange | undefined, normalization: Normalization): ExplainOutcome {
  const outcome = scoreIndicator(indicator, values, cohort, normalization);
  if (!outcome.ok) return outcome;
  const v: number[] = new Array(indicator.inputs.length);
  checkInputs(indicator, values, v);
  const rule = indicator.rule;
  const points = indicator.points;
  const field = (id: string) => indicator.inputs[inputIndex(indicator, id)];
  const val = (id: string) => v[inputIndex(indicator, id)];
  let expr: string;
  switch (rule.kind) {
    case 'ratio': {
      const f = field(rule.input);
      expr = `${valueText(f, val(rule.input))} ÷ ${valueText(f, rule.target)} × ${fmt(points)}`;
      break;
    }
    case 'inverse':
      expr = `${fmt(val(rule.benchmarkInput))} ÷ ${fmt(val(rule.input))} × ${fmt(points)}`;
      break;
    case 'points': {
      const parts = rule.items.map((item) => {
        const f = field(item.input);
        const x = val(item.input);
        if (f.kind === 'yesno') return `${f.label}(${x === 1 ? '是' : '否'})${fmt(x * item.points)}`;
        const part = x * item.points;
        const base = `${f.label} ${fmt(x)} ${f.counter ?? ''} × ${fmt(item.points)}`;
        if (item.cap !== undefined && part > item.cap) return `${base}(${fmt(part)},该项不超过 ${fmt(item.cap)} 分,按 ${fmt(item.cap)} 计)`;
        return base;
      });
      expr = parts.join(' + ');
      break;
    }
    case 'deduction': {
      const f = field(rule.input);
      expr = `${fmt(points)} − ${fmt(val(rule.input))} ${f.counter ?? ''} × ${fmt(rule.perOccurrence)}`;
      break;
    }
    case 'normalized': {
      // scoreIndicator succeeded, so a cohort was given.
      const c = cohort as CohortRange;
      const x = val(rule.input);
      if (c.max === c.min) {
        return { ok: true, score: outcome.score, text: `${normalization.cohortName}中各平台数值相同(均为 ${fmt(c.min)}),得满分 ${fmt(points)} 分` };
      }
      expr = `[(${fmt(x)} − ${fmt(c.min)}) ÷ (${fmt(c.max)} − ${fmt(c.min)}) × ${fmt(normalization.span)} + ${fmt(normalization.floor)}] × ${fmt(points)}`;
      break;
    }
  }
  const text = `${expr.replace(/\s+/g, ' ')} = ${fmt(outcome.raw)}${conclusion(outcome.raw, outcome.score, points)}`;
  return { ok: true, score: outcome.score, text };
}
