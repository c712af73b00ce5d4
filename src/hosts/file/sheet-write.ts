/**
 * Writing cells into a worksheet part surgically. The sheet is scanned once with the parser for
 * the positions of its rows and top-level elements; only the rows that hold a written cell (and
 * the dimension, merge and column elements when they must change) are parsed, edited and
 * serialized again. Every other byte of the part is copied as it was.
 */
import { a1 } from '../../workbook/core/address';
import type { CellRange, CellWrite, SheetLayout } from '../../workbook/core/model';
import { Utf8Blocks, type Piece } from './bytes';
import type { Styles } from './styles';
import { cellRef, encodeXstring, rangeRef, shiftFormula } from './text';
import { rangeAddress } from '../shared/blocks';
import { attr, element, elements, escapeText, localName, newParser, parseElement, qualified, removeAttr, serializeElement, setAttr, tagStart, text, type XmlElement, type XmlNode } from './xml';

export class SheetWriteError extends Error {}

/** Elements of CT_Worksheet in schema order. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems',
  'tableParts', 'extLst',
];
const ORDER = WORKSHEET_ORDER;

interface Span {
  readonly start: number;
  readonly end: number;
}

interface TopChild extends Span {
  readonly local: string;
  readonly name: string;
}

interface RowSpan extends Span {
  readonly index: number;
  readonly hasR: boolean;
}

interface SheetScan {
  readonly rootName: string;
  readonly children: TopChild[];
  /** Offsets inside <sheetData>…</sheetData> (equal when it is self-closing). */
  readonly sheetData: { start: number; end: number; contentStart: number; contentEnd: number; selfClosing: boolean } | undefined;
  readonly rows: RowSpan[];
  readonly shared: Map<string, { master?: { row: number; col: number; text: string }; cells: { row: number; col: number }[] }>;
}

function scan(xml: string): SheetScan {
  const parser = newParser();
  let depth = 0;
  let rootName = '';
  const children: TopChild[] = [];
  let childStart = 0;
  let sheetData: SheetScan['sheetData'];
  let sdStart = 0;
  let sdContent = 0;
  const rows: RowSpan[] = [];
  let rowStart = 0;
  let rowIndex = 0;
  let rowHasR = false;
  let col = 0;
  let cellRow = 0;
  let cellCol = 0;
  let sharedSi: string | undefined;
  let sharedMaster = false;
  let fText: string | undefined;
  const shared: SheetScan['shared'] = new Map();
  let inData = false;
  parser.on('opentagstart', (tag) => {
    depth++;
    if (depth === 2) childStart = tagStart(parser, tag.name);
    if (depth === 3 && inData) rowStart = tagStart(parser, tag.name);
  });
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    const n = localName(tag.name);
    if (depth === 1) rootName = tag.name;
    if (depth === 2 && n === 'sheetData') {
      sdStart = childStart;
      sdContent = parser.position;
      inData = !tag.isSelfClosing;
      if (tag.isSelfClosing) sheetData = { start: childStart, end: parser.position, contentStart: parser.position, contentEnd: parser.position, selfClosing: true };
    }
    if (depth === 3 && inData && n === 'row') {
      rowHasR = a.r !== undefined;
      rowIndex = rowHasR ? Number(a.r) : rowIndex + 1;
      col = 0;
    }
    if (depth === 4 && inData && n === 'c') {
      const at = a.r !== undefined ? cellRef(a.r) : undefined;
      cellRow = at ? at.row : rowIndex;
      cellCol = at ? at.col : col + 1;
      col = cellCol;
    }
    if (depth === 5 && inData && n === 'f' && a.t === 'shared' && a.si !== undefined) {
      sharedSi = a.si;
      sharedMaster = a.ref !== undefined;
      fText = '';
      let entry = shared.get(a.si);
      if (!entry) shared.set(a.si, (entry = { cells: [] }));
      entry.cells.push({ row: cellRow, col: cellCol });
      if (tag.isSelfClosing) sharedSi = undefined;
    }
  });
  parser.on('text', (t) => {
    if (sharedSi !== undefined && fText !== undefined) fText += t;
  });
  parser.on('closetag', (tag) => {
    const n = localName(tag.name);
    if (depth === 5 && sharedSi !== undefined && n === 'f') {
      const entry = shared.get(sharedSi);
      if (entry && sharedMaster && fText) entry.master = { row: cellRow, col: cellCol, text: fText };
      sharedSi = undefined;
      fText = undefined;
    }
    if (depth === 3 && inData && n === 'row') rows.push({ start: rowStart, end: parser.position, index: rowIndex, hasR: rowHasR });
    if (depth === 2) {
      if (n === 'sheetData' && inData) {
        inData = false;
        sheetData = { start: sdStart, end: parser.position, contentStart: sdContent, contentEnd: xml.lastIndexOf('<', parser.position - 1), selfClosing: false };
      }
      children.push({ local: n, name: tag.name, start: childStart, end: parser.position });
    }
    depth--;
  });
  parser.write(xml).close();
  return { rootName, children, sheetData, rows, shared };
}

