/**
 * End to end on a workbook an office would send: a cohort table that openpyxl has given comments,
 * a chart, a photo and a data sheet. `fillWorkbook` writes the scores; nothing else changes, and
 * LibreOffice computes every written formula to the score written with it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { XlsxFileHost } from '../../../src/hosts/file/xlsx';
import { fillWorkbook } from '../../../src/workbook';
import { annualRows, annualWideWorkbook } from '../../fixtures/workbooks';
import { libreOfficeProfile, recalc } from '../../helpers/workbook';
import { richWorkbook } from '../../../scripts/bench-files-gen';
import { needs } from '../../helpers/needs';

const LISTING = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'docProps/app.xml', 'xl/calcChain.xml']);

needs('openpyxl').describe('fill on a rich openpyxl workbook', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-fill-rich-'));
  const cohort = path.join(dir, 'cohort.xlsx');
  const rich = path.join(dir, 'rich.xlsx');
  const out = path.join(dir, 'filled.xlsx');
  let written: { sheet: string; row: number; col: number; formula?: string; result?: unknown }[] = [];

  beforeAll(async () => {
    await annualWideWorkbook(annualRows(30)).xlsx.writeFile(cohort);
    richWorkbook(cohort, rich, 200, 64);
    const host = await XlsxFileHost.open(rich);
    const r = await fillWorkbook(host, { style: 'native', replace: false });
    written = r.plan.batch.cells.map((c) => ({ sheet: c.sheet, row: c.row, col: c.col, formula: c.formula, result: c.result }));
    expect(written.length).toBeGreaterThan(100);
    await host.save(out);
  });

  it('changes only the written sheets and the listing parts', () => {
    const a = unzipSync(fs.readFileSync(rich));
    const b = unzipSync(fs.readFileSync(out));
    const changed = Object.keys(a).filter((n) => !LISTING.has(n) && Buffer.compare(Buffer.from(a[n]), Buffer.from(b[n] ?? new Uint8Array())) !== 0);
    expect(changed.every((n) => n.startsWith('xl/worksheets/sheet'))).toBe(true);
    // the scores went somewhere: into sheets the fill added (the cohort's sheets are left as they were)
    const added = Object.keys(b).filter((n) => !(n in a));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((n) => n.startsWith('xl/worksheets/sheet'))).toBe(true);
    expect(Object.keys(a).some((n) => n.startsWith('xl/media/'))).toBe(true);
    expect(Object.keys(a).some((n) => n.startsWith('xl/charts/'))).toBe(true);
    expect(Object.keys(a).some((n) => n.startsWith('xl/comments'))).toBe(true);
  });

  needs('soffice').it('LibreOffice computes every written formula to the written score', async () => {
    const recalculated = await (await XlsxFileHost.open(recalc(out, libreOfficeProfile()))).read();
    let compared = 0;
    for (const w of written) {
      if (w.formula === undefined || typeof w.result !== 'number') continue;
      const v = recalculated.sheets.find((s) => s.name === w.sheet)?.rows.get(w.row)?.get(w.col)?.value;
      const close = typeof v === 'number' && Math.abs(v - w.result) <= 1e-9 * Math.max(1, Math.abs(w.result));
      expect({ at: [w.sheet, w.row, w.col], close }).toEqual({ at: [w.sheet, w.row, w.col], close: true });
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
