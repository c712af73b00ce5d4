/**
 * Workbooks made the way offices make them (openpyxl and LibreOffice; see
 * test/fixtures/office/README.md), each with a manifest of its deliberate mistakes:
 * - check reports an error at every deliberately wrong cell and at no correct cell, and no
 *   warning about a correct score cell; workbooks that are not evaluation tables are not read as
 *   tables; sheets are paired as the manifest says;
 * - fill adds no error (check after fill finds only the deliberate ones);
 * - fill then revert gives back the input's cells exactly;
 * - LibreOffice recalculates every score formula the fill wrote to the engine's score.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { checkWorkbook, figureOf, fillWorkbook, resultTables, revertWorkbook } from '../../src/workbook';
import { RECORD_SHEET } from '../../src/workbook/core/sheets';
import { a1, colLetters } from '../../src/workbook/core/address';
import { tables } from '../../src/rules';
import { type ColumnRole } from '../../src/workbook/findings/roles';
import { formulaRefs } from '../../src/workbook/core/refs';
import type { CellData, WorkbookData } from '../../src/workbook/core/model';
import { cell, libreOfficeProfile, msg, recalc } from '../helpers/workbook';
import { tmp } from '../helpers/tmp';

const ROOT = path.join(__dirname, '..', 'fixtures', 'office');
/** The corpus of known shapes, and the shapes of the layouts issue (headers in blocks, matrices, years, batches …). */
const CORPORA = [ROOT, path.join(ROOT, 'layouts'), path.join(ROOT, 'words')];

interface Place {
  readonly sheet: string;
  readonly cell: string;
  readonly consequence?: boolean;
}

interface Entry {
  readonly file: string;
  readonly recognize: boolean;
  readonly tables: ReadonlyArray<{ kind: string; evaluation: string; inputSheet: string; scoreSheet: string | null; platforms: string[]; batchSheets?: string[] }>;
  readonly year?: string;
  readonly wrongCells?: readonly Place[];
  readonly inputErrors?: readonly Place[];
  readonly textErrors?: readonly Place[];
  /** words/: per sheet, column letter → what it holds (input:<field id>, score:<n>, subtotal:<g>, total, platform, other). */
  readonly columns?: Record<string, Record<string, string>>;
}

type CellLoc = [string, string, number] | null;
interface Sidecar {
  readonly tables: ReadonlyArray<{ evaluation: string; platforms: string[]; inputCells: CellLoc[][][] }>;
}

const manifest: (Entry & { dir: string })[] = CORPORA.flatMap((dir) => (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Entry[]).map((e) => ({ ...e, dir })));

function sidecarOf(entry: Entry & { dir: string }): Sidecar | undefined {
  const f = path.join(entry.dir, entry.file.replace(/\.xlsx$/, '.inputs.json'));
  return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as Sidecar) : undefined;
}

/** A column's role as the manifest writes it. */
function roleWord(evaluation: 'acceptance' | 'annual', r: ColumnRole): string {
  if (r.kind === 'input') return `input:${tables[evaluation].indicators[r.indicator].inputs[r.field].id}`;
  if (r.kind === 'score') return `score:${r.indicator + 1}`;
  if (r.kind === 'subtotal') return `subtotal:${r.group + 1}`;
  if (r.kind === 'total' || r.kind === 'platform') return r.kind;
  return 'other';
}

function key(p: { sheet: string; cell: string }): string {
  return `${p.sheet}!${p.cell}`;
}

/** Every cell's content (value and formula) of the visible workbook, for exact comparison. */
function contents(wb: WorkbookData): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of wb.sheets) {
    if (s.name === RECORD_SHEET) continue;
    s.rows.forEach((line, r) =>
      line.forEach((c: CellData, col) => {
        if (c.value === null && c.formula === undefined && c.numFmt === undefined) return;
        out.set(`${s.name}!${a1(r, col)}`, JSON.stringify([c.formula ?? null, c.formula === undefined ? c.value : null, c.numFmt ?? null]));
      }),
    );
  }
  return out;
}

