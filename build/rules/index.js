"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FULL_MARKS = exports.evaluationIds = exports.tables = exports.normalization = exports.vocabulary = exports.ENERGY_BENCHMARK = void 0;
exports.getIndicator = getIndicator;
exports.findTable = findTable;
/**
 * The issued rules, validated once at load time. Everything above `rules/` reads them from here.
 */
const acceptance_1 = require("./acceptance");
const annual_1 = require("./annual");
var acceptance_2 = require("./acceptance");
Object.defineProperty(exports, "ENERGY_BENCHMARK", { enumerable: true, get: function () { return acceptance_2.ENERGY_BENCHMARK; } });
var vocabulary_1 = require("./vocabulary");
Object.defineProperty(exports, "vocabulary", { enumerable: true, get: function () { return vocabulary_1.vocabulary; } });
/** 附件4 二、评价指标评分说明: S=[(x-xmin)/(xmax-xmin)×0.4+0.6]×分值 */
exports.normalization = {
    span: 0.4,
    floor: 0.6,
    formulaText: 'S=[(x-xmin)/(xmax-xmin)×0.4+0.6]×分值',
    cohortName: '培育名单',
};
exports.tables = Object.freeze({
    acceptance: acceptance_1.acceptanceTable,
    annual: annual_1.annualTable,
});
exports.evaluationIds = ['acceptance', 'annual'];
/** Total of the 100-point scale. */
exports.FULL_MARKS = 100;
function getIndicator(evaluation, number) {
    const t = exports.tables[evaluation];
    return Number.isInteger(number) ? t.indicators[number - 1] : undefined;
}
/** Finds a table by what a user typed: 验收/年度/acceptance/annual/附件2/附件3 (case and spaces ignored). */
function findTable(text) {
    const key = text.replace(/\s+/g, '').toLowerCase();
    return exports.evaluationIds.map((id) => exports.tables[id]).find((t) => t.aliases.some((a) => a.toLowerCase() === key));
}
