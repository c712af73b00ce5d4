"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NormalizationSchema = exports.EvaluationTableSchema = exports.IndicatorSchema = exports.GroupSchema = exports.EvaluationIdSchema = exports.ScoringRuleSchema = exports.InputFieldSchema = exports.FieldKindSchema = void 0;
/**
 * Zod schemas for the issued evaluation tables (附件2 / 附件3 / 附件4).
 *
 * The tables themselves are plain data in `acceptance.ts` and `annual.ts`; this file says what
 * shape that data must have, so a typo in a rule (a missing cap, a field id that does not exist)
 * fails at load time and in tests rather than as a wrong score.
 */
const zod_1 = require("zod");
/** What kind of value an input field holds; drives validation and parsing. */
exports.FieldKindSchema = zod_1.z.enum([
    /** A non-negative amount (亿元, 万元/亩, 吨标煤/万元 …). */
    'amount',
    /** A fraction in [0, 1]: 72% is 0.72. */
    'share',
    /** A whole, non-negative number of items (项, 家, 个, 人, 支, 次). */
    'count',
    /** 是/否. */
    'yesno',
    /** A score on the 100-point scale, in [0, 100]. */
    'score',
]);
exports.InputFieldSchema = zod_1.z
    .object({
    /** Stable identifier (English), unique within its indicator. */
    id: zod_1.z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    /** Chinese label as a statistician would write it in a header. */
    label: zod_1.z.string().min(1),
    /** Unit of the value, '' for shares and yes/no. */
    unit: zod_1.z.string(),
    /** Measure word for counts (项, 家, 个 …), used in explanations. */
    counter: zod_1.z.string().optional(),
    kind: exports.FieldKindSchema,
    /** Other header labels seen in practice for this field. */
    aliases: zod_1.z.array(zod_1.z.string().min(1)),
    /** When true the field may be left blank; it then takes `defaultValue`. */
    optional: zod_1.z.boolean(),
    defaultValue: zod_1.z.number().optional(),
    /** For 'amount' fields that must be strictly positive (a divisor). */
    positive: zod_1.z.boolean().optional(),
})
    .refine((f) => !f.optional || f.defaultValue !== undefined, {
    message: 'an optional field needs a defaultValue',
})
    .refine((f) => f.kind !== 'count' || f.counter !== undefined, {
    message: 'a count field needs a counter (measure word)',
});
/** value ÷ target × 分值 */
const RatioRuleSchema = zod_1.z.object({
    kind: zod_1.z.literal('ratio'),
    input: zod_1.z.string(),
    target: zod_1.z.number().positive(),
});
/** benchmark ÷ value × 分值 (energy: the lower the better). The benchmark is itself an input field with a default. */
const InverseRuleSchema = zod_1.z.object({
    kind: zod_1.z.literal('inverse'),
    input: zod_1.z.string(),
    benchmarkInput: zod_1.z.string(),
});
/** Σ points × count, each part optionally capped ("不超过5分"). */
const PointsRuleSchema = zod_1.z.object({
    kind: zod_1.z.literal('points'),
    items: zod_1.z
        .array(zod_1.z.object({
        input: zod_1.z.string(),
        points: zod_1.z.number().positive(),
        cap: zod_1.z.number().positive().optional(),
    }))
        .min(1),
});
/** 分值 − deduction × occurrences, not below 0. */
const DeductionRuleSchema = zod_1.z.object({
    kind: zod_1.z.literal('deduction'),
    input: zod_1.z.string(),
    perOccurrence: zod_1.z.number().positive(),
});
/** 附件4 功效系数法: [(x − xmin)/(xmax − xmin) × span + floor] × 分值 over the cohort. */
const NormalizedRuleSchema = zod_1.z.object({
    kind: zod_1.z.literal('normalized'),
    input: zod_1.z.string(),
});
exports.ScoringRuleSchema = zod_1.z.discriminatedUnion('kind', [
    RatioRuleSchema,
    InverseRuleSchema,
    PointsRuleSchema,
    DeductionRuleSchema,
    NormalizedRuleSchema,
]);
exports.EvaluationIdSchema = zod_1.z.enum(['acceptance', 'annual']);
exports.GroupSchema = zod_1.z.object({
    /** 一级指标 name without the weight, e.g. 重量级未来产业集群高地 */
    name: zod_1.z.string().min(1),
    /** Weight in percent (30 for 30%). */
    weight: zod_1.z.number().positive(),
    /** The cell text as issued, e.g. 重量级未来产业集群高地(30%) */
    text: zod_1.z.string().min(1),
});
exports.IndicatorSchema = zod_1.z
    .object({
    /** 序号 */
    number: zod_1.z.number().int().positive(),
    /** Index into the table's `groups`. */
    group: zod_1.z.number().int().nonnegative(),
    /** 二级指标, verbatim. */
    name: zod_1.z.string().min(1),
    /** Short name without the unit, for headers and messages. */
    shortName: zod_1.z.string().min(1),
    /** Other names used for this indicator in practice. */
    aliases: zod_1.z.array(zod_1.z.string().min(1)),
    /** 评分标准, verbatim. */
    standard: zod_1.z.string().min(1),
    /** 分值 */
    points: zod_1.z.number().positive(),
    /** 责任分工 / 责任部门, verbatim. */
    responsibility: zod_1.z.string().min(1),
    inputs: zod_1.z.array(exports.InputFieldSchema).min(1),
    rule: exports.ScoringRuleSchema,
})
    .superRefine((ind, ctx) => {
    const ids = new Set(ind.inputs.map((f) => f.id));
    if (ids.size !== ind.inputs.length) {
        ctx.addIssue({ code: 'custom', message: `indicator ${ind.number}: duplicate input ids` });
    }
    const used = [];
    const r = ind.rule;
    if (r.kind === 'points')
        used.push(...r.items.map((i) => i.input));
    else if (r.kind === 'inverse')
        used.push(r.input, r.benchmarkInput);
    else
        used.push(r.input);
    for (const u of used) {
        if (!ids.has(u))
            ctx.addIssue({ code: 'custom', message: `indicator ${ind.number}: rule uses unknown input ${u}` });
    }
    for (const id of ids) {
        if (!used.includes(id))
            ctx.addIssue({ code: 'custom', message: `indicator ${ind.number}: input ${id} is not used by the rule` });
    }
});
exports.EvaluationTableSchema = zod_1.z
    .object({
    id: exports.EvaluationIdSchema,
    /** 附件2 / 附件3 */
    attachment: zod_1.z.string(),
    /** Table title as issued. */
    title: zod_1.z.string().min(1),
    /** Short Chinese name: 验收评价 / 年度评价 */
    shortName: zod_1.z.string().min(1),
    /** Other words users type to name this table (验收, acceptance …). */
    aliases: zod_1.z.array(zod_1.z.string().min(1)),
    /** Header of the responsibility column: 责任分工 (附件2) or 责任部门 (附件3). */
    responsibilityHeader: zod_1.z.string().min(1),
    groups: zod_1.z.array(exports.GroupSchema).min(1),
    indicators: zod_1.z.array(exports.IndicatorSchema).min(1),
})
    .superRefine((t, ctx) => {
    t.indicators.forEach((ind, i) => {
        if (ind.number !== i + 1)
            ctx.addIssue({ code: 'custom', message: `${t.id}: indicator ${i + 1} is numbered ${ind.number}` });
        if (ind.group >= t.groups.length)
            ctx.addIssue({ code: 'custom', message: `${t.id}: indicator ${ind.number} has unknown group` });
    });
});
/** 附件4 功效系数法 constants: S = [(x − xmin)/(xmax − xmin) × span + floor] × 分值 */
exports.NormalizationSchema = zod_1.z.object({
    span: zod_1.z.number().positive(),
    floor: zod_1.z.number().nonnegative(),
    /** The formula as printed in 附件4, for explanations. */
    formulaText: zod_1.z.string(),
    /** Name of the cohort as in 附件4. */
    cohortName: zod_1.z.string(),
});
