/**
 * The .xlsx file host's core, free of Node APIs (no fs, no path, no Buffer) so the task pane's
 * browser bundle can open, write and download a workbook. xlsx.ts adds opening and saving files.
 *
 * The .xlsx file host. The package is kept as it was read: a write changes only the cells it
 * writes (sheet-write.ts), the sheets it adds or deletes, and the parts that must list them
 * (workbook, its relationships, content types, styles). Every other zip entry is written back
 * byte for byte, so charts, pivot tables, images, comments, macros, protection and the like
 * survive untouched. Sheets are read as a stream into sparse cells, within stated limits.
 */
import {
  NO_CAPABILITIES,
  cellAt,
  cellsInRange,
  sheetsByName,
  type CellRange,
  type CellWrite,
  type ExpectedCell,
  type RangeCells,
  type MarkSet,
  type ReadScope,
  type SheetData,
  type SheetRange,
  type SheetLayout,
  type SheetState,
  type WorkbookData,
  type WorkbookHost,
  type WriteBatch,
  type WriteOutcome,
} from '../../workbook/core/model';
import { findConflicts } from '../shared/blocks';
import { marksSink, writeMarks, type SheetMark } from './marks';
import { joinInPlace, type Piece } from './bytes';
import { SheetReadError, sharedStringsSink, sheetSink, type TextSink } from './sheet-read';
import { newSheetXml, SheetWriteError, writeSheet } from './sheet-write';
import { MARK_FILL } from '../../workbook/core/marks';
import { minimalStyles, SPREADSHEETML, Styles } from './styles';
import { attr, attrLocal, child, element, elements, localName, parseXml, prefixFor, qualified, serializeXml, setAttr, text, textOf, XML_DECL, XmlError, type XmlDocument, type XmlElement } from './xml';
import { inflateEntry, inflateEntryChunks, newEntry, readZip, writeZip, ZipError, type ZipEntry } from './zip';
import { compoundKind, isCompoundFile } from './cfb';

