/**
 * A revised table through the whole product without a line of code outside src/rules: the
 * made-up test edition (test/helpers/test-edition.ts: 分值 moved, a benchmark changed, an indicator
 * replaced) loaded from JSON, then recognition, scores, fill, review, the blank template and
 * LibreOffice's recalculation of the written formulas; and the same workbooks under the built-in
 * edition, where what the revision changed is not recognized or is reported.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { scoreCohort } from '../../src/engine';
import { builtIn, compareEditions, tables, type Edition } from '../../src/rules';
import { readEdition } from '../../src/rules/load';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { checkWorkbook, loadRules, templateBatch, type AnalyzeOptions } from '../../src/workbook';
import { a1 } from '../../src/workbook/core/address';
import { cellAt } from '../../src/workbook/core/model';
import { check, fill, libreOfficeProfile, recalc, stripCachedResults, cell } from '../helpers/workbook';
import { testEdition, testEditionJson } from '../helpers/test-edition';

function loaded(): { edition: Edition; options: AnalyzeOptions } {
  const r = loadRules(testEditionJson());
  if (!r.ok) throw new Error(r.message);
  return { edition: r.edition, options: { editions: r.editions } };
}

/** A cohort table in the edition's own words: one row per platform, one column per input. */
function cohortWorkbook(edition: Edition, platforms: number): { wb: ExcelJS.Workbook; values: (number | null)[][][] } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('培育名单数据');
  ws.getCell(1, 1).value = '序号';
  ws.getCell(1, 2).value = '平台名称';
  let col = 3;
  const cols: number[][] = [];
  for (const ind of edition.indicators) {
    cols.push(ind.inputs.map((f) => {
      ws.getCell(1, col).value = ind.inputs.length === 1 ? `${ind.shortName}${f.unit && f.kind === 'amount' ? `(${f.unit})` : ''}` : f.label;
      return col++;
    }));
  }
  const values: (number | null)[][][] = [];
  for (let p = 0; p < platforms; p++) {
    const row = p + 2;
    ws.getCell(row, 1).value = p + 1;
    ws.getCell(row, 2).value = `测试平台${p + 1}`;
    values.push(
      edition.indicators.map((ind, i) =>
        ind.inputs.map((f, fi) => {
          const v = f.kind === 'share' ? 0.5 + p * 0.05 : f.kind === 'yesno' ? (p + fi) % 2 : f.kind === 'count' ? (p + i) % 3 : f.kind === 'score' ? 80 + p : 10 + p * 3 + i;
          ws.getCell(row, cols[i][fi]).value = v;
          return v;
        }),
      ),
    );
  }
  return { wb, values };
}

