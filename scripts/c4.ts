import ExcelJS from 'exceljs';
import { annualRows, annualWideWorkbook } from '../test/fixtures/workbooks';
import { XlsxFileHost } from '../src/hosts/file/xlsx';
import { readCohortSheet } from '../src/workbook/layouts/cohort';
(async () => {
  const wb = annualWideWorkbook(annualRows(3));
  const ws = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
  const c = ws.columnCount + 1;
  ws.getCell(3, c).value = '组织管理';
  ws.mergeCells(3, c, 3, c + 1);
  ws.getCell(4, c).value = '小计';
  ws.getCell(4, c + 1).value = '得分';
  const host = await XlsxFileHost.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const d = await host.read();
  const cs = readCohortSheet(d.sheets[0]);
  console.log(cs?.headerRow, cs?.role, cs?.columns.map((x) => `${x.col}:${x.header}=${JSON.stringify(x.role)}`).join('\n'));
})();
