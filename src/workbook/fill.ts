/**
 * The fill plan: which cells get which score formula or value. Never overwrites a non-empty
 * cell wanmu did not write unless asked (replace), and then records what was there.
 * Scores (cached results, values) come from the analysis, i.e. from the engine.
 */
import { vocabulary } from '../rules';
import { a1 } from './address';
import { cohortCells, RECORD_SHEET, type Analysis, type TableResult } from './analyze';
import { cohortText, nativeFormula, refText, sumFormula, wanmuFormula, type FormulaStyle } from './formulas';
import { resultSheet, type CellRef } from './layout';
import { cellAt, isEmptyCell, sheetsByName, type CellWrite, type Finding, type SheetData, type WriteBatch } from './model';
import { cellText } from './text';

export interface FillOptions {
  readonly style: FormulaStyle;
  readonly replace: boolean;
}

export interface Replaced {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string;
  readonly formula: string;
}

export interface FillPlan {
  readonly batch: WriteBatch;
  readonly findings: readonly Finding[];
  readonly replaced: readonly Replaced[];
  /** Cells written, for reporting. */
  readonly written: number;
}

const SCORE_FORMAT = '0.00';

export function planFill(analysis: Analysis, options: FillOptions): FillPlan {
  const sheets = sheetsByName(analysis.workbook);
  const cells: CellWrite[] = [];
  const addSheets: { name: string }[] = [];
  const columnWidths: { sheet: string; col: number; width: number }[] = [];
  const findings: Finding[] = [];
  const replaced: Replaced[] = [];
  const claimed = new Set<string>();

  /** Whether a cell may be written; records what it held when replacing. */
  const mayWrite = (ref: CellRef, formula: string | undefined): boolean => {
    const key = `${ref.sheet}!${a1(ref.row, ref.col)}`;
    if (claimed.has(key)) return false;
    const sheet = sheets.get(ref.sheet);
    const cell = sheet ? cellAt(sheet, ref.row, ref.col) : null;
    if (isEmptyCell(cell) || (formula !== undefined && cell?.formula === formula)) {
      claimed.add(key);
      return true;
    }
    if (!options.replace) {
      findings.push({ severity: 'info', code: 'kept_existing', message: `单元格已有内容,未覆盖(如需按官方规则重写,请使用 --replace,原内容会记录在“${RECORD_SHEET}”表中)`, sheet: ref.sheet, cell: a1(ref.row, ref.col) });
      return false;
    }
    replaced.push({ sheet: ref.sheet, cell: a1(ref.row, ref.col), value: cellText(cell?.value ?? null), formula: cell?.formula ? `=${cell.formula}` : '' });
    claimed.add(key);
    return true;
  };

  const put = (ref: CellRef, formula: string | undefined, result: number, isNew: boolean) => {
    const common = { sheet: ref.sheet, row: ref.row, col: ref.col, ...(isNew ? { numFmt: SCORE_FORMAT } : {}) };
    cells.push(formula !== undefined && options.style !== 'values' ? { ...common, formula, result } : { ...common, value: result });
  };

  // The cohort range of each 无量纲化 indicator, computed once per table and target sheet.
  const cohorts = new Map<string, string | undefined>();
  const cohortOf = (t: TableResult, i: number, target: string): string | undefined => {
    const key = `${t.layout.sheet}\u0000${i}\u0000${target}`;
    if (!cohorts.has(key)) cohorts.set(key, cohortText(target, cohortCells(t, i)));
    return cohorts.get(key);
  };

  for (const t of analysis.tables) {
    writeArea(t, cells, addSheets, columnWidths);
    t.platforms.forEach((p) => {
      const placed: (CellRef | null)[] = [];
      for (const r of p.indicators) {
        const ref = r.place.ref;
        if (!ref || r.score === null) {
          placed.push(null);
          continue;
        }
        const inputs = {
          refs: r.inputs.map((c) => (c ? refText(ref.sheet, c) : null)),
          cohort: r.indicator.rule.kind === 'normalized' ? cohortOf(t, r.indicator.number - 1, ref.sheet) : undefined,
        };
        let formula: string | undefined;
        if (options.style !== 'values') {
          formula = r.textInputs ? undefined : options.style === 'wanmu' ? wanmuFormula(t.table.id, r.indicator, inputs) ?? nativeFormula(r.indicator, inputs) : nativeFormula(r.indicator, inputs);
          if (formula === undefined) {
            findings.push({ severity: 'info', code: 'value_instead_of_formula', message: `“${r.indicator.shortName}”的输入是文本或位置不规则,得分以数值写入;将输入改为数值后重新填写即可得到公式`, sheet: ref.sheet, cell: a1(ref.row, ref.col) });
          }
        }
        const wrote = mayWrite(ref, formula);
        if (wrote) put(ref, formula, r.score, !r.place.existing);
        // A sum may only add cells that hold the official score: those written here.
        placed.push(wrote ? ref : null);
      }
      const sumOf = (target: CellRef, idx: number[]): string | undefined => {
        const refs = idx.map((i) => placed[i]);
        if (refs.some((x) => x === null)) {
          if (options.style !== 'values') {
            findings.push({ severity: 'info', code: 'value_instead_of_formula', message: '合计引用的得分单元格中有未由本工具填写的内容,合计以官方得分的数值写入', sheet: target.sheet, cell: a1(target.row, target.col) });
          }
          return undefined;
        }
        return sumFormula(refs.map((x) => refText(target.sheet, x as CellRef)));
      };
      p.groups.forEach((g, gi) => {
        const ref = g.place.ref;
        if (!ref || g.score === null) return;
        const idx = t.table.indicators.map((ind, i) => (ind.group === gi ? i : -1)).filter((i) => i >= 0);
        const formula = sumOf(ref, idx);
        if (mayWrite(ref, formula)) put(ref, formula, g.score, !g.place.existing);
      });
      const tr = p.total.place.ref;
      if (tr && p.total.score !== null) {
        const formula = sumOf(tr, t.table.indicators.map((_, i) => i));
        if (mayWrite(tr, formula)) put(tr, formula, p.total.score, !p.total.place.existing);
      }
    });
  }

  if (replaced.length > 0) recordReplaced(sheets.get(RECORD_SHEET), replaced, cells, addSheets);
  return { batch: { addSheets, deleteSheets: [], cells, merges: [], columnWidths }, findings, replaced, written: cells.length };
}