/** Why a file cannot be opened; the message is for the user. */
export class FileOpenError extends Error {
  constructor(
    readonly reason: 'not_found' | 'not_xlsx' | 'encrypted' | 'legacy' | 'csv' | 'corrupt' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface XlsxLimits {
  /** Largest uncompressed XML part read whole (workbook, styles, shared strings, a written sheet). */
  readonly partBytes: number;
  /** Largest uncompressed worksheet read as a stream. */
  readonly sheetBytes: number;
  /** Most cells one read may hold, over all sheets read. */
  readonly cells: number;
}

export const DEFAULT_LIMITS: XlsxLimits = { partBytes: 256 * 1024 * 1024, sheetBytes: 1024 * 1024 * 1024, cells: 1_500_000 };

const ZIP_MAGIC = [0x50, 0x4b];

const REL_NS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** UTF-8 of text given in pieces (text, or bytes already encoded), into one buffer (no whole-text string). */
function encodeParts(parts: Piece[]): Uint8Array {
  const joined = joinInPlace(parts);
  if (joined) return joined;
  // each piece becomes bytes and lets go of its text at once, so a large sheet is held as text
  // and as bytes only piece by piece
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    parts[i] = '';
    chunks.push(bytes);
    size += bytes.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < chunks.length; i++) {
    out.set(chunks[i], at);
    at += chunks[i].length;
    chunks[i] = EMPTY_BYTES;
  }
  return out;
}

const EMPTY_BYTES = new Uint8Array(0);

/** Text of an XML part, without a byte order mark. */
function decode(bytes: Uint8Array): string {
  const s = utf8.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Directory of a part name ('xl/workbook.xml' → 'xl/'). */
function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Part name a relationship target points at, from the part that holds the relationship. */
function resolveTarget(source: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : dirOf(source) + target;
  const out: string[] = [];
  for (const seg of decodeURIComponent(raw).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsPartOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

/** The zip entries, their changes, and parsed copies of the small parts that may change. */
export class Package {
  private readonly order: string[];
  private readonly original = new Map<string, ZipEntry>();
  private readonly lower = new Map<string, string>();
  private readonly changed = new Map<string, Uint8Array>();
  private readonly docs = new Map<string, { doc: XmlDocument; dirty: boolean }>();

  constructor(entries: readonly ZipEntry[], readonly limits: XlsxLimits) {
    this.order = entries.map((e) => e.name);
    for (const e of entries) {
      this.original.set(e.name, e);
      this.lower.set(e.name.toLowerCase(), e.name);
    }
  }

  /** The stored name of a part (part names are case-insensitive). */
  find(part: string): string | undefined {
    return this.lower.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.find(part) !== undefined;
  }

  bytes(part: string, limit = this.limits.partBytes): Uint8Array {
    const name = this.find(part);
    if (name === undefined) throw new ZipError('corrupt', `缺少 ${part}`);
    const changed = this.changed.get(name);
    if (changed) return changed;
    return inflateEntry(this.original.get(name) as ZipEntry, limit);
  }

  text(part: string, limit?: number): string {
    return decode(this.bytes(part, limit));
  }

  /** Streams a part's text into a sink (large sheets are never held whole). */
  stream(part: string, sink: TextSink, limit: number): void {
    const name = this.find(part);
    if (name === undefined) throw new ZipError('corrupt', `缺少 ${part}`);
    const changed = this.changed.get(name);
    const decoder = new TextDecoder('utf-8');
    let first = true;
    const feed = (chunk: Uint8Array) => {
      let s = decoder.decode(chunk, { stream: true });
      if (first && s.length > 0) {
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
        first = false;
      }
      if (s) sink.write(s);
    };
    if (changed) feed(changed);
    else inflateEntryChunks(this.original.get(name) as ZipEntry, limit, feed);
    const rest = decoder.decode();
    if (rest) sink.write(rest);
    sink.close();
  }

  set(part: string, data: string | Uint8Array): void {
    let name = this.find(part);
    if (name === undefined) {
      name = part;
      this.order.push(name);
      this.lower.set(name.toLowerCase(), name);
    }
    this.changed.set(name, typeof data === 'string' ? encoder.encode(data) : data);
    this.docs.delete(name);
  }

  remove(part: string): void {
    const name = this.find(part);
    if (name === undefined) return;
    this.order.splice(this.order.indexOf(name), 1);
    this.lower.delete(name.toLowerCase());
    this.changed.delete(name);
    this.original.delete(name);
    this.docs.delete(name);
  }

  /** A parsed part, kept and serialized at save if marked dirty. */
  doc(part: string): XmlDocument {
    const name = this.find(part);
    if (name === undefined) throw new ZipError('corrupt', `缺少 ${part}`);
    let d = this.docs.get(name);
    if (!d) {
      d = { doc: parseXml(this.text(name)), dirty: false };
      this.docs.set(name, d);
    }
    return d.doc;
  }

  touch(part: string): void {
    const name = this.find(part);
    const d = name === undefined ? undefined : this.docs.get(name);
    if (d) d.dirty = true;
  }

  names(): readonly string[] {
    return this.order;
  }

  toBuffer(): Uint8Array {
    const entries: ZipEntry[] = [];
    for (const name of this.order) {
      const d = this.docs.get(name);
      const data = d?.dirty ? encoder.encode(serializeXml(d.doc)) : this.changed.get(name);
      const orig = this.original.get(name);
      entries.push(data ? newEntry(name, data, orig) : (orig as ZipEntry));
    }
    return writeZip(entries);
  }
}

interface SheetInfo {
  name: string;
  part: string;
  rid: string;
  state: SheetState;
  /** Worksheets hold cells; chart and dialog sheets are listed with none. */
  kind: 'worksheet' | 'other';
  el: XmlElement;
}

/** Text that is no workbook: comma- or tab-separated lines (a .csv), told from the bytes, not only the name. */
function looksLikeText(b: Uint8Array): boolean {
  const head = b.subarray(0, Math.min(b.length, 4096));
  if (head.length === 0) return false;
  for (const x of head) if (x === 0) return false;
  return true;
}

/** Why a file that is no zip package is not an .xlsx, and what to do: told apart from its own structure. */
export function notXlsx(buffer: Uint8Array, path: string): FileOpenError {
  const ext = (/\.([^./\\]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  if (isCompoundFile(buffer)) {
    const kind = compoundKind(buffer);
    if (kind === 'encrypted') {
      return new FileOpenError('encrypted', `无法读取“${path}”:文件设置了打开密码(已加密)。请在 Excel 或 WPS 中用密码打开,取消密码(Excel:文件→信息→保护工作簿→用密码进行加密,清空密码;WPS:文件→文档加密→密码加密,清空密码)后保存,再试`);
    }
    if (kind === 'legacy') {
      const what = ext === 'et' ? 'WPS 表格格式(.et)' : '旧版 Excel 97-2003 格式(.xls)';
      return new FileOpenError('legacy', `无法读取“${path}”:这是${what},本工具读取 .xlsx。请在 Excel 或 WPS 中打开,另存为“Excel 工作簿(*.xlsx)”后再试;也可以在 Excel 或 WPS 中打开后直接使用加载项`);
    }
    return new FileOpenError('not_xlsx', `无法读取“${path}”:这是 Office 的其他文件(不是电子表格工作簿)。请选择 .xlsx 格式的评价表`);
  }
  if (ext === 'csv' || ext === 'txt' || looksLikeText(buffer)) {
    return new FileOpenError('csv', `无法读取“${path}”:这是文本文件(CSV 等),不是 .xlsx 工作簿。请在 Excel 或 WPS 中打开它,另存为“Excel 工作簿(*.xlsx)”后再试;也可以在 Excel 或 WPS 中打开后直接使用加载项`);
  }
  return new FileOpenError('not_xlsx', `无法读取“${path}”:不是 .xlsx 工作簿。请选择 Excel 或 WPS 保存的 .xlsx 格式的评价表`);
}

export function corrupt(path: string, e: unknown): FileOpenError {
  if (e instanceof FileOpenError) return e;
  if (e instanceof ZipError) {
    if (e.reason === 'encrypted') return new FileOpenError('encrypted', `无法读取“${path}”:文件受密码保护。请在电子表格软件中取消密码后再试`);
    if (e.reason === 'too_large') return new FileOpenError('too_large', `无法读取“${path}”:${e.message}。请删去不需要的工作表或数据后再试`);
  }
  if (e instanceof SheetReadError && e.reason === 'too_large') return new FileOpenError('too_large', e.message);
  return new FileOpenError('corrupt', `无法读取“${path}”:文件已损坏或不是有效的 .xlsx 文件(${(e as Error).message})`);
}

export class WorkbookFile implements WorkbookHost {
  readonly capabilities = { ...NO_CAPABILITIES, marks: true, sheetLayout: true };
  private sheets: SheetInfo[] = [];
  private workbookPart = '';
  private stylesPart: string | undefined;
  private stylesCache: Styles | undefined;
  private sharedPart: string | undefined;
  private strings: string[] | undefined;
  private readonly cache = new Map<string, SheetData>();

  protected constructor(
    private readonly pkg: Package,
    protected readonly path: string,
  ) {
    this.load();
  }

  static async fromBuffer(buffer: Uint8Array, path = '工作簿', limits: XlsxLimits = DEFAULT_LIMITS): Promise<WorkbookFile> {
    const pkg = WorkbookFile.packageOf(buffer, path, limits);
    try {
      return new WorkbookFile(pkg, path);
    } catch (e) {
      throw corrupt(path, e);
    }
  }

  /** Reads the zip package, or says (in Chinese) why it is not an .xlsx file. */
  protected static packageOf(buffer: Uint8Array, path: string, limits: XlsxLimits): Package {
    if (!startsWith(buffer, ZIP_MAGIC)) throw notXlsx(buffer, path);
    try {
      return new Package(readZip(buffer), limits);
    } catch (e) {
      throw corrupt(path, e);
    }
  }

  /** A new workbook with no sheets yet (for templates: the batch adds them). */
  static empty(): WorkbookFile {
    return new WorkbookFile(WorkbookFile.emptyPackage(), '新工作簿');
  }

  protected static emptyPackage(): Package {
    const parts: [string, string][] = [
      [
        '[Content_Types].xml',
        `${XML_DECL}<Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
      ],
      ['_rels/.rels', `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      [
        'xl/workbook.xml',
        `${XML_DECL}<workbook xmlns="${SPREADSHEETML}" xmlns:r="${REL_NS[0]}"><bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029"/></workbook>`,
      ],
      ['xl/_rels/workbook.xml.rels', `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_TYPE}/styles" Target="styles.xml"/></Relationships>`],
      ['xl/styles.xml', minimalStyles()],
    ];
    return new Package(parts.map(([name, xml]) => newEntry(name, encoder.encode(xml))), DEFAULT_LIMITS);
  }

  private rels(part: string): { doc: XmlDocument; list: { id: string; type: string; target: string; external: boolean; el: XmlElement }[] } | undefined {
    const relsPart = relsPartOf(part);
    if (!this.pkg.has(relsPart)) return undefined;
    const doc = this.pkg.doc(relsPart);
    const list = elements(doc.root, 'Relationship').map((el) => ({
      id: attr(el, 'Id') ?? '',
      type: attr(el, 'Type') ?? '',
      target: attr(el, 'Target') ?? '',
      external: attr(el, 'TargetMode') === 'External',
      el,
    }));
    return { doc, list };
  }

  private load(): void {
    const root = this.rels('');
    const office = root?.list.find((r) => r.type.endsWith('/officeDocument') && !r.external);
    this.workbookPart = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
    if (!this.pkg.has(this.workbookPart)) throw new ZipError('corrupt', '找不到工作簿部件(xl/workbook.xml)');
    this.workbookPart = this.pkg.find(this.workbookPart) as string;
    const rels = this.rels(this.workbookPart)?.list ?? [];
    const byId = new Map(rels.map((r) => [r.id, r]));
    const partOf = (type: string) => {
      const r = rels.find((x) => x.type.endsWith(type) && !x.external);
      return r ? this.pkg.find(resolveTarget(this.workbookPart, r.target)) : undefined;
    };
    this.stylesPart = partOf('/styles');
    this.sharedPart = partOf('/sharedStrings');
    const wb = this.pkg.doc(this.workbookPart).root;
    const sheetsEl = child(wb, 'sheets');
    this.sheets = (sheetsEl ? elements(sheetsEl, 'sheet') : []).map((el) => {
      const name = attr(el, 'name') ?? '';
      const rid = attrLocal(el, 'id') ?? '';
      const rel = byId.get(rid);
      const state = attr(el, 'state');
      const part = rel ? resolveTarget(this.workbookPart, rel.target) : '';
      const kind = rel && rel.type.endsWith('/worksheet') && this.pkg.has(part) ? 'worksheet' : 'other';
      return { name, rid, el, part: this.pkg.find(part) ?? part, kind, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible' };
    });
  }

  private styles(): Styles {
    if (!this.stylesCache) this.stylesCache = new Styles(this.stylesPart ? this.pkg.text(this.stylesPart) : minimalStyles());
    return this.stylesCache;
  }

  private sharedStrings(): readonly string[] {
    if (!this.strings) {
      const out: string[] = [];
      if (this.sharedPart) this.pkg.stream(this.sharedPart, sharedStringsSink(out), this.pkg.limits.partBytes);
      this.strings = out;
    }
    return this.strings;
  }

  private readSheet(info: SheetInfo, budget: number): SheetData {
    const hit = this.cache.get(info.name);
    if (hit) return hit;
    if (info.kind !== 'worksheet') return { name: info.name, rowCount: 0, colCount: 0, rows: new Map(), merges: [], ...(info.state !== 'visible' ? { state: info.state } : {}) };
    const limit = this.pkg.limits.cells;
    const sink = sheetSink({
      name: info.name,
      state: info.state,
      sharedStrings: () => this.sharedStrings(),
      formatOf: (xf) => this.styles().formatOf(xf),
      cellBudget: budget,
      limitMessage: (sheet) =>
        `无法读取“${this.path}”:工作表“${sheet}”的单元格太多,超过了一次最多读取 ${limit.toLocaleString('en-US')} 个单元格的上限。请删去不需要的行、列或工作表(或只保留评价表所在的工作表)后再试`,
    });
    this.pkg.stream(info.part, sink, this.pkg.limits.sheetBytes);
    const sheet = sink.finish().sheet;
    this.cache.set(info.name, sheet);
    return sheet;
  }

  async read(scope: ReadScope = {}): Promise<WorkbookData> {
    const wanted = scope.sheets ? new Set(scope.sheets) : undefined;
    const sheets: SheetData[] = [];
    let used = 0;
    try {
      for (const info of this.sheets) {
        if (wanted && !wanted.has(info.name)) continue;
        const s = this.readSheet(info, this.pkg.limits.cells - used);
        for (const line of s.rows.values()) used += line.size;
        if (used > this.pkg.limits.cells) throw new SheetReadError('too_large', `无法读取“${this.path}”:读到工作表“${info.name}”时单元格总数超过 ${this.pkg.limits.cells.toLocaleString('en-US')} 个的上限。请删去不需要的工作表后再试`);
        sheets.push(s);
      }
    } catch (e) {
      throw corrupt(this.path, e);
    }
    return { sheets };
  }

  /** The file holds no edits between reads: the rectangles are cut from the (cached) sheets. */
  async readRanges(ranges: readonly SheetRange[]): Promise<readonly RangeCells[]> {
    const names = [...new Set(ranges.map((r) => r.sheet))];
    const sheets = sheetsByName(await this.read({ sheets: names }));
    return ranges.map(({ sheet, range }) => ({ sheet, range, cells: cellsInRange(sheets.get(sheet), range) }));
  }

  private sheet(name: string): SheetInfo | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async write(batch: WriteBatch, expected: readonly ExpectedCell[]): Promise<WriteOutcome> {
    const needed = [...new Set(expected.map((e) => e.sheet))].filter((n) => this.sheet(n));
    const current = needed.length > 0 ? await this.read({ sheets: needed }) : { sheets: [] };
    const conflicts = findConflicts(expected, (e) => {
      const s = current.sheets.find((x) => x.name === e.sheet);
      return s ? cellAt(s, e.row, e.col) : null;
    });
    if (conflicts.length > 0) return { ok: false, conflicts };

    for (const add of batch.addSheets) this.addSheet(add.name, add.state ?? 'visible', batch.sheetLayouts.find((l) => l.sheet === add.name));
    const bySheet = new Map<string, { cells: CellWrite[]; merges: CellRange[]; widths: { col: number; width: number }[] }>();
    const group = (name: string) => {
      let g = bySheet.get(name);
      if (!g) {
        const info = this.sheet(name);
        if (!info) throw new Error(`no sheet ${name}`);
        if (info.kind !== 'worksheet') throw new Error(`not a worksheet: ${name}`);
        bySheet.set(name, (g = { cells: [], merges: [], widths: [] }));
      }
      return g;
    };
    for (const c of batch.cells) group(c.sheet).cells.push(c);
    for (const m of batch.merges) group(m.sheet).merges.push(m.range);
    for (const w of batch.columnWidths) group(w.sheet).widths.push({ col: w.col, width: w.width });
    let formulaRemoved = false;
    for (const [name, edits] of bySheet) {
      const info = this.sheet(name) as SheetInfo;
      const xml = this.pkg.text(info.part);
      let result;
      try {
        result = writeSheet(xml, edits, this.styles());
      } catch (e) {
        if (e instanceof XmlError || e instanceof SheetWriteError) throw corrupt(this.path, e);
        throw e;
      }
      this.pkg.set(info.part, encodeParts(result.parts));
      this.cache.delete(name);
      formulaRemoved ||= result.formulaRemoved;
    }
    for (const name of batch.deleteSheets) this.deleteSheet(name);
    if (formulaRemoved || batch.deleteSheets.length > 0) this.dropCalcChain();
    this.saveStyles();
    return { ok: true };
  }

  private saveStyles(): void {
    const styles = this.stylesCache;
    if (!styles || !styles.changed) return;
    if (!this.stylesPart) {
      this.stylesPart = `${dirOf(this.workbookPart)}styles.xml`;
      this.addRelationship(this.workbookPart, 'styles', 'styles.xml');
      this.addOverride(this.stylesPart, CT_STYLES);
    }
    this.pkg.set(this.stylesPart, styles.toXml());
    styles.changed = false;
    // keep the Styles object: it reflects the part as written
  }

  private addRelationship(source: string, type: string, target: string): string {
    const relsPart = relsPartOf(source);
    if (!this.pkg.has(relsPart)) this.pkg.set(relsPart, `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}"></Relationships>`);
    const doc = this.pkg.doc(relsPart);
    const ids = new Set(elements(doc.root, 'Relationship').map((r) => attr(r, 'Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    doc.root.children.push(element(qualified(doc.root.name, 'Relationship'), [['Id', id], ['Type', `${REL_TYPE}/${type}`], ['Target', target]]));
    this.pkg.touch(relsPart);
    return id;
  }

  private addOverride(part: string, contentType: string): void {
    const doc = this.pkg.doc('[Content_Types].xml');
    doc.root.children.push(element(qualified(doc.root.name, 'Override'), [['PartName', `/${part}`], ['ContentType', contentType]]));
    this.pkg.touch('[Content_Types].xml');
  }

  private removeOverride(part: string): void {
    const doc = this.pkg.doc('[Content_Types].xml');
    const target = `/${part}`.toLowerCase();
    doc.root.children = doc.root.children.filter((n) => !(n.kind === 'element' && localName(n.name) === 'Override' && (attr(n, 'PartName') ?? '').toLowerCase() === target));
    this.pkg.touch('[Content_Types].xml');
  }

  private addSheet(name: string, state: SheetState, layout?: SheetLayout): void {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet exists: ${name}`);
    if (name.length === 0 || name.length > 31 || [...'[]:*?/\\'].some((ch) => name.includes(ch))) throw new Error(`invalid sheet name: ${name}`);
    const wbDoc = this.pkg.doc(this.workbookPart);
    const wb = wbDoc.root;
    let n = this.sheets.length + 1;
    while (this.pkg.has(`${dirOf(this.workbookPart)}worksheets/sheet${n}.xml`)) n++;
    const part = `${dirOf(this.workbookPart)}worksheets/sheet${n}.xml`;
    this.pkg.set(part, newSheetXml(layout));
    const rid = this.addRelationship(this.workbookPart, 'worksheet', `worksheets/sheet${n}.xml`);
    this.addOverride(part, CT_WORKSHEET);
    let sheetsEl = child(wb, 'sheets');
    if (!sheetsEl) {
      sheetsEl = element(qualified(wb.name, 'sheets'));
      const after = wb.children.findIndex((c) => c.kind === 'element' && !['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews'].includes(localName(c.name)));
      wb.children.splice(after < 0 ? wb.children.length : after, 0, sheetsEl);
    }
    // The relationships prefix as the workbook declares it: on the root, on <sheets>, or (as
    // openpyxl writes) on each <sheet>, where the new one then declares it too.
    const siblings = elements(sheetsEl, 'sheet');
    const local = siblings.length > 0 ? prefixFor(siblings[0], REL_NS) : undefined;
    let prefix = prefixFor(wb, REL_NS) ?? prefixFor(sheetsEl, REL_NS) ?? local;
    const attrs: [string, string][] = [];
    if (prefix === undefined) {
      let p = 'r';
      while (wb.attrs.some(([k]) => k === `xmlns:${p}`)) p += 'r';
      wb.attrs.push([`xmlns:${p}`, REL_NS[0]]);
      prefix = p;
    } else if (prefix === local && prefixFor(wb, REL_NS) === undefined && prefixFor(sheetsEl, REL_NS) === undefined) {
      const decl = siblings[0].attrs.find(([k, v]) => REL_NS.includes(v) && (k === 'xmlns' || k.startsWith('xmlns:')));
      if (decl) attrs.push(decl);
    }
    const ids = siblings.map((x) => Number(attr(x, 'sheetId') ?? '0'));
    attrs.push(['name', name], ['sheetId', String(Math.max(0, ...ids) + 1)]);
    if (state !== 'visible') attrs.push(['state', state]);
    attrs.push([prefix ? `${prefix}:id` : 'id', rid]);
    const el = element(qualified(sheetsEl.name, 'sheet'), attrs);
    sheetsEl.children.push(el);
    this.pkg.touch(this.workbookPart);
    this.sheets.push({ name, part, rid, state, kind: 'worksheet', el });
    this.listInAppProperties(name, 'add');
    const titles = layout?.print.titleRows;
    if (titles) this.addPrintTitles(this.sheets.length - 1, name, titles);
  }

  /**
   * The rows printed at the top of every page: the sheet-local defined name _xlnm.Print_Titles
   * (localSheetId: the sheet's position), in the workbook's <definedNames>, created where the
   * schema puts it (after <sheets>, <functionGroups> and <externalReferences>).
   */
  private addPrintTitles(index: number, name: string, rows: { first: number; last: number }): void {
    const wb = this.pkg.doc(this.workbookPart).root;
    let names = child(wb, 'definedNames');
    if (!names) {
      names = element(qualified(wb.name, 'definedNames'));
      const before = ['sheets', 'functionGroups', 'externalReferences'];
      let at = -1;
      wb.children.forEach((c, i) => {
        if (c.kind === 'element' && before.includes(localName(c.name))) at = i;
      });
      wb.children.splice(at + 1, 0, names);
    }
    const quoted = `'${name.replace(/'/g, "''")}'`;
    names.children.push(element(qualified(names.name, 'definedName'), [['name', '_xlnm.Print_Titles'], ['localSheetId', String(index)]], [text(`${quoted}!$${rows.first}:$${rows.last}`)]));
    this.pkg.touch(this.workbookPart);
  }

  private deleteSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.name === name);
    if (index < 0) return;
    const info = this.sheets[index];
    const wb = this.pkg.doc(this.workbookPart).root;
    const sheetsEl = child(wb, 'sheets') as XmlElement;
    sheetsEl.children = sheetsEl.children.filter((n) => n !== info.el);
    // sheet-local names: those of this sheet go, later sheets' indexes move down
    const names = child(wb, 'definedNames');
    if (names) {
      names.children = names.children.filter((n) => !(n.kind === 'element' && attr(n, 'localSheetId') === String(index)));
      for (const d of elements(names, 'definedName')) {
        const local = attr(d, 'localSheetId');
        if (local !== undefined && Number(local) > index) setAttr(d, 'localSheetId', String(Number(local) - 1));
      }
      if (elements(names).length === 0) wb.children = wb.children.filter((n) => n !== names);
    }
    const views = child(wb, 'bookViews');
    for (const v of views ? elements(views, 'workbookView') : []) {
      for (const key of ['activeTab', 'firstSheet']) {
        const at = attr(v, key);
        if (at !== undefined && Number(at) >= index && Number(at) > 0) setAttr(v, key, String(Number(at) - 1));
      }
    }
    this.pkg.touch(this.workbookPart);
    const rels = this.rels(this.workbookPart);
    if (rels) {
      rels.doc.root.children = rels.doc.root.children.filter((n) => !(n.kind === 'element' && attr(n, 'Id') === info.rid));
      this.pkg.touch(relsPartOf(this.workbookPart));
    }
    this.removeOverride(info.part);
    this.pkg.remove(info.part);
    this.pkg.remove(relsPartOf(info.part));
    this.sheets.splice(index, 1);
    this.listInAppProperties(name, 'remove');
    this.cache.delete(name);
  }

  /**
   * The extended properties (docProps/app.xml) list the sheet names after a heading pair whose
   * count says how many there are; the first pair is the worksheets'. A part that does not have
   * this shape is left as it is (the list is informative; spreadsheet programs rebuild it).
   */
  private listInAppProperties(name: string, change: 'add' | 'remove'): void {
    const rel = this.rels('')?.list.find((r) => r.type.endsWith('/extended-properties') && !r.external);
    const part = rel ? this.pkg.find(resolveTarget('', rel.target)) : undefined;
    if (!part) return;
    const root = this.pkg.doc(part).root;
    const pairs = child(root, 'HeadingPairs');
    const titles = child(root, 'TitlesOfParts');
    const pairVector = pairs && child(pairs, 'vector');
    const titleVector = titles && child(titles, 'vector');
    if (!pairVector || !titleVector) return;
    const variants = elements(pairVector, 'variant');
    const countEl = variants[1] && elements(variants[1])[0];
    const count = countEl ? Number(textOf(countEl)) : NaN;
    const names = elements(titleVector, 'lpstr');
    if (!countEl || !Number.isInteger(count) || count > names.length) return;
    if (change === 'add') {
      const item = element(qualified(titleVector.name, 'lpstr'), [], [text(name)]);
      const after = count > 0 ? names[count - 1] : undefined;
      const at = after ? titleVector.children.indexOf(after) + 1 : 0;
      titleVector.children.splice(at, 0, item);
      countEl.children = [text(String(count + 1))];
    } else {
      const found = names.slice(0, count).find((n) => textOf(n) === name);
      if (!found) return;
      titleVector.children = titleVector.children.filter((n) => n !== found);
      countEl.children = [text(String(count - 1))];
    }
    setAttr(titleVector, 'size', String(elements(titleVector, 'lpstr').length));
    this.pkg.touch(part);
  }

  /** The calculation chain lists formula cells; when one goes it is dropped (Excel rebuilds it). */
  private dropCalcChain(): void {
    const rels = this.rels(this.workbookPart);
    const rel = rels?.list.find((r) => r.type.endsWith('/calcChain'));
    if (!rels || !rel) return;
    const part = resolveTarget(this.workbookPart, rel.target);
    rels.doc.root.children = rels.doc.root.children.filter((n) => n !== rel.el);
    this.pkg.touch(relsPartOf(this.workbookPart));
    this.removeOverride(part);
    this.pkg.remove(part);
  }

  /** wanmu's rules of a worksheet, streamed. */
  private sheetMarks(info: SheetInfo): SheetMark[] {
    const found: SheetMark[] = [];
    this.pkg.stream(info.part, marksSink(found), this.pkg.limits.sheetBytes);
    return found;
  }

  async readMarks(): Promise<MarkSet[]> {
    const out: MarkSet[] = [];
    try {
      for (const info of this.sheets) {
        if (info.kind !== 'worksheet') continue;
        for (const m of this.sheetMarks(info)) out.push({ sheet: info.name, severity: m.severity, ranges: m.ranges });
      }
    } catch (e) {
      throw corrupt(this.path, e);
    }
    return out;
  }

  /**
   * Replaces wanmu's conditional formats in every worksheet (see marks.ts). A sheet that has none
   * and gets none is not rewritten; the fill formats are added to the styles only when used (and
   * stay there, unused, once the marks are cleared).
   */
  async setMarks(marks: readonly MarkSet[]): Promise<void> {
    const bySheet = new Map<string, SheetMark[]>();
    for (const m of marks) {
      const info = this.sheet(m.sheet);
      if (!info) throw new Error(`no sheet ${m.sheet}`);
      if (info.kind !== 'worksheet') throw new Error(`not a worksheet: ${m.sheet}`);
      const list = bySheet.get(m.sheet);
      if (list) list.push(m);
      else bySheet.set(m.sheet, [m]);
    }
    const dxf = (severity: SheetMark['severity']) => this.styles().fillDxf(MARK_FILL[severity]);
    try {
      for (const info of this.sheets) {
        if (info.kind !== 'worksheet') continue;
        const wanted = bySheet.get(info.name) ?? [];
        // a sheet without marks to write is read as a stream first: most hold none of wanmu's
        if (wanted.length === 0 && this.sheetMarks(info).length === 0) continue;
        const parts = writeMarks(this.pkg.text(info.part), wanted, dxf);
        if (parts) this.pkg.set(info.part, encodeParts(parts));
      }
    } catch (e) {
      if (e instanceof XmlError || e instanceof SheetWriteError || e instanceof ZipError) throw corrupt(this.path, e);
      throw e;
    }
    this.saveStyles();
  }

  /** The package as written now. */
  toBuffer(): Uint8Array {
    if (this.sheets.length === 0) throw new Error('a workbook needs at least one sheet');
    return this.pkg.toBuffer();
  }
}
