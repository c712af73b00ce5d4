/**
 * wanmu's marks in .xlsx files: conditional formats written where the schema puts them, the
 * user's own kept byte for byte, nothing else touched, and files LibreOffice opens and saves with
 * the marks intact.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { XlsxFileHost } from '../../../src/hosts/file/xlsx';
import { WORKSHEET_ORDER } from '../../../src/hosts/file/sheet-write';
import { attr, elements, localName, parseXml, textOf } from '../../../src/hosts/file/xml';
import { canonicalMarks, markFormula } from '../../../src/workbook/core/marks';
import type { MarkSet } from '../../../src/workbook/core/model';
import { libreOfficeProfile, recalc } from '../../helpers/workbook';
import { handPackage, MAIN, parts, sheetXml } from '../../helpers/xlsx-package';

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';

/** A user rule laid out as another program would write it: attribute order, spaces, an entity. */
const USER_RULE = '<conditionalFormatting  sqref="A1:A3" ><cfRule priority="3" type="expression"  dxfId="0"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>';
const X14_RULE = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" priority="7" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar/></x14:cfRule><xm:sqref>B1:B3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
const ROWS = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row><row r="3"><c r="A3"><v>4</v></c></row>';
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0"/></styleSheet>`;

const range = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });
const MARKS: MarkSet[] = [
  { sheet: 'S', severity: 'error', ranges: [range(1, 1), range(2, 1, 3, 1)] },
  { sheet: 'S', severity: 'warning', ranges: [range(1, 2)] },
];

function rawEntries(buf: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(buf);
}

