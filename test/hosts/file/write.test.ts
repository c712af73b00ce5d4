/**
 * Surgical writes on hand-written packages: what changes and what must not.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { XlsxFileHost } from '../../../src/hosts/file/xlsx';
import { cellAt, emptyBatch, type WriteBatch } from '../../../src/workbook/core/model';
import { handPackage, MAIN, parts, RELS, sheetXml, zipParts } from '../../helpers/xlsx-package';

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ ...emptyBatch(), ...b });

describe('surgical sheet writes', () => {
  it('a written shared-formula master leaves its dependents their formulas', async () => {
    const host = await XlsxFileHost.fromBuffer(
      handPackage([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>0</v></c></row>') }]),
    );
    await host.write(batch({ cells: [{ sheet: 'S', row: 1, col: 2, value: '改' }] }), []);
    const s = (await (await XlsxFileHost.fromBuffer(host.toBuffer())).read()).sheets[0];
    expect(cellAt(s, 1, 2)).toEqual({ value: '改' });
    expect(cellAt(s, 2, 2)).toEqual({ value: 4, formula: 'A2*2' });
    expect(cellAt(s, 3, 2)).toEqual({ value: 0, formula: 'A3*2' });
  });

  it('cells and rows placed by order keep their place when cells are inserted before them', async () => {
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml('<row r="2"><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>') }]));
    await host.write(batch({ cells: [{ sheet: 'S', row: 1, col: 1, value: 'x' }, { sheet: 'S', row: 2, col: 1, clear: true }, { sheet: 'S', row: 3, col: 5, value: 9 }] }), []);
    const s = (await (await XlsxFileHost.fromBuffer(host.toBuffer())).read()).sheets[0];
    expect(cellAt(s, 1, 1)?.value).toBe('x');
    expect(cellAt(s, 2, 1)).toBeNull();
    expect(cellAt(s, 2, 2)?.value).toBe(2);
    expect(cellAt(s, 3, 1)?.value).toBe(3);
    expect(cellAt(s, 3, 5)?.value).toBe(9);
  });

  it('keeps text exactly: leading zeros, formula-like text, spaces, control characters, _x escapes', async () => {
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml('') }]));
    const values = ['00123', '=不是公式', '  两端空格 ', '行1\n行2', 'a\u0001b', '_x0041_', '<&>"\''];
    await host.write(batch({ cells: values.map((value, i) => ({ sheet: 'S', row: i + 1, col: 1, value })) }), []);
    const s = (await (await XlsxFileHost.fromBuffer(host.toBuffer())).read()).sheets[0];
    values.forEach((v, i) => expect(cellAt(s, i + 1, 1)).toEqual({ value: v }));
  });

  it('appends number formats and cell formats without renumbering, reusing built-in ones', async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="200" formatCode="0.0"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="200" fontId="0"/></cellXfs></styleSheet>`;
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>1</v></c></row>') }], { styles }));
    await host.write(
      batch({
        addSheets: [{ name: 'N' }],
        cells: [
          { sheet: 'S', row: 1, col: 2, value: 1, numFmt: '0.00' },
          { sheet: 'S', row: 1, col: 3, value: 1, numFmt: '0.0000' },
          { sheet: 'S', row: 1, col: 4, value: 1, numFmt: '0.0' },
          { sheet: 'N', row: 1, col: 1, value: '标题', bold: true },
        ],
      }),
      [],
    );
    const out = host.toBuffer();
    const xml = parts(out)['xl/styles.xml'];
    expect(xml).toContain('<numFmt numFmtId="200" formatCode="0.0"/><numFmt numFmtId="201" formatCode="0.0000"/>');
    expect(xml).toContain('<xf numFmtId="0" fontId="0"/><xf numFmtId="200" fontId="0"/><xf numFmtId="2" fontId="0" applyNumberFormat="1"/>');
    expect(xml).toContain('<font><sz val="11"/></font><font><b/><sz val="11"/></font>');
    const wb = await (await XlsxFileHost.fromBuffer(out)).read();
    expect(cellAt(wb.sheets[0], 1, 1)).toEqual({ value: 1, numFmt: '0.0' });
    expect(cellAt(wb.sheets[0], 1, 2)).toEqual({ value: 1, numFmt: '0.00' });
    expect(cellAt(wb.sheets[0], 1, 3)).toEqual({ value: 1, numFmt: '0.0000' });
    expect(cellAt(wb.sheets[0], 1, 4)).toEqual({ value: 1, numFmt: '0.0' });
    expect(cellAt(wb.sheets[1], 1, 1)).toEqual({ value: '标题' });
  });

  it('drops the calculation chain when a formula goes, and fixes sheet-local names when a sheet goes', async () => {
    const buf = handPackage([
      { name: 'A', xml: sheetXml('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>') },
      { name: 'B', xml: sheetXml('') },
      { name: 'C', xml: sheetXml('') },
    ]);
    const files = parts(buf);
    const wbXml = files['xl/workbook.xml'].replace('</sheets>', '</sheets><definedNames><definedName name="b" localSheetId="1">B!$A$1</definedName><definedName name="c" localSheetId="2">C!$A$1</definedName></definedNames>');
    const rels = files['xl/_rels/workbook.xml.rels'].replace('</Relationships>', `<Relationship Id="rIdC" Type="${RELS}/calcChain" Target="calcChain.xml"/></Relationships>`);
    const ct = files['[Content_Types].xml'].replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
    const input = zipParts({ ...files, 'xl/workbook.xml': wbXml, 'xl/_rels/workbook.xml.rels': rels, '[Content_Types].xml': ct, 'xl/calcChain.xml': `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>` });
    const host = await XlsxFileHost.fromBuffer(input);
    await host.write(batch({ cells: [{ sheet: 'A', row: 1, col: 1, value: 5 }], deleteSheets: ['B'] }), []);
    const out = parts(host.toBuffer());
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(out['xl/_rels/workbook.xml.rels']).not.toContain('calcChain');
    expect(out['[Content_Types].xml']).not.toContain('calcChain');
    expect(out['xl/workbook.xml']).toContain('<definedNames><definedName name="c" localSheetId="1">C!$A$1</definedName></definedNames>');
    expect(out['xl/worksheets/sheet2.xml']).toBeUndefined();
    expect((await (await XlsxFileHost.fromBuffer(host.toBuffer())).read()).sheets.map((s) => s.name)).toEqual(['A', 'C']);
  });

  it('keeps an .xlsm workbook’s macros and content types', async () => {
    const files = parts(handPackage([{ name: 'S', xml: sheetXml('') }]));
    const vba = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
    const ct = files['[Content_Types].xml']
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    const rels = files['xl/_rels/workbook.xml.rels'].replace('</Relationships>', '<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
    const input = zipParts({ ...files, '[Content_Types].xml': ct, 'xl/_rels/workbook.xml.rels': rels, 'xl/vbaProject.bin': vba });
    const host = await XlsxFileHost.fromBuffer(input, 'm.xlsm');
    await host.write(batch({ addSheets: [{ name: '评分结果' }], cells: [{ sheet: 'S', row: 1, col: 1, value: 1 }, { sheet: '评分结果', row: 1, col: 1, value: 2 }] }), []);
    const out = unzipSync(host.toBuffer());
    expect(Buffer.compare(Buffer.from(out['xl/vbaProject.bin']), Buffer.from(vba))).toBe(0);
    const outCt = strFromU8(out['[Content_Types].xml']);
    expect(outCt).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(outCt).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(strFromU8(out['xl/_rels/workbook.xml.rels'])).toContain('vbaProject.bin');
  });

  it('a refused write changes nothing', async () => {
    const input = handPackage([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    const host = await XlsxFileHost.fromBuffer(input);
    const r = await host.write(batch({ addSheets: [{ name: 'N' }], cells: [{ sheet: 'S', row: 1, col: 2, value: 2 }] }), [{ sheet: 'S', row: 1, col: 1, value: 5 }]);
    expect(r.ok).toBe(false);
    expect(parts(host.toBuffer())).toEqual(parts(input));
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(['S']);
  });

  it('adds merges and column widths, keeping widths the user set', async () => {
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml('', { after: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>', before: '<cols><col min="2" max="2" width="5" customWidth="1"/></cols>' }) }]));
    await host.write(batch({ merges: [{ sheet: 'S', range: { top: 1, left: 1, bottom: 1, right: 3 } }], columnWidths: [{ sheet: 'S', col: 1, width: 20 }, { sheet: 'S', col: 2, width: 30 }], cells: [{ sheet: 'S', row: 1, col: 1, value: '标题' }] }), []);
    const xml = parts(host.toBuffer())['xl/worksheets/sheet1.xml'];
    expect(xml).toContain('<cols><col min="1" max="1" width="20" customWidth="1"/><col min="2" max="2" width="5" customWidth="1"/></cols>');
    expect(xml).toContain('</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins');
    expect((await (await XlsxFileHost.fromBuffer(host.toBuffer())).read()).sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });
});

describe('far cells and big sheets', () => {
  it('a small file with one cell at XFD1048576 reads sparse, and can be written (its time is in npm run bench)', async () => {
    const xml = sheetXml('<row r="1" spans="1:16384"><c r="A1" t="inlineStr"><is><t>平台</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', { before: '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9"/></cols>' });
    const buf = handPackage([{ name: '远', xml }]);
    const host = await XlsxFileHost.fromBuffer(buf);
    const s = (await host.read()).sheets[0];
    expect([...s.rows.keys()]).toEqual([1, 1048576]);
    expect(s.rowCount).toBe(1048576);
    expect(s.colCount).toBe(16384);
    expect(cellAt(s, 1048576, 16384)?.value).toBe(1);
    await host.write(batch({ cells: [{ sheet: '远', row: 1048576, col: 16383, value: 2 }] }), []);
    const again = (await (await XlsxFileHost.fromBuffer(host.toBuffer())).read()).sheets[0];
    expect(cellAt(again, 1048576, 16383)?.value).toBe(2);
  });
});

describe('unusual sheets', () => {
  it('a sheet part without sheetData gets one when written', async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml }]));
    expect((await host.read()).sheets[0].rows.size).toBe(0);
    await host.write(batch({ cells: [{ sheet: 'S', row: 2, col: 2, value: 7 }] }), []);
    const out = parts(host.toBuffer())['xl/worksheets/sheet1.xml'];
    expect(out).toBe(`<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData><row r="2"><c r="B2"><v>7</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  });
});

describe('document properties', () => {
  it('the sheet list in docProps/app.xml follows added and deleted sheets', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('数据').getCell('A1').value = 1;
    wb.addWorksheet('说明');
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const titles = (buf: Buffer) => {
      const xml = parts(buf)['docProps/app.xml'];
      return xml.slice(xml.indexOf('<HeadingPairs>'), xml.indexOf('</TitlesOfParts>'));
    };
    expect(titles(input)).toContain('<vt:i4>2</vt:i4>');
    const host = await XlsxFileHost.fromBuffer(input);
    await host.write(batch({ addSheets: [{ name: '评分结果' }, { name: 'wanmu撤销', state: 'veryHidden' }] }), []);
    const added = host.toBuffer();
    expect(titles(added)).toContain('<vt:i4>4</vt:i4>');
    expect(titles(added)).toContain('<vt:vector size="4" baseType="lpstr"><vt:lpstr>数据</vt:lpstr><vt:lpstr>说明</vt:lpstr><vt:lpstr>评分结果</vt:lpstr><vt:lpstr>wanmu撤销</vt:lpstr></vt:vector>');
    await host.write(batch({ deleteSheets: ['评分结果', 'wanmu撤销'] }), []);
    expect(titles(host.toBuffer())).toBe(titles(input));
  });
});

describe('what Excel adds around the cells', () => {
  it('x14 extensions, protection, conditional formats and markup compatibility stay byte for byte in a written sheet', async () => {
    const before = `<sheetPr codeName="Sheet1"><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:B2"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>`;
    const after =
      `<sheetProtection algorithmName="SHA-512" hashValue="abc=" saltValue="def=" spinCount="100000" sheet="1" objects="1" scenarios="1"/>` +
      `<conditionalFormatting sqref="A1:A2"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1</formula></cfRule></conditionalFormatting>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>参数!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B1:B2</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>S!A1:A2</xm:f><xm:sqref>C1</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
    const root = `<worksheet xmlns="${MAIN}" xmlns:r="${RELS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">`;
    const rows = '<row r="1" spans="1:2" x14ac:dyDescent="0.2"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2" spans="1:2" x14ac:dyDescent="0.2"><c r="A2"><v>2</v></c></row>';
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${root}${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml }], { sharedStrings: `<sst xmlns="${MAIN}"><si><t>甲</t></si></sst>` }));
    await host.write(batch({ cells: [{ sheet: 'S', row: 2, col: 2, value: '新' }, { sheet: 'S', row: 5, col: 1, value: 5 }] }), []);
    const out = parts(host.toBuffer())['xl/worksheets/sheet1.xml'];
    expect(out.startsWith(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${root}`)).toBe(true);
    expect(out).toContain(before.replace('A1:B2', 'A1:B5'));
    expect(out).toContain(`</sheetData>${after}</worksheet>`);
    expect(out).toContain('<row r="1" spans="1:2" x14ac:dyDescent="0.2"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>');
    expect(out).toContain('<row r="2" spans="1:2" x14ac:dyDescent="0.2"><c r="A2"><v>2</v></c><c r="B2" t="inlineStr"><is><t>新</t></is></c></row><row r="5"><c r="A5"><v>5</v></c></row>');
  });
});
