/**
 * Reading what real files contain, with small hand-written packages: inline and shared strings,
 * rich text, shared formulas, cells and rows without addresses, prefixed XML, errors, booleans,
 * cached zero and cached strings, missing cached values, dates, merges, sheet states.
 */
import { sheetError } from '../../../src/engine';
import { FileOpenError, XlsxFileHost } from '../../../src/hosts/file/xlsx';
import { cellAt, emptyBatch, type SheetData } from '../../../src/workbook/core/model';
import { handPackage, MAIN, sheetXml, zipParts } from '../../helpers/xlsx-package';
import { compoundFile } from '../../helpers/cfb';

async function readOne(body: string, extra: Parameters<typeof handPackage>[1] = {}, after = ''): Promise<SheetData> {
  const host = await XlsxFileHost.fromBuffer(handPackage([{ name: 'S', xml: sheetXml(body, { after }) }], extra));
  return (await host.read()).sheets[0];
}

describe('reading cells', () => {
  it('inline strings, shared strings with rich text and phonetic runs, escapes', async () => {
    const sst = `<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>平台甲</t></si><si><r><rPr><b/></rPr><t>工业</t></r><r><t xml:space="preserve"> 总产值</t></r><rPh sb="0" eb="2"><t>こうぎょう</t></rPh></si><si><t>a_x000D_b_x005F_x0041_</t></si></sst>`;
    const s = await readOne(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>内联</t></is></c><c r="E1" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c></row>',
      { sharedStrings: sst },
    );
    expect(cellAt(s, 1, 1)).toEqual({ value: '平台甲' });
    expect(cellAt(s, 1, 2)).toEqual({ value: '工业 总产值' });
    expect(cellAt(s, 1, 3)).toEqual({ value: 'a\rb_x0041_' });
    expect(cellAt(s, 1, 4)).toEqual({ value: '内联' });
    expect(cellAt(s, 1, 5)).toEqual({ value: '富文本' });
  });

  it('numbers, booleans, errors, cached zero, cached strings, missing cached values, dates', async () => {
    const s = await readOne(
      '<row r="1"><c r="A1"><v>1180.5</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2022-12-31</v></c></row>' +
        '<row r="2"><c r="A2"><f>A1-A1</f><v>0</v></c><c r="B2" t="str"><f>"平"&amp;"台"</f><v>平台</v></c><c r="C2" t="str"><f>""</f><v></v></c><c r="D2"><f>SUM(A1:A1)</f></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
    );
    expect(cellAt(s, 1, 1)).toEqual({ value: 1180.5 });
    expect(cellAt(s, 1, 2)).toEqual({ value: true });
    expect(cellAt(s, 1, 3)).toEqual({ value: false });
    expect(cellAt(s, 1, 4)).toEqual({ value: sheetError('na') });
    expect(cellAt(s, 1, 5)).toEqual({ value: 44926 });
    expect(cellAt(s, 2, 1)).toEqual({ value: 0, formula: 'A1-A1' });
    expect(cellAt(s, 2, 2)).toEqual({ value: '平台', formula: '"平"&"台"' });
    expect(cellAt(s, 2, 3)).toEqual({ value: '', formula: '""' });
    expect(cellAt(s, 2, 4)).toEqual({ value: null, formula: 'SUM(A1:A1)' });
    expect(cellAt(s, 2, 5)).toEqual({ value: sheetError('div0'), formula: '1/0' });
  });

  it('shared formulas: dependents get the master formula moved to their cell', async () => {
    const s = await readOne(
      '<row r="2"><c r="C2"><f t="shared" ref="C2:D4" si="0">A2*$B$1+SUM(A$1:A2)+\'Sheet 2\'!A2+"A2"</f><v>1</v></c><c r="D2"><f t="shared" si="0"/><v>2</v></c></row>' +
        '<row r="3"><c r="C3"><f t="shared" si="0"/><v>3</v></c></row><row r="4"><c r="D4"><f t="shared" si="0"/><v>4</v></c></row>',
    );
    expect(cellAt(s, 2, 3)?.formula).toBe('A2*$B$1+SUM(A$1:A2)+\'Sheet 2\'!A2+"A2"');
    expect(cellAt(s, 2, 4)?.formula).toBe('B2*$B$1+SUM(B$1:B2)+\'Sheet 2\'!B2+"A2"');
    expect(cellAt(s, 3, 3)?.formula).toBe('A3*$B$1+SUM(A$1:A3)+\'Sheet 2\'!A3+"A2"');
    expect(cellAt(s, 4, 4)).toEqual({ value: 4, formula: 'B4*$B$1+SUM(B$1:B4)+\'Sheet 2\'!B4+"A2"' });
  });

  it('cells and rows without addresses take their place from their order', async () => {
    const s = await readOne('<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>');
    expect(cellAt(s, 1, 1)?.value).toBe(1);
    expect(cellAt(s, 1, 2)?.value).toBe(2);
    expect(cellAt(s, 5, 3)?.value).toBe(3);
    expect(cellAt(s, 5, 4)?.value).toBe(4);
    expect(cellAt(s, 6, 1)?.value).toBe(5);
  });

  it('namespace-prefixed XML (x:) reads the same', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:B4"/></x:mergeCells></x:worksheet>`;
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: '前缀表', xml }], { prefix: 'x' }));
    const s = (await host.read()).sheets[0];
    expect(s.name).toBe('前缀表');
    expect(cellAt(s, 1, 1)).toEqual({ value: '前缀' });
    expect(cellAt(s, 1, 2)).toEqual({ value: 2, formula: '1+1' });
    expect(s.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 2 }]);
    // and it can be written: new cells take the prefix
    await host.write({ ...emptyBatch(), cells: [{ sheet: '前缀表', row: 1, col: 3, value: '新' }], addSheets: [{ name: '新表', state: 'hidden' }] }, []);
    const again = await (await XlsxFileHost.fromBuffer(host.toBuffer())).read();
    expect(cellAt(again.sheets[0], 1, 3)).toEqual({ value: '新' });
    expect(again.sheets.map((x) => [x.name, x.state])).toEqual([['前缀表', undefined], ['新表', 'hidden']]);
  });

  it('number formats by style, built-in and custom; merges; sheet states', async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.000"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="170"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const host = await XlsxFileHost.fromBuffer(
      handPackage(
        [
          { name: 'A', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>1</v></c><c r="C1" s="3"><v>44926</v></c><c r="D1" s="2"/></row>', { after: '<mergeCells count="1"><mergeCell ref="A5:C6"/></mergeCells>' }) },
          { name: 'B', xml: sheetXml(''), state: 'hidden' },
          { name: 'C', xml: sheetXml(''), state: 'veryHidden' },
        ],
        { styles },
      ),
    );
    const wb = await host.read();
    const s = wb.sheets[0];
    expect(cellAt(s, 1, 1)).toEqual({ value: 0.5, numFmt: '0.00%' });
    expect(cellAt(s, 1, 2)).toEqual({ value: 1, numFmt: '0.000' });
    expect(cellAt(s, 1, 3)).toEqual({ value: 44926, numFmt: 'mm-dd-yy' });
    expect(cellAt(s, 1, 4)).toEqual({ value: null, numFmt: '0.000' });
    expect(s.merges).toEqual([{ top: 5, left: 1, bottom: 6, right: 3 }]);
    expect(wb.sheets.map((x) => x.state)).toEqual([undefined, 'hidden', 'veryHidden']);
  });

  it('only the values of a merge’s top-left cell are read', async () => {
    const s = await readOne('<row r="1"><c r="A1" t="inlineStr"><is><t>主</t></is></c><c r="B1" t="inlineStr"><is><t>藏</t></is></c></row>', {}, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
    expect(cellAt(s, 1, 1)?.value).toBe('主');
    expect(cellAt(s, 1, 2)).toBeNull();
  });
});

