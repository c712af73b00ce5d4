/**
 * A blank workbook laid out as the issued table (附件2 or 附件3), ready to fill: title rows, the
 * official columns verbatim, "其中:" rows for indicators scored by category, one value and one
 * score column per platform, and a 合计 row. It passes its own check.
 */
import { absentMeansDefault, vocabulary, type EvaluationTable } from '../../../rules';
import { renderTemplateHint, renderTemplatePlatform } from './texts';
import type { CellWrite, WriteBatch } from '../../core/model';
import { usesComponentRows } from '../../contract/layout';

export function templateBatch(t: EvaluationTable, platforms: number, sheetName?: string): WriteBatch {
  const sheet = sheetName ?? t.shortName;
  const cells: CellWrite[] = [];
  const merges: { sheet: string; range: { top: number; left: number; bottom: number; right: number } }[] = [];
  const widths = [18, 6, 30, 48, 6, 30];
  const c = vocabulary.columns;
  const fixed = [c.group[0], c.number[0], c.name[0], c.standard[0], c.points[0], t.responsibilityHeader];
  const lastCol = fixed.length + platforms * 2;
  cells.push({ sheet, row: 1, col: 1, value: t.attachment, bold: true });
  cells.push({ sheet, row: 2, col: 1, value: t.title, bold: true });
  merges.push({ sheet, range: { top: 2, left: 1, bottom: 2, right: lastCol } });
  const header = 3;
  fixed.forEach((h, i) => cells.push({ sheet, row: header, col: i + 1, value: h, bold: true }));
  for (let p = 0; p < platforms; p++) {
    const name = platforms === 1 ? vocabulary.valueColumns[0] : renderTemplatePlatform(p);
    const score = platforms === 1 ? vocabulary.scoreColumns[0] : `${name}${vocabulary.scoreSuffixes[0]}`;
    cells.push({ sheet, row: header, col: 7 + p * 2, value: name, bold: true });
    cells.push({ sheet, row: header, col: 8 + p * 2, value: score, bold: true });
  }
  let row = header + 1;
  let groupStart = row;
  t.indicators.forEach((ind, i) => {
    if (i === 0 || t.indicators[i - 1].group !== ind.group) groupStart = row;
    cells.push({ sheet, row, col: 2, value: ind.number });
    cells.push({ sheet, row, col: 3, value: ind.name });
    cells.push({ sheet, row, col: 4, value: ind.standard });
    cells.push({ sheet, row, col: 5, value: ind.points });
    cells.push({ sheet, row, col: 6, value: ind.responsibility });
    const shareFormat = (r: number, kind: string) => {
      if (kind !== 'share') return;
      for (let p = 0; p < platforms; p++) cells.push({ sheet, row: r, col: 7 + p * 2, value: null, numFmt: '0.00%' });
    };
    const components = usesComponentRows(ind) ? ind.inputs : ind.inputs.slice(1);
    if (!usesComponentRows(ind)) shareFormat(row, ind.inputs[0].kind);
    row++;
    for (const f of components) {
      const hint = renderTemplateHint(f.kind === 'yesno' ? 'yesno' : absentMeansDefault(f) ? 'default' : 'none', f.defaultValue);
      cells.push({ sheet, row, col: 3, value: `${vocabulary.componentPrefixes[0]}${f.label}${hint}` });
      shareFormat(row, f.kind);
      row++;
    }
    const last = i === t.indicators.length - 1 || t.indicators[i + 1].group !== ind.group;
    if (last) {
      cells.push({ sheet, row: groupStart, col: 1, value: t.groups[ind.group].text });
      if (row - 1 > groupStart) merges.push({ sheet, range: { top: groupStart, left: 1, bottom: row - 1, right: 1 } });
    }
  });
  cells.push({ sheet, row, col: 1, value: vocabulary.total[0], bold: true });
  cells.push({ sheet, row, col: 5, value: t.indicators.reduce((s, ind) => s + ind.points, 0) });
  return {
    addSheets: [{ name: sheet }],
    deleteSheets: [],
    cells,
    merges,
    columnWidths: [...widths.map((width, i) => ({ sheet, col: i + 1, width })), ...Array.from({ length: platforms * 2 }, (_, i) => ({ sheet, col: 7 + i, width: 12 }))],
    sheetLayouts: [],
  };
}
