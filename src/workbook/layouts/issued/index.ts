/**
 * The issued layout (附件2/附件3 as issued, vertical), and its variant the plain matrix: claims every offered sheet whose header has
 * 序号, 二级指标 and 评分标准 or 分值, unless the user's mapping gives the sheet cohort roles.
 */
import type { Layout, Recognition, RecognizeInput, SheetReading, TableLayout } from '../../contract/layout';
import { placeInColumns, writeColumns } from './area';
import { issuedReads } from './reads';
import { recognizeIssuedTable, type Variant } from './recognize';
import { templateBatch } from './template';

function recognizer(variant: Variant): (input: RecognizeInput) => Recognition {
  return (input) => recognize(input, variant);
}

function recognize(input: RecognizeInput, variant: Variant): Recognition {
  const tables: TableLayout[] = [];
  const readings: SheetReading[] = [];
  for (const sheet of input.sheets) {
    const opts = input.options(sheet.name);
    // a mapping that names cohort roles (platform, inputs, scores …) settles the sheet as a cohort
    const cohortMapped = Object.values(opts?.columns ?? {}).some((r) => r.kind !== 'ignored' && r.kind !== 'note');
    if (cohortMapped) continue;
    const t = recognizeIssuedTable(sheet, input.profiles.merge(sheet), opts?.issued, variant);
    if (!t) continue;
    tables.push(t);
    readings.push({ sheet: sheet.name, role: variant, scores: null });
  }
  return { tables, readings, findings: [] };
}

/** Where scores go and which cells their formulas may read: the same for both variants. */
const indicatorsDown = { place: placeInColumns, writeArea: writeColumns, allowedReads: issuedReads } as const;

export const issuedLayout: Layout<'issued'> = {
  kind: 'issued',
  names: { cli: '发文表格式', pane: '发文表格式' },
  sheetRoles: { issued: '发文表格式的评价表' },
  recognize: recognizer('issued'),
  ...indicatorsDown,
  template: templateBatch,
};

/**
 * The matrix: indicators and their 其中 items down the rows, platforms across the columns, without
 * the issued table's 评分标准 and 分值 (so no official text is checked); values and scores in a
 * platform's own 数据 | 得分 pair or in a 数据 block and a 得分 block. Recognized when most of an
 * evaluation's indicators are named in its rows. Scores go where the issued table's go.
 */
export const matrixLayout: Layout<'matrix'> = {
  kind: 'matrix',
  names: { cli: '指标×平台矩阵', pane: '指标×平台矩阵(指标在行、平台在列)' },
  sheetRoles: { matrix: '指标×平台矩阵(指标在行、平台在列)' },
  recognize: recognizer('matrix'),
  ...indicatorsDown,
};
