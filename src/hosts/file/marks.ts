/**
 * wanmu's marks in a worksheet part (see src/workbook/core/marks.ts): top-level
 * `<conditionalFormatting sqref="A1 B2:B5"><cfRule type="expression" dxfId="…" priority="…">
 * <formula>ISTEXT("万亩千亿评分:错误")</formula></cfRule></conditionalFormatting>` elements.
 *
 * Reading streams the part. Writing is surgical, as for cells (sheet-write.ts): the part is scanned
 * once for the positions of its top-level elements; only `<conditionalFormatting>` elements that
 * hold one of wanmu's rules are parsed and written again (a rule is wanmu's when its one formula is
 * exactly a marker), an element left without rules goes, and the new elements go after the
 * existing ones or, if there are none, where CT_Worksheet puts them. Every other byte is kept.
 * The user's rules keep their priorities; wanmu's get the numbers after the largest in the sheet
 * (Excel 2010 rules in extLst included).
 */
import { rangeAddress } from '../shared/blocks';
import { markFormula, markSeverityOf } from '../../workbook/core/marks';
import type { CellRange, MarkSeverity } from '../../workbook/core/model';
import { SheetWriteError, WORKSHEET_ORDER } from './sheet-write';
import type { TextSink } from './sheet-read';
import { rangeRef } from './text';
import { attr, element, elements, localName, newParser, parseElement, qualified, serializeElement, tagStart, text, textOf, XmlError, type XmlElement } from './xml';

/** Runs the parser; what it cannot parse is an XmlError (a damaged part, not a defect). */
function parsing(run: () => void): void {
  try {
    run();
  } catch (e) {
    if (e instanceof XmlError) throw e;
    throw new XmlError((e as Error).message);
  }
}

/** One of wanmu's rules found in a sheet. */
export interface SheetMark {
  readonly severity: MarkSeverity;
  readonly ranges: readonly CellRange[];
}

/** The ranges of an sqref ("A1 B2:B5"); references that are not A1 rectangles are left out. */
export function parseSqref(sqref: string): CellRange[] {
  const out: CellRange[] = [];
  for (const ref of sqref.split(' ')) {
    if (ref === '') continue;
    const r = rangeRef(ref);
    if (r) out.push(r);
  }
  return out;
}

export function sqrefOf(ranges: readonly CellRange[]): string {
  return ranges.map(rangeAddress).join(' ');
}

/** The severity of a cfRule that is one of wanmu's (type expression, one formula, a marker), else undefined. */
function ruleSeverity(rule: XmlElement): MarkSeverity | undefined {
  if (attr(rule, 'type') !== 'expression') return undefined;
  const formulas = elements(rule, 'formula');
  return formulas.length === 1 ? markSeverityOf(textOf(formulas[0])) : undefined;
}

