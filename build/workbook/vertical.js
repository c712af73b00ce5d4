"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mergedText = mergedText;
exports.usesComponentRows = usesComponentRows;
exports.recognizeVertical = recognizeVertical;
/**
 * Recognizes the issued indicator table laid out vertically (附件2/附件3 as issued), checks its
 * fixed columns against the official text, and finds value and score columns.
 */
const rules_1 = require("../rules");
const address_1 = require("./address");
const matching_1 = require("./matching");
const model_1 = require("./model");
const text_1 = require("./text");
const HEADER_SCAN_ROWS = 30;
/** Text of a cell, looking through merges to the master cell. */
function mergedText(sheet, row, col) {
    const m = sheet.merges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
    const c = m ? (0, model_1.cellAt)(sheet, m.top, m.left) : (0, model_1.cellAt)(sheet, row, col);
    return (0, text_1.cellText)(c?.value ?? null);
}
function findHeader(sheet) {
    for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); r++) {
        const roles = {};
        for (let c = 1; c <= sheet.colCount; c++) {
            const role = (0, matching_1.layoutColumn)((0, text_1.cellText)((0, model_1.cellAt)(sheet, r, c)?.value ?? null));
            if (role && roles[role] === undefined)
                roles[role] = c;
        }
        if (roles.number !== undefined && roles.name !== undefined && (roles.standard !== undefined || roles.points !== undefined)) {
            const used = new Set(Object.values(roles));
            const values = [];
            const scores = [];
            for (let c = 1; c <= sheet.colCount; c++) {
                if (used.has(c))
                    continue;
                const text = (0, text_1.cellText)((0, model_1.cellAt)(sheet, r, c)?.value ?? null).trim();
                if (text === '')
                    continue;
                if ((0, matching_1.isScoreHeader)(text))
                    scores.push({ col: c, platform: null });
                else if ((0, matching_1.stripScoreSuffix)(text) !== undefined)
                    scores.push({ col: c, platform: (0, matching_1.stripScoreSuffix)(text) });
                else
                    values.push({ col: c, platform: (0, matching_1.isValueHeader)(text) ? null : text.trim() });
            }
            return { headerRow: r, roles, values, scores };
        }
    }
    return undefined;
}
function detectEvaluation(sheet, cols) {
    const votes = { acceptance: 0, annual: 0 };
    for (let r = cols.headerRow + 1; r <= sheet.rowCount; r++) {
        const name = (0, text_1.cellText)((0, model_1.cellAt)(sheet, r, cols.roles.name)?.value ?? null);
        for (const c of (0, matching_1.indicatorCandidates)(name))
            votes[c.evaluation] += 1;
    }
    if (votes.acceptance !== votes.annual)
        return votes.acceptance > votes.annual ? 'acceptance' : 'annual';
    for (let r = 1; r < cols.headerRow; r++) {
        for (let c = 1; c <= sheet.colCount; c++) {
            const e = (0, matching_1.evaluationInTitle)((0, text_1.cellText)((0, model_1.cellAt)(sheet, r, c)?.value ?? null));
            if (e)
                return e;
        }
    }
    return cols.roles.responsibility !== undefined && (0, text_1.headerKey)((0, text_1.cellText)((0, model_1.cellAt)(sheet, cols.headerRow, cols.roles.responsibility)?.value ?? null)) === '责任部门'
        ? 'annual'
        : 'acceptance';
}
/** Whether an indicator's inputs go in "其中:" sub-rows (several categories) rather than its own row. */
function usesComponentRows(ind) {
    return ind.inputs.filter((f) => f.kind !== 'amount' || !f.optional).length > 1;
}
function finding(severity, code, message, sheet, row, col) {
    return { severity, code, message, sheet, cell: (0, address_1.a1)(row, col) };
}
function sameText(found, official) {
    return (0, text_1.normalizeText)(found) === (0, text_1.normalizeText)(official);
}
/** Matches a row's 二级指标 to an official indicator; falls back to its 序号. */
function identify(table, name, number) {
    const byName = (0, matching_1.indicatorCandidates)(name).filter((c) => c.evaluation === table.id);
    if (byName.length > 0) {
        const exact = byName.find((c) => table.indicators[c.indicator].number === number);
        return table.indicators[(exact ?? byName[0]).indicator];
    }
    return number !== undefined ? table.indicators[number - 1] : undefined;
}
function numberIn(sheet, row, col) {
    const v = (0, model_1.cellAt)(sheet, row, col)?.value ?? null;
    if (typeof v === 'number')
        return v;
    const t = (0, text_1.normalizeText)((0, text_1.cellText)(v));
    return /^\d+$/.test(t) ? Number(t) : undefined;
}
function recognizeVertical(sheet) {
    const cols = findHeader(sheet);
    if (!cols)
        return undefined;
    const evaluation = detectEvaluation(sheet, cols);
    const table = rules_1.tables[evaluation];
    const findings = [];
    const { roles } = cols;
    const numCol = roles.number;
    const nameCol = roles.name;
    // Rows: indicator rows, their 其中 component rows, the 合计 row.
    const rows = [];
    let totalRow = null;
    for (let r = cols.headerRow + 1; r <= sheet.rowCount; r++) {
        const number = numberIn(sheet, r, numCol);
        const name = (0, text_1.cellText)((0, model_1.cellAt)(sheet, r, nameCol)?.value ?? null);
        const groupText = roles.group !== undefined ? (0, text_1.cellText)((0, model_1.cellAt)(sheet, r, roles.group)?.value ?? null) : '';
        if ((0, matching_1.isTotalLabel)(name) || (0, matching_1.isTotalLabel)(groupText) || (0, matching_1.isTotalLabel)((0, text_1.cellText)((0, model_1.cellAt)(sheet, r, numCol)?.value ?? null))) {
            totalRow = r;
            break;
        }
        if (number !== undefined && name.trim() !== '') {
            rows.push({ row: r, indicator: identify(table, name, number), components: [] });
            continue;
        }
        const current = rows[rows.length - 1];
        if (!current || name.trim() === '')
            continue;
        const label = (0, matching_1.stripComponentPrefix)(name) ?? (0, text_1.headerKey)(name);
        const ind = current.indicator;
        const match = ind ? (0, matching_1.fieldCandidates)(label).find((f) => f.evaluation === evaluation && f.indicator === ind.number - 1) : undefined;
        if (match)
            current.components.push({ row: r, field: match.field });
        else
            findings.push(finding('warning', 'unknown_component', `无法识别“${name.trim()}”是该指标的哪一项输入,可用 --map 指定`, sheet.name, r, nameCol));
    }
    checkIssuedText(sheet, table, cols, rows, totalRow, findings);
    // Platforms: one per value column.
    const values = cols.values.length > 0 ? cols.values : [];
    if (values.length === 0) {
        findings.push(finding('warning', 'no_value_column', '未找到数据列(如“完成值”“实际值”或平台名称),无法评分', sheet.name, cols.headerRow, nameCol));
    }
    const usedScores = new Set();
    const platforms = values.map((v, vi) => {
        const name = v.platform ?? (values.length === 1 ? sheet.name : `${sheet.name}第${vi + 1}列`);
        const score = cols.scores.find((s) => !usedScores.has(s.col) && s.platform !== null && (0, text_1.headerKey)(s.platform) === (0, text_1.headerKey)(v.platform ?? '')) ??
            cols.scores.find((s) => !usedScores.has(s.col) && s.col > v.col && (values[vi + 1] === undefined || s.col < values[vi + 1].col)) ??
            (values.length === 1 && cols.scores.length === 1 ? cols.scores[0] : undefined);
        if (score)
            usedScores.add(score.col);
        const at = (row, col) => ({ sheet: sheet.name, row, col });
        const inputs = table.indicators.map((ind) => ind.inputs.map(() => null));
        const scores = table.indicators.map(() => null);
        for (const ir of rows) {
            if (!ir.indicator)
                continue;
            const i = ir.indicator.number - 1;
            if (inputs[i].some((x) => x !== null))
                continue; // a duplicated row: the first one counts
            const multi = usesComponentRows(ir.indicator);
            if (!multi)
                inputs[i][0] = at(ir.row, v.col);
            for (const c of ir.components)
                inputs[i][c.field] = at(c.row, v.col);
            if (multi && ir.components.length === 0) {
                findings.push(finding('error', 'components_missing', `“${ir.indicator.shortName}”按类别计分,请在其下方用“其中:”行分别填写:${ir.indicator.inputs.map((f) => f.label).join('、')}`, sheet.name, ir.row, v.col));
            }
            if (score)
                scores[i] = at(ir.row, score.col);
        }
        return {
            name,
            inputs,
            scores,
            groups: table.groups.map(() => null),
            total: score && totalRow !== null ? at(totalRow, score.col) : null,
        };
    });
    const lastCol = sheet.colCount;
    return {
        kind: 'vertical',
        evaluation,
        sheet: sheet.name,
        platforms,
        findings,
        area: {
            kind: 'columns',
            sheet: sheet.name,
            headerRow: cols.headerRow,
            firstCol: lastCol + 1,
            rows: rows.filter((r) => r.indicator).map((r) => r.row),
            totalRow,
        },
    };
}
/** The fixed columns against the official table: texts, numbers, order, sums. */
function checkIssuedText(sheet, table, cols, rows, totalRow, findings) {
    const { roles } = cols;
    const seen = new Map();
    let lastNumber = 0;
    const foundPoints = [];
    for (const ir of rows) {
        const ind = ir.indicator;
        const numberCell = numberIn(sheet, ir.row, roles.number);
        if (!ind) {
            findings.push(finding('error', 'unknown_indicator', `${table.shortName}没有这一项指标(序号 ${numberCell ?? '?'})`, sheet.name, ir.row, roles.name));
            continue;
        }
        if (seen.has(ind.number)) {
            findings.push(finding('error', 'duplicate_indicator', `“${ind.shortName}”重复出现(第一次在第 ${seen.get(ind.number)} 行)`, sheet.name, ir.row, roles.name));
            continue;
        }
        seen.set(ind.number, ir.row);
        if (ind.number < lastNumber) {
            findings.push(finding('error', 'reordered_indicator', `“${ind.shortName}”的位置与${table.attachment}不同(应为第 ${ind.number} 项)`, sheet.name, ir.row, roles.number));
        }
        lastNumber = Math.max(lastNumber, ind.number);
        const expect = (role, official, label) => {
            const col = roles[role];
            if (col === undefined)
                return;
            const found = role === 'group' ? mergedText(sheet, ir.row, col) : (0, text_1.cellText)((0, model_1.cellAt)(sheet, ir.row, col)?.value ?? null);
            if (!sameText(found, official)) {
                findings.push(finding('error', `${role}_changed`, `${label}与${table.attachment}不一致:应为“${official}”,表中为“${found.trim()}”`, sheet.name, ir.row, col));
            }
        };
        if (numberCell !== ind.number) {
            findings.push(finding('error', 'number_changed', `序号与${table.attachment}不一致:“${ind.shortName}”应为 ${ind.number},表中为 ${numberCell ?? '空'}`, sheet.name, ir.row, roles.number));
        }
        expect('group', table.groups[ind.group].text, '一级指标');
        expect('name', ind.name, '二级指标');
        expect('standard', ind.standard, '评分标准');
        expect('responsibility', ind.responsibility, (0, text_1.cellText)((0, model_1.cellAt)(sheet, cols.headerRow, roles.responsibility ?? 0)?.value ?? null).trim() || '责任分工');
        if (roles.points !== undefined) {
            const p = numberIn(sheet, ir.row, roles.points) ?? Number((0, text_1.normalizeText)((0, text_1.cellText)((0, model_1.cellAt)(sheet, ir.row, roles.points)?.value ?? null)));
            foundPoints.push({ group: ind.group, points: Number.isFinite(p) ? p : NaN });
            if (p !== ind.points) {
                findings.push(finding('error', 'points_changed', `分值与${table.attachment}不一致:“${ind.shortName}”应为 ${ind.points},表中为 ${(0, text_1.cellText)((0, model_1.cellAt)(sheet, ir.row, roles.points)?.value ?? null) || '空'}`, sheet.name, ir.row, roles.points));
            }
        }
    }
    for (const ind of table.indicators) {
        if (!seen.has(ind.number)) {
            findings.push(finding('error', 'missing_indicator', `缺少${table.attachment}第 ${ind.number} 项“${ind.shortName}”`, sheet.name, cols.headerRow, roles.name));
        }
    }
    if (roles.points !== undefined && foundPoints.length > 0) {
        table.groups.forEach((g, gi) => {
            const sum = foundPoints.filter((p) => p.group === gi).reduce((s, p) => s + p.points, 0);
            if (foundPoints.some((p) => p.group === gi) && Math.abs(sum - g.weight) > 1e-9) {
                const first = rows.find((r) => r.indicator?.group === gi);
                findings.push(finding('error', 'group_points_sum', `“${g.name}”各项分值之和为 ${Number.isFinite(sum) ? sum : '无法计算'},应等于权重 ${g.weight}`, sheet.name, first?.row ?? cols.headerRow, roles.points));
            }
        });
        const total = foundPoints.reduce((s, p) => s + p.points, 0);
        if (Math.abs(total - 100) > 1e-9) {
            findings.push(finding('error', 'points_sum', `分值合计为 ${Number.isFinite(total) ? total : '无法计算'},应为 100`, sheet.name, totalRow ?? cols.headerRow, roles.points));
        }
        if (totalRow !== null) {
            const t = numberIn(sheet, totalRow, roles.points);
            if (t !== undefined && t !== 100)
                findings.push(finding('error', 'points_total_changed', `合计行的分值应为 100,表中为 ${t}`, sheet.name, totalRow, roles.points));
        }
    }
}