describe('office-made workbooks', () => {
  let profile: string;
  beforeAll(() => {
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    profile = libreOfficeProfile();
  });

  it('the corpus has the variations it should', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(20);
    expect(manifest.filter((e) => !e.recognize).length).toBeGreaterThanOrEqual(5);
    expect(manifest.filter((e) => (e.wrongCells ?? []).length > 0).length).toBeGreaterThanOrEqual(1);
  });

  for (const entry of manifest) {
    describe(path.relative(ROOT, path.join(entry.dir, entry.file)), () => {
      const file = path.join(entry.dir, entry.file);
      const deliberate = new Set([...(entry.wrongCells ?? []), ...(entry.inputErrors ?? []), ...(entry.textErrors ?? [])].filter((p) => !p.consequence).map(key));
      const consequences = new Set([...(entry.wrongCells ?? []), ...(entry.textErrors ?? [])].filter((p) => p.consequence).map(key));

      it('check: an error at every deliberate mistake, none at a correct cell', async () => {
        const r = await checkWorkbook(await XlsxFileHost.open(file));
        if (!entry.recognize) {
          expect(r.analysis.tables).toEqual([]);
          expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
          return;
        }
        const errors = r.findings.filter((f) => f.severity === 'error');
        const falseAlarms = errors.filter((f) => !deliberate.has(key(f)) && !consequences.has(key(f))).map((f) => `${key(f)} ${f.code} ${msg(f)}`);
        expect(falseAlarms).toEqual([]);
        const found = new Set(errors.map(key));
        // a formula whose result the file does not hold (saved by a program that does not
        // calculate) can only be reviewed by its references: such a mistake may go unreported,
        // and the review says the results are missing
        const wb = r.analysis.workbook;
        const uncalculated = (k: string) => {
          const [sheet, ref] = [k.slice(0, k.lastIndexOf('!')), k.slice(k.lastIndexOf('!') + 1)];
          const c = cell(wb, sheet, ref);
          return c?.formula !== undefined && c.value === null;
        };
        expect([...deliberate].filter((k) => !found.has(k) && !uncalculated(k))).toEqual([]);
        if ([...deliberate].some(uncalculated)) expect(r.findings.some((f) => f.code === 'no_cached_value')).toBe(true);
        // one finding per problem: no cell carries two errors
        expect(errors.length).toBe(found.size);
        // tables and pairing as the manifest says
        for (const t of entry.tables) {
          const got = r.analysis.tables.find((x) => x.layout.sheet === t.inputSheet);
          expect(got?.table.evaluation).toBe(t.evaluation);
          expect(got?.layout.kind).toBe(t.kind);
          expect(got?.platforms.map((p) => p.name)).toEqual(t.platforms);
          // scores in the input sheet itself are not a paired score sheet
          expect(got?.layout.scoreSheets ?? []).toEqual(t.scoreSheet && t.scoreSheet !== t.inputSheet ? [t.scoreSheet] : []);
          // a 培育名单 over several sheets is one table
          expect([got?.layout.sheet, ...(got?.layout.batchSheets ?? [])]).toEqual(t.batchSheets ?? [t.inputSheet]);
          if (entry.year !== undefined) expect(got?.layout.year).toBe(Number(entry.year));
        }
        // every input is read from the cell the fixture put it in (the evaluation year's, the batch's …)
        const side = sidecarOf(entry);
        expect(side).toBeDefined();
        const misread: string[] = [];
        let compared = 0;
        for (const st of side?.tables ?? []) {
          const first = st.inputCells.flat(2).find((l): l is [string, string, number] => l !== null);
          const got = r.analysis.tables.find((x) => x.table.evaluation === st.evaluation && first !== undefined && [x.layout.sheet, ...(x.layout.batchSheets ?? [])].includes(first[0]));
          st.platforms.forEach((name, pi) => {
            const p = got?.layout.platforms.find((x) => x.name === name);
            st.inputCells[pi].forEach((fields, i) =>
              fields.forEach((loc, f) => {
                if (loc === null) return;
                compared++;
                const c = p?.inputs[i]?.[f];
                const at = c ? `${c.sheet}!${a1(c.row, c.col)}` : 'none';
                if (at !== `${loc[0]}!${loc[1]}`) misread.push(`${name} ${i + 1}.${f}: ${at} instead of ${loc[0]}!${loc[1]}`);
              }),
            );
          });
        }
        expect(misread).toEqual([]);
        expect(compared).toBeGreaterThan(0);
        expect(r.analysis.tables).toHaveLength(entry.tables.length);
        // every column has the role the manifest gives it (headers in the office's own words)
        if (entry.columns) {
          const wrongRoles: string[] = [];
          for (const [sheet, map] of Object.entries(entry.columns)) {
            const t = r.analysis.tables.find((x) => x.layout.columns.some((c) => c.sheet === sheet));
            const decisions = t?.layout.columns.find((c) => c.sheet === sheet)?.decisions ?? [];
            for (const [col, what] of Object.entries(map)) {
              const d = decisions.find((x) => colLetters(x.col) === col);
              const got = d && t ? roleWord(t.table.evaluation, d.role) : 'other';
              if (got !== what) wrongRoles.push(`${sheet}!${col} “${d?.header ?? ''}”: ${got} instead of ${what}`);
            }
          }
          expect(wrongRoles).toEqual([]);
        }
        // no warning about a correct score cell
        const scoreCells = new Set(r.analysis.tables.flatMap((t) => t.platforms.flatMap((p) => p.indicators.filter((x) => x.place.existing && x.place.ref).map((x) => `${x.place.ref?.sheet}!${a1(x.place.ref?.row ?? 0, x.place.ref?.col ?? 0)}`))));
        const warned = r.findings.filter((f) => f.severity === 'warning' && scoreCells.has(key(f)) && !deliberate.has(key(f)) && f.code !== 'no_cached_value');
        expect(warned.map((f) => `${key(f)} ${f.code}`)).toEqual([]);
      });

      if (!entry.recognize) return;

      it('fill adds no error; revert gives back the input; LibreOffice agrees with every written score', async () => {
        const input = await (await XlsxFileHost.open(file)).read();
        const before = await checkWorkbook(await XlsxFileHost.open(file));
        const host = await XlsxFileHost.open(file);
        const filled = await fillWorkbook(host, { style: 'native', replace: false });
        const out = tmp('filled.xlsx', 'wanmu-corpus-');
        await host.save(out);

        const after = await checkWorkbook(await XlsxFileHost.open(out));
        const beforeErrors = new Set(before.findings.filter((f) => f.severity === 'error').map((f) => `${key(f)} ${f.code}`));
        expect(after.findings.filter((f) => f.severity === 'error').map((f) => `${key(f)} ${f.code}`).filter((k) => !beforeErrors.has(k))).toEqual([]);

        const back = await XlsxFileHost.open(out);
        const reverted = await revertWorkbook(back);
        expect(reverted.exact).toBe(true);
        const restoredFile = tmp('reverted.xlsx', 'wanmu-corpus-');
        await back.save(restoredFile);
        const restored = await (await XlsxFileHost.open(restoredFile)).read();
        expect(restored.sheets.map((s) => s.name)).toEqual(input.sheets.map((s) => s.name));
        expect(contents(restored)).toEqual(contents(input));

        // every formula the fill wrote, recalculated by LibreOffice, equals the engine's figure
        const written = filled.plan.batch.cells.filter((c) => c.formula !== undefined && c.sheet !== RECORD_SHEET);
        const writtenKeys = new Set(written.map((c) => `${c.sheet}!${c.row},${c.col}`));
        const checkable = written.filter((c) => {
          // a sum is checked when it adds only cells the fill wrote (a kept cell's value is the user's)
          const refs = formulaRefs(c.formula as string);
          return refs.every((x) => x.top !== x.bottom || x.left !== x.right || x.sheet !== null || writtenKeys.has(`${c.sheet}!${x.top},${x.left}`)) || !/^SUM\(/.test(c.formula as string);
        });
        // nothing to recalculate only where the fill wrote no formula (a workbook with no table)
        if (checkable.length === 0) {
          expect(written).toEqual([]);
          return;
        }
        const recalculated = await (await XlsxFileHost.open(recalc(out, profile))).read();
        const wrong = checkable.filter((c) => {
          const v = cell(recalculated, c.sheet, a1(c.row, c.col))?.value;
          const expected = c.result as number;
          return !(typeof v === 'number' && Math.abs(v - expected) <= 1e-12 * Math.max(1, Math.abs(expected)));
        });
        expect(wrong.map((c) => `${c.sheet}!${a1(c.row, c.col)} =${c.formula} expected ${String(c.result)} got ${String(cell(recalculated, c.sheet, a1(c.row, c.col))?.value)}`)).toEqual([]);

        // one source of numbers: the totals the CLI and --json print after the fill, and the totals
        // and subtotals the pane's 结果 and charts show on the filled workbook, are what the cells
        // show once LibreOffice has recalculated them
        const near = (v: unknown, x: number | null) => typeof v === 'number' && x !== null && Math.abs(v - x) <= 1e-9 * Math.max(1, Math.abs(x));
        const printed = filled.totals.filter((t) => t.cell !== '' && t.shown !== null);
        expect(printed.filter((t) => !near(cell(recalculated, t.sheet, t.cell)?.value, t.shown)).map((t) => `${t.sheet}!${t.cell} printed ${t.shown} cell ${String(cell(recalculated, t.sheet, t.cell)?.value)}`)).toEqual([]);
        const pane = resultTables(after.analysis);
        const figures = pane.flatMap((t) => t.rows.flatMap((r) => [{ f: r.total, ref: r.total.cell }]));
        const paneWrong = figures.filter((x) => x.ref !== null && x.f.shown !== null && !near(cell(recalculated, x.ref.sheet, x.ref.cell)?.value, figureOf(x.f)));
        expect(paneWrong.map((x) => `${x.ref?.sheet}!${x.ref?.cell}`)).toEqual([]);
        // a total the fill wrote is printed as the figure it wrote (not left out of the comparison)
        if (filled.totals.some((t) => t.total !== null && t.cell !== '' && written.some((c) => c.sheet === t.sheet && a1(c.row, c.col) === t.cell))) expect(printed.length).toBeGreaterThan(0);
      });
    });
  }
});
