/**
 * The issued layout (附件2/附件3 as issued, vertical): claims every offered sheet whose header has
 * 序号, 二级指标 and 评分标准 or 分值, unless the user's mapping gives the sheet cohort roles.
 */
import type { Layout, Recognition, RecognizeInput, SheetReading, TableLayout } from '../layout';
import { placeInColumns, writeColumns } from './area';
import { issuedReads } from './reads';
import { recognizeIssuedTable } from './recognize';
import { templateBatch } from './template';

function recognize(input: RecognizeInput): Recognition {
  const tables: TableLayout[] = [];
  const readings: SheetReading[] = [];
  for (const sheet of input.sheets) {
    const opts = input.options(sheet.name);
    // a mapping that names cohort roles (platform, inputs, scores …) settles the sheet as a cohort
    const cohortMapped = Object.values(opts?.columns ?? {}).some((r) => r.kind !== 'ignored' && r.kind !== 'note');
    if (cohortMapped) continue;
    const t = recognizeIssuedTable(sheet, input.profiles.merge(sheet), opts?.issued);
    if (!t) continue;
    tables.push(t);
    readings.push({ sheet: sheet.name, role: 'issued', scores: null });
  }
  return { tables, readings, findings: [] };
}

export const issuedLayout: Layout = {
  kind: 'issued',
  names: { cli: '发文表格式', pane: '发文表格式' },
  recognize,
  place: placeInColumns,
  writeArea: writeColumns,
  allowedReads: issuedReads,
  template: templateBatch,
};
