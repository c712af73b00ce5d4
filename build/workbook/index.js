"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveMapping = exports.templateBatch = exports.reviewScores = exports.planFill = exports.analyze = void 0;
exports.checkWorkbook = checkWorkbook;
exports.fillWorkbook = fillWorkbook;
/**
 * The workbook layer's operations, host-neutral: check (recognize, validate, score, review) and
 * fill (plan the writes). Each is one host read and at most one host write.
 */
const analyze_1 = require("./analyze");
Object.defineProperty(exports, "analyze", { enumerable: true, get: function () { return analyze_1.analyze; } });
const fill_1 = require("./fill");
Object.defineProperty(exports, "planFill", { enumerable: true, get: function () { return fill_1.planFill; } });
const review_1 = require("./review");
Object.defineProperty(exports, "reviewScores", { enumerable: true, get: function () { return review_1.reviewScores; } });
const ORDER = { error: 0, warning: 1, info: 2 };
function sortFindings(fs) {
    return fs.slice().sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
async function checkWorkbook(host, options = {}) {
    const analysis = (0, analyze_1.analyze)(await host.read(), options);
    const findings = sortFindings([...analysis.findings, ...(0, review_1.reviewScores)(analysis)]);
    return { analysis, findings, scores: (0, analyze_1.scoreRecords)(analysis), totals: (0, analyze_1.totalRecords)(analysis) };
}
async function fillWorkbook(host, fill, options = {}) {
    const checked = await checkWorkbook(host, options);
    const plan = (0, fill_1.planFill)(checked.analysis, fill);
    await host.write(plan.batch);
    return { ...checked, plan, findings: sortFindings([...checked.findings, ...plan.findings]) };
}
var template_1 = require("./template");
Object.defineProperty(exports, "templateBatch", { enumerable: true, get: function () { return template_1.templateBatch; } });
var mapping_1 = require("./mapping");
Object.defineProperty(exports, "resolveMapping", { enumerable: true, get: function () { return mapping_1.resolveMapping; } });
