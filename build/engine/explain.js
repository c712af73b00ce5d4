"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.explainIndicator = explainIndicator;
/**
 * Explanations: the arithmetic of a score in Chinese, e.g.
 *   1180 ÷ 1000 × 10 = 11.8,超过分值 10,得 10 分
 * The score itself always comes from `scoreIndicator`; this only writes the working out.
 */
const rules_1 = require("../rules");
const format_1 = require("./format");
const score_1 = require("./score");
function valueText(field, v) {
    return field.kind === 'share' ? (0, format_1.fmtPercent)(v) : (0, format_1.fmt)(v);
}
function conclusion(raw, score, points) {
    if (raw > points)
        return `,超过分值 ${(0, format_1.fmt)(points)},得 ${(0, format_1.fmt)(points)} 分`;
    if (raw < 0)
        return `,低于 0,得 0 分`;
    return `,得 ${(0, format_1.fmtScore)(score)} 分`;
}
function explainIndicator(indicator, values, cohort) {
    const outcome = (0, score_1.scoreIndicator)(indicator, values, cohort);
    if (!outcome.ok)
        return outcome;
    const v = new Array(indicator.inputs.length);
    (0, score_1.checkInputs)(indicator, values, v);
    const rule = indicator.rule;
    const points = indicator.points;
    const field = (id) => indicator.inputs[(0, score_1.inputIndex)(indicator, id)];
    const val = (id) => v[(0, score_1.inputIndex)(indicator, id)];
    let expr;
    switch (rule.kind) {
        case 'ratio': {
            const f = field(rule.input);
            expr = `${valueText(f, val(rule.input))} ÷ ${valueText(f, rule.target)} × ${(0, format_1.fmt)(points)}`;
            break;
        }
        case 'inverse':
            expr = `${(0, format_1.fmt)(val(rule.benchmarkInput))} ÷ ${(0, format_1.fmt)(val(rule.input))} × ${(0, format_1.fmt)(points)}`;
            break;
        case 'points': {
            const parts = rule.items.map((item) => {
                const f = field(item.input);
                const x = val(item.input);
                if (f.kind === 'yesno')
                    return `${f.label}(${x === 1 ? '是' : '否'})${(0, format_1.fmt)(x * item.points)}`;
                const part = x * item.points;
                const base = `${f.label} ${(0, format_1.fmt)(x)} ${f.counter ?? ''} × ${(0, format_1.fmt)(item.points)}`;
                if (item.cap !== undefined && part > item.cap)
                    return `${base}(${(0, format_1.fmt)(part)},该项不超过 ${(0, format_1.fmt)(item.cap)} 分,按 ${(0, format_1.fmt)(item.cap)} 计)`;
                return base;
            });
            expr = parts.join(' + ');
            break;
        }
        case 'deduction': {
            const f = field(rule.input);
            expr = `${(0, format_1.fmt)(points)} − ${(0, format_1.fmt)(val(rule.input))} ${f.counter ?? ''} × ${(0, format_1.fmt)(rule.perOccurrence)}`;
            break;
        }
        case 'normalized': {
            // scoreIndicator succeeded, so a cohort was given.
            const c = cohort;
            const x = val(rule.input);
            if (c.max === c.min) {
                return { ok: true, score: outcome.score, text: `${rules_1.normalization.cohortName}中各平台数值相同(均为 ${(0, format_1.fmt)(c.min)}),得满分 ${(0, format_1.fmt)(points)} 分` };
            }
            expr = `[(${(0, format_1.fmt)(x)} − ${(0, format_1.fmt)(c.min)}) ÷ (${(0, format_1.fmt)(c.max)} − ${(0, format_1.fmt)(c.min)}) × ${(0, format_1.fmt)(rules_1.normalization.span)} + ${(0, format_1.fmt)(rules_1.normalization.floor)}] × ${(0, format_1.fmt)(points)}`;
            break;
        }
    }
    const text = `${expr.replace(/\s+/g, ' ')} = ${(0, format_1.fmt)(outcome.raw)}${conclusion(outcome.raw, outcome.score, points)}`;
    return { ok: true, score: outcome.score, text };
}
