/**
 * Parameter and lookup sheets: labelled constants — 分值 caps, the 0.8 基准值, 系数, 权重 — that
 * score formulas refer to (=MIN(参数!$C$3, …)). Such a sheet is not a platform table: it is claimed
 * here, before the layouts that read tables, so that no "platform" named 基准值 is scored. Score
 * formulas that take their constants from it are reviewed by their values like any formula.
 */
import { vocabulary } from '../../../rules';
import { finding, type Finding } from '../../findings/codes';
import { isNoteHeader, isPlatformHeader, isScoreHeader, isValueHeader, layoutColumn } from '../../read/matching';
import type { SheetData } from '../../core/model';
import type { MergeIndex } from '../../read/profile';
import { headerKey } from '../../core/text';
import type { Recognition, RecognizeInput, Recognizer, SheetReading } from '../../contract/layout';

const SCAN_ROWS = 10;

const inList = (t: string, list: readonly string[]) => list.some((w) => headerKey(w) === headerKey(t));

/** The header row of a parameter table: a label column and value columns headed as parameters, nothing else. */
function parameterHeader(idx: MergeIndex, sheet: SheetData): { row: number; col: number } | undefined {
  const namesParameters = vocabulary.parameterSheetWords.some((w) => sheet.name.includes(w));
  for (let r = 1; r <= Math.min(sheet.rowCount, SCAN_ROWS); r++) {
    const line = sheet.rows.get(r);
    if (!line) continue;
    let labels = 0;
    let params = 0;
    let other = 0;
    let first = 0;
    for (const [c] of line) {
      if (idx.isCovered(r, c)) continue;
      const t = idx.text(r, c).trim();
      if (t === '') continue;
      if (isPlatformHeader(t) || isValueHeader(t) || isScoreHeader(t)) return undefined;
      if (inList(t, vocabulary.parameterColumns)) {
        params++;
        if (first === 0) first = c;
      } else if (inList(t, vocabulary.parameterLabels) || layoutColumn(t) !== undefined) labels++;
      else if (!isNoteHeader(t)) other++;
    }
    if (labels >= 1 && params >= 1 && other === 0) return { row: r, col: first };
    if (namesParameters && labels >= 1 && other === 0 && params + labels >= 2) return { row: r, col: first || 1 };
  }
  return undefined;
}

function recognize(input: RecognizeInput): Recognition {
  const readings: SheetReading[] = [];
  const findings: Finding[] = [];
  for (const sheet of input.sheets) {
    const opts = input.options(sheet.name);
    if (opts?.role !== undefined || opts?.columns !== undefined || opts?.issued !== undefined) continue; // the user said what it is
    const h = parameterHeader(input.profiles.merge(sheet), sheet);
    if (!h) continue;
    readings.push({ sheet: sheet.name, role: 'parameters', scores: null });
    findings.push(finding('info', 'parameter_sheet', sheet.name, h.row, h.col, {}));
  }
  return { tables: [], readings, findings };
}

export const parameterSheets: Recognizer = { recognize, sheetRoles: { parameters: '参数表(评分公式引用的常数,不是平台表)' } };
