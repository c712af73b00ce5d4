/**
 * Workbooks for the file benchmarks: a sheet with every row of the grid filled, a tiny file with
 * one far cell, and a rich ~20 MB workbook (a 2,000-platform cohort with a chart, comments, a
 * large photo and a big data sheet, written by openpyxl).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbook = (name: string) => `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A one-sheet package whose sheet XML is produced in pieces (streamed into the zip). */
function streamPackage(file: string, sheetName: string, pieces: () => Iterable<string>, deflateSheet = true): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = fs.openSync(file, 'w');
    const zip = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      fs.writeSync(fd, chunk);
      if (final) {
        fs.closeSync(fd);
        resolve();
      }
    });
    const small = (name: string, text: string) => {
      const f = new ZipDeflate(name, { level: 6 });
      zip.add(f);
      f.push(strToU8(text), true);
    };
    small('[Content_Types].xml', CONTENT_TYPES);
    small('_rels/.rels', ROOT_RELS);
    small('xl/workbook.xml', workbook(sheetName));
    small('xl/_rels/workbook.xml.rels', WB_RELS);
    const sheet = deflateSheet ? new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 }) : new ZipPassThrough('xl/worksheets/sheet1.xml');
    zip.add(sheet);
    let buf = '';
    for (const p of pieces()) {
      buf += p;
      if (buf.length > 1 << 20) {
        sheet.push(strToU8(buf));
        buf = '';
      }
    }
    sheet.push(strToU8(buf), true);
    zip.end();
  });
}

/** Every row of the grid (1,048,576) with `cols` numbers. */
export function fullGridFile(file: string, cols = 6): Promise<void> {
  return streamPackage(file, '满表', function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:F1048576"/><sheetData>`;
    const letters = 'ABCDEFGHIJ';
    for (let r = 1; r <= 1048576; r++) {
      let row = `<row r="${r}" spans="1:${cols}">`;
      for (let c = 0; c < cols; c++) row += `<c r="${letters[c]}${r}"><v>${(r * 31 + c * 7) % 1000}</v></c>`;
      yield `${row}</row>`;
    }
    yield '</sheetData></worksheet>';
  });
}

/** One cell at XFD1048576 and a header, with a dimension and columns spanning the whole grid. */
export function farCellFile(file: string): Promise<void> {
  return streamPackage(file, '远', function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="16384" width="9.5" customWidth="1"/></cols><sheetData>`;
    yield '<row r="1" spans="1:16384"><c r="A1" t="inlineStr"><is><t>平台名称</t></is></c></row>';
    // formatted empty rows and styled empty cells, as in a sheet someone formatted to the bottom
    for (let r = 2; r <= 800; r++) yield `<row r="${r * 1000}" spans="1:16384" ht="${15 + (r % 7)}" customHeight="1"><c r="${colName(1 + ((r * 97) % 16384))}${r * 1000}"/></row>`;
    yield '<row r="1048576" spans="16384:16384"><c r="XFD1048576"><v>1</v></c></row>';
    yield `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  });
}

function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The rich workbook: openpyxl adds a chart, comments, a photo and a data sheet to a cohort file. */
export function richWorkbook(cohort: string, file: string, dataRows: number, photoPixels: number): void {
  const script = path.join(__dirname, 'bench-rich.py');
  execFileSync('/usr/bin/python3', [script, cohort, file, String(dataRows), String(photoPixels)], { stdio: 'pipe', timeout: 600000 });
}
