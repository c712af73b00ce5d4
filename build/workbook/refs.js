"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formulaRefs = formulaRefs;
/** References inside a formula text (A1 style), enough to review score formulas. */
const address_1 = require("./address");
const REF_RE = /(?<![A-Za-z0-9_$.\u4e00-\u9fff])(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*))!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(])/g;
function formulaRefs(formula) {
    const noStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
    const out = [];
    for (const m of noStrings.matchAll(REF_RE)) {
        const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] ?? null;
        const c1 = (0, address_1.colNumber)(m[4]);
        const r1 = Number(m[6]);
        const c2 = m[8] !== undefined ? (0, address_1.colNumber)(m[8]) : c1;
        const r2 = m[10] !== undefined ? Number(m[10]) : r1;
        out.push({
            sheet,
            top: Math.min(r1, r2),
            bottom: Math.max(r1, r2),
            left: Math.min(c1, c2),
            right: Math.max(c1, c2),
            absoluteRows: m[5] === '$' && (m[10] === undefined || m[9] === '$'),
            text: m[0],
        });
    }
    return out;
}
