"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RECORD_SHEET = void 0;
exports.analyze = analyze;
exports.scoreRecords = scoreRecords;
exports.totalRecords = totalRecords;
/**
 * Check: recognizes every table in a workbook, validates the inputs by field kind, and has the
 * engine score every platform. Decides where each score goes (existing places, or a new area).
 * No score is computed here: scores come from src/engine.
 */
const engine_1 = require("../engine");
const rules_1 = require("../rules");
const address_1 = require("./address");
const cohort_1 = require("./cohort");
const model_1 = require("./model");
const vertical_1 = require("./vertical");
/** Sheets wanmu writes for its own records; never read as data. */
exports.RECORD_SHEET = 'wanmu原值';
const NOTICE_SEVERITY = { percent_text: 'warning', fullwidth: 'warning', number_as_text: 'info', yesno_text: null };
const NOTICE_TEXT = {
    percent_text: (t, v) => `“${t}”是文本形式的百分比,按 ${v} 计算;建议改为数值`,
    fullwidth: (t, v) => `“${t}”含全角字符,按 ${v} 计算;建议改为半角数字`,
    number_as_text: (t, v) => `“${t}”是文本格式的数字,按 ${v} 计算;建议改为数值格式`,
};
function sheetByName(wb) {
    return new Map(wb.sheets.map((s) => [s.name, s]));
}
function readInput(sheets, ref, field, findings) {
    if (!ref)
        return { value: null, error: null, fromText: false };
    const sheet = sheets.get(ref.sheet);
    const cell = (0, model_1.cellAt)(sheet, ref.row, ref.col);
    const at = { sheet: ref.sheet, cell: (0, address_1.a1)(ref.row, ref.col) };
    if (cell?.formula !== undefined && cell.value === null) {
        findings.push({ severity: 'warning', code: 'no_cached_value', message: `“${field.label}”的公式没有计算结果,请在电子表格中重新计算并保存后再检查`, ...at });
        return { value: null, error: { kind: 'na', reason: { code: 'missing', field: field.label } }, fromText: false };
    }
    const parsed = (0, engine_1.parseInput)(field, cell?.value ?? null);
    if (!parsed.ok) {
        const code = parsed.error.reason.code === 'upstream' ? 'cell_error' : parsed.error.reason.code;
        findings.push({ severity: 'error', code, message: (0, engine_1.errorMessage)(parsed.error.reason), ...at });
        return { value: null, error: parsed.error, fromText: false };
    }
    if (parsed.value === null) {
        if (!field.optional)
            findings.push({ severity: 'warning', code: 'blank', message: `“${field.label}”未填写,该项暂不计分`, ...at });
        return { value: null, error: null, fromText: false };
    }
    const checked = (0, engine_1.checkValue)(field, parsed.value);
    if (typeof checked !== 'number') {
        findings.push({ severity: 'error', code: checked.reason.code, message: (0, engine_1.errorMessage)(checked.reason), ...at });
        return { value: null, error: checked, fromText: false };
    }
    const notice = parsed.notice;
    if (notice && notice.code !== 'yesno_text') {
        findings.push({ severity: NOTICE_SEVERITY[notice.code], code: notice.code, message: NOTICE_TEXT[notice.code](notice.text, parsed.value), ...at });
    }
    return { value: parsed.value, error: null, fromText: notice !== undefined && notice.code !== 'yesno_text' };
}
/** Places for scores the layout has no cell for, in the layout's new score area. */
function newPlace(layout, table, p, kind, index) {
    const area = layout.area;
    if (area.kind === 'sheet') {
        const row = 3 + p;
        const n = table.indicators.length;
        const col = kind === 'indicator' ? 2 + index : kind === 'group' ? 2 + n + index : 2 + n + table.groups.length;
        return { sheet: area.name, row, col };
    }
    if (area.kind === 'columns') {
        const col = area.firstCol + p;
        if (kind === 'indicator') {
            const row = layout.platforms[p] ? rowOfIndicator(layout, p, index) : null;
            return row === null ? null : { sheet: area.sheet, row, col };
        }
        if (kind === 'total' && area.totalRow !== null)
            return { sheet: area.sheet, row: area.totalRow, col };
    }
    return null;
}
function rowOfIndicator(layout, p, i) {
    const first = layout.platforms[p].inputs[i].find((r) => r !== null);
    if (!first)
        return null;
    // the indicator row is the smallest row among its input cells (components are below it)
    return Math.min(...layout.platforms[p].inputs[i].filter((r) => r !== null).map((r) => r.row));
}
function evaluateLayout(sheets, layout, findings) {
    const table = rules_1.tables[layout.evaluation];
    const values = [];
    const fromText = [];
    const inputErrors = [];
    for (const p of layout.platforms) {
        const pv = [];
        const pt = [];
        const pe = [];
        table.indicators.forEach((ind, i) => {
            const read = ind.inputs.map((f, fi) => readInput(sheets, p.inputs[i][fi], f, findings));
            pv.push(read.map((r) => (r.error ? NaN : r.value)));
            pt.push(read.some((r) => r.fromText));
            pe.push(read.find((r) => r.error)?.error ?? null);
        });
        values.push(pv);
        fromText.push(pt);
        inputErrors.push(pe);
    }
    const hasPlaces = layout.platforms.some((p) => p.scores.some((s) => s !== null));
    const scored = (0, engine_1.scoreCohort)(table, values);
    const platforms = layout.platforms.map((p, pi) => {
        const s = scored[pi];
        const indicators = table.indicators.map((ind, i) => {
            const o = s.indicators[i];
            const existing = p.scores[i];
            const place = existing ? { ref: existing, existing: true } : { ref: hasPlaces && layout.area.kind !== 'columns' ? null : newPlace(layout, table, pi, 'indicator', i), existing: false };
            const own = inputErrors[pi][i];
            const reason = o.ok ? null : (0, engine_1.errorMessage)((own ?? o.error).reason);
            return { indicator: ind, score: o.ok ? o.score : null, reason, place, inputs: p.inputs[i], textInputs: fromText[pi][i] };
        });
        const groups = s.groups.map((g, gi) => {
            const existing = p.groups[gi];
            return { score: g.score, place: existing ? { ref: existing, existing: true } : { ref: hasPlaces ? null : newPlace(layout, table, pi, 'group', gi), existing: false } };
        });
        const total = { score: s.total, place: p.total ? { ref: p.total, existing: true } : { ref: hasPlaces && layout.area.kind !== 'columns' ? null : newPlace(layout, table, pi, 'total', 0), existing: false } };
        return { name: p.name, indicators, groups, total };
    });
    return { layout, table, platforms };
}
function analyze(workbook, options = {}) {
    const sheets = sheetByName(workbook);
    const findings = [];
    const results = [];
    const resultSheetPrefix = rules_1.vocabulary.resultSheet;
    for (const sheet of workbook.sheets) {
        if (sheet.name === exports.RECORD_SHEET || sheet.name.startsWith(resultSheetPrefix))
            continue;
        const opts = options.sheets?.get(sheet.name);
        const layout = (!opts?.columns ? (0, vertical_1.recognizeVertical)(sheet) : undefined) ?? (0, cohort_1.recognizeCohort)(sheet, workbook.sheets, opts);
        if (!layout)
            continue;
        findings.push(...layout.findings);
        results.push(evaluateLayout(sheets, layout, findings));
    }
    for (const [name] of options.sheets ?? []) {
        if (!sheets.has(name))
            findings.push({ severity: 'error', code: 'mapping_sheet_missing', message: `映射文件中的工作表“${name}”不存在`, sheet: name, cell: 'A1' });
    }
    if (results.length === 0) {
        const first = workbook.sheets[0]?.name ?? '';
        findings.push({ severity: 'error', code: 'no_table', message: '未在工作簿中找到验收评价或年度评价的表格;如表头与常见写法不同,可用 --map 指定各列含义', sheet: first, cell: 'A1' });
    }
    return { workbook, tables: results, findings };
}
function scoreRecords(a) {
    return a.tables.flatMap((t) => t.platforms.flatMap((p) => p.indicators.map((r) => ({
        evaluation: t.table.id,
        platform: p.name,
        indicator: r.indicator.number,
        score: r.score,
        sheet: r.place.ref?.sheet ?? '',
        cell: r.place.ref ? (0, address_1.a1)(r.place.ref.row, r.place.ref.col) : '',
    }))));
}
function totalRecords(a) {
    return a.tables.flatMap((t) => t.platforms.map((p) => ({
        evaluation: t.table.id,
        platform: p.name,
        total: p.total.score,
        sheet: p.total.place.ref?.sheet ?? '',
        cell: p.total.place.ref ? (0, address_1.a1)(p.total.place.ref.row, p.total.place.ref.col) : '',
    })));
}