/** What to do to one cell. */
type CellEdit = { readonly kind: 'write'; readonly writes: CellWrite[] } | { readonly kind: 'unshare'; readonly formula: string };

export interface SheetEdits {
  readonly cells: readonly CellWrite[];
  readonly merges: readonly CellRange[];
  readonly widths: ReadonlyArray<{ readonly col: number; readonly width: number }>;
}

export interface SheetWriteResult {
  /** The sheet's XML in pieces, in order (a large sheet is never one string; rows written are bytes); the encoder empties it. */
  readonly parts: Piece[];
  /** An existing formula was replaced or removed (the calculation chain is then out of date). */
  readonly formulaRemoved: boolean;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new SheetWriteError(`不能写入非有限数值 ${n}`);
  return String(n);
}

function textElement(like: string, value: string): XmlElement {
  const t = element(qualified(like, 't'), [], [text(encodeXstring(value))]);
  if (value !== value.trim() || value.includes('\n')) t.attrs.push(['xml:space', 'preserve']);
  return t;
}

/** Applies one write to a cell element (the element is changed in place). */
function applyWrite(c: XmlElement, w: CellWrite, styles: Styles, onFormulaRemoved: () => void): void {
  const name = c.name;
  const hadFormula = elements(c, 'f').length > 0;
  const oldStyle = Number(attr(c, 's') ?? '0');
  let style = oldStyle;
  if (w.numFmt !== undefined) style = styles.withNumFmt(style, w.numFmt);
  if (w.bold) style = styles.withBold(style);
  if (w.wrap) style = styles.withWrap(style);
  if (style !== oldStyle) setAttr(c, 's', String(style));
  for (const a of ['t', 'cm', 'vm']) removeAttr(c, a);
  const kept = c.children.filter((n) => n.kind === 'element' && localName(n.name) === 'extLst');
  const body: XmlNode[] = [];
  const put = (v: number | string | boolean, formula: boolean) => {
    if (typeof v === 'number') body.push(element(qualified(name, 'v'), [], [text(formatNumber(v))]));
    else if (typeof v === 'boolean') {
      setAttr(c, 't', 'b');
      body.push(element(qualified(name, 'v'), [], [text(v ? '1' : '0')]));
    } else if (formula) {
      setAttr(c, 't', 'str');
      body.push(element(qualified(name, 'v'), [], [text(encodeXstring(v))]));
    } else {
      setAttr(c, 't', 'inlineStr');
      body.push(element(qualified(name, 'is'), [], [textElement(name, v)]));
    }
  };
  if (w.formula !== undefined) {
    body.push(element(qualified(name, 'f'), [], [text(w.formula)]));
    if (w.result !== undefined) put(w.result, true);
  } else if (w.value !== undefined && w.value !== null) put(w.value, false);
  if (hadFormula && (w.formula === undefined || w.formula !== formulaText(c))) onFormulaRemoved();
  c.children = [...body, ...kept];
}

function formulaText(c: XmlElement): string | undefined {
  const f = elements(c, 'f')[0];
  if (!f) return undefined;
  return f.children.map((n) => (n.kind === 'text' || n.kind === 'cdata' ? n.text : '')).join('');
}

function newCell(rowName: string, row: number, col: number): XmlElement {
  return element(qualified(rowName, 'c'), [['r', a1(row, col)]]);
}

