/**
 * Hand-made .xlsx packages for the file host's tests: the XML is written here, the way a program
 * that does not use any spreadsheet library would write it (sheetXml for one worksheet part,
 * handPackage around them, packageOf for a whole workbook), and read back part by part (parts).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { attr, elements, parseXml, textOf } from '../../src/hosts/file/xml';
import type { RawValue } from '../../src/engine';
import { a1 } from '../../src/workbook/core/address';
import type { SheetLayout, WorkbookData } from '../../src/workbook/core/model';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function zipParts(parts: Record<string, string | Uint8Array>): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return Buffer.from(zipSync(files));
}

/**
 * A whole worksheet part: `rows` (the <row> elements) in <sheetData>, with the elements that go
 * `before` and `after` it (in CT_Worksheet order), in the main namespace as the default or under
 * `prefix` (the caller writes `rows`, `before` and `after` with that prefix as well).
 */
export function sheetXml(rows: string, options: { readonly before?: string; readonly after?: string; readonly prefix?: string } = {}): string {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}>${options.before ?? ''}<${p}sheetData>${rows}</${p}sheetData>${options.after ?? ''}</${p}worksheet>`;
}

/** Every part of a package as text, by name (for reading what a write left in the XML). */
export function parts(buf: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(buf)).map(([k, v]) => [k, strFromU8(v)]));
}

export interface HandSheet {
  readonly name: string;
  /** The whole worksheet part. */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
}

/** A package around the given worksheet parts (and optional shared strings and styles). */
export function handPackage(sheets: readonly HandSheet[], extra: { sharedStrings?: string; styles?: string; prefix?: string } = {}): Buffer {
  const p = extra.prefix ? `${extra.prefix}:` : '';
  const ns = extra.prefix ? `xmlns:${extra.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      (extra.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
      (extra.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : '') +
      '</Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${RELS}"><${p}sheets>${sheets
      .map((s, i) => `<${p}sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}${extra.sharedStrings ? `<Relationship Id="rIdS" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${extra.styles ? `<Relationship Id="rIdT" Type="${RELS}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml));
  if (extra.sharedStrings) parts['xl/sharedStrings.xml'] = extra.sharedStrings;
  if (extra.styles) parts['xl/styles.xml'] = extra.styles;
  return zipParts(parts);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function valueXml(v: RawValue, formula: boolean): { t: string; v: string } {
  if (v === null) return { t: '', v: '' };
  if (typeof v === 'number') return { t: '', v: `<v>${v}</v>` };
  if (typeof v === 'boolean') return { t: ' t="b"', v: `<v>${v ? 1 : 0}</v>` };
  if (typeof v === 'string') return formula ? { t: ' t="str"', v: `<v>${esc(v)}</v>` } : { t: ' t="inlineStr"', v: `<is><t>${esc(v)}</t></is>` };
  const text = { div0: '#DIV/0!', na: '#N/A', value: '#VALUE!', ref: '#REF!', name: '#NAME?', num: '#NUM!', null: '#NULL!' } as Record<string, string>;
  return { t: ' t="e"', v: `<v>${text[v.sheetError] ?? '#VALUE!'}</v>` };
}

/** A conditional format of type expression on one sqref, with one fill (dxf 0). */
export interface HandFormat {
  readonly sheet: string;
  readonly ref: string;
  /** Without '='. */
  readonly formula: string;
}

/**
 * A package holding the given workbook exactly (values, formulas with cached results, number
 * formats, merges, states), and the given conditional formats (priorities 1, 2 … in order).
 */
export function packageOf(data: WorkbookData, extra: { readonly conditionalFormats?: readonly HandFormat[] } = {}): Buffer {
  const formatsXml = (sheet: string) =>
    (extra.conditionalFormats ?? [])
      .map((f, i) => (f.sheet === sheet ? `<conditionalFormatting sqref="${f.ref}"><cfRule type="expression" dxfId="0" priority="${i + 1}"><formula>${esc(f.formula)}</formula></cfRule></conditionalFormatting>` : ''))
      .join('');
  const formats: string[] = [];
  const styleOf = (fmt: string | undefined) => {
    if (!fmt) return 0;
    let i = formats.indexOf(fmt);
    if (i < 0) i = formats.push(fmt) - 1;
    return i + 1;
  };
  const sheets = data.sheets.map((s) => {
    const rows = [...s.rows.keys()].sort((a, b) => a - b);
    const body = rows
      .map((r) => {
        const line = s.rows.get(r) as ReadonlyMap<number, { value: RawValue; formula?: string; numFmt?: string }>;
        const cells = [...line.keys()].sort((a, b) => a - b).map((c) => {
          const cell = line.get(c) as { value: RawValue; formula?: string; numFmt?: string };
          const st = styleOf(cell.numFmt);
          const { t, v } = valueXml(cell.value, cell.formula !== undefined);
          return `<c r="${a1(r, c)}"${st ? ` s="${st}"` : ''}${t}>${cell.formula !== undefined ? `<f>${esc(cell.formula)}</f>` : ''}${v}</c>`;
        });
        return `<row r="${r}">${cells.join('')}</row>`;
      })
      .join('');
    const merges = s.merges.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`).join('')}</mergeCells>` : '';
    return { name: s.name, state: s.state === 'visible' ? undefined : s.state, xml: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData>${merges}${formatsXml(s.name)}</worksheet>` };
  });
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="${formats.length}">${formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f).replace(/"/g, '&quot;')}"/>`).join('')}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${formats.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>${extra.conditionalFormats?.length ? '<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FF00FF00"/></patternFill></fill></dxf></dxfs>' : ''}</styleSheet>`;
  return handPackage(sheets, { styles });
}

