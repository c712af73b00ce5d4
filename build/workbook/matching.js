"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isSubtotalLabel = exports.isTotalLabel = exports.isPlatformHeader = exports.isScoreHeader = exports.isValueHeader = void 0;
exports.fieldCandidates = fieldCandidates;
exports.indicatorCandidates = indicatorCandidates;
exports.groupCandidates = groupCandidates;
exports.layoutColumn = layoutColumn;
exports.stripScoreSuffix = stripScoreSuffix;
exports.stripComponentPrefix = stripComponentPrefix;
exports.evaluationInTitle = evaluationInTitle;
/**
 * Header vocabulary built from the rules: which indicator, input field, score or layout column a
 * header text names. Formatting is ignored (see text.ts); content must match a known label.
 */
const rules_1 = require("../rules");
const text_1 = require("./text");
function variants(text) {
    const k = (0, text_1.headerKey)(text);
    const out = new Set([k]);
    for (const suffix of ['数', '数量', '个数']) {
        if (k.endsWith(suffix) && k.length > suffix.length + 1)
            out.add(k.slice(0, -suffix.length));
    }
    return [...out];
}
function push(map, key, v) {
    const list = map.get(key);
    if (list)
        list.push(v);
    else
        map.set(key, [v]);
}
const fieldIndex = new Map();
const indicatorIndex = new Map();
const groupIndex = new Map();
for (const evaluation of rules_1.evaluationIds) {
    const t = rules_1.tables[evaluation];
    t.indicators.forEach((ind, i) => {
        for (const name of [ind.name, ind.shortName, ...ind.aliases]) {
            for (const k of variants(name))
                push(indicatorIndex, k, { evaluation, indicator: i });
        }
        ind.inputs.forEach((f, fi) => {
            for (const label of [f.label, ...f.aliases])
                for (const k of variants(label))
                    push(fieldIndex, k, { evaluation, indicator: i, field: fi });
        });
    });
    t.groups.forEach((g, gi) => {
        for (const k of [(0, text_1.headerKey)(g.name), (0, text_1.headerKey)(g.text)])
            push(groupIndex, k, { evaluation, group: gi });
    });
}
function dedupe(xs) {
    const seen = new Set();
    return xs.filter((x) => {
        const k = JSON.stringify(x);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
/** Fields a header may name, in any evaluation. A single-input indicator's name names its field. */
function fieldCandidates(text) {
    const out = [];
    for (const k of variants(text)) {
        out.push(...(fieldIndex.get(k) ?? []));
        for (const ind of indicatorIndex.get(k) ?? []) {
            const inputs = rules_1.tables[ind.evaluation].indicators[ind.indicator].inputs;
            const required = inputs.filter((f) => !f.optional);
            if (inputs.length === 1 || required.length === 1)
                out.push({ ...ind, field: inputs.indexOf(required[0] ?? inputs[0]) });
        }
    }
    return dedupe(out);
}
function indicatorCandidates(text) {
    const out = [];
    for (const k of variants(text))
        out.push(...(indicatorIndex.get(k) ?? []));
    return dedupe(out);
}
function groupCandidates(text) {
    return groupIndex.get((0, text_1.headerKey)(text)) ?? [];
}
function inList(text, list) {
    const k = (0, text_1.headerKey)(text);
    return k !== '' && list.some((w) => (0, text_1.headerKey)(w) === k);
}
function layoutColumn(text) {
    for (const [role, words] of Object.entries(rules_1.vocabulary.columns)) {
        if (inList(text, words))
            return role;
    }
    return undefined;
}
const isValueHeader = (t) => inList(t, rules_1.vocabulary.valueColumns);
exports.isValueHeader = isValueHeader;
const isScoreHeader = (t) => inList(t, rules_1.vocabulary.scoreColumns);
exports.isScoreHeader = isScoreHeader;
const isPlatformHeader = (t) => inList(t, rules_1.vocabulary.platformColumns);
exports.isPlatformHeader = isPlatformHeader;
const isTotalLabel = (t) => inList(t, rules_1.vocabulary.total);
exports.isTotalLabel = isTotalLabel;
const isSubtotalLabel = (t) => inList(t, rules_1.vocabulary.subtotal);
exports.isSubtotalLabel = isSubtotalLabel;
/** "工业总产值得分" → "工业总产值"; undefined when the text has no score suffix. */
function stripScoreSuffix(text) {
    const k = (0, text_1.headerKey)(text);
    for (const s of rules_1.vocabulary.scoreSuffixes) {
        if (k.endsWith(s) && k.length > s.length)
            return k.slice(0, -s.length);
    }
    return undefined;
}
/** "其中:50亿元以上项目" → "50亿元以上项目"; undefined when not a component label. */
function stripComponentPrefix(text) {
    const k = (0, text_1.headerKey)(text);
    for (const p of rules_1.vocabulary.componentPrefixes) {
        const pk = (0, text_1.headerKey)(p);
        if (k.startsWith(pk) && k.length > pk.length)
            return k.slice(pk.length).replace(/^[:]/, '');
    }
    return undefined;
}
/** Which evaluation a title names (验收/年度), if any. */
function evaluationInTitle(text) {
    const k = (0, text_1.headerKey)(text);
    for (const id of rules_1.evaluationIds)
        if (rules_1.vocabulary.titleWords[id].some((w) => k.includes(w)))
            return id;
    return undefined;
}
