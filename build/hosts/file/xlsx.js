"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.XlsxFileHost = exports.FileOpenError = void 0;
/**
 * The .xlsx file host, with exceljs: one read of every sheet's used range (values, formulas,
 * number formats, merges) and one write of a batch of cells.
 *
 * exceljs reads a formula's cached result of 0 as "no result"; the cached values of such cells
 * are recovered from the worksheet XML itself.
 */
const fs = __importStar(require("fs"));
const exceljs_1 = __importDefault(require("exceljs"));
const jszip_1 = __importDefault(require("jszip"));
const engine_1 = require("../../engine");
const address_1 = require("../../workbook/address");
/** Why a file cannot be opened; the message is for the user. */
class FileOpenError extends Error {
    constructor(reason, message) {
        super(message);
        this.reason = reason;
    }
}
exports.FileOpenError = FileOpenError;
const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
function startsWith(buf, magic) {
    return magic.every((b, i) => buf[i] === b);
}
function decodeXml(s) {
    return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name, dec, hex) => {
        if (dec)
            return String.fromCodePoint(Number(dec));
        if (hex)
            return String.fromCodePoint(parseInt(hex, 16));
        return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name] ?? m;
    });
}
/** Cached values of formula cells, read from the sheet XML: sheet name → address → value. */
async function cachedFormulaValues(buffer) {
    const zip = await jszip_1.default.loadAsync(buffer);
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const relsXml = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    const targets = new Map();
    for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
        const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
        const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
        if (id && target)
            targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
    }
    const out = new Map();
    for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
        const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
        const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
        const target = targets.get(rid);
        const xml = target ? await zip.file(`xl/${target}`)?.async('string') : undefined;
        if (!xml)
            continue;
        const values = new Map();
        for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
            const body = c[2];
            if (!body || !body.includes('<f'))
                continue;
            const addr = /\br="([A-Z]+\d+)"/.exec(c[1])?.[1];
            const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
            if (!addr || v === undefined)
                continue;
            const t = /\bt="([a-z]+)"/.exec(c[1])?.[1];
            const text = decodeXml(v);
            values.set(addr, t === 'str' ? text : t === 'b' ? text === '1' : t === 'e' ? (0, engine_1.sheetError)((0, engine_1.errorKindFromText)(text) ?? 'value') : Number(text));
        }
        out.set(name, values);
    }
    return out;
}
function toRaw(v) {
    if (v === null || v === undefined)
        return null;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
        return v;
    if (v instanceof Date)
        return v.toISOString().slice(0, 10);
    if (typeof v === 'object') {
        const o = v;
        if (typeof o.error === 'string')
            return (0, engine_1.sheetError)((0, engine_1.errorKindFromText)(o.error) ?? 'value');
        if (Array.isArray(o.richText))
            return o.richText.map((r) => r.text).join('');
        if (typeof o.text === 'string')
            return o.text;
        if ('result' in o)
            return toRaw(o.result);
    }
    return null;
}
function parseRange(ref) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref);
    if (!m)
        return undefined;
    const col = (s) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4]), right: col(m[3]) };
}
class XlsxFileHost {
    constructor(workbook, cached) {
        this.workbook = workbook;
        this.cached = cached;
    }
    static async open(path) {
        if (!fs.existsSync(path))
            throw new FileOpenError('not_found', `找不到文件:${path}`);
        return XlsxFileHost.fromBuffer(fs.readFileSync(path), path);
    }
    static async fromBuffer(buffer, path = '工作簿') {
        if (startsWith(buffer, CFB_MAGIC)) {
            throw new FileOpenError('encrypted', `无法读取“${path}”:文件受密码保护或是旧版 .xls 格式。请在电子表格软件中取消密码、另存为 .xlsx 后再试`);
        }
        if (!startsWith(buffer, ZIP_MAGIC))
            throw new FileOpenError('not_xlsx', `无法读取“${path}”:不是 .xlsx 文件`);
        const workbook = new exceljs_1.default.Workbook();
        let cached;
        try {
            await workbook.xlsx.load(buffer);
            cached = await cachedFormulaValues(buffer);
        }
        catch (e) {
            throw new FileOpenError('corrupt', `无法读取“${path}”:文件已损坏或不是有效的 .xlsx 文件(${e.message})`);
        }
        return new XlsxFileHost(workbook, cached);
    }
    /** A new, empty workbook (for templates). */
    static empty() {
        return new XlsxFileHost(new exceljs_1.default.Workbook(), new Map());
    }
    async read() {
        const sheets = [];
        this.workbook.eachSheet((ws) => {
            const rowCount = ws.rowCount;
            const colCount = ws.columnCount;
            const cells = Array.from({ length: rowCount }, () => new Array(colCount).fill(null));
            const cachedHere = this.cached.get(ws.name);
            ws.eachRow({ includeEmpty: false }, (row, r) => {
                row.eachCell({ includeEmpty: false }, (cell, c) => {
                    if (cell.isMerged && cell.master.address !== cell.address)
                        return;
                    const formula = cell.formula ? String(cell.formula) : undefined;
                    let value = toRaw(cell.value);
                    if (formula !== undefined) {
                        const o = cell.value;
                        value = o && o.result !== undefined ? toRaw(o.result) : cachedHere?.get((0, address_1.a1)(r, c)) ?? null;
                    }
                    const numFmt = cell.numFmt || undefined;
                    cells[r - 1][c - 1] = { value, ...(formula !== undefined ? { formula } : {}), ...(numFmt ? { numFmt } : {}) };
                });
            });
            const merges = (ws.model.merges ?? []).map(parseRange).filter((m) => m !== undefined);
            sheets.push({ name: ws.name, rowCount, colCount, cells, merges });
        });
        return { sheets };
    }
    async write(batch) {
        for (const name of batch.addSheets)
            if (!this.workbook.getWorksheet(name))
                this.workbook.addWorksheet(name);
        for (const w of batch.cells) {
            const ws = this.workbook.getWorksheet(w.sheet);
            if (!ws)
                throw new Error(`no sheet ${w.sheet}`);
            const cell = ws.getCell(w.row, w.col);
            if (w.formula !== undefined)
                cell.value = { formula: w.formula, result: w.result };
            else
                cell.value = w.value ?? null;
            if (w.numFmt)
                cell.numFmt = w.numFmt;
            if (w.bold)
                cell.font = { ...(cell.font ?? {}), bold: true };
        }
        for (const m of batch.merges)
            this.workbook.getWorksheet(m.sheet)?.mergeCells(m.range.top, m.range.left, m.range.bottom, m.range.right);
        for (const c of batch.columnWidths) {
            const ws = this.workbook.getWorksheet(c.sheet);
            if (ws)
                ws.getColumn(c.col).width = c.width;
        }
    }
    async save(path) {
        await this.workbook.xlsx.writeFile(path);
    }
}
exports.XlsxFileHost = XlsxFileHost;
