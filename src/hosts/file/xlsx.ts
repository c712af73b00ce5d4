/**
 * The .xlsx file host, with exceljs: one read of every sheet's used range (values, formulas,
 * number formats, merges) and one write of a batch of cells.
 *
 * exceljs reads a formula's cached result of 0 as "no result"; the cached values of such cells
 * are recovered from the worksheet XML itself.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { errorKindFromText, sheetError, type RawValue } from '../../engine';
import { a1, parseA1 } from '../../workbook/address';
import { buildSheet, NO_CAPABILITIES, type CellData, type CellRange, type ExpectedCell, type SheetData, type WorkbookData, type WorkbookHost, type WriteBatch, type WriteOutcome } from '../../workbook/model';

/** Why a file cannot be opened; the message is for the user. */
export class FileOpenError extends Error {
  constructor(
    readonly reason: 'not_found' | 'not_xlsx' | 'encrypted' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name] ?? m;
  });
}

/** Cached values of formula cells, read from the sheet XML: sheet name → address → value. */
async function cachedFormulaValues(buffer: Buffer): Promise<Map<string, Map<string, RawValue>>> {
  const zip = await JSZip.loadAsync(buffer);
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const relsXml = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const out = new Map<string, Map<string, RawValue>>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const target = targets.get(rid);
    const xml = target ? await zip.file(`xl/${target}`)?.async('string') : undefined;
    if (!xml) continue;
    const values = new Map<string, RawValue>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[2];
      if (!body || !body.includes('<f')) continue;
      const addr = /\br="([A-Z]+\d+)"/.exec(c[1])?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      if (!addr || v === undefined) continue;
      const t = /\bt="([a-z]+)"/.exec(c[1])?.[1];
      const text = decodeXml(v);
      values.set(addr, t === 'str' ? text : t === 'b' ? text === '1' : t === 'e' ? sheetError(errorKindFromText(text) ?? 'value') : Number(text));
    }
    out.set(name, values);
  }
  return out;
}

function toRaw(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return sheetError(errorKindFromText(o.error) ?? 'value');
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if ('result' in o) return toRaw(o.result);
  }
  return null;
}

function parseRange(ref: string): CellRange | undefined {
  const [from, to] = ref.split(':').map(parseA1);
  if (!from || !to) return undefined;
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

export class XlsxFileHost implements WorkbookHost {
  readonly capabilities = NO_CAPABILITIES;

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    private readonly cached: Map<string, Map<string, RawValue>>,
  ) {}

  static async open(path: string): Promise<XlsxFileHost> {
    if (!fs.existsSync(path)) throw new FileOpenError('not_found', `找不到文件:${path}`);
    return XlsxFileHost.fromBuffer(fs.readFileSync(path), path);
  }

  static async fromBuffer(buffer: Buffer, path = '工作簿'): Promise<XlsxFileHost> {
    if (startsWith(buffer, CFB_MAGIC)) {
      throw new FileOpenError('encrypted', `无法读取“${path}”:文件受密码保护或是旧版 .xls 格式。请在电子表格软件中取消密码、另存为 .xlsx 后再试`);
    }
    if (!startsWith(buffer, ZIP_MAGIC)) throw new FileOpenError('not_xlsx', `无法读取“${path}”:不是 .xlsx 文件`);
    const workbook = new ExcelJS.Workbook();
    let cached: Map<string, Map<string, RawValue>>;
    try {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      cached = await cachedFormulaValues(buffer);
    } catch (e) {
      throw new FileOpenError('corrupt', `无法读取“${path}”:文件已损坏或不是有效的 .xlsx 文件(${(e as Error).message})`);
    }
    return new XlsxFileHost(workbook, cached);
  }

  /** A new, empty workbook (for templates). */
  static empty(): XlsxFileHost {
    return new XlsxFileHost(new ExcelJS.Workbook(), new Map());
  }

  async read(): Promise<WorkbookData> {
    const sheets: SheetData[] = [];
    this.workbook.eachSheet((ws) => {
      const cells: { row: number; col: number; cell: CellData }[] = [];
      const cachedHere = this.cached.get(ws.name);
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const formula = cell.formula ? String(cell.formula) : undefined;
          let value = toRaw(cell.value);
          if (formula !== undefined) {
            const o = cell.value as { result?: unknown } | null;
            value = o && o.result !== undefined ? toRaw(o.result) : cachedHere?.get(a1(r, c)) ?? null;
          }
          const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
          cells.push({ row: r, col: c, cell: { value, ...(formula !== undefined ? { formula } : {}), ...(numFmt ? { numFmt } : {}) } });
        });
      });
      const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m): m is CellRange => m !== undefined);
      sheets.push(buildSheet(ws.name, cells, merges, ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : undefined));
    });
    return { sheets };
  }

  async write(batch: WriteBatch, _expected: readonly ExpectedCell[] = []): Promise<WriteOutcome> {
    for (const s of batch.addSheets) if (!this.workbook.getWorksheet(s.name)) this.workbook.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    for (const w of batch.cells) {
      const ws = this.workbook.getWorksheet(w.sheet);
      if (!ws) throw new Error(`no sheet ${w.sheet}`);
      const cell = ws.getCell(w.row, w.col);
      if (w.formula !== undefined) cell.value = { formula: w.formula, result: w.result } as ExcelJS.CellFormulaValue;
      else cell.value = w.value ?? null;
      if (w.numFmt) cell.numFmt = w.numFmt;
      if (w.bold) cell.font = { ...(cell.font ?? {}), bold: true };
    }
    for (const m of batch.merges) this.workbook.getWorksheet(m.sheet)?.mergeCells(m.range.top, m.range.left, m.range.bottom, m.range.right);
    for (const c of batch.columnWidths) {
      const ws = this.workbook.getWorksheet(c.sheet);
      if (ws) ws.getColumn(c.col).width = c.width;
    }
    for (const name of batch.deleteSheets) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) this.workbook.removeWorksheet(ws.id);
    }
    return { ok: true };
  }

  async save(path: string): Promise<void> {
    await this.workbook.xlsx.writeFile(path);
  }
}
