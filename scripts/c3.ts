import { XlsxFileHost } from '../src/hosts/file/xlsx';
import { templateBatch } from '../src/workbook';
import { analyze } from '../src/workbook/analyze';
(async () => {
  const host = XlsxFileHost.empty();
  await host.write(templateBatch('annual', 3), []);
  const a = analyze(await host.read());
  console.log(a.tables.map((t) => t.platforms.map((p) => p.name)), a.findings.filter((f) => f.code !== 'blank').map((f) => `${f.code} ${f.cell} ${JSON.stringify(f.facts)}`));
})();
