"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkValue = checkValue;
exports.normalizedRaw = normalizedRaw;
exports.checkInputs = checkInputs;
exports.inputIndex = inputIndex;
exports.scoreIndicator = scoreIndicator;
exports.summarize = summarize;
exports.scorePlatform = scorePlatform;
exports.cohortRange = cohortRange;
exports.scoreCohort = scoreCohort;
/**
 * Scoring: one indicator, one platform, a whole cohort. Pure functions over the rules data;
 * the only branching is on the rule kind, never on an indicator number.
 *
 * Inputs are numbers aligned with `indicator.inputs` (yes/no as 1/0, shares as fractions, blank
 * as null). Every score is clamped to [0, 分值]; nothing is rounded here.
 */
const rules_1 = require("../rules");
const errors_1 = require("./errors");
function failed(error) {
    return { ok: false, error };
}
/** Checks one value against its field's domain. Returns the value to use, or an error. */
function checkValue(field, value) {
    if (value === null) {
        if (field.optional && field.defaultValue !== undefined)
            return field.defaultValue;
        return (0, errors_1.wanmuError)({ code: 'missing', field: field.label });
    }
    if (!Number.isFinite(value))
        return (0, errors_1.wanmuError)({ code: 'not_number', field: field.label, text: String(value) });
    switch (field.kind) {
        case 'yesno':
            if (value !== 0 && value !== 1)
                return (0, errors_1.wanmuError)({ code: 'not_yes_no', field: field.label, text: String(value) });
            return value;
        case 'share':
            if (value < 0)
                return (0, errors_1.wanmuError)({ code: 'negative', field: field.label, value });
            if (value > 1)
                return (0, errors_1.wanmuError)({ code: 'share_above_one', field: field.label, value });
            return value;
        case 'count':
            if (value < 0)
                return (0, errors_1.wanmuError)({ code: 'negative', field: field.label, value });
            if (!Number.isInteger(value))
                return (0, errors_1.wanmuError)({ code: 'not_whole', field: field.label, value });
            return value;
        case 'score':
            if (value < 0)
                return (0, errors_1.wanmuError)({ code: 'negative', field: field.label, value });
            if (value > rules_1.FULL_MARKS)
                return (0, errors_1.wanmuError)({ code: 'score_above_max', field: field.label, value, max: rules_1.FULL_MARKS });
            return value;
        case 'amount':
            if (field.positive && value <= 0)
                return (0, errors_1.wanmuError)({ code: 'not_positive', field: field.label, value });
            if (value < 0)
                return (0, errors_1.wanmuError)({ code: 'negative', field: field.label, value });
            return value;
    }
}
function clamp(raw, points) {
    return raw > points ? points : raw < 0 ? 0 : raw;
}
/** The normalized score before clamping, in the order of 附件4's formula. */
function normalizedRaw(x, range, points) {
    if (range.max === range.min)
        return points;
    return ((x - range.min) / (range.max - range.min) * rules_1.normalization.span + rules_1.normalization.floor) * points;
}
/**
 * Checks the inputs of one indicator; on success `out` holds the values to score with.
 * Exposed so that callers who only validate (the workbook checks) use the same rules.
 */
