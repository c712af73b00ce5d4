/**
 * Writes the bundled examples (committed):
 *  - examples/年度评价-培育名单.xlsx: a wide cohort table of 12 platforms, with a few typical faults;
 *  - examples/验收评价-平台自评.xlsx: the issued 附件2 table with a self-assessed score column
 *    containing typical hand-written formula mistakes.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { acceptanceVerticalWorkbook, annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../test/fixtures/workbooks';

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../examples');
  const wide = annualWideWorkbook(annualRows(12));
  const ws = wide.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
  ws.getCell(`D${WIDE_FIRST_ROW + 3}`).value = '86%'; // a share typed as text
  ws.getCell(`O${WIDE_FIRST_ROW + 5}`).value = '１２'; // full-width digits
  ws.getCell(`D${WIDE_FIRST_ROW + 7}`).value = 91; // 91 typed for 91%
  await wide.xlsx.writeFile(path.join(dir, '年度评价-培育名单.xlsx'));

  const { wb, rowOf } = acceptanceVerticalWorkbook({ scoreHeader: '自评得分' });
  const v = wb.getWorksheet('验收评价') as ExcelJS.Worksheet;
  const r = (n: number) => rowOf.get(n) as number;
  v.getCell(`H${r(1)}`).value = { formula: `G${r(1)}/1000*10`, result: 11.8 } as ExcelJS.CellFormulaValue; // missing cap
  v.getCell(`H${r(2)}`).value = { formula: `MIN(10,G${r(2)}/0.8*10)`, result: 9 } as ExcelJS.CellFormulaValue; // correct
  v.getCell(`H${r(7)}`).value = 5; // typed constant
  await wb.xlsx.writeFile(path.join(dir, '验收评价-平台自评.xlsx'));
}

void main();