/**
 * The expression conditional formats of a package made by packageOf (sheet i in
 * xl/worksheets/sheet{i+1}.xml), in document order, each rule with its sqref; `keep` chooses.
 */
export function conditionalFormatsOf(buf: Uint8Array, sheets: readonly string[], keep: (formula: string) => boolean): HandFormat[] {
  const files = unzipSync(buf);
  const out: HandFormat[] = [];
  sheets.forEach((sheet, i) => {
    const part = files[`xl/worksheets/sheet${i + 1}.xml`];
    if (!part) throw new Error(`no part for sheet ${sheet}`);
    const root = parseXml(strFromU8(part)).root;
    for (const cf of elements(root, 'conditionalFormatting')) {
      for (const rule of elements(cf, 'cfRule')) {
        const formula = elements(rule, 'formula').map(textOf).join('');
        if (keep(formula)) out.push({ sheet, ref: attr(cf, 'sqref') ?? '', formula });
      }
    }
  });
  return out;
}

/** A sheet's view and print settings as the package holds them (what a spreadsheet program opens), or null for none of wanmu's. */
export function sheetLayoutOf(buf: Uint8Array, sheet: string): SheetLayout | null {
  const files = unzipSync(buf);
  const text = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`no part ${name}`);
    return strFromU8(f);
  };
  const wb = parseXml(text('xl/workbook.xml')).root;
  const sheetsEl = elements(wb, 'sheets')[0];
  const list = sheetsEl ? elements(sheetsEl, 'sheet') : [];
  const index = list.findIndex((s) => attr(s, 'name') === sheet);
  if (index < 0) throw new Error(`no sheet ${sheet}`);
  const rid = list[index].attrs.find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
  const rel = elements(parseXml(text('xl/_rels/workbook.xml.rels')).root, 'Relationship').find((r) => attr(r, 'Id') === rid);
  const target = attr(rel ?? list[index], 'Target') ?? '';
  const root = parseXml(text(target.startsWith('/') ? target.slice(1) : `xl/${target}`)).root;
  const pane = elements(elements(elements(root, 'sheetViews')[0] ?? root, 'sheetView')[0] ?? root, 'pane')[0];
  const setup = elements(root, 'pageSetup')[0];
  const fit = elements(elements(root, 'sheetPr')[0] ?? root, 'pageSetUpPr')[0];
  const footer = elements(elements(root, 'headerFooter')[0] ?? root, 'oddFooter')[0];
  const names = elements(elements(wb, 'definedNames')[0] ?? wb, 'definedName');
  const titles = names.find((d) => attr(d, 'name') === '_xlnm.Print_Titles' && attr(d, 'localSheetId') === String(index));
  const rows = titles ? /!\$(\d+):\$(\d+)$/.exec(textOf(titles)) : null;
  if (!pane && !setup && !titles && !footer) return null;
  return {
    sheet,
    freezeRows: pane && attr(pane, 'state') === 'frozen' ? Number(attr(pane, 'ySplit') ?? '0') : 0,
    print: {
      landscape: setup !== undefined && attr(setup, 'orientation') === 'landscape',
      fitWidth: fit !== undefined && attr(fit, 'fitToPage') === '1' && setup !== undefined && attr(setup, 'fitToWidth') === '1' && attr(setup, 'fitToHeight') === '0',
      titleRows: rows ? { first: Number(rows[1]), last: Number(rows[2]) } : null,
      footer: footer ? textOf(footer).replace(/^&C/, '') : null,
    },
  };
}
