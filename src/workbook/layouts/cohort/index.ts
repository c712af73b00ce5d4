/**
 * The cohort layout (培育名单宽表): one row per platform. Reads every offered sheet that has a
 * platform column under a header naming fields or scores, pairs score sheets with the input sheets
 * they score, and builds one table per input sheet.
 */
import type { Finding } from '../../findings/codes';
import type { Layout, Recognition, RecognizeInput, SheetReading, TableLayout } from '../../contract/layout';
import { placeInResultSheet, writeResultSheet } from '../shared/result-sheet';
import { groupBatches } from './batches';
import { refineByReads } from './groups';
import { pairSheets } from './pairing';
import { cohortReads } from './reads';
import { readCohortSheet } from './sheet';
import { type CohortSheet } from './types';
import { buildCohortLayout } from './table';

function recognize(input: RecognizeInput): Recognition {
  const findings: Finding[] = [];
  const sheets: CohortSheet[] = [];
  for (const sheet of input.sheets) {
    const cs = readCohortSheet(sheet, input.profiles.merge(sheet), input.options(sheet.name));
    if (cs) sheets.push(cs);
  }
  const pairs = pairSheets(sheets, findings);
  for (const [score, data] of pairs) refineByReads(score, data);
  // score columns beside the inputs: what their formulas read on this row decides too
  for (const s of sheets) if (s.role === 'combined') refineByReads(s, s);
  const inputSheets = sheets.filter((s) => s.role === 'inputs' || s.role === 'combined');
  const scoreSheetsOf = new Map<CohortSheet, CohortSheet[]>();
  for (const [score, data] of pairs) {
    const list = scoreSheetsOf.get(data);
    if (list) list.push(score);
    else scoreSheetsOf.set(data, [score]);
  }
  const readings: SheetReading[] = sheets.map((s) => ({ sheet: s.sheet.name, role: s.role, scores: pairs.get(s)?.sheet.name ?? null }));
  const { groups, notes } = groupBatches(inputSheets);
  const tables: TableLayout[] = groups.map((g) =>
    buildCohortLayout(
      g,
      g.flatMap((s) => scoreSheetsOf.get(s) ?? []),
      input.taken,
      groups.length === 1,
      g.flatMap((s) => notes.get(s) ?? []),
    ),
  );
  return { tables, readings, findings };
}

export const cohortLayout: Layout<'cohort'> = {
  kind: 'cohort',
  names: { cli: '培育名单宽表', pane: '培育名单(每个平台一行)' },
  sheetRoles: { inputs: '数据表', scores: '评分表', combined: '数据和得分同表', ambiguous: '无法确定' },
  recognize,
  place: placeInResultSheet,
  writeArea: writeResultSheet,
  allowedReads: cohortReads,
};