describe('marks in an .xlsx file', () => {
  it('writes its rules where CT_Worksheet puts them, after the user’s, with priorities after every other rule', async () => {
    const tail = `<mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells>${USER_RULE}<dataValidations count="0"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${X14_RULE}`;
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml(ROWS, { after: tail }) }], { styles: STYLES }));
    // marked twice: the second replaces the first (its own old priorities do not count)
    await host.setMarks(MARKS);
    await host.setMarks(MARKS);
    const xml = parts(host.toBuffer())['xl/worksheets/sheet1.xml'];
    const root = parseXml(xml).root;
    const order = elements(root).map((e) => WORKSHEET_ORDER.indexOf(localName(e.name)));
    expect(order.length).toBeGreaterThan(0);
    expect(order.every((r, i) => r >= 0 && (i === 0 || r >= order[i - 1]))).toBe(true);
    const formats = elements(root, 'conditionalFormatting');
    expect(formats).toHaveLength(3);
    expect(xml).toContain(`${USER_RULE}<conditionalFormatting sqref="A1 A2:A3">`);
    const ours = formats.slice(1).map((f) => {
      const rule = elements(f, 'cfRule')[0];
      return { sqref: attr(f, 'sqref'), type: attr(rule, 'type'), priority: attr(rule, 'priority'), formula: textOf(elements(rule, 'formula')[0]) };
    });
    // the x14 data bar has priority 7: wanmu's rules come after it
    expect(ours).toEqual([
      { sqref: 'A1 A2:A3', type: 'expression', priority: '8', formula: markFormula('error') },
      { sqref: 'B1', type: 'expression', priority: '9', formula: markFormula('warning') },
    ]);
    // the fills: two dxfs at the end of <dxfs>, which keeps the user's first
    const styles = parts(host.toBuffer())['xl/styles.xml'];
    expect(styles).toContain('<dxfs count="3"><dxf><font><b/></font></dxf><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf></dxfs><tableStyles');
    expect(elements(formats[1], 'cfRule').map((r) => attr(r, 'dxfId'))).toEqual(['1']);
    expect(canonicalMarks(await host.readMarks())).toEqual(canonicalMarks(MARKS));
  });

  it('puts the first rule of a sheet without any before what comes after it (pageMargins), and creates <dxfs> in its place', async () => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><cellXfs count="1"><xf numFmtId="0"/></cellXfs><cellStyles count="0"/><tableStyles count="0"/><colors/></styleSheet>`;
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml(ROWS.split('<').join('<x:').split('<x:/').join('</x:'), { prefix: 'x', after: '<x:phoneticPr fontId="1"/><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' }) }], { styles }));
    await host.setMarks(MARKS.slice(0, 1));
    const out = parts(host.toBuffer());
    expect(out['xl/worksheets/sheet1.xml']).toContain(`<x:phoneticPr fontId="1"/><x:conditionalFormatting sqref="A1 A2:A3"><x:cfRule type="expression" dxfId="0" priority="1"><x:formula>${markFormula('error')}</x:formula></x:cfRule></x:conditionalFormatting><x:pageMargins`);
    expect(out['xl/styles.xml']).toContain('<cellStyles count="0"/><dxfs count="1"><dxf>');
    expect(out['xl/styles.xml']).toContain('</dxfs><tableStyles count="0"/>');
    expect(canonicalMarks(await (await XlsxFileHost.fromBuffer(host.toBuffer())).readMarks())).toEqual(canonicalMarks(MARKS.slice(0, 1)));
  });

  it('keeps the user’s conditional format byte for byte, and clearing gives back every part as it was (styles: one unused fill more)', async () => {
    const tail = `${USER_RULE}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
    const other = sheetXml(ROWS);
    const input = handPackage([{ name: 'S', xml: sheetXml(ROWS, { after: tail }) }, { name: 'T', xml: other }], { styles: STYLES });
    const host = await XlsxFileHost.fromBuffer(input);
    await host.setMarks(MARKS);
    const marked = rawEntries(host.toBuffer());
    expect(strFromU8(marked['xl/worksheets/sheet1.xml'])).toContain(USER_RULE);
    // a sheet that gets no marks is not touched
    expect(marked['xl/worksheets/sheet2.xml']).toEqual(rawEntries(input)['xl/worksheets/sheet2.xml']);
    // again with the same marks: the fills are reused
    await host.setMarks(MARKS);
    expect(parts(host.toBuffer())['xl/styles.xml'].split('<dxf>').length - 1).toBe(3);
    await host.setMarks([]);
    const before = parts(input);
    const after = parts(host.toBuffer());
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) if (name !== 'xl/styles.xml') expect([name, after[name]]).toEqual([name, before[name]]);
    const dxfs = (xml: string) => elements(elements(parseXml(xml).root, 'dxfs')[0], 'dxf').length;
    expect(dxfs(after['xl/styles.xml'])).toBe(dxfs(before['xl/styles.xml']) + 2);
  });

  it('clearing a workbook without marks writes nothing at all', async () => {
    const input = handPackage([{ name: 'S', xml: sheetXml(ROWS, { after: USER_RULE }) }], { styles: STYLES });
    const host = await XlsxFileHost.fromBuffer(input);
    await host.setMarks([]);
    expect(rawEntries(host.toBuffer())).toEqual(rawEntries(input));
  });

  it('takes its rule out of an element it shares with the user’s rule (as a program that merged them would save it), keeping the user’s', async () => {
    const mixed = `<conditionalFormatting sqref="A1:A3"><cfRule type="expression" dxfId="0" priority="1"><formula>A1&gt;1</formula></cfRule><cfRule type="expression" dxfId="0" priority="2"><formula>${markFormula('warning')}</formula></cfRule></conditionalFormatting>`;
    const lookalike = `<conditionalFormatting sqref="B1"><cfRule type="expression" dxfId="0" priority="3"><formula>${markFormula('error')}</formula><formula>1</formula></cfRule><cfRule type="cellIs" operator="equal" dxfId="0" priority="4"><formula>${markFormula('error')}</formula></cfRule></conditionalFormatting>`;
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml(ROWS, { after: `${mixed}${lookalike}` }) }], { styles: STYLES }));
    expect(await host.readMarks()).toEqual([{ sheet: 'S', severity: 'warning', ranges: [range(1, 1, 3, 1)] }]);
    await host.setMarks([]);
    const xml = parts(host.toBuffer())['xl/worksheets/sheet1.xml'];
    expect(xml).toContain('<conditionalFormatting sqref="A1:A3"><cfRule type="expression" dxfId="0" priority="1"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>');
    // a rule with two formulas, or of another type, is not a marker: kept as it was
    expect(xml).toContain(lookalike);
    expect(await host.readMarks()).toEqual([]);
  });

  it('says a damaged sheet is damaged', async () => {
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml(ROWS, { after: '<conditionalFormatting sqref="A1"><cfRule>' }) }]), '坏.xlsx');
    await expect(host.readMarks()).rejects.toThrow(/坏\.xlsx/);
    await expect(host.setMarks(MARKS)).rejects.toThrow(/坏\.xlsx/);
  });
});

describe('marks and LibreOffice', () => {
  it('LibreOffice opens a marked file and saves it with the marks and the user’s rule as they were; wanmu clears them there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-marks-'));
    const file = path.join(dir, 'marked.xlsx');
    const tail = `${USER_RULE}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml(ROWS, { after: tail }) }], { styles: STYLES }));
    await host.setMarks(MARKS);
    await host.save(file);
    const saved = recalc(file, libreOfficeProfile());
    const lo = await XlsxFileHost.open(saved);
    expect(canonicalMarks(await lo.readMarks())).toEqual(canonicalMarks(MARKS));
    const cells = (await lo.read()).sheets[0].rows;
    await lo.setMarks([]);
    expect(await lo.readMarks()).toEqual([]);
    const root = parseXml(parts(lo.toBuffer())['xl/worksheets/sheet1.xml']).root;
    const left = elements(root, 'conditionalFormatting').map((f) => [attr(f, 'sqref'), elements(f, 'cfRule').map((r) => textOf(elements(r, 'formula')[0]))]);
    expect(left).toEqual([['A1:A3', ['A1>1']]]);
    expect((await lo.read()).sheets[0].rows).toEqual(cells);
  });
});
