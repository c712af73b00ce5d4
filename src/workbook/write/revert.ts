/**
 * Revert: undoes every fill recorded in the workbook (the record's format is core/record.ts).
 */
import { a1, parseA1 } from '../core/address';
import { findingAtCell, type Finding } from '../findings/codes';
import { cellAt, emptyBatch, isEmptyCell, type CellWrite, type WorkbookData, type WriteBatch } from '../core/model';
import { sameContentAs } from '../core/same';
import { RECORD_SHEET } from '../core/sheets';
import { cellHash, readRecord, resultOf, sheetFingerprint, valueOf } from '../core/record';

export interface RevertPlan {
  readonly batch: WriteBatch;
  readonly findings: readonly Finding[];
  /** Cells restored and sheets removed. */
  readonly restored: number;
  readonly removedSheets: readonly string[];
  /** Cells left as they are because the user changed them after the fill. */
  readonly skipped: number;
}

/**
 * Undoes every fill recorded in the workbook, newest first, and removes the record. A cell the
 * user changed after the fill is left as it is, with a finding at it; so is an added sheet the
 * user wrote into. `recordSheet`: the record's sheet (the workbook's own unless given).
 */
export function planRevert(workbook: WorkbookData, recordSheet: string = RECORD_SHEET): RevertPlan {
  const record = workbook.sheets.find((s) => s.name === recordSheet);
  const findings: Finding[] = [];
  if (!record) return { batch: emptyBatch(), findings: [findingAtCell('info', 'nothing_to_revert', workbook.sheets[0]?.name ?? '', 'A1', {})], restored: 0, removedSheets: [], skipped: 0 };
  const { records, damaged } = readRecord(record);
  for (const r of damaged) findings.push(findingAtCell('warning', 'revert_record_damaged', recordSheet, `A${r}`, { row: r }));
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  const cells: CellWrite[] = [];
  const deleteSheets: string[] = [];
  const done = new Set<string>();
  let skipped = 0;
  const removed = new Set<string>();
  for (const rec of [...records].reverse()) {
    for (const a of rec.addedSheets) {
      const s = sheets.get(a.name);
      if (!s) continue;
      if (sheetFingerprint(s) !== a.fingerprint) {
        // the user wrote into the sheet the fill added: it stays, with what the user changed or
        // added; the cells that still hold what the fill wrote are cleared (when the record says which)
        findings.push(findingAtCell('warning', 'sheet_changed_since_fill', a.name, 'A1', { sheet: a.name, cleared: a.rows !== undefined }));
        // the sheet itself is kept: not an exact revert
        skipped++;
        if (!a.rows) continue;
        s.rows.forEach((line, row) =>
          line.forEach((now, col) => {
            const h = a.rows?.get(row)?.get(col);
            if (h === undefined || isEmptyCell(now)) return;
            if (h === cellHash(now)) cells.push({ sheet: a.name, row, col, clear: true });
            else {
              findings.push(findingAtCell('warning', 'changed_since_fill', a.name, a1(row, col), {}));
              skipped++;
            }
          }),
        );
        removed.add(a.name);
        continue;
      }
      deleteSheets.push(a.name);
      removed.add(a.name);
    }
    for (const c of rec.cells) {
      const key = `${c.sheet}!${c.cell}`;
      if (done.has(key) || removed.has(c.sheet)) continue;
      const s = sheets.get(c.sheet);
      const at = parseA1(c.cell);
      if (!s || !at) continue;
      const now = cellAt(s, at.row, at.col);
      if (!sameContentAs(c.after, now)) {
        findings.push(findingAtCell('warning', 'changed_since_fill', c.sheet, c.cell, {}));
        done.add(key);
        skipped++;
        continue;
      }
      done.add(key);
      if (!c.before) cells.push({ sheet: c.sheet, row: at.row, col: at.col, clear: true });
      else if (c.before.formula !== undefined) cells.push({ sheet: c.sheet, row: at.row, col: at.col, formula: c.before.formula, result: resultOf(c.before.value), numFmt: c.before.numFmt ?? 'General' });
      else cells.push({ sheet: c.sheet, row: at.row, col: at.col, value: valueOf(c.before.value), numFmt: c.before.numFmt ?? 'General' });
    }
  }
  deleteSheets.push(recordSheet);
  return { batch: { ...emptyBatch(), cells, deleteSheets }, findings, restored: cells.length, removedSheets: deleteSheets.filter((n) => n !== recordSheet), skipped };
}