describe('files that cannot be read', () => {
  it('says why, in Chinese', async () => {
    await expect(XlsxFileHost.fromBuffer(Buffer.from('hello'))).rejects.toMatchObject({ reason: 'csv' });
    await expect(XlsxFileHost.fromBuffer(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toMatchObject({ reason: 'not_xlsx' });
    await expect(XlsxFileHost.fromBuffer(compoundFile(['EncryptionInfo', 'EncryptedPackage']))).rejects.toMatchObject({ reason: 'encrypted' });
    await expect(XlsxFileHost.fromBuffer(compoundFile(['Workbook']), '旧表.xls')).rejects.toMatchObject({ reason: 'legacy' });
    await expect(XlsxFileHost.fromBuffer(compoundFile(['WordDocument']))).rejects.toMatchObject({ reason: 'not_xlsx' });
    await expect(XlsxFileHost.fromBuffer(zipParts({ 'a.txt': 'x' }))).rejects.toMatchObject({ reason: 'corrupt' });
    const broken = handPackage([{ name: 'S', xml: '<worksheet><sheetData><row></worksheet>' }]);
    const host = await XlsxFileHost.fromBuffer(broken, '坏.xlsx');
    const err = await host.read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileOpenError);
    expect((err as FileOpenError).message).toContain('坏.xlsx');
    await expect(XlsxFileHost.open('/nonexistent/x.xlsx')).rejects.toMatchObject({ reason: 'not_found' });
  });

  it('refuses more cells than the limit, naming the limit and the sheet', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: '大表', xml: sheetXml(rows) }]), 'big.xlsx', { partBytes: 1e8, sheetBytes: 1e8, cells: 20 });
    const err = (await host.read().catch((e: unknown) => e)) as FileOpenError;
    expect(err.reason).toBe('too_large');
    expect(err.message).toContain('大表');
    expect(err.message).toContain('20');
  });

  it('refuses a part larger than the limit before inflating it', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const host = await XlsxFileHost.fromBuffer(handPackage([{ name: '大表', xml: sheetXml(rows) }]), 'big.xlsx', { partBytes: 1e8, sheetBytes: 10_000, cells: 1e6 });
    await expect(host.read()).rejects.toMatchObject({ reason: 'too_large' });
  });
});