/** Edits one row element; returns undefined when the row should go (it was ours and is empty). */
function editRow(row: XmlElement, index: number, edits: Map<number, CellEdit>, styles: Styles, onFormulaRemoved: () => void): XmlElement | undefined {
  const cells = elements(row, 'c');
  let col = 0;
  const byCol = new Map<number, XmlElement>();
  let needR = false;
  for (const c of cells) {
    const r = attr(c, 'r');
    const at = r !== undefined ? cellRef(r) : undefined;
    col = at ? at.col : col + 1;
    if (r === undefined) needR = true;
    byCol.set(col, c);
  }
  // Cells placed by order get an explicit address, so inserted cells cannot move them.
  if (needR) for (const [cc, c] of byCol) if (attr(c, 'r') === undefined) c.attrs.unshift(['r', a1(index, cc)]);
  let added = false;
  for (const [cc, edit] of edits) {
    let c = byCol.get(cc);
    if (edit.kind === 'unshare') {
      if (!c) continue;
      const f = elements(c, 'f')[0];
      if (f) {
        f.attrs = [];
        f.children = [text(edit.formula)];
      }
      continue;
    }
    // writes to one cell apply in order (a later write without a format keeps the earlier one)
    for (const w of edit.writes) {
      if (w.clear) {
        if (c) {
          if (elements(c, 'f').length > 0) onFormulaRemoved();
          const gone = c;
          row.children = row.children.filter((n) => n !== gone);
          byCol.delete(cc);
          c = undefined;
        }
        continue;
      }
      if (!c) {
        c = newCell(row.name, index, cc);
        byCol.set(cc, c);
        added = true;
        // insert before the first cell with a larger column
        let at = row.children.length;
        for (let i = 0; i < row.children.length; i++) {
          const n = row.children[i];
          if (n.kind !== 'element' || localName(n.name) !== 'c') continue;
          const other = cellRef(attr(n, 'r') ?? '');
          if (other && other.col > cc) {
            at = i;
            break;
          }
        }
        // cells precede the row's extLst
        if (at === row.children.length) {
          const ext = row.children.findIndex((n) => n.kind === 'element' && localName(n.name) === 'extLst');
          if (ext >= 0) at = ext;
        }
        row.children.splice(at, 0, c);
      }
      applyWrite(c, w, styles, onFormulaRemoved);
    }
  }
  if (added && attr(row, 'spans') !== undefined && byCol.size > 0) {
    const cols = [...byCol.keys()];
    setAttr(row, 'spans', `${Math.min(...cols)}:${Math.max(...cols)}`);
  }
  if (elements(row, 'c').length === 0 && row.attrs.every(([k]) => k === 'r' || k === 'spans')) return undefined;
  return row;
}

/** A skeleton worksheet for a new sheet (cells are then written into it like any other). */
/**
 * A new worksheet part; with a layout, its view (rows frozen at the top) and page setup
 * (orientation, fit to one page wide with `fitToHeight="0"`: as many pages tall as needed, a centre
 * footer) are part of it from the start. The print titles are a defined name in the workbook part.
 */
