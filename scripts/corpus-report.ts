import * as fs from 'fs';
import { XlsxFileHost } from '../src/hosts/file/xlsx';
import { checkWorkbook, renderFinding } from '../src/workbook';
import { cliSurface } from '../src/cli/surface';
const dir = '/work/main/test/fixtures/office';
const manifest = JSON.parse(fs.readFileSync(`${dir}/manifest.json`, 'utf8'));
const only = process.argv[2];
(async () => {
  for (const e of manifest) {
    if (only && !e.file.includes(only)) continue;
    let r;
    try { r = await checkWorkbook(await XlsxFileHost.open(`${dir}/${e.file}`)); } catch (err) { console.log(`## ${e.file}: OPEN FAILED ${(err as Error).message.slice(0,80)}`); continue; }
    const expected = new Set([...(e.wrongCells ?? []).filter((w: any) => !w.consequence), ...(e.inputErrors ?? []), ...(e.textErrors ?? []).filter((w: any) => !w.consequence)].map((w: any) => `${w.sheet}!${w.cell}`));
    const consequence = new Set([...(e.wrongCells ?? []), ...(e.textErrors ?? [])].filter((w: any) => w.consequence).map((w: any) => `${w.sheet}!${w.cell}`));
    const errs = r.findings.filter((f) => f.severity === 'error');
    const warns = r.findings.filter((f) => f.severity === 'warning');
    const got = new Set(errs.map((f) => `${f.sheet}!${f.cell}`));
    const falsePos = errs.filter((f) => !expected.has(`${f.sheet}!${f.cell}`) && !consequence.has(`${f.sheet}!${f.cell}`));
    const missed = [...expected].filter((k) => !got.has(k));
    const tables = r.analysis.tables.map((t) => `${t.layout.kind}:${t.layout.sheet}[${t.layout.scoreSheets.join(',')}] ${t.platforms.length}p`).join('; ');
    console.log(`## ${e.file}: recognize=${e.recognize} tables=${tables} errors=${errs.length} warnings=${warns.length} falsePos=${falsePos.length} missed=${missed.length}/${expected.size}`);
    for (const f of falsePos.slice(0, 6)) console.log(`   FP ${f.sheet}!${f.cell} ${f.code} ${renderFinding(f, cliSurface).slice(0, 120)}`);
    for (const k of missed.slice(0, 6)) console.log(`   MISSED ${k}`);
    for (const f of warns.slice(0, 4)) console.log(`   W ${f.sheet}!${f.cell} ${f.code} ${renderFinding(f, cliSurface).slice(0, 100)}`);
  }
})();
