"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.planFill = planFill;
/**
 * The fill plan: which cells get which score formula or value. Never overwrites a non-empty
 * cell wanmu did not write unless asked (replace), and then records what was there.
 * Scores (cached results, values) come from the analysis, i.e. from the engine.
 */
const rules_1 = require("../rules");
const address_1 = require("./address");
const analyze_1 = require("./analyze");
const formulas_1 = require("./formulas");
const model_1 = require("./model");
const text_1 = require("./text");
const SCORE_FORMAT = '0.00';
function refText(target, ref, absolute = false) {
    const cell = absolute ? (0, address_1.absA1)(ref.row, ref.col) : (0, address_1.a1)(ref.row, ref.col);
    return ref.sheet === target ? cell : `${(0, address_1.sheetRef)(ref.sheet)}!${cell}`;
}
function isEmpty(cell) {
    return cell === null || (cell.formula === undefined && (cell.value === null || (0, text_1.cellText)(cell.value).trim() === ''));
}
/** The cohort of a 无量纲化 field: one absolute range when the cells line up, else a list. */
function cohortText(target, cells) {
    if (cells.length === 0)
        return undefined;
    const sheet = cells[0].sheet;
    const sameCol = cells.every((c) => c.col === cells[0].col);
    const sameRow = cells.every((c) => c.row === cells[0].row);
    const prefix = sheet === target ? '' : `${(0, address_1.sheetRef)(sheet)}!`;
    if (sameCol) {
        const rows = cells.map((c) => c.row);
        return `${prefix}${(0, address_1.absA1)(Math.min(...rows), cells[0].col)}:${(0, address_1.absA1)(Math.max(...rows), cells[0].col)}`;
    }
    if (sameRow) {
        const cols = cells.map((c) => c.col).sort((a, b) => a - b);
        const contiguous = cols.every((c, i) => i === 0 || c === cols[i - 1] + 1);
        if (contiguous)
            return `${prefix}${(0, address_1.absA1)(cells[0].row, cols[0])}:${(0, address_1.absA1)(cells[0].row, cols[cols.length - 1])}`;
    }
    return cells.map((c) => refText(target, c, true)).join(',');
}
function planFill(analysis, options) {
    const sheets = new Map(analysis.workbook.sheets.map((s) => [s.name, s]));
    const cells = [];
    const addSheets = [];
    const columnWidths = [];
    const findings = [];
    const replaced = [];
    const claimed = new Set();
    /** Whether a cell may be written; records what it held when replacing. */
    const mayWrite = (ref, formula) => {
        const key = `${ref.sheet}!${(0, address_1.a1)(ref.row, ref.col)}`;
        if (claimed.has(key))
            return false;
        const sheet = sheets.get(ref.sheet);
        const cell = sheet ? (0, model_1.cellAt)(sheet, ref.row, ref.col) : null;
        if (isEmpty(cell) || (formula !== undefined && cell?.formula === formula)) {
            claimed.add(key);
            return true;
        }
        if (!options.replace) {
            findings.push({ severity: 'info', code: 'kept_existing', message: '单元格已有内容,未覆盖(如需按官方规则重写,请使用 --replace,原内容会记录在“wanmu原值”表中)', sheet: ref.sheet, cell: (0, address_1.a1)(ref.row, ref.col) });
            return false;
        }
        replaced.push({ sheet: ref.sheet, cell: (0, address_1.a1)(ref.row, ref.col), value: (0, text_1.cellText)(cell?.value ?? null), formula: cell?.formula ? `=${cell.formula}` : '' });
        claimed.add(key);
        return true;
    };
    const put = (ref, formula, result, isNew) => {
        const common = { sheet: ref.sheet, row: ref.row, col: ref.col, ...(isNew ? { numFmt: SCORE_FORMAT } : {}) };
        cells.push(formula !== undefined && options.style !== 'values' ? { ...common, formula, result } : { ...common, value: result });
    };
    for (const t of analysis.tables) {
        writeArea(t, cells, addSheets, columnWidths);
        t.platforms.forEach((p) => {
            const placed = [];
            for (const r of p.indicators) {
                const ref = r.place.ref;
                placed.push(ref && r.score !== null ? ref : null);
                if (!ref || r.score === null)
                    continue;
                const inputs = {
                    refs: r.inputs.map((c) => (c ? refText(ref.sheet, c) : null)),
                    cohort: r.indicator.rule.kind === 'normalized'
                        ? cohortText(ref.sheet, t.platforms.map((q) => q.indicators[r.indicator.number - 1].inputs[0]).filter((c) => c !== null))
                        : undefined,
                };
                let formula;
                if (options.style !== 'values') {
                    formula = r.textInputs ? undefined : options.style === 'wanmu' ? (0, formulas_1.wanmuFormula)(t.table.id, r.indicator, inputs) ?? (0, formulas_1.nativeFormula)(r.indicator, inputs) : (0, formulas_1.nativeFormula)(r.indicator, inputs);
                    if (formula === undefined) {
                        findings.push({ severity: 'info', code: 'value_instead_of_formula', message: `“${r.indicator.shortName}”的输入是文本或位置不规则,得分以数值写入;将输入改为数值后重新填写即可得到公式`, sheet: ref.sheet, cell: (0, address_1.a1)(ref.row, ref.col) });
                    }
                }
                if (mayWrite(ref, formula))
                    put(ref, formula, r.score, !r.place.existing);
            }
            const sumOf = (target, idx) => {
                const refs = idx.map((i) => placed[i]);
                if (refs.some((x) => x === null))
                    return undefined;
                return (0, formulas_1.sumFormula)(refs.map((x) => refText(target.sheet, x)));
            };
            p.groups.forEach((g, gi) => {
                const ref = g.place.ref;
                if (!ref || g.score === null)
                    return;
                const idx = t.table.indicators.map((ind, i) => (ind.group === gi ? i : -1)).filter((i) => i >= 0);
                const formula = sumOf(ref, idx);
                if (mayWrite(ref, formula))
                    put(ref, formula, g.score, !g.place.existing);
            });
            const tr = p.total.place.ref;
            if (tr && p.total.score !== null) {
                const formula = sumOf(tr, t.table.indicators.map((_, i) => i));
                if (mayWrite(tr, formula))
                    put(tr, formula, p.total.score, !p.total.place.existing);
            }
        });
    }
    if (replaced.length > 0)
        recordReplaced(sheets.get(analyze_1.RECORD_SHEET), replaced, cells, addSheets);
    return { batch: { addSheets, cells, merges: [], columnWidths }, findings, replaced, written: cells.length };
}
/** Headers of a new score area. */
function writeArea(t, cells, addSheets, widths) {
    const area = t.layout.area;
    if (area.kind === 'sheet') {
        if (t.layout.platforms.length === 0)
            return;
        addSheets.push(area.name);
        const s = area.name;
        cells.push({ sheet: s, row: 1, col: 1, value: `${t.table.shortName}得分(万亩千亿评分助手按${t.table.attachment}计算,数据来自“${t.layout.sheet}”)`, bold: true });
        cells.push({ sheet: s, row: 2, col: 1, value: '平台名称', bold: true });
        widths.push({ sheet: s, col: 1, width: 24 });
        const n = t.table.indicators.length;
        t.table.indicators.forEach((ind, i) => cells.push({ sheet: s, row: 2, col: 2 + i, value: `${ind.shortName}${rules_1.vocabulary.scoreSuffixes[0]}(${ind.points}分)`, bold: true }));
        t.table.groups.forEach((g, gi) => cells.push({ sheet: s, row: 2, col: 2 + n + gi, value: `${g.name}${rules_1.vocabulary.scoreSuffixes[0]}(${g.weight}分)`, bold: true }));
        cells.push({ sheet: s, row: 2, col: 2 + n + t.table.groups.length, value: rules_1.vocabulary.total[1], bold: true });
        t.platforms.forEach((p, pi) => cells.push({ sheet: s, row: 3 + pi, col: 1, value: p.name }));
    }
    else if (area.kind === 'columns') {
        t.platforms.forEach((p, pi) => {
            if (p.indicators.some((r) => r.place.existing))
                return;
            const generic = p.name === t.layout.sheet;
            cells.push({ sheet: area.sheet, row: area.headerRow, col: area.firstCol + pi, value: generic ? rules_1.vocabulary.scoreColumns[0] : `${p.name}${rules_1.vocabulary.scoreSuffixes[0]}`, bold: true });
        });
    }
}
function recordReplaced(existing, replaced, cells, addSheets) {
    let row = existing ? existing.rowCount + 1 : 1;
    if (!existing) {
        addSheets.push(analyze_1.RECORD_SHEET);
        ['工作表', '单元格', '原值', '原公式'].forEach((h, i) => cells.push({ sheet: analyze_1.RECORD_SHEET, row: 1, col: i + 1, value: h, bold: true }));
        row = 2;
    }
    for (const r of replaced) {
        [r.sheet, r.cell, r.value, r.formula].forEach((v, i) => cells.push({ sheet: analyze_1.RECORD_SHEET, row, col: i + 1, value: v }));
        row++;
    }
}
