/**
 * The corpus: rich workbooks made the way offices make them, generated at test time by openpyxl
 * (Python; corpus/make_openpyxl.py), LibreOffice (through UNO; corpus/make_libreoffice.py) and
 * exceljs. Generators that are not installed are reported (see needs.ts), not faked.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { PYTHON } from './needs';

const HERE = path.join(__dirname, 'corpus');

export interface CorpusFile {
  readonly maker: string;
  readonly file: string;
}

export function openpyxlWorkbook(dir: string): string {
  const file = path.join(dir, 'openpyxl.xlsx');
  execFileSync(PYTHON, [path.join(HERE, 'make_openpyxl.py'), file], { stdio: 'pipe', timeout: 120000 });
  return file;
}

export function libreOfficeWorkbook(dir: string): string {
  const file = path.join(dir, 'libreoffice.xlsx');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-lo-corpus-'));
  try {
    execFileSync(PYTHON, [path.join(HERE, 'make_libreoffice.py'), file, profile], { stdio: 'pipe', timeout: 180000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return file;
}

/** exceljs: styles, a comment, data validation, a defined name, a hyperlink, a merge, an image. */
export async function exceljsWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '统计员';
  const ws = wb.addWorksheet('基础数据', { properties: { tabColor: { argb: 'FF00FF00' } }, pageSetup: { orientation: 'landscape' } });
  ws.addRow(['平台名称', '工业总产值(亿元)', '集聚度', '网址']);
  ws.addRow(['杭州钱塘生物医药平台', 1180.5, 0.72, { text: '官网', hyperlink: 'https://example.org/' }]);
  ws.addRow(['宁波前湾新能源汽车平台', 960.25, 0.65, null]);
  ws.addRow(['合计', { formula: 'SUM(B2:B3)', result: 2140.75 }, { formula: 'AVERAGE(C2:C3)', result: 0.685 }, null]);
  ws.getCell('C2').numFmt = '0.00%';
  ws.getCell('C3').numFmt = '0.00%';
  ws.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
  ws.getCell('A1').note = { texts: [{ text: '按发文顺序' }] } as ExcelJS.Comment;
  ws.getCell('C2').dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 1], showErrorMessage: true };
  ws.mergeCells('A6:D6');
  ws.getCell('A6').value = '数据来源:各地报送';
  wb.definedNames.add("'基础数据'!$B$2:$B$3", '产值');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex');
  const img = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(img, 'F2:G4');
  const notes = wb.addWorksheet('说明', { state: 'hidden' });
  notes.getCell('A1').value = '隐藏的说明';
  const file = path.join(dir, 'exceljs.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}