function checkInputs(indicator, values, out) {
    const fields = indicator.inputs;
    if (values.length > fields.length) {
        return (0, errors_1.wanmuError)({ code: 'too_many_inputs', indicator: indicator.shortName, expected: fields.length, given: values.length });
    }
    for (let i = 0; i < fields.length; i++) {
        const v = checkValue(fields[i], i < values.length ? values[i] : null);
        if (typeof v !== 'number')
            return v;
        out[i] = v;
    }
    return undefined;
}
const indexCache = new WeakMap();
/** Position of an input field in `indicator.inputs` (cached: scoring is hot). */
function inputIndex(indicator, id) {
    let m = indexCache.get(indicator);
    if (!m) {
        m = new Map(indicator.inputs.map((f, i) => [f.id, i]));
        indexCache.set(indicator, m);
    }
    return m.get(id) ?? -1;
}
/** Score of one indicator. `cohort` is needed (only) for 无量纲化 indicators. */
function scoreIndicator(indicator, values, cohort) {
    const v = new Array(indicator.inputs.length);
    const err = checkInputs(indicator, values, v);
    if (err)
        return failed(err);
    const rule = indicator.rule;
    const points = indicator.points;
    let raw;
    switch (rule.kind) {
        case 'ratio':
            raw = (v[inputIndex(indicator, rule.input)] / rule.target) * points;
            break;
        case 'inverse':
            raw = (v[inputIndex(indicator, rule.benchmarkInput)] / v[inputIndex(indicator, rule.input)]) * points;
            break;
        case 'points': {
            raw = 0;
            for (const item of rule.items) {
                const part = v[inputIndex(indicator, item.input)] * item.points;
                raw += item.cap !== undefined && part > item.cap ? item.cap : part;
            }
            break;
        }
        case 'deduction':
            raw = points - v[inputIndex(indicator, rule.input)] * rule.perOccurrence;
            break;
        case 'normalized': {
            const field = indicator.inputs[inputIndex(indicator, rule.input)];
            if (!cohort)
                return failed((0, errors_1.wanmuError)({ code: 'needs_cohort', indicator: indicator.shortName }));
            const x = v[inputIndex(indicator, rule.input)];
            if (cohort.strict && (x < cohort.min || x > cohort.max)) {
                return failed((0, errors_1.wanmuError)({ code: 'out_of_cohort', field: field.label, value: x, min: cohort.min, max: cohort.max }));
            }
            raw = normalizedRaw(x, cohort, points);
            break;
        }
    }
    return { ok: true, score: clamp(raw, points), raw };
}
/** Adds indicator outcomes into 一级指标 subtotals and the total (unrounded). */
function summarize(table, outcomes) {
    const sums = table.groups.map(() => 0);
    let total = 0;
    for (let i = 0; i < outcomes.length; i++) {
        const o = outcomes[i];
        const g = table.indicators[i].group;
        if (o.ok) {
            const s = sums[g];
            if (s !== null)
                sums[g] = s + o.score;
            if (total !== null)
                total += o.score;
        }
        else {
            sums[g] = null;
            total = null;
        }
    }
    return {
        indicators: outcomes,
        groups: table.groups.map((gr, i) => ({ group: i, name: gr.name, weight: gr.weight, score: sums[i] })),
        total,
    };
}
/**
 * Scores one platform on every indicator. `cohorts[i]` is the range for indicator i+1 when it
 * is a 无量纲化 indicator (ignored otherwise).
 */
function scorePlatform(table, values, cohorts = []) {
    const outcomes = table.indicators.map((ind, i) => {
        const c = cohorts[i];
        if (c && 'reason' in c) {
            // The platform's own bad value is the better reason; otherwise the cohort's.
            const own = checkInputs(ind, values[i] ?? [], new Array(ind.inputs.length));
            return failed(own ?? c);
        }
        return scoreIndicator(ind, values[i] ?? [], c);
    });
    return summarize(table, outcomes);
}
/**
 * The cohort range of a 无量纲化 indicator over the platforms' values (blanks are not part of
 * the cohort). Any invalid value makes the range unknown: xmin and xmax cannot be trusted.
 */
function cohortRange(indicator, column) {
    if (indicator.rule.kind !== 'normalized')
        return (0, errors_1.wanmuError)({ code: 'cohort_unknown', field: indicator.shortName });
    const idx = inputIndex(indicator, indicator.rule.input);
    const field = indicator.inputs[idx];
    let min = Infinity;
    let max = -Infinity;
    for (const values of column) {
        const x = values[idx];
        if (x === null || x === undefined)
            continue;
        const checked = checkValue(field, x);
        if (typeof checked !== 'number')
            return (0, errors_1.wanmuError)({ code: 'cohort_unknown', field: field.label });
        if (checked < min)
            min = checked;
        if (checked > max)
            max = checked;
    }
    if (min === Infinity)
        return (0, errors_1.wanmuError)({ code: 'empty_cohort', field: field.label });
    return { min, max, strict: false };
}
/**
 * Scores every platform of a cohort. `platforms[p][i]` are platform p's values for indicator i+1.
 * 无量纲化 indicators use xmin/xmax over the platforms given.
 */
function scoreCohort(table, platforms) {
    const cohorts = table.indicators.map((ind, i) => ind.rule.kind === 'normalized' ? cohortRange(ind, platforms.map((p) => p[i] ?? [])) : undefined);
    return platforms.map((p) => scorePlatform(table, p, cohorts));
}