/** A sink that collects wanmu's rules of a worksheet part as it streams past. */
export function marksSink(out: SheetMark[]): TextSink {
  const parser = newParser(false);
  let depth = 0;
  let sqref: string | undefined;
  let rule: { type: string | undefined; formulas: string[] } | undefined;
  let formula: string | undefined;
  parser.on('opentag', (tag) => {
    depth++;
    const n = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (depth === 2 && n === 'conditionalFormatting') sqref = a.sqref ?? '';
    else if (depth === 3 && sqref !== undefined && n === 'cfRule') rule = { type: a.type, formulas: [] };
    else if (depth === 4 && rule && n === 'formula') formula = '';
  });
  // (saxes reports a close for self-closing tags too)
  parser.on('closetag', (tag) => {
    const n = localName(tag.name);
    if (depth === 4 && rule && formula !== undefined && n === 'formula') {
      rule.formulas.push(formula);
      formula = undefined;
    } else if (depth === 3 && rule && n === 'cfRule') {
      const severity = rule.type === 'expression' && rule.formulas.length === 1 ? markSeverityOf(rule.formulas[0]) : undefined;
      if (severity) out.push({ severity, ranges: parseSqref(sqref ?? '') });
      rule = undefined;
    } else if (depth === 2 && n === 'conditionalFormatting') sqref = undefined;
    depth--;
  });
  const onText = (t: string) => {
    if (formula !== undefined) formula += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  return { write: (t) => parsing(() => void parser.write(t)), close: () => parsing(() => void parser.close()) };
}

interface Top {
  readonly local: string;
  readonly start: number;
  readonly end: number;
}

/** Positions of the top-level elements, the root's name, and the largest cfRule priority not wanmu's. */
function scan(xml: string): { rootName: string; children: Top[]; maxPriority: number } {
  const parser = newParser();
  let depth = 0;
  let rootName = '';
  let start = 0;
  const children: Top[] = [];
  let maxPriority = 0;
  // cfRules anywhere (Excel 2010 rules sit in extLst): priority, and whether wanmu's
  const rules: { priority: number; type: string | undefined; formulas: string[]; depth: number }[] = [];
  let formula: string | undefined;
  parser.on('opentagstart', (tag) => {
    depth++;
    if (depth === 2) start = tagStart(parser, tag.name);
  });
  parser.on('opentag', (tag) => {
    const n = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (depth === 1) rootName = tag.name;
    if (n === 'cfRule') rules.push({ priority: Number(a.priority), type: a.type, formulas: [], depth });
    else if (n === 'formula' || n === 'f') formula = rules.length > 0 && rules[rules.length - 1].depth === depth - 1 ? '' : undefined;
  });
  parser.on('closetag', (tag) => {
    const n = localName(tag.name);
    const top = rules[rules.length - 1];
    if ((n === 'formula' || n === 'f') && top && formula !== undefined) {
      top.formulas.push(formula);
      formula = undefined;
    } else if (n === 'cfRule' && top && top.depth === depth) {
      rules.pop();
      const ours = top.type === 'expression' && top.formulas.length === 1 && markSeverityOf(top.formulas[0]) !== undefined;
      if (!ours && Number.isFinite(top.priority) && top.priority > maxPriority) maxPriority = top.priority;
    }
    if (depth === 2) children.push({ local: n, start, end: parser.position });
    depth--;
  });
  const onText = (t: string) => {
    if (formula !== undefined) formula += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parsing(() => void parser.write(xml).close());
  return { rootName, children, maxPriority };
}

/**
 * The worksheet part with wanmu's rules replaced by `marks` (in this order), or undefined when
 * nothing changes (no rule of wanmu's was there and none is asked for). `dxfId` is asked only for
 * the severities written.
 */
export function writeMarks(xml: string, marks: readonly SheetMark[], dxfId: (severity: MarkSeverity) => number): string[] | undefined {
  const s = scan(xml);
  const replacements: { start: number; end: number; text: string }[] = [];
  let lastFormatting: Top | undefined;
  for (const c of s.children) {
    if (c.local !== 'conditionalFormatting') continue;
    lastFormatting = c;
    const el = parseElement(xml.slice(c.start, c.end));
    const rules = elements(el, 'cfRule');
    const ours = rules.filter((r) => ruleSeverity(r) !== undefined);
    if (ours.length === 0) continue;
    if (ours.length === rules.length) replacements.push({ start: c.start, end: c.end, text: '' });
    else {
      el.children = el.children.filter((n) => !(n.kind === 'element' && ours.includes(n)));
      replacements.push({ start: c.start, end: c.end, text: serializeElement(el) });
    }
  }
  const written = marks.filter((m) => m.ranges.length > 0);
  if (replacements.length === 0 && written.length === 0) return undefined;
  if (written.length > 0) {
    let priority = s.maxPriority;
    const formatting = qualified(s.rootName, 'conditionalFormatting');
    const added = written.map((m) => {
      const rule = element(
        qualified(s.rootName, 'cfRule'),
        [['type', 'expression'], ['dxfId', String(dxfId(m.severity))], ['priority', String(++priority)]],
        [element(qualified(s.rootName, 'formula'), [], [text(markFormula(m.severity))])],
      );
      return serializeElement(element(formatting, [['sqref', sqrefOf(m.ranges)]], [rule]));
    });
    const at = lastFormatting ? lastFormatting.end : insertPoint(s.children, 'conditionalFormatting');
    replacements.push({ start: at, end: at, text: added.join('') });
  }
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let pos = 0;
  for (const r of replacements) {
    out.push(xml.slice(pos, r.start), r.text);
    pos = r.end;
  }
  out.push(xml.slice(pos));
  return out;
}

/**
 * Right after the last top-level element that CT_Worksheet puts before (or at) `local` (sheetData
 * at least), so elements it does not know (mc:AlternateContent around controls) stay after.
 */
function insertPoint(children: readonly Top[], local: string): number {
  const rank = WORKSHEET_ORDER.indexOf(local);
  let at: number | undefined;
  for (const c of children) {
    const r = WORKSHEET_ORDER.indexOf(c.local);
    if (r >= 0 && r <= rank) at = c.end;
  }
  if (at === undefined) throw new SheetWriteError('工作表缺少 sheetData 元素');
  return at;
}
