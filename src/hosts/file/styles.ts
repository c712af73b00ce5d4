/**
 * The styles part: number format codes of cell formats (read), and new cell formats appended for
 * a number format or a bold font (write). Existing entries are never renumbered or changed.
 */
import { attr, child, element, elements, localName, parseXml, qualified, serializeElement, serializeXml, setAttr, XML_DECL, type XmlDocument, type XmlElement } from './xml';

/** Built-in number formats (ECMA-376 Part 1, 18.8.30), by id. */
const BUILTIN: ReadonlyMap<number, string> = new Map([
  [0, 'General'], [1, '0'], [2, '0.00'], [3, '#,##0'], [4, '#,##0.00'], [9, '0%'], [10, '0.00%'], [11, '0.00E+00'],
  [12, '# ?/?'], [13, '# ??/??'], [14, 'mm-dd-yy'], [15, 'd-mmm-yy'], [16, 'd-mmm'], [17, 'mmm-yy'], [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'], [20, 'h:mm'], [21, 'h:mm:ss'], [22, 'm/d/yy h:mm'], [37, '#,##0 ;(#,##0)'], [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00;(#,##0.00)'], [40, '#,##0.00;[Red](#,##0.00)'], [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'], [48, '##0.0E+0'], [49, '@'],
]);

export const SPREADSHEETML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A stylesheet with one font, the two required fills, one border and one cell format. */
export function minimalStyles(): string {
  return `${XML_DECL}<styleSheet xmlns="${SPREADSHEETML}"><fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

/** Elements of CT_Stylesheet in schema order (new containers go in their place). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export class Styles {
  private readonly doc: XmlDocument;
  private readonly codes = new Map<number, string>();
  private readonly xfs: XmlElement[];
  private readonly cache = new Map<string, number>();
  changed = false;

  constructor(xml: string) {
    this.doc = parseXml(xml);
    const numFmts = child(this.doc.root, 'numFmts');
    if (numFmts) {
      for (const f of elements(numFmts, 'numFmt')) {
        const id = Number(attr(f, 'numFmtId'));
        const code = attr(f, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) this.codes.set(id, code);
      }
    }
    this.xfs = elements(this.container('cellXfs', false) ?? element('cellXfs'), 'xf');
  }

  /** Number format code of a cell format; undefined for General. */
  formatOf(xfIndex: number): string | undefined {
    const xf = this.xfs[xfIndex];
    if (!xf) return undefined;
    const id = Number(attr(xf, 'numFmtId') ?? '0');
    const code = this.codes.get(id) ?? BUILTIN.get(id);
    return code === undefined || code === 'General' ? undefined : code;
  }

  private container(local: string, create: boolean): XmlElement | undefined {
    const found = child(this.doc.root, local);
    if (found || !create) return found;
    const el = element(qualified(this.doc.root.name, local), [['count', '0']]);
    const rank = ORDER.indexOf(local);
    const kids = this.doc.root.children;
    let at = kids.length;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.kind === 'element' && ORDER.indexOf(localName(k.name)) > rank) {
        at = i;
        break;
      }
    }
    kids.splice(at, 0, el);
    return el;
  }

  private append(local: string, item: XmlElement): number {
    const box = this.container(local, true) as XmlElement;
    box.children.push(item);
    const n = elements(box).length;
    setAttr(box, 'count', String(n));
    this.changed = true;
    return n - 1;
  }

  private numFmtId(code: string): number {
    if (code === 'General') return 0;
    for (const [id, c] of this.codes) if (c === code) return id;
    for (const [id, c] of BUILTIN) if (c === code) return id;
    const id = Math.max(163, ...this.codes.keys()) + 1;
    const box = this.container('numFmts', true) as XmlElement;
    box.children.push(element(qualified(this.doc.root.name, 'numFmt'), [['numFmtId', String(id)], ['formatCode', code]]));
    setAttr(box, 'count', String(elements(box).length));
    this.codes.set(id, code);
    this.changed = true;
    return id;
  }

  private baseXf(index: number): XmlElement {
    const xf = this.xfs[index] ?? this.xfs[0];
    return xf ? (parseXml(serializeElement(xf)).root) : element(qualified(this.doc.root.name, 'xf'), [['numFmtId', '0'], ['fontId', '0'], ['fillId', '0'], ['borderId', '0'], ['xfId', '0']]);
  }

  /** An existing format equal to `xf`, or `xf` appended. */
  private xfIndex(xf: XmlElement): number {
    const text = serializeElement(xf);
    const same = this.xfs.findIndex((x) => serializeElement(x) === text);
    if (same >= 0) return same;
    if (this.xfs.length === 0) {
      // cellXfs must begin with the default format
      this.xfs.push(this.baseXf(0));
      this.append('cellXfs', this.xfs[0]);
    }
    this.xfs.push(xf);
    return this.append('cellXfs', xf);
  }

  /** The format `base` with number format `code` ('General' resets). */
  withNumFmt(base: number, code: string): number {
    const key = `n${base}\u0000${code}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const xf = this.baseXf(base);
    const id = this.numFmtId(code);
    setAttr(xf, 'numFmtId', String(id));
    if (id !== 0) setAttr(xf, 'applyNumberFormat', '1');
    const index = this.xfIndex(xf);
    this.cache.set(key, index);
    return index;
  }

  /** The format `base` with a bold font. */
  withBold(base: number): number {
    const key = `b${base}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const xf = this.baseXf(base);
    const fonts = this.container('fonts', true) as XmlElement;
    const fontList = elements(fonts, 'font');
    const source = fontList[Number(attr(xf, 'fontId') ?? '0')] ?? fontList[0];
    const font = source ? parseXml(serializeElement(source)).root : element(qualified(this.doc.root.name, 'font'));
    if (!child(font, 'b')) font.children.unshift(element(qualified(font.name, 'b')));
    const fontId = this.append('fonts', font);
    setAttr(xf, 'fontId', String(fontId));
    setAttr(xf, 'applyFont', '1');
    const index = this.xfIndex(xf);
    this.cache.set(key, index);
    return index;
  }

  /** The format `base` with its text wrapped and centred vertically (header cells of added sheets). */
  withWrap(base: number): number {
    const key = `w${base}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const xf = this.baseXf(base);
    xf.children = xf.children.filter((n) => !(n.kind === 'element' && localName(n.name) === 'alignment'));
    xf.children.unshift(element(qualified(xf.name, 'alignment'), [['vertical', 'center'], ['wrapText', '1']]));
    setAttr(xf, 'applyAlignment', '1');
    const index = this.xfIndex(xf);
    this.cache.set(key, index);
    return index;
  }

  /**
   * A differential format that only fills solid with `rgb` (RRGGBB), for a conditional format:
   * the one already there (as wanmu writes it) or a new one at the end of `<dxfs>`.
   */
  fillDxf(rgb: string): number {
    const root = this.doc.root.name;
    const color = (name: string) => element(qualified(root, name), [['rgb', `FF${rgb}`]]);
    // dxf fills are read from bgColor by Excel and from fgColor by some others: both are given
    const dxf = element(qualified(root, 'dxf'), [], [element(qualified(root, 'fill'), [], [element(qualified(root, 'patternFill'), [['patternType', 'solid']], [color('fgColor'), color('bgColor')])])]);
    const want = serializeElement(dxf);
    const existing = this.container('dxfs', false);
    const same = existing ? elements(existing, 'dxf').findIndex((d) => serializeElement(d) === want) : -1;
    return same >= 0 ? same : this.append('dxfs', dxf);
  }

  toXml(): string {
    return serializeXml(this.doc);
  }
}
