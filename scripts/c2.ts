import * as fs from 'fs';
import { XlsxFileHost } from '../src/hosts/file/xlsx';
import { checkWorkbook, renderFinding } from '../src/workbook';
import { cliSurface } from '../src/cli/surface';
(async () => {
  const f = process.argv[2];
  const r = await checkWorkbook(await XlsxFileHost.open(f));
  const m = JSON.parse(fs.readFileSync('/work/main/test/fixtures/office/manifest.json', 'utf8')).find((e: any) => f.endsWith(e.file));
  const cons = new Set((m?.wrongCells ?? []).filter((w: any) => w.consequence).map((w: any) => `${w.sheet}!${w.cell}`));
  for (const x of r.findings) console.log(cons.has(`${x.sheet}!${x.cell}`) ? 'CONS' : '    ', x.severity, `${x.sheet}!${x.cell}`, x.code, renderFinding(x, cliSurface).slice(0, 150));
})();
