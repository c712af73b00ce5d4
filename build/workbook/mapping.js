"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MappingSchema = void 0;
exports.resolveMapping = resolveMapping;
/**
 * A user's mapping for layouts the recognizer does not understand (CLI: --map mapping.json).
 *
 * {
 *   "sheets": {
 *     "数据": {
 *       "evaluation": "annual",              // or "acceptance"
 *       "headerRow": 3,
 *       "columns": {
 *         "A": "platform",                   // by column letter …
 *         "产值(亿元)": { "indicator": 1 },    // … or by header text
 *         "D": { "indicator": 3, "field": "50亿元以上项目" },
 *         "H": { "score": 1 },
 *         "总分": "total",
 *         "备注": "ignore"
 *       }
 *     }
 *   }
 * }
 */
const zod_1 = require("zod");
const rules_1 = require("../rules");
const text_1 = require("./text");
const ColumnSchema = zod_1.z.union([
    zod_1.z.enum(['platform', 'total', 'ignore']),
    zod_1.z.object({ indicator: zod_1.z.number().int().positive(), field: zod_1.z.string().optional() }),
    zod_1.z.object({ score: zod_1.z.number().int().positive() }),
    zod_1.z.object({ subtotal: zod_1.z.string() }),
]);
exports.MappingSchema = zod_1.z.object({
    sheets: zod_1.z.record(zod_1.z.string(), zod_1.z.object({
        evaluation: zod_1.z.enum(['acceptance', 'annual']).optional(),
        headerRow: zod_1.z.number().int().positive().optional(),
        columns: zod_1.z.record(zod_1.z.string(), ColumnSchema).optional(),
    })),
});
/** Parses and resolves a mapping against the rules; messages are in Chinese. */
function resolveMapping(json) {
    const parsed = exports.MappingSchema.safeParse(json);
    if (!parsed.success) {
        return { ok: false, message: `映射文件格式有误:${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(';')}` };
    }
    const out = new Map();
    for (const [sheet, spec] of Object.entries(parsed.data.sheets)) {
        const evaluation = spec.evaluation ?? 'annual';
        const table = rules_1.tables[evaluation];
        const columns = {};
        for (const [key, v] of Object.entries(spec.columns ?? {})) {
            const k = /^[A-Z]{1,3}$/.test(key) ? key : (0, text_1.headerKey)(key);
            let role;
            if (v === 'platform')
                role = { kind: 'platform' };
            else if (v === 'total')
                role = { kind: 'total' };
            else if (v === 'ignore')
                role = { kind: 'unknown', text: '' };
            else if ('score' in v)
                role = { kind: 'score', refs: [{ evaluation, indicator: v.score - 1 }] };
            else if ('subtotal' in v) {
                const g = table.groups.findIndex((gr) => (0, text_1.headerKey)(gr.name) === (0, text_1.headerKey)(v.subtotal));
                if (g < 0)
                    return { ok: false, message: `映射文件中“${key}”的一级指标“${v.subtotal}”不存在于${table.shortName}` };
                role = { kind: 'group', evaluation, group: g };
            }
            else {
                const ind = table.indicators[v.indicator - 1];
                if (!ind)
                    return { ok: false, message: `映射文件中“${key}”的序号 ${v.indicator} 不存在于${table.shortName}` };
                const fi = v.field === undefined ? ind.inputs.findIndex((f) => !f.optional) : ind.inputs.findIndex((f) => f.id === v.field || (0, text_1.headerKey)(f.label) === (0, text_1.headerKey)(v.field) || f.aliases.some((a) => (0, text_1.headerKey)(a) === (0, text_1.headerKey)(v.field)));
                if (fi < 0)
                    return { ok: false, message: `映射文件中“${key}”:“${ind.shortName}”没有输入“${v.field ?? ''}”` };
                role = { kind: 'field', refs: [{ evaluation, indicator: v.indicator - 1, field: fi }] };
            }
            columns[k] = role;
        }
        out.set(sheet, { evaluation: spec.evaluation, headerRow: spec.headerRow, columns });
    }
    return { ok: true, options: out };
}
