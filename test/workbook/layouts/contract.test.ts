/**
 * The layout contract suite: every registered layout, on a workbook of its shape, goes through
 * recognize → places → fill (each formula style) → recognize the filled workbook again → its
 * review finds no error → revert gives the input back exactly → LibreOffice recalculates every
 * written formula to the engine's figure. A new layout is one folder, one registry line, one
 * sample (test/helpers/layout-samples.ts) and a run of this suite.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { XlsxFileHost } from '../../../src/hosts/file/xlsx';
import { checkWorkbook, fillWorkbook, revertWorkbook } from '../../../src/workbook';
import { RECORD_SHEET } from '../../../src/workbook/core/sheets';
import { a1 } from '../../../src/workbook/core/address';
import { layouts } from '../../../src/workbook/layouts';
import type { FormulaStyle } from '../../../src/workbook/formulas/native';
import { cell, libreOfficeProfile, recalc } from '../../helpers/workbook';
import { tmp } from '../../helpers/tmp';
import { toBuffer } from '../../fixtures/workbooks';
import { samples } from '../../helpers/layout-samples';

const STYLES: readonly FormulaStyle[] = ['native', 'wanmu', 'values'];

describe('layout contract', () => {
  let profile: string;
  beforeAll(() => {
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    profile = libreOfficeProfile();
  });

  it('every registered layout has a sample, and the registry has no kind twice', () => {
    expect(layouts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(layouts.map((l) => l.kind)).size).toBe(layouts.length);
    for (const l of layouts) expect(typeof samples[l.kind]).toBe('function');
  });

  for (const layout of layouts) {
    describe(layout.kind, () => {
      let input: Buffer;
      beforeAll(async () => {
        input = await toBuffer(samples[layout.kind]());
      });

      it('recognizes its sample as one table of its kind, every platform with every input placed', async () => {
        const r = await checkWorkbook(await XlsxFileHost.fromBuffer(input));
        expect(r.analysis.tables.map((t) => t.layout.kind)).toEqual([layout.kind]);
        const t = r.analysis.tables[0];
        expect(t.platforms.length).toBeGreaterThanOrEqual(1);
        const unplaced = t.layout.platforms.flatMap((p) => t.table.indicators.flatMap((ind, i) => ind.inputs.map((f, fi) => (p.inputs[i][fi] === null && !f.optional ? `${p.name} ${ind.number}.${fi}` : '')))).filter((x) => x !== '');
        expect(unplaced).toEqual([]);
        expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(layout.names.cli.length).toBeGreaterThan(0);
      });

      for (const style of STYLES) {
        it(`fill (${style}): recognized again, no error, every score placed; revert gives the input back`, async () => {
          const host = await XlsxFileHost.fromBuffer(input);
          const before = await host.read();
          const filled = await fillWorkbook(host, { style, replace: false });
          expect(filled.plan.written).toBeGreaterThan(0);
          const out = tmp('filled.xlsx', 'wanmu-layout-');
          await host.save(out);

          const again = await checkWorkbook(await XlsxFileHost.open(out));
          expect(again.analysis.tables.map((t) => t.layout.kind)).toEqual([layout.kind]);
          const errors = again.findings.filter((f) => f.severity === 'error');
          expect(errors.map((f) => `${f.sheet}!${f.cell} ${f.code}`)).toEqual([]);
          const scored = filled.scores.filter((s) => s.score !== null);
          expect(scored.length).toBeGreaterThan(0);
          // the filled workbook's scores are read back at the places the fill wrote
          const t = again.analysis.tables[0];
          const places = t.platforms.flatMap((p) => p.indicators.filter((x) => x.score !== null).map((x) => x.place.existing));
          expect(places.length).toBeGreaterThan(0);
          expect(places.filter((x) => !x)).toEqual([]);

          const back = await XlsxFileHost.open(out);
          const reverted = await revertWorkbook(back);
          expect(reverted.exact).toBe(true);
          const restored = tmp('reverted.xlsx', 'wanmu-layout-');
          await back.save(restored);
          const after = await (await XlsxFileHost.open(restored)).read();
          expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
          for (const s of before.sheets) {
            const a = after.sheets.find((x) => x.name === s.name);
            s.rows.forEach((line, r) => line.forEach((c, col) => expect([s.name, a1(r, col), a?.rows.get(r)?.get(col)?.value ?? null]).toEqual([s.name, a1(r, col), c.value])));
          }

          if (style !== 'native') return;
          const written = filled.plan.batch.cells.filter((c) => c.formula !== undefined && c.sheet !== RECORD_SHEET);
          expect(written.length).toBeGreaterThan(0);
          const recalculated = await (await XlsxFileHost.open(recalc(out, profile))).read();
          const wrong = written.filter((c) => {
            const v = cell(recalculated, c.sheet, a1(c.row, c.col))?.value;
            const expected = c.result as number;
            return !(typeof v === 'number' && Math.abs(v - expected) <= 1e-9 * Math.max(1, Math.abs(expected)));
          });
          expect(wrong.map((c) => `${c.sheet}!${a1(c.row, c.col)} =${c.formula} expected ${String(c.result)}`)).toEqual([]);
        });
      }
    });
  }
});

describe('docs/workbook.md', () => {
  it('has a section for every registered layout', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'workbook.md'), 'utf8');
    const headings = doc.split('\n').filter((l) => l.startsWith('### '));
    expect(layouts.length).toBeGreaterThan(0);
    for (const l of layouts) expect(headings.filter((h) => h.endsWith(`(\`${l.kind}\`)`))).toHaveLength(1);
  });
});
