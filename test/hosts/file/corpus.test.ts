/**
 * Surgical writes on real workbooks. For each corpus file (openpyxl, LibreOffice, exceljs):
 *  - after a fill-like write (cells in an existing sheet, a new sheet, a new very hidden sheet)
 *    every zip entry that need not change is byte-identical, compressed bytes included;
 *  - in the written sheet every element and cell not written is unchanged;
 *  - LibreOffice recalculates every pre-existing formula to the same value as in the input;
 *  - after a revert-like write (clear the cells, delete the sheets) the cells equal the input's.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { XlsxFileHost } from '../../../src/hosts/file/xlsx';
import { parseXml, serializeElement, elements, localName, attr, type XmlElement } from '../../../src/hosts/file/xml';
import { readZip } from '../../../src/hosts/file/zip';
import { a1 } from '../../../src/workbook/core/address';
import { emptyBatch, type CellWrite, type WorkbookData } from '../../../src/workbook/core/model';
import { libreOfficeProfile, recalc } from '../../helpers/workbook';
import { exceljsWorkbook, libreOfficeWorkbook, openpyxlWorkbook } from '../../helpers/corpus';
import { needs, TOOLS, type Tool } from '../../helpers/needs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-corpus-'));

/** Parts that list sheets, strings or styles: the only existing entries a write may change. */
const LISTING = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'docProps/app.xml', 'xl/calcChain.xml']);

function contents(buf: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(buf)));
}

function raws(buf: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZip(buf).map((e) => [e.name, e.raw]));
}

