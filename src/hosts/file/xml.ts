/**
 * A small XML tree on top of saxes that keeps what a round trip must keep: qualified names with
 * their prefixes, attribute order, comments, processing instructions, CDATA, and the prolog and
 * epilog text exactly as they were. Namespaces are resolved by looking up `xmlns` declarations,
 * so `x:worksheet` and `worksheet` read the same.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface XmlElement {
  readonly kind: 'element';
  name: string;
  attrs: [string, string][];
  children: XmlNode[];
}

export type XmlNode =
  | XmlElement
  | { readonly kind: 'text'; text: string }
  | { readonly kind: 'cdata'; text: string }
  | { readonly kind: 'comment'; text: string }
  | { readonly kind: 'pi'; target: string; body: string };

export interface XmlDocument {
  /** Source text before the root element (declaration, whitespace, comments), verbatim. */
  readonly prolog: string;
  readonly root: XmlElement;
  /** Source text after the root element, verbatim. */
  readonly epilog: string;
}

export class XmlError extends Error {}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i);
}

/** `local` with the same prefix as `like` (a sibling or parent element name). */
export function qualified(like: string, local: string): string {
  const p = prefixOf(like);
  return p ? `${p}:${local}` : local;
}

/** A parser without namespace processing (names keep their prefixes); `position: false` is faster when offsets are not needed. */
export function newParser(position = true): SaxesParser<{ xmlns: false; position: boolean }> {
  const parser = new SaxesParser<{ xmlns: false; position: boolean }>({ xmlns: false, position });
  parser.on('doctype', () => {
    throw new XmlError('XML 中不应有 DOCTYPE');
  });
  return parser;
}

/** Start offset of the tag whose `opentagstart` event is being handled. */
export function tagStart(parser: { position: number }, name: string): number {
  return parser.position - name.length - 2;
}

export function attrList(tag: SaxesTagPlain): [string, string][] {
  return Object.entries(tag.attributes as Record<string, string>);
}

export function parseXml(text: string): XmlDocument {
  const parser = newParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let rootStart = -1;
  let rootEnd = -1;
  const append = (node: XmlNode) => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(node);
  };
  parser.on('opentagstart', (tag) => {
    if (!root && stack.length === 0) rootStart = tagStart(parser, tag.name);
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { kind: 'element', name: tag.name, attrs: attrList(tag), children: [] };
    if (stack.length === 0) {
      if (root) throw new XmlError('XML 有多个根元素');
      root = el;
    } else append(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
    if (stack.length === 0) rootEnd = parser.position;
  });
  parser.on('text', (t) => {
    if (stack.length > 0) append({ kind: 'text', text: t });
  });
  parser.on('cdata', (t) => append({ kind: 'cdata', text: t }));
  parser.on('comment', (t) => append({ kind: 'comment', text: t }));
  parser.on('processinginstruction', (pi) => append({ kind: 'pi', target: pi.target, body: pi.body }));
  try {
    parser.write(text).close();
  } catch (e) {
    throw new XmlError((e as Error).message);
  }
  if (!root) throw new XmlError('XML 没有根元素');
  return { prolog: text.slice(0, rootStart), root, epilog: text.slice(rootEnd) };
}

/** Parses a fragment holding exactly one element (a `<row>` cut out of a sheet). */
export function parseElement(text: string): XmlElement {
  return parseXml(text).root;
}

export function escapeText(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const rep = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : c === 13 ? '&#13;' : undefined;
    if (rep) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

export function escapeAttr(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const rep = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 34 ? '&quot;' : c === 9 ? '&#9;' : c === 10 ? '&#10;' : c === 13 ? '&#13;' : undefined;
    if (rep) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

export function serializeNode(node: XmlNode, out: string[]): void {
  switch (node.kind) {
    case 'text':
      out.push(escapeText(node.text));
      return;
    case 'cdata':
      out.push(`<![CDATA[${node.text}]]>`);
      return;
    case 'comment':
      out.push(`<!--${node.text}-->`);
      return;
    case 'pi':
      out.push(`<?${node.target}${node.body ? ` ${node.body}` : ''}?>`);
      return;
    case 'element': {
      out.push(`<${node.name}`);
      for (const [k, v] of node.attrs) out.push(` ${k}="${escapeAttr(v)}"`);
      if (node.children.length === 0) {
        out.push('/>');
        return;
      }
      out.push('>');
      for (const c of node.children) serializeNode(c, out);
      out.push(`</${node.name}>`);
    }
  }
}

export function serializeElement(el: XmlElement): string {
  const out: string[] = [];
  serializeNode(el, out);
  return out.join('');
}

export function serializeXml(doc: XmlDocument): string {
  return doc.prolog + serializeElement(doc.root) + doc.epilog;
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export function attr(el: XmlElement, name: string): string | undefined {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return undefined;
}

/** An attribute by local name (any prefix). */
export function attrLocal(el: XmlElement, local: string): string | undefined {
  for (const [k, v] of el.attrs) if (localName(k) === local) return v;
  return undefined;
}

export function setAttr(el: XmlElement, name: string, value: string): void {
  const at = el.attrs.findIndex(([k]) => k === name);
  if (at >= 0) el.attrs[at] = [name, value];
  else el.attrs.push([name, value]);
}

export function removeAttr(el: XmlElement, name: string): void {
  el.attrs = el.attrs.filter(([k]) => k !== name);
}

export function elements(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === 'element' && (local === undefined || localName(c.name) === local)) out.push(c);
  return out;
}

export function child(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of el.children) if (c.kind === 'element' && localName(c.name) === local) return c;
  return undefined;
}

/** Text content of an element (all descendant text and CDATA). */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (c.kind === 'text' || c.kind === 'cdata') s += c.text;
    else if (c.kind === 'element') s += textOf(c);
  }
  return s;
}

export function element(name: string, attrs: [string, string][] = [], children: XmlNode[] = []): XmlElement {
  return { kind: 'element', name, attrs, children };
}

export function text(t: string): XmlNode {
  return { kind: 'text', text: t };
}

/**
 * The prefix bound to `uri` on `el` ('' for the default namespace), or undefined when `el` does
 * not declare it. Package parts declare their namespaces on the root.
 */
export function prefixFor(el: XmlElement, uris: readonly string[]): string | undefined {
  for (const [k, v] of el.attrs) {
    if (!uris.includes(v)) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return k.slice(6);
  }
  return undefined;
}
