/**
 * Native formulas checked by a real spreadsheet engine: fill, remove every cached result, let
 * LibreOffice (headless, always recalculating) compute the workbook, and compare every score,
 * subtotal and total cell with the engine. LibreOffice stores 15 significant digits in xlsx, so
 * values are compared at that precision (relative difference ≤ 1e-14).
 */
import { tables } from '../../src/rules';
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { a1 } from '../../src/workbook/core/address';
import { templateBatch, WorkbookSession } from '../../src/workbook';
import type { FillResult } from '../../src/workbook';
import { acceptanceVerticalWorkbook, annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { cell, fill, libreOfficeProfile, recalc, stripCachedResults, toBuffer } from '../helpers/workbook';
import { tmp } from '../helpers/tmp';


let profile: string;
beforeAll(() => {
  execFileSync('soffice', ['--version'], { stdio: 'pipe' }); // fails loudly when LibreOffice is missing
  profile = libreOfficeProfile();
});

async function verify(result: FillResult, file: string): Promise<number> {
  const recalculated = await (await XlsxFileHost.open(recalc(await stripCachedResults(file), profile))).read();
  let compared = 0;
  const expectAt = (sheet: string, ref: string, expected: number | null) => {
    if (!ref || expected === null) return;
    const c = cell(recalculated, sheet, ref);
    const v = c?.value;
    const close = typeof v === 'number' && Math.abs(v - expected) <= 1e-14 * Math.max(1, Math.abs(expected));
    expect({ sheet, ref, value: v, close }).toEqual({ sheet, ref, value: close ? v : expected, close: true });
    compared++;
  };
  for (const t of result.analysis.tables) {
    for (const p of t.platforms) {
      for (const r of p.indicators) if (r.place.ref && r.score !== null) expectAt(r.place.ref.sheet, a1(r.place.ref.row, r.place.ref.col), r.score);
      for (const g of p.groups) if (g.place.ref) expectAt(g.place.ref.sheet, a1(g.place.ref.row, g.place.ref.col), g.score);
      if (p.total.place.ref) expectAt(p.total.place.ref.sheet, a1(p.total.place.ref.row, p.total.place.ref.col), p.total.score);
    }
  }
  return compared;
}

describe('native formulas recalculated by LibreOffice equal the engine', () => {
  it('the wide annual cohort table (normalization, categories, yes/no, deductions, subtotals)', async () => {
    const { result, file } = await fill(annualWideWorkbook(annualRows(12)));
    expect(await verify(result, file)).toBe(12 * (15 + 6 + 1));
  });

  it('edge cases: yes/no spelled several ways, caps reached, an all-equal column, blanks', async () => {
    const rows = annualRows(5);
    rows.forEach((r) => (r.values[15] = 4.2)); // every 年度新型基础设施投资总额 equal
    const wb = annualWideWorkbook(rows);
    const ws = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
    const row = WIDE_FIRST_ROW;
    ws.getCell(`T${row}`).value = true;
    ws.getCell(`U${row}`).value = '√';
    ws.getCell(`V${row}`).value = 1;
    ws.getCell(`W${row}`).value = '×';
    ws.getCell(`E${row}`).value = 3; // 标志性项目 above the cap
    ws.getCell(`N${row}`).value = 7; // incubators above their sub-cap
    ws.getCell(`Y${row}`).value = 9; // related policies above their sub-cap
    ws.getCell(`AB${row}`).value = 20; // deduction below zero
    ws.getCell(`H${row + 1}`).value = null; // a blank in a 无量纲化 column
    const { result, file } = await fill(wb);
    expect(await verify(result, file)).toBe(5 * 22 - 3); // the platform with a blank loses #4, its group and its total
  });

  it('the issued acceptance table (sub-caps, 合计), with the energy benchmark blank and given', async () => {
    for (const benchmark of [null, 0.5]) {
      const { wb, componentRows } = acceptanceVerticalWorkbook();
      const benchmarkRow = (componentRows.get(5) as number[])[0];
      (wb.getWorksheet('验收评价') as ExcelJS.Worksheet).getCell(`G${benchmarkRow}`).value = benchmark;
      const { result, file, after } = await fill(wb);
      const energy = result.analysis.tables[0].platforms[0].indicators[4];
      expect(energy.score).toBeCloseTo((benchmark ?? 0.59) / 0.62 * 2, 12);
      const formula = cell(after, '验收评价', `H${benchmarkRow - 1}`)?.formula;
      expect(formula).toBe(`MIN(2,IF(G${benchmarkRow}="",0.59,G${benchmarkRow})/G${benchmarkRow - 1}*2)`);
      expect(await verify(result, file)).toBe(18);
    }
  });

  it('the issued annual table with several platforms (cohort across columns)', async () => {
    const host = XlsxFileHost.empty();
    await host.write(templateBatch(tables.annual, 3), []);
    const data = await host.read();
    const s = data.sheets[0];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((c, k) => c.value !== null && (ws.getCell(r, k).value = c.value as ExcelJS.CellValue)));
    for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    // fill each platform's value column with plausible inputs
    const values = (p: number): Record<string, number | string> => ({
      年度工业产值或者营业收入: 300 + 150 * p, 主导产业集聚度: 0.6 + 0.1 * p, 年度产业项目投资总额: 40 * (p + 1), 年度基础设施投资总额: 10 + p,
      年度新型基础设施投资总额: 2, 信息资料报送: p, 制定年度计划: p === 1 ? '否' : '是',
    });
    for (let r = 4; r <= s.rowCount; r++) {
      const name = String(ws.getCell(r, 3).value ?? '');
      for (let p = 0; p < 3; p++) {
        const key = Object.keys(values(p)).find((k) => name.startsWith(k));
        if (key) ws.getCell(r, 7 + 2 * p).value = values(p)[key];
        else if (name.startsWith('其中:') && !name.includes('是/否')) ws.getCell(r, 7 + 2 * p).value = (r + p) % 3;
        else if (name.includes('是/否')) ws.getCell(r, 7 + 2 * p).value = (r + p) % 2 ? '是' : '否';
      }
    }
    const { result, file } = await fill(wb);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(await verify(result, file)).toBe(3 * 16);
  });

  it('the 评分结果汇总 sheet the pane writes: LibreOffice ranks its totals as the ranks it shows (RANK over the figures, not their rounding)', async () => {
    const host = await XlsxFileHost.fromBuffer(await toBuffer(annualWideWorkbook(annualRows(12))));
    const session = await WorkbookSession.open(host);
    const plan = session.planResultsSheet();
    expect((await session.apply(plan)).ok).toBe(true);
    const file = tmp('ranked.xlsx', 'wanmu-rank-');
    await host.save(file);
    const recalculated = await (await XlsxFileHost.open(recalc(await stripCachedResults(file), profile))).read();
    const ranks = plan.batch.cells.filter((c) => c.formula?.startsWith('RANK('));
    expect(ranks).toHaveLength(12);
    expect(ranks.map((c) => cell(recalculated, c.sheet, a1(c.row, c.col))?.value)).toEqual(ranks.map((c) => c.result));
  });
});
