import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { markSeverityOf } from '../../src/workbook/core/marks';
import { contractWorkbook, describeHostContract } from '../helpers/host-contract';
import { describeSheetLayoutContract } from '../helpers/layout-contract';
import { emptyBatch } from '../../src/workbook/core/model';
import { conditionalFormatsOf, packageOf, sheetLayoutOf } from '../helpers/xlsx-package';

/**
 * The file host is given the contract workbook as a hand-written package (so error results and
 * number formats are stored exactly), saved to disk and opened from there.
 */
describeHostContract('xlsx file host', async (data, options = {}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-contract-'));
  const file = path.join(dir, 'contract.xlsx');
  fs.writeFileSync(file, packageOf(data, { conditionalFormats: options.userFormats }));
  const host = await XlsxFileHost.open(file);
  return {
    host,
    userFormats: async () => conditionalFormatsOf(host.toBuffer(), data.sheets.map((s) => s.name), (f) => markSeverityOf(f) === undefined),
    reopen: async () => {
      const again = path.join(dir, `again-${Date.now()}.xlsx`);
      await host.save(again);
      return XlsxFileHost.open(again);
    },
  };
}, { marks: true, reopen: true });

describeSheetLayoutContract('xlsx file host (read back from the saved package)', async () => {
  const host = XlsxFileHost.empty();
  await host.write({ ...emptyBatch(), addSheets: contractWorkbook().sheets.map((s) => ({ name: s.name })) }, []);
  return { host, layoutOf: async (sheet) => sheetLayoutOf(host.toBuffer(), sheet) };
});
