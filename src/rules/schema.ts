/**
 * Zod schemas for the issued evaluation tables (附件2 / 附件3 / 附件4).
 *
 * The tables themselves are plain data in `acceptance.ts` and `annual.ts`; this file says what
 * shape that data must have, so a typo in a rule (a missing cap, a field id that does not exist)
 * fails at load time and in tests rather than as a wrong score.
 */
import { z } from 'zod';

/** What kind of value an input field holds; drives validation and parsing. */
export const FieldKindSchema = z.enum([
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
export type FieldKind = z.infer<typeof FieldKindSchema>;

export const InputFieldSchema = z
  .object({
    /** Stable identifier (English), unique within its indicator. */
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    /** Chinese label as a statistician would write it in a header. */
    label: z.string().min(1),
    /** Unit of the value, '' for shares and yes/no. */
    unit: z.string(),
    /** Measure word for counts (项, 家, 个 …), used in explanations. */
    counter: z.string().optional(),
    kind: FieldKindSchema,
    /** Other header labels seen in practice for this field. */
    aliases: z.array(z.string().min(1)),
    /** When true the field may be left blank; it then takes `defaultValue`. */
    optional: z.boolean(),
    defaultValue: z.number().optional(),
    /** For 'amount' fields that must be strictly positive (a divisor). */
    positive: z.boolean().optional(),
  })
  .refine((f) => !f.optional || f.defaultValue !== undefined, {
    message: '可以不填的输入须给出 defaultValue(不填时按多少计)',
    path: ['defaultValue'],
  })
  .refine((f) => f.kind !== 'count' || f.counter !== undefined, {
    message: '计数的输入须给出 counter(量词,如 项、家)',
    path: ['counter'],
  });
export type InputField = z.infer<typeof InputFieldSchema>;

/** value ÷ target × 分值 */
const RatioRuleSchema = z.object({
  kind: z.literal('ratio'),
  input: z.string(),
  target: z.number().positive(),
});

/** benchmark ÷ value × 分值 (energy: the lower the better). The benchmark is itself an input field with a default. */
const InverseRuleSchema = z.object({
  kind: z.literal('inverse'),
  input: z.string(),
  benchmarkInput: z.string(),
});

/** Σ points × count, each part optionally capped ("不超过5分"). */
const PointsRuleSchema = z.object({
  kind: z.literal('points'),
  items: z
    .array(
      z.object({
        input: z.string(),
        points: z.number().positive(),
        cap: z.number().positive().optional(),
      }),
    )
    .min(1),
});

/** 分值 − deduction × occurrences, not below 0. */
const DeductionRuleSchema = z.object({
  kind: z.literal('deduction'),
  input: z.string(),
  perOccurrence: z.number().positive(),
});

/** 附件4 功效系数法: [(x − xmin)/(xmax − xmin) × span + floor] × 分值 over the cohort. */
const NormalizedRuleSchema = z.object({
  kind: z.literal('normalized'),
  input: z.string(),
});

export const ScoringRuleSchema = z.discriminatedUnion('kind', [
  RatioRuleSchema,
  InverseRuleSchema,
  PointsRuleSchema,
  DeductionRuleSchema,
  NormalizedRuleSchema,
]);
export type ScoringRule = z.infer<typeof ScoringRuleSchema>;

/** The kinds of rule there are (ratio, inverse …), from the schema itself. */
export const RULE_KINDS: readonly ScoringRule['kind'][] = ScoringRuleSchema.options.map((o) => o.shape.kind.value);

export const EvaluationIdSchema = z.enum(['acceptance', 'annual']);
export type EvaluationId = z.infer<typeof EvaluationIdSchema>;

export const GroupSchema = z.object({
  /** 一级指标 name without the weight, e.g. 重量级未来产业集群高地 */
  name: z.string().min(1),
  /** Weight in percent (30 for 30%). */
  weight: z.number().positive(),
  /** The cell text as issued, e.g. 重量级未来产业集群高地(30%) */
  text: z.string().min(1),
});
export type Group = z.infer<typeof GroupSchema>;

export const IndicatorSchema = z
  .object({
    /** 序号 */
    number: z.number().int().positive(),
    /** Index into the table's `groups`. */
    group: z.number().int().nonnegative(),
    /** 二级指标, verbatim. */
    name: z.string().min(1),
    /** Short name without the unit, for headers and messages. */
    shortName: z.string().min(1),
    /** Other names used for this indicator in practice. */
    aliases: z.array(z.string().min(1)),
    /** 评分标准, verbatim. */
    standard: z.string().min(1),
    /** 分值 */
    points: z.number().positive(),
    /** 责任分工 / 责任部门, verbatim. */
    responsibility: z.string().min(1),
    inputs: z.array(InputFieldSchema).min(1),
    rule: ScoringRuleSchema,
  })
  .superRefine((ind, ctx) => {
    const ids = new Set(ind.inputs.map((f) => f.id));
    if (ids.size !== ind.inputs.length) {
      ctx.addIssue({ code: 'custom', path: ['inputs'], message: '输入的 id 有重复' });
    }
    const used: string[] = [];
    const r = ind.rule;
    if (r.kind === 'points') used.push(...r.items.map((i) => i.input));
    else if (r.kind === 'inverse') used.push(r.input, r.benchmarkInput);
    else used.push(r.input);
    for (const u of used) {
      if (!ids.has(u)) ctx.addIssue({ code: 'custom', path: ['rule'], message: `评分规则用到的输入“${u}”不在 inputs 中` });
    }
    for (const id of ids) {
      if (!used.includes(id)) ctx.addIssue({ code: 'custom', path: ['inputs'], message: `输入“${id}”没有被评分规则用到` });
    }
  });
export type Indicator = z.infer<typeof IndicatorSchema>;

/** 附件4 功效系数法 constants: S = [(x − xmin)/(xmax − xmin) × span + floor] × 分值 */
export const NormalizationSchema = z.object({
  span: z.number().positive(),
  floor: z.number().nonnegative(),
  /** The formula as printed in 附件4, for explanations. */
  formulaText: z.string(),
  /** Name of the cohort as in 附件4. */
  cohortName: z.string(),
});
export type Normalization = z.infer<typeof NormalizationSchema>;

/**
 * An edition of an issued table: the table as one document issued it, from the first evaluated
 * year it applies to. Tables of this kind are revised every few years; each revision is a new
 * edition (src/rules/tables/), or a JSON file of this shape loaded at run time (docs/rules.md).
 */
export const EditionSchema = z
  .object({
    /** Unique id of the edition: annual-2020. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写字母、数字和连字符,以字母开头'),
    /** Which evaluation it is a table of. */
    evaluation: EvaluationIdSchema,
    /** How the edition is named to users: 2020 年版. */
    label: z.string().min(1),
    /** The document that issued it: 衢政办发〔2020〕28号. */
    source: z.string().min(1),
    /** The first evaluated year it applies to. */
    since: z.number().int().min(2000).max(2100),
    /** Its 附件4 无量纲化 (功效系数法) constants. */
    normalization: NormalizationSchema,
    /** Words of a sheet's title that say a table is of this evaluation (年度, 验收). */
    titleWords: z.array(z.string().min(1)).min(1),
    /** The worksheet function that scores by it: WANMU.ANNUAL. */
    functionName: z.string().regex(/^[A-Z]+\.[A-Z]+$/),
    /** 附件2 / 附件3 */
    attachment: z.string(),
    /** Table title as issued. */
    title: z.string().min(1),
    /** Short Chinese name: 验收评价 / 年度评价 */
    shortName: z.string().min(1),
    /** Other words users type to name this table (验收, acceptance …). */
    aliases: z.array(z.string().min(1)),
    /** Header of the responsibility column: 责任分工 (附件2) or 责任部门 (附件3). */
    responsibilityHeader: z.string().min(1),
    groups: z.array(GroupSchema).min(1),
    indicators: z.array(IndicatorSchema).min(1),
  })
  .superRefine((t, ctx) => {
    t.indicators.forEach((ind, i) => {
      if (ind.number !== i + 1) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'number'], message: `应为 ${i + 1}(序号从 1 起连续编排)` });
      if (ind.group >= t.groups.length) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'group'], message: `一级指标 ${ind.group} 不存在(groups 只有 ${t.groups.length} 项,从 0 起数)` });
    });
  });
export type Edition = z.infer<typeof EditionSchema>;

/** The table a platform is scored by: an edition. */
export type EvaluationTable = Edition;
export const EvaluationTableSchema = EditionSchema;