describe('a revised edition, loaded from JSON, goes through every step', () => {
  it('reads back from its JSON as the same data, and names what it changes', () => {
    const r = readEdition(testEditionJson());
    expect(r.ok).toBe(true);
    const d = compareEditions(tables.annual, testEdition()).map((x) => x.kind);
    expect(d).toEqual(['points', 'points', 'parameter', 'standard', 'replaced']);
    const l = loadRules(testEditionJson());
    expect(l.ok && l.note).toBe(
      '年度评价按加载的评分规则“测试用修订 2024 年测试版”(annual-2024-test):与 2020 年版相比,第 1 项分值 10→9,第 2 项分值 5→6,第 2 项基准 80%→70%,第 2 项“主导产业集聚度”的评分标准文字不同,第 8 项“设立专项产业基金”换为“年度新增上市企业”',
    );
  });

  it('recognition reads the replaced indicator by its new words, and scores are the engine’s over the edition', async () => {
    const { edition, options } = loaded();
    const { wb, values } = cohortWorkbook(edition, 4);
    const r = await check(wb, options);
    expect(r.analysis.tables).toHaveLength(1);
    const t = r.analysis.tables[0];
    expect(t.table).toBe(edition);
    const roles = t.layout.columns[0].decisions.map((d) => d.role);
    expect(roles).toContainEqual({ kind: 'input', indicator: 7, field: 0 });
    const expected = scoreCohort(edition, values);
    t.platforms.forEach((p, pi) => {
      p.indicators.forEach((x, i) => expect(x.score).toBeCloseTo(expected[pi].indicators[i].ok ? (expected[pi].indicators[i] as { score: number }).score : NaN, 12));
      expect(p.total.score).toBeCloseTo(expected[pi].total as number, 12);
    });
    // 集聚度 at 50% and 55% against 70%, of 6
    expect(t.platforms[0].indicators[1].score).toBeCloseTo((0.5 / 0.7) * 6, 12);
  });

  it('under the built-in edition the new indicator’s column is not read as any input', async () => {
    const { edition } = loaded();
    const { wb } = cohortWorkbook(edition, 4);
    const r = await check(wb);
    const t = r.analysis.tables[0];
    expect(t.table).toBe(tables.annual);
    const d = t.layout.columns[0].decisions.find((x) => x.header === '年度新增上市企业');
    expect(d?.role.kind).not.toBe('input');
    // and indicator 8 of 2020 (专项产业基金) has no column: not scored, said so
    expect(t.platforms[0].indicators[7].score).toBeNull();
  });

  it('fill writes native formulas of the edition (never WANMU.*, which carry the built-in one); LibreOffice computes the engine’s scores', async () => {
    const { edition, options } = loaded();
    const { wb } = cohortWorkbook(edition, 5);
    for (const style of ['native', 'wanmu'] as const) {
      const { result, file, after } = await fill(wb, { style, replace: false }, options);
      const formulas = result.plan.batch.cells.map((c) => c.formula ?? '').filter((f) => f !== '');
      expect(formulas.length).toBeGreaterThan(0);
      expect(formulas.some((f) => f.includes('WANMU.'))).toBe(false);
      expect(formulas.some((f) => f.includes('/0.7*6'))).toBe(true);
      if (style !== 'native') continue;
      // the review of the filled workbook under the edition: every written formula is right
      const again = await checkWorkbook(await XlsxFileHost.open(file), options);
      expect(again.findings.filter((f) => f.code === 'score_mismatch' || f.code === 'missing_cap')).toEqual([]);
      // under the built-in edition, the formulas that follow the revision are reported
      const builtInReview = await checkWorkbook(await XlsxFileHost.open(file));
      expect(builtInReview.findings.some((f) => f.code === 'score_mismatch')).toBe(true);
      // LibreOffice recalculates what was written
      execFileSync('soffice', ['--version'], { stdio: 'pipe' });
      const recalculated = await (await XlsxFileHost.open(recalc(await stripCachedResults(file), libreOfficeProfile()))).read();
      let compared = 0;
      for (const p of result.analysis.tables[0].platforms) {
        for (const x of [...p.indicators.map((r) => ({ ref: r.place.ref, score: r.score })), { ref: p.total.place.ref, score: p.total.score }]) {
          if (!x.ref || x.score === null) continue;
          const v = cell(recalculated, x.ref.sheet, a1(x.ref.row, x.ref.col))?.value;
          expect(typeof v === 'number' && Math.abs(v - x.score) <= 1e-12 * Math.max(1, Math.abs(x.score))).toBe(true);
          compared++;
        }
      }
      expect(compared).toBe(5 * 16);
      expect(after.sheets.length).toBeGreaterThan(1);
    }
  });

  it('the blank template is the edition’s table, checked clean against it and reported against the built-in one', async () => {
    const { edition, options } = loaded();
    const host = XlsxFileHost.empty();
    await host.write(templateBatch(edition, 2), []);
    const wb = await host.read();
    const sheet = wb.sheets[0];
    const texts: string[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) for (let c = 1; c <= sheet.colCount; c++) {
      const v = cellAt(sheet, r, c)?.value;
      if (typeof v === 'string') texts.push(v);
    }
    expect(texts).toContain('年度新增上市企业(家)');
    expect(texts).not.toContain('设立专项产业基金(支)');
    const own = await checkWorkbook(host, options);
    const textCodes = ['number_changed', 'points_changed', 'name_changed', 'standard_changed', 'unknown_indicator', 'missing_indicator'];
    expect(own.findings.filter((f) => textCodes.includes(f.code))).toEqual([]);
    expect(own.analysis.tables[0].table).toBe(edition);
    const builtInCheck = await checkWorkbook(host);
    expect(builtInCheck.findings.filter((f) => f.code === 'points_changed').map((f) => (f.facts as { indicator: number }).indicator).sort()).toEqual([1, 2]);
    expect(builtIn.tableFor('annual')).toBe(tables.annual);
    expect(cellAt(sheet, 2, 1)?.value).toBe(edition.title);
  });
});