function same(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return !!a && !!b && a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** Entries other than the listing parts and `written` that differ between two packages. */
function changedEntries(before: Uint8Array, after: Uint8Array, written: Set<string>): string[] {
  const a = contents(before);
  const b = contents(after);
  const ra = raws(before);
  const rb = raws(after);
  const out: string[] = [];
  for (const [name, data] of a) {
    if (LISTING.has(name) || written.has(name)) continue;
    if (!same(data, b.get(name))) out.push(`${name} (content)`);
    else if (!same(ra.get(name), rb.get(name))) out.push(`${name} (compressed bytes)`);
  }
  return out;
}

function text(buf: Uint8Array, name: string): string {
  return Buffer.from(contents(buf).get(name) as Uint8Array).toString('utf8');
}

/** The sheet tree without the given cells, row spans, the dimension, and rows left empty that were not there before. */
function normalized(xml: string, drop: Set<string>, keepRows: Set<string> | undefined): string {
  const root = parseXml(xml).root;
  root.children = root.children.filter((n) => !(n.kind === 'element' && localName(n.name) === 'dimension'));
  const sheetData = elements(root, 'sheetData')[0] as XmlElement;
  sheetData.children = sheetData.children.filter((row) => {
    if (row.kind !== 'element') return true;
    row.attrs = row.attrs.filter(([k]) => k !== 'spans');
    row.children = row.children.filter((c) => !(c.kind === 'element' && drop.has(attr(c, 'r') ?? '')));
    return !keepRows || keepRows.has(attr(row, 'r') ?? '') || elements(row, 'c').length > 0;
  });
  return serializeElement(root);
}

function rowsOf(xml: string): Set<string> {
  const sheetData = elements(parseXml(xml).root, 'sheetData')[0] as XmlElement;
  return new Set(elements(sheetData, 'row').map((r) => attr(r, 'r') ?? ''));
}

function formulaCells(wb: WorkbookData): { sheet: string; row: number; col: number }[] {
  return wb.sheets.flatMap((s) => [...s.rows].flatMap(([row, line]) => [...line].filter(([, c]) => c.formula !== undefined).map(([col]) => ({ sheet: s.name, row, col }))));
}

function valueAt(wb: WorkbookData, sheet: string, row: number, col: number) {
  return wb.sheets.find((s) => s.name === sheet)?.rows.get(row)?.get(col)?.value ?? null;
}

interface Case {
  readonly maker: string;
  /** What the generator needs. */
  readonly needs: readonly Tool[];
  readonly make: () => Promise<string> | string;
}

const cases: Case[] = [
  { maker: 'openpyxl', needs: ['openpyxl'], make: () => openpyxlWorkbook(dir) },
  { maker: 'LibreOffice', needs: ['soffice', 'uno'], make: () => libreOfficeWorkbook(dir) },
  { maker: 'exceljs', needs: [], make: () => exceljsWorkbook(dir) },
];

let profile: string | undefined;
beforeAll(() => {
  if (TOOLS.soffice.present()) profile = libreOfficeProfile();
});

for (const c of cases) {
  needs(...c.needs).describe(`surgical writes on a ${c.maker} workbook`, () => {
    let input: Buffer;
    let before: WorkbookData;
    let target: string;
    let writes: CellWrite[];
    let output: Buffer;
    let outFile: string;

    beforeAll(async () => {
      const file = await c.make();
      input = fs.readFileSync(file);
      const host = await XlsxFileHost.fromBuffer(input, file);
      before = await host.read();
      const s = before.sheets[0];
      target = s.name;
      const col = s.colCount + 2;
      writes = [{ sheet: target, row: 1, col, value: '得分' }];
      for (let r = 2; r <= Math.min(s.rowCount, 6); r++) writes.push({ sheet: target, row: r, col, formula: `ROW()*2`, result: r * 2, numFmt: '0.00' });
      writes.push({ sheet: target, row: s.rowCount + 3, col: 1, value: 12.25, numFmt: '0.00' });
      const r = await host.write(
        {
          ...emptyBatch(),
          addSheets: [{ name: '评分结果' }, { name: 'wanmu撤销', state: 'veryHidden' }],
          cells: [
            ...writes,
            { sheet: '评分结果', row: 1, col: 1, value: '平台名称', bold: true },
            { sheet: '评分结果', row: 2, col: 1, value: '杭州钱塘生物医药平台' },
            { sheet: '评分结果', row: 2, col: 2, formula: `'${target}'!B2`, result: 1 },
            { sheet: 'wanmu撤销', row: 1, col: 1, value: 's:记录' },
          ],
          columnWidths: [{ sheet: '评分结果', col: 1, width: 30 }],
        },
        [],
      );
      expect(r).toEqual({ ok: true });
      output = host.toBuffer();
      outFile = path.join(dir, `${c.maker}-filled.xlsx`);
      fs.writeFileSync(outFile, output);
    });

    it('changes no zip entry except the written sheet and the parts that list sheets and styles', () => {
      const a = contents(input);
      const b = contents(output);
      const changedSheets = [...a.keys()].filter((n) => n.startsWith('xl/worksheets/sheet') && !same(a.get(n), b.get(n)));
      expect(changedSheets).toHaveLength(1);
      expect(changedEntries(input, output, new Set(changedSheets))).toEqual([]);
      const added = [...b.keys()].filter((n) => !a.has(n));
      expect(added.sort()).toHaveLength(2);
      expect(added.every((n) => n.startsWith('xl/worksheets/sheet'))).toBe(true);
      expect([...a.keys()].filter((n) => !b.has(n) && n !== 'xl/calcChain.xml')).toEqual([]);
    });

    it('changes the listing parts only by what lists the new sheets and formats', () => {
      const b = contents(output);
      const strip = (name: string, xml: string): string => {
        const root = parseXml(xml).root;
        const isNew = (el: XmlElement) =>
          (localName(el.name) === 'sheet' && ['评分结果', 'wanmu撤销'].includes(attr(el, 'name') ?? '')) ||
          (localName(el.name) === 'Relationship' && (attr(el, 'Type') ?? '').endsWith('/worksheet') && !contents(input).has(`xl/${attr(el, 'Target')}`)) ||
          (localName(el.name) === 'Override' && !contents(input).has((attr(el, 'PartName') ?? '').slice(1)));
        const walk = (el: XmlElement) => {
          el.children = el.children.filter((n) => n.kind !== 'element' || !isNew(n));
          for (const n of el.children) if (n.kind === 'element') walk(n);
        };
        walk(root);
        if (name === 'docProps/app.xml') return '';
        return serializeElement(root);
      };
      for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
        expect(strip(name, Buffer.from(b.get(name) as Uint8Array).toString('utf8'))).toBe(strip(name, text(input, name)));
      }
    });

    it('keeps every cell and element of the written sheet that was not written', () => {
      const a = contents(input);
      const b = contents(output);
      const name = [...a.keys()].find((n) => n.startsWith('xl/worksheets/sheet') && !same(a.get(n), b.get(n))) as string;
      const drop = new Set(writes.map((w) => a1(w.row, w.col)));
      const beforeXml = text(input, name);
      expect(normalized(text(output, name), drop, rowsOf(beforeXml))).toBe(normalized(beforeXml, drop, undefined));
    });

    it('reads back what was written, and everything else as it was', async () => {
      const after = await (await XlsxFileHost.fromBuffer(output)).read();
      expect(after.sheets.map((s) => [s.name, s.state])).toEqual([...before.sheets.map((s) => [s.name, s.state]), ['评分结果', undefined], ['wanmu撤销', 'veryHidden']]);
      for (const w of writes) {
        const got = after.sheets[0].rows.get(w.row)?.get(w.col);
        expect(got).toEqual(w.formula !== undefined ? { value: w.result, formula: w.formula, numFmt: '0.00' } : { value: w.value, ...(w.numFmt ? { numFmt: w.numFmt } : {}) });
      }
      const written = new Set(writes.map((w) => `${w.row},${w.col}`));
      for (const s of before.sheets) {
        const now = after.sheets.find((x) => x.name === s.name);
        for (const [row, line] of s.rows) for (const [col, cell] of line) if (!written.has(`${row},${col}`) || s.name !== target) expect({ at: `${s.name}!${a1(row, col)}`, cell: now?.rows.get(row)?.get(col) }).toEqual({ at: `${s.name}!${a1(row, col)}`, cell });
      }
    });

    needs('soffice').it('LibreOffice recalculates every pre-existing formula to its old value', async () => {
      const original = await (await XlsxFileHost.open(recalc(writeInput(), profile as string))).read();
      const filled = await (await XlsxFileHost.open(recalc(outFile, profile as string))).read();
      const cells = formulaCells(before);
      expect(cells.length).toBeGreaterThan(0);
      for (const f of cells) {
        expect({ at: `${f.sheet}!${a1(f.row, f.col)}`, value: valueAt(filled, f.sheet, f.row, f.col) }).toEqual({ at: `${f.sheet}!${a1(f.row, f.col)}`, value: valueAt(original, f.sheet, f.row, f.col) });
      }
      for (const w of writes) if (w.formula !== undefined) expect(valueAt(filled, target, w.row, w.col)).toBe(w.result);
    });

    it('a revert-like write brings back the input: same cells, same entries', async () => {
      const host = await XlsxFileHost.fromBuffer(output);
      const r = await host.write({ ...emptyBatch(), deleteSheets: ['评分结果', 'wanmu撤销'], cells: writes.map((w) => ({ sheet: w.sheet, row: w.row, col: w.col, clear: true })) }, []);
      expect(r).toEqual({ ok: true });
      const reverted = host.toBuffer();
      const again = await (await XlsxFileHost.fromBuffer(reverted)).read();
      expect(again).toEqual(before);
      const a = contents(input);
      const b = contents(reverted);
      expect([...b.keys()].filter((n) => !a.has(n))).toEqual([]);
      const sheet = [...a.keys()].filter((n) => n.startsWith('xl/worksheets/sheet') && !same(a.get(n), b.get(n)));
      expect(changedEntries(input, reverted, new Set(sheet))).toEqual([]);
    });

    function writeInput(): string {
      const file = path.join(dir, `${c.maker}-input.xlsx`);
      fs.writeFileSync(file, input);
      return file;
    }
  });
}
