import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { checkWorkbook, fillWorkbook } from '../../src/workbook';
import { type AnalyzeOptions } from '../../src/workbook/contract/analysis';
import type { FillOptions } from '../../src/workbook/write/fill';
import { parseA1 } from '../../src/workbook/core/address';
import { cellAt, type SheetData, type WorkbookData } from '../../src/workbook/core/model';
import { renderFinding, type Finding } from '../../src/workbook';
import { cliSurface } from '../../src/cli/surface';
import { toBuffer } from '../fixtures/workbooks';

export async function hostOf(wb: ExcelJS.Workbook): Promise<XlsxFileHost> {
  return XlsxFileHost.fromBuffer(await toBuffer(wb));
}

export async function check(wb: ExcelJS.Workbook, options: AnalyzeOptions = {}) {
  return checkWorkbook(await hostOf(wb), options);
}

export async function fill(wb: ExcelJS.Workbook, fillOptions: FillOptions = { style: 'native', replace: false }, options: AnalyzeOptions = {}) {
  const host = await hostOf(wb);
  const result = await fillWorkbook(host, fillOptions, options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-'));
  const file = path.join(dir, 'filled.xlsx');
  await host.save(file);
  const after = await (await XlsxFileHost.open(file)).read();
  return { result, file, after };
}

export function at(findings: readonly Finding[], sheet: string, cell: string): Finding[] {
  return findings.filter((f) => f.sheet === sheet && f.cell === cell);
}

/** A finding's sentence as the command line prints it. */
export function msg(f: Finding | undefined): string {
  return f ? renderFinding(f, cliSurface) : '';
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

export function sheet(wb: WorkbookData, name: string): SheetData {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

export function cell(wb: WorkbookData, name: string, ref: string) {
  const at = parseA1(ref);
  if (!at) throw new Error(`not an A1 reference: ${ref}`);
  return cellAt(sheet(wb, name), at.row, at.col);
}

/** A throwaway LibreOffice profile that always recalculates xlsx formulas on load. */
export function libreOfficeProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-lo-'));
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** Recalculates an xlsx with LibreOffice headless; returns the path of the recalculated copy. */
export function recalc(file: string, profile: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-lo-out-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file], { stdio: 'pipe', timeout: 120000 });
  return path.join(out, path.basename(file));
}

/** Replaces every cached formula result with -999, so only a real recalculation can produce the scores. */
export async function stripCachedResults(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { formula?: string } | null;
        if (v && typeof v === 'object' && typeof v.formula === 'string') c.value = { formula: v.formula, result: -999 } as ExcelJS.CellFormulaValue;
      }),
    ),
  );
  const out = file.replace(/\.xlsx$/, '-stripped.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}

export { toBuffer };
