"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateRules = validateRules;
/**
 * Validates the issued tables with their zod schemas and checks that 分值 add up: to each
 * 一级指标's weight and to 100. Run by the tests and at the start of the command line.
 */
const index_1 = require("./index");
const schema_1 = require("./schema");
function validateRules() {
    const problems = [];
    const norm = schema_1.NormalizationSchema.safeParse(index_1.normalization);
    if (!norm.success)
        problems.push(`normalization: ${norm.error.message}`);
    for (const table of Object.values(index_1.tables)) {
        const parsed = schema_1.EvaluationTableSchema.safeParse(table);
        if (!parsed.success) {
            problems.push(...parsed.error.issues.map((i) => `${table.id} ${i.path.join('.')}: ${i.message}`));
            continue;
        }
        table.groups.forEach((g, gi) => {
            const sum = table.indicators.filter((ind) => ind.group === gi).reduce((s, ind) => s + ind.points, 0);
            if (Math.abs(sum - g.weight) > 1e-9)
                problems.push(`${table.id} ${g.name}: 分值 add up to ${sum}, weight is ${g.weight}`);
        });
        const total = table.indicators.reduce((s, ind) => s + ind.points, 0);
        if (Math.abs(total - index_1.FULL_MARKS) > 1e-9)
            problems.push(`${table.id}: 分值 add up to ${total}, not ${index_1.FULL_MARKS}`);
    }
    return problems;
}
