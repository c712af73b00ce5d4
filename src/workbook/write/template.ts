/**
 * Blank tables: the layout that has a template makes them (the issued 附件2/附件3 table, title
 * rows, the official columns verbatim, 其中 rows, one value and one score column per platform,
 * a 合计 row); it passes its own check.
 */
import type { EvaluationTable } from '../../rules';
import { templateLayout } from '../layouts';
import type { WriteBatch } from '../core/model';

/** Most platforms a blank table is made for (the command line and the pane both allow 1 to this). */
export const MAX_TEMPLATE_PLATFORMS = 500;

/** A blank table of an edition (`table`) for `platforms` platforms. */
export function templateBatch(table: EvaluationTable, platforms: number, sheetName?: string): WriteBatch {
  return templateLayout().template(table, platforms, sheetName);
}