/** Headers of a new score area. */
function writeArea(t: TableResult, cells: CellWrite[], addSheets: { name: string }[], widths: { sheet: string; col: number; width: number }[]): void {
  const area = t.layout.area;
  if (area.kind === 'sheet') {
    if (t.layout.platforms.length === 0) return;
    addSheets.push({ name: area.name });
    const s = area.name;
    const L = resultSheet;
    const header = L.headerRow;
    cells.push({ sheet: s, row: L.titleRow, col: L.nameCol, value: `${t.table.shortName}得分(万亩千亿评分助手按${t.table.attachment}计算,数据来自“${t.layout.sheet}”)`, bold: true });
    cells.push({ sheet: s, row: header, col: L.nameCol, value: vocabulary.platformColumns[0], bold: true });
    widths.push({ sheet: s, col: L.nameCol, width: 24 });
    t.table.indicators.forEach((ind, i) => cells.push({ sheet: s, row: header, col: L.indicatorCol(i), value: `${ind.shortName}${vocabulary.scoreSuffixes[0]}(${ind.points}分)`, bold: true }));
    t.table.groups.forEach((g, gi) => cells.push({ sheet: s, row: header, col: L.groupCol(t.table, gi), value: `${g.name}${vocabulary.scoreSuffixes[0]}(${g.weight}分)`, bold: true }));
    cells.push({ sheet: s, row: header, col: L.totalCol(t.table), value: vocabulary.total[1], bold: true });
    t.platforms.forEach((p, pi) => cells.push({ sheet: s, row: L.firstRow + pi, col: L.nameCol, value: p.name }));
  } else if (area.kind === 'columns') {
    t.platforms.forEach((p, pi) => {
      if (p.indicators.some((r) => r.place.existing)) return;
      const generic = p.name === t.layout.sheet;
      cells.push({ sheet: area.sheet, row: area.headerRow, col: area.firstCol + pi, value: generic ? vocabulary.scoreColumns[0] : `${p.name}${vocabulary.scoreSuffixes[0]}`, bold: true });
    });
  }
}

function recordReplaced(existing: SheetData | undefined, replaced: readonly Replaced[], cells: CellWrite[], addSheets: { name: string }[]): void {
  let row = existing ? existing.rowCount + 1 : 1;
  if (!existing) {
    addSheets.push({ name: RECORD_SHEET });
    ['工作表', '单元格', '原值', '原公式'].forEach((h, i) => cells.push({ sheet: RECORD_SHEET, row: 1, col: i + 1, value: h, bold: true }));
    row = 2;
  }
  for (const r of replaced) {
    [r.sheet, r.cell, r.value, r.formula].forEach((v, i) => cells.push({ sheet: RECORD_SHEET, row, col: i + 1, value: v }));
    row++;
  }
}
