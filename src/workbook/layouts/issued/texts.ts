/** The words the issued-table layout writes into a workbook or names columns with. */
import { vocabulary } from '../../../rules';

/** Name of a platform column a template adds (平台1, 平台2 …). */
export function renderTemplatePlatform(index: number): string {
  return `平台${index + 1}`;
}

/** Hint after a 其中 row's label in a template: (是/否), (空白按0.59). */
export function renderTemplateHint(kind: 'yesno' | 'default' | 'none', defaultValue?: number): string {
  if (kind === 'yesno') return `(${vocabulary.answers.yes[0]}/${vocabulary.answers.no[0]})`;
  if (kind === 'default' && defaultValue !== undefined) return `(空白按${defaultValue})`;
  return '';
}

/** Name of an issued table's unnamed value column (the sheet's name, or 表名第2列 when several). */
export function renderUnnamedColumn(sheet: string, index: number, of: number): string {
  return of === 1 ? sheet : `${sheet}第${index + 1}列`;
}
