/**
 * One workbook of each registered layout's shape, as an office makes it, for the layout contract
 * suite. A new layout adds its sample here: the Record type makes a missing one a compile error.
 */
import ExcelJS from 'exceljs';
import type { LayoutKind } from '../../src/workbook/layouts';
import { acceptanceVerticalWorkbook, ANNUAL_HEADER, annualRows, annualWideWorkbook, type Cell } from '../fixtures/workbooks';

function put(ws: ExcelJS.Worksheet, row: number, col: number, v: Cell): void {
  if (v !== null) ws.getCell(row, col).value = v as ExcelJS.CellValue;
}

/** The annual data of a few platforms as a matrix: indicators and 其中 rows down, platforms across. */
export function annualMatrixWorkbook(platforms = 4): ExcelJS.Workbook {
  const rows = annualRows(platforms, 11);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年度评价');
  ws.getCell(1, 1).value = '2024年度“万亩千亿”新产业平台年度评价指标完成情况表';
  put(ws, 3, 1, '序号');
  put(ws, 3, 2, '指标');
  rows.forEach((p, pi) => put(ws, 3, 3 + pi, p.name));
  let r = 4;
  let k = 0;
  ANNUAL_HEADER.forEach(([name, children], i) => {
    put(ws, r, 1, i + 1);
    put(ws, r, 2, name);
    if (children.length === 0) {
      rows.forEach((p, pi) => put(ws, r, 3 + pi, p.values[k]));
      k++;
      r++;
      return;
    }
    r++;
    for (const child of children) {
      put(ws, r, 2, `其中:${child}`);
      rows.forEach((p, pi) => put(ws, r, 3 + pi, p.values[k]));
      k++;
      r++;
    }
  });
  put(ws, r + 1, 1, '填报单位:某市发展和改革委员会');
  return wb;
}

export const samples: { readonly [K in LayoutKind]: () => ExcelJS.Workbook } = {
  issued: () => acceptanceVerticalWorkbook().wb,
  matrix: () => annualMatrixWorkbook(),
  cohort: () => annualWideWorkbook(annualRows(6)),
};
