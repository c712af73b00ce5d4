import { XlsxFileHost } from '../src/hosts/file/xlsx';
import { fillWorkbook, checkWorkbook } from '../src/workbook';
import { cellAt } from '../src/workbook/model';
(async () => {
  const f = 'test/fixtures/office/annual-issued-three-platforms.xlsx';
  const before = await (await XlsxFileHost.open(f)).read();
  console.log('before J39', JSON.stringify(cellAt(before.sheets[0], 39, 10)), JSON.stringify(cellAt(before.sheets[0], 39, 8)));
  const host = await XlsxFileHost.open(f);
  const r = await fillWorkbook(host, { style: 'native', replace: false });
  console.log(r.plan.batch.cells.filter((c) => c.row === 39).map((c) => JSON.stringify(c)).join('\n'));
  await host.save('/tmp/x.xlsx');
  const after = await (await XlsxFileHost.open('/tmp/x.xlsx')).read();
  console.log('after J39', JSON.stringify(cellAt(after.sheets[0], 39, 10)));
  const c = await checkWorkbook(await XlsxFileHost.open('/tmp/x.xlsx'));
  console.log(c.findings.filter((x) => x.cell === 'J39').map((x) => JSON.stringify(x)));
})();