export function newSheetXml(layout?: SheetLayout): string {
  const open = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  const margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (!layout) return `${open}<sheetData/>${margins}</worksheet>`;
  const p = layout.print;
  const sheetPr = p.fitWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const n = layout.freezeRows;
  const view =
    n > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${n}" topLeftCell="A${n + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${n + 1}" sqref="A${n + 1}"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const setup = `<pageSetup paperSize="9"${p.fitWidth ? ' fitToWidth="1" fitToHeight="0"' : ''} orientation="${p.landscape ? 'landscape' : 'portrait'}"/>`;
  const footer = p.footer !== null ? `<headerFooter><oddFooter>${escapeText(`&C${p.footer}`)}</oddFooter></headerFooter>` : '';
  return `${open}${sheetPr}${view}<sheetData/>${margins}${setup}${footer}</worksheet>`;
}

/** Where a top-level element belongs: before the first existing element that comes after it in schema order. */
function insertPoint(s: SheetScan, xml: string, local: string): number {
  const rank = ORDER.indexOf(local);
  const after = s.children.find((c) => ORDER.indexOf(c.local) > rank);
  if (after) return after.start;
  const end = xml.lastIndexOf('</');
  if (end < 0) throw new SheetWriteError('工作表的根元素没有结束标记');
  return end;
}

export function writeSheet(source: string, edits: SheetEdits, styles: Styles): SheetWriteResult {
  let xml = source;
  let s = scan(xml);
  if (!s.sheetData) {
    // a sheet written without any sheetData element gets an empty one in its place
    const at = insertPoint(s, xml, 'sheetData');
    xml = `${xml.slice(0, at)}<${qualified(s.rootName, 'sheetData')}/>${xml.slice(at)}`;
    s = scan(xml);
  }
  if (!s.sheetData) throw new SheetWriteError('工作表缺少 sheetData 元素');
  let formulaRemoved = false;
  const onFormulaRemoved = () => {
    formulaRemoved = true;
  };

  // Writes by row, in the batch's order; a row's edits by column are made only when it is written
  // (a large batch is not held a second time as an edit per cell).
  const byRow = new Map<number, CellWrite[]>();
  for (const w of edits.cells) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  const writes = (row: number, col: number) => byRow.get(row)?.some((w) => w.col === col) === true;
  // A written shared-formula master takes its formula away from the cells that share it: they
  // get the formula written out in full.
  const unshared = new Map<number, Map<number, string>>();
  for (const group of s.shared.values()) {
    const m = group.master;
    if (!m || !writes(m.row, m.col)) continue;
    for (const c of group.cells) {
      if (c.row === m.row && c.col === m.col) continue;
      if (writes(c.row, c.col)) continue;
      let line = unshared.get(c.row);
      if (!line) unshared.set(c.row, (line = new Map()));
      line.set(c.col, shiftFormula(m.text, c.row - m.row, c.col - m.col));
    }
  }
  /** A row's edits by column: writes to one cell in order (the last winning), then the cells unshared. */
  const lineOf = (row: number): Map<number, CellEdit> => {
    const line = new Map<number, CellEdit>();
    for (const w of byRow.get(row) ?? []) {
      const prior = line.get(w.col);
      if (prior?.kind === 'write') prior.writes.push(w);
      else line.set(w.col, { kind: 'write', writes: [w] });
    }
    for (const [col, formula] of unshared.get(row) ?? []) line.set(col, { kind: 'unshare', formula });
    return line;
  };

  // rows written are kept as their UTF-8 bytes, encoded as each is made
  const bytes = new Utf8Blocks();
  const replacements: { start: number; end: number; text: Piece | readonly Piece[] }[] = [];
  const rowName = qualified(s.rootName, 'row');
  const serializeNewRow = (index: number, line: Map<number, CellEdit>): Uint8Array => {
    const row = element(rowName, [['r', String(index)]]);
    const kept = editRow(row, index, new Map([...line].sort((a, b) => a[0] - b[0])), styles, onFormulaRemoved);
    return bytes.add(kept ? serializeElement(kept) : '');
  };
  const targets = [...new Set([...byRow.keys(), ...unshared.keys()])].sort((a, b) => a - b);
  let t = 0;
  let inserted = false;
  for (const r of s.rows) {
    while (t < targets.length && targets[t] < r.index) {
      const textOut = serializeNewRow(targets[t], lineOf(targets[t]));
      if (textOut.length > 0) {
        replacements.push({ start: r.start, end: r.start, text: textOut });
        inserted = true;
      }
      t++;
    }
    if (t < targets.length && targets[t] === r.index) {
      const row = parseElement(xml.slice(r.start, r.end));
      if (!r.hasR) row.attrs.unshift(['r', String(r.index)]);
      const kept = editRow(row, r.index, lineOf(r.index), styles, onFormulaRemoved);
      replacements.push({ start: r.start, end: r.end, text: bytes.add(kept ? serializeElement(kept) : '') });
      t++;
    } else if (!r.hasR && inserted) {
      const row = parseElement(xml.slice(r.start, r.end));
      row.attrs.unshift(['r', String(r.index)]);
      replacements.push({ start: r.start, end: r.end, text: bytes.add(serializeElement(row)) });
    }
  }
  // rows after the last existing one, one piece each
  const tail: Uint8Array[] = [];
  for (; t < targets.length; t++) {
    const row = serializeNewRow(targets[t], lineOf(targets[t]));
    if (row.length > 0) tail.push(row);
  }
  const sd = s.sheetData;
  if (tail.length > 0) {
    if (sd.selfClosing) {
      const open = parseElement(xml.slice(sd.start, sd.end));
      open.children = [text('')];
      const full = serializeElement(open);
      // `<sheetData ...></sheetData>` with the rows in between
      const cut = full.lastIndexOf('</');
      replacements.push({ start: sd.start, end: sd.end, text: [full.slice(0, cut), ...tail, full.slice(cut)] });
    } else replacements.push({ start: sd.contentEnd, end: sd.contentEnd, text: tail });
  }

  // dimension: widened to cover written cells
  const written = edits.cells.filter((w) => !w.clear);
  const dim = s.children.find((c) => c.local === 'dimension');
  if (dim && written.length > 0) {
    const el = parseElement(xml.slice(dim.start, dim.end));
    const ref = attr(el, 'ref') ?? 'A1';
    const known = rangeRef(ref);
    if (known) {
      let { top, left, bottom, right } = known;
      const empty = ref === 'A1' && s.rows.length === 0;
      if (empty) [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
      for (const w of written) {
        top = Math.min(top, w.row);
        left = Math.min(left, w.col);
        bottom = Math.max(bottom, w.row);
        right = Math.max(right, w.col);
      }
      const next = rangeAddress({ top, left, bottom, right });
      if (next !== ref) {
        setAttr(el, 'ref', next);
        replacements.push({ start: dim.start, end: dim.end, text: serializeElement(el) });
      }
    }
  }

  const insertAt = (local: string): number => insertPoint(s, xml, local);

  if (edits.merges.length > 0) {
    const existing = s.children.find((c) => c.local === 'mergeCells');
    const mergeName = qualified(s.rootName, 'mergeCell');
    const items = edits.merges.map((m) => element(mergeName, [['ref', rangeAddress(m)]]));
    if (existing) {
      const el = parseElement(xml.slice(existing.start, existing.end));
      el.children.push(...items);
      setAttr(el, 'count', String(elements(el, 'mergeCell').length));
      replacements.push({ start: existing.start, end: existing.end, text: serializeElement(el) });
    } else {
      const el = element(qualified(s.rootName, 'mergeCells'), [['count', String(items.length)]], items);
      replacements.push({ start: insertAt('mergeCells'), end: insertAt('mergeCells'), text: serializeElement(el) });
    }
  }

  if (edits.widths.length > 0) {
    const existing = s.children.find((c) => c.local === 'cols');
    const colName = qualified(s.rootName, 'col');
    const el = existing ? parseElement(xml.slice(existing.start, existing.end)) : element(qualified(s.rootName, 'cols'));
    const covered = (col: number) => elements(el, 'col').some((c) => Number(attr(c, 'min')) <= col && col <= Number(attr(c, 'max')));
    let changed = false;
    // A width the user has set is kept; columns without one get the width asked for.
    for (const w of [...edits.widths].sort((a, b) => a.col - b.col)) {
      if (covered(w.col)) continue;
      const item = element(colName, [['min', String(w.col)], ['max', String(w.col)], ['width', String(w.width)], ['customWidth', '1']]);
      const kids = el.children;
      let at = kids.length;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i];
        if (k.kind === 'element' && Number(attr(k, 'min')) > w.col) {
          at = i;
          break;
        }
      }
      kids.splice(at, 0, item);
      changed = true;
    }
    if (changed) {
      if (existing) replacements.push({ start: existing.start, end: existing.end, text: serializeElement(el) });
      else replacements.push({ start: insertAt('cols'), end: insertAt('cols'), text: serializeElement(el) });
    }
  }

  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Piece[] = [];
  let pos = 0;
  for (const r of replacements) {
    out.push(xml.slice(pos, r.start));
    if (typeof r.text === 'string' || r.text instanceof Uint8Array) out.push(r.text);
    else for (const piece of r.text) out.push(piece);
    pos = r.end;
  }
  out.push(xml.slice(pos));
  return { parts: out, formulaRemoved };
}


