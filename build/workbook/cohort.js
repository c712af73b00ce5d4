"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findCohortHeader = findCohortHeader;
exports.recognizeCohort = recognizeCohort;
/**
 * Recognizes the wide cohort table: one row per platform, one column per input field, with one
 * or two header rows (an indicator merged over its component columns). Score, subtotal and
 * total columns may be in the same sheet or in another sheet whose rows are the same platforms.
 */
const rules_1 = require("../rules");
const address_1 = require("./address");
const matching_1 = require("./matching");
const model_1 = require("./model");
const text_1 = require("./text");
const vertical_1 = require("./vertical");
const HEADER_SCAN_ROWS = 15;
function classify(parent, child, scoreSheet) {
    const text = child.trim() !== '' ? child : parent;
    if (text.trim() === '')
        return { kind: 'unknown', text: '' };
    if ((0, matching_1.isPlatformHeader)(text))
        return { kind: 'platform' };
    if ((0, matching_1.isTotalLabel)(text))
        return { kind: 'total' };
    const parentInd = parent && parent !== child ? (0, matching_1.indicatorCandidates)(parent) : [];
    const parentGroup = parent && parent !== child ? (0, matching_1.groupCandidates)(parent) : [];
    if ((0, matching_1.isScoreHeader)(child) && parentInd.length > 0)
        return { kind: 'score', refs: parentInd };
    if (((0, matching_1.isSubtotalLabel)(child) || (0, matching_1.isScoreHeader)(child)) && parentGroup.length > 0)
        return { kind: 'group', ...parentGroup[0] };
    const stripped = (0, matching_1.stripScoreSuffix)(text);
    if (stripped !== undefined) {
        const ind = (0, matching_1.indicatorCandidates)(stripped);
        if (ind.length > 0)
            return { kind: 'score', refs: ind };
        const g = (0, matching_1.groupCandidates)(stripped);
        if (g.length > 0)
            return { kind: 'group', ...g[0] };
        const n = /^第?(\d+)项?$/.exec(stripped);
        if (n)
            return { kind: 'score', refs: ['acceptance', 'annual'].map((evaluation) => ({ evaluation, indicator: Number(n[1]) - 1 })) };
    }
    if ((0, matching_1.isSubtotalLabel)(text) && parentGroup.length > 0)
        return { kind: 'group', ...parentGroup[0] };
    const g = (0, matching_1.groupCandidates)(text);
    if (g.length > 0 && scoreSheet)
        return { kind: 'group', ...g[0] };
    if (scoreSheet) {
        const ind = (0, matching_1.indicatorCandidates)(text);
        if (ind.length > 0)
            return { kind: 'score', refs: ind };
    }
    let refs = (0, matching_1.fieldCandidates)(child.trim() !== '' ? child : parent);
    if (parentInd.length > 0 && child.trim() !== '') {
        const within = refs.filter((r) => parentInd.some((p) => p.evaluation === r.evaluation && p.indicator === r.indicator));
        if (within.length > 0)
            refs = within;
        else if (refs.length === 0)
            return { kind: 'unknown', text: `${parent}/${child}` };
    }
    if (refs.length > 0)
        return { kind: 'field', refs };
    return { kind: 'unknown', text };
}
function readHeader(sheet, row, scoreSheet, mapping) {
    const roles = new Map();
    const texts = new Map();
    const parentRow = row - 1;
    let hasParent = false;
    for (let c = 1; c <= sheet.colCount; c++) {
        const child = (0, vertical_1.mergedText)(sheet, row, c);
        const parent = parentRow >= 1 ? (0, vertical_1.mergedText)(sheet, parentRow, c) : '';
        const parentUseful = parent.trim() !== '' && ((0, matching_1.indicatorCandidates)(parent).length > 0 || (0, matching_1.groupCandidates)(parent).length > 0 || parent === child);
        if (parentUseful && parent !== child)
            hasParent = true;
        const p = parentUseful ? parent : '';
        texts.set(c, child.trim() !== '' ? child : p);
        const mapped = mapping?.[(0, address_1.a1)(1, c).replace(/\d+$/, '')] ?? mapping?.[(0, text_1.headerKey)(child)] ?? mapping?.[child.trim()];
        roles.set(c, mapped ?? classify(p, child, scoreSheet));
    }
    return { row, hasParent, roles, texts };
}
function headerScore(h) {
    let n = 0;
    for (const r of h.roles.values())
        if (r.kind === 'field' || r.kind === 'score' || r.kind === 'group' || r.kind === 'total')
            n++;
    return n;
}
function platformColumn(sheet, h) {
    for (const [c, r] of h.roles)
        if (r.kind === 'platform')
            return c;
    // Fall back to the first column whose cells below the header are mostly text.
    for (let c = 1; c <= sheet.colCount; c++) {
        const r = h.roles.get(c);
        if (r && r.kind !== 'unknown')
            continue;
        const v = (0, model_1.cellAt)(sheet, h.row + 1, c)?.value;
        if (typeof v === 'string' && v.trim() !== '' && !/^\d+$/.test(v.trim()))
            return c;
    }
    return undefined;
}
function findCohortHeader(sheet, scoreSheet, options = {}) {
    if (options.headerRow)
        return readHeader(sheet, options.headerRow, scoreSheet, options.columns);
    let best;
    for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); r++) {
        const h = readHeader(sheet, r, scoreSheet, options.columns);
        if (headerScore(h) >= 2 && (!best || headerScore(h) > headerScore(best)))
            best = h;
    }
    return best;
}
function chooseEvaluation(sheet, h, forced) {
    if (forced)
        return forced;
    const votes = { acceptance: 0, annual: 0 };
    for (const r of h.roles.values()) {
        if (r.kind === 'field')
            for (const e of new Set(r.refs.map((x) => x.evaluation)))
                votes[e] += 1;
        if (r.kind === 'score')
            for (const e of new Set(r.refs.map((x) => x.evaluation)))
                votes[e] += 1;
        if (r.kind === 'group')
            votes[r.evaluation] += 1;
    }
    if (votes.acceptance !== votes.annual)
        return votes.acceptance > votes.annual ? 'acceptance' : 'annual';
    const title = (0, matching_1.evaluationInTitle)(sheet.name) ?? (() => {
        for (let r = 1; r < h.row; r++)
            for (let c = 1; c <= sheet.colCount; c++) {
                const e = (0, matching_1.evaluationInTitle)((0, text_1.cellText)((0, model_1.cellAt)(sheet, r, c)?.value ?? null));
                if (e)
                    return e;
            }
        return undefined;
    })();
    return title ?? 'annual';
}
function dataRows(sheet, h, platformCol) {
    const rows = [];
    for (let r = h.row + 1; r <= sheet.rowCount; r++) {
        const name = (0, text_1.cellText)((0, model_1.cellAt)(sheet, r, platformCol)?.value ?? null).trim();
        if (name === '') {
            // allow a single blank row inside the table, stop at the end
            const next = (0, text_1.cellText)((0, model_1.cellAt)(sheet, r + 1, platformCol)?.value ?? null).trim();
            if (next === '' || (0, matching_1.isTotalLabel)(next))
                break;
            continue;
        }
        if ((0, matching_1.isTotalLabel)(name) || /^(平均|平均值|合计)$/.test((0, text_1.headerKey)(name)))
            break;
        rows.push({ row: r, name });
    }
    return { rows };
}
function finding(severity, code, message, sheet, row, col) {
    return { severity, code, message, sheet, cell: (0, address_1.a1)(row, col) };
}
/** A score sheet: same platforms (by name), score columns only. */
function attachScoreSheets(layout, workbook, rowsByName) {
    for (const other of workbook) {
        if (other.name === layout.sheet)
            continue;
        const h = findCohortHeader(other, true);
        if (!h)
            continue;
        const roles = [...h.roles.values()];
        if (roles.some((r) => r.kind === 'field') || !roles.some((r) => r.kind === 'score' || r.kind === 'total'))
            continue;
        const pc = platformColumn(other, h);
        if (pc === undefined)
            continue;
        const rows = dataRows(other, h, pc).rows;
        const names = new Map(rows.map((r) => [(0, text_1.headerKey)(r.name), r.row]));
        if (![...rowsByName.keys()].some((n) => names.has(n)))
            continue;
        for (const p of layout.platforms) {
            const row = names.get((0, text_1.headerKey)(p.name));
            if (row === undefined) {
                layout.findings.push(finding('warning', 'platform_not_in_score_sheet', `评分表“${other.name}”中没有平台“${p.name}”`, other.name, h.row, pc));
                continue;
            }
            for (const [c, r] of h.roles) {
                const at = { sheet: other.name, row, col: c };
                const ind = r.kind === 'score' ? r.refs.find((x) => x.evaluation === layout.evaluation) : undefined;
                if (ind && ind.indicator < p.scores.length && p.scores[ind.indicator] === null)
                    p.scores[ind.indicator] = at;
                if (r.kind === 'group' && r.evaluation === layout.evaluation)
                    p.groups[r.group] = at;
                if (r.kind === 'total')
                    p.total = at;
            }
        }
        for (const [n, row] of names) {
            if (!rowsByName.has(n))
                layout.findings.push(finding('warning', 'unknown_platform_in_score_sheet', `评分表中的平台“${(0, text_1.cellText)((0, model_1.cellAt)(other, row, pc)?.value ?? null)}”不在数据表中`, other.name, row, pc));
        }
    }
}
function recognizeCohort(sheet, workbook, options = {}) {
    const h = findCohortHeader(sheet, false, options);
    if (!h)
        return undefined;
    if (![...h.roles.values()].some((r) => r.kind === 'field'))
        return undefined;
    const pc = platformColumn(sheet, h);
    const findings = [];
    if (pc === undefined) {
        findings.push(finding('error', 'no_platform_column', '未找到平台名称列(如“平台名称”),可用 --map 指定', sheet.name, h.row, 1));
        return { kind: 'cohort', evaluation: chooseEvaluation(sheet, h, options.evaluation), sheet: sheet.name, platforms: [], findings, area: { kind: 'none' } };
    }
    const evaluation = chooseEvaluation(sheet, h, options.evaluation);
    const table = rules_1.tables[evaluation];
    const fieldCols = new Map();
    const scoreCols = new Map();
    const groupCols = new Map();
    let totalCol;
    for (const [c, r] of h.roles) {
        if (r.kind === 'field') {
            const ref = r.refs.find((x) => x.evaluation === evaluation);
            if (!ref) {
                findings.push(finding('warning', 'other_evaluation_column', `“${h.texts.get(c)}”不是${table.shortName}的指标,已忽略`, sheet.name, h.row, c));
                continue;
            }
            const key = `${ref.indicator}.${ref.field}`;
            if (fieldCols.has(key)) {
                findings.push(finding('warning', 'duplicate_column', `“${h.texts.get(c)}”与第 ${(0, address_1.a1)(h.row, fieldCols.get(key))} 列重复,已忽略`, sheet.name, h.row, c));
                continue;
            }
            fieldCols.set(key, c);
        }
        else if (r.kind === 'score' && r.refs.some((x) => x.evaluation === evaluation && x.indicator < table.indicators.length)) {
            scoreCols.set(r.refs.find((x) => x.evaluation === evaluation).indicator, c);
        }
        else if (r.kind === 'group' && r.evaluation === evaluation)
            groupCols.set(r.group, c);
        else if (r.kind === 'total')
            totalCol = c;
        else if (r.kind === 'unknown' && r.text.trim() !== '' && c !== pc && !/^序号$|^编号$/.test((0, text_1.headerKey)(r.text))) {
            findings.push(finding('info', 'unknown_column', `无法识别列标题“${r.text.trim()}”,已忽略;如是评分数据,可用 --map 指定`, sheet.name, h.row, c));
        }
    }
    // Indicators with no input column at all.
    table.indicators.forEach((ind, i) => {
        const missing = ind.inputs.map((f, fi) => ({ f, fi })).filter(({ f, fi }) => !f.optional && !fieldCols.has(`${i}.${fi}`));
        const any = ind.inputs.some((_, fi) => fieldCols.has(`${i}.${fi}`));
        if (!any)
            findings.push(finding('warning', 'indicator_not_in_table', `表中没有“${ind.shortName}”(${table.attachment}第 ${ind.number} 项)的数据列`, sheet.name, h.row, pc));
        else
            for (const { f } of missing)
                findings.push(finding('warning', 'field_not_in_table', `表中没有“${ind.shortName}”的“${f.label}”列`, sheet.name, h.row, pc));
    });
    const rows = dataRows(sheet, h, pc).rows;
    const seen = new Map();
    const platforms = [];
    for (const { row, name } of rows) {
        const key = (0, text_1.headerKey)(name);
        if (seen.has(key))
            findings.push(finding('warning', 'duplicate_platform', `平台“${name}”重复出现(第一次在第 ${seen.get(key)} 行)`, sheet.name, row, pc));
        else
            seen.set(key, row);
        const at = (col) => ({ sheet: sheet.name, row, col });
        platforms.push({
            name,
            inputs: table.indicators.map((ind, i) => ind.inputs.map((_, fi) => (fieldCols.has(`${i}.${fi}`) ? at(fieldCols.get(`${i}.${fi}`)) : null))),
            scores: table.indicators.map((_, i) => (scoreCols.has(i) ? at(scoreCols.get(i)) : null)),
            groups: table.groups.map((_, g) => (groupCols.has(g) ? at(groupCols.get(g)) : null)),
            total: totalCol !== undefined ? at(totalCol) : null,
        });
    }
    const layout = { kind: 'cohort', evaluation, sheet: sheet.name, platforms, findings, area: { kind: 'none' } };
    attachScoreSheets(layout, workbook, seen);
    const hasPlaces = platforms.some((p) => p.scores.some((s) => s !== null));
    const names = new Set(workbook.map((s) => s.name));
    let areaName = rules_1.vocabulary.resultSheet;
    for (let k = 2; names.has(areaName); k++)
        areaName = `${rules_1.vocabulary.resultSheet}${k}`;
    layout.area = hasPlaces ? { kind: 'none' } : { kind: 'sheet', name: areaName };
    return layout;
}
