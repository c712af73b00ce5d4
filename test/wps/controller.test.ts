/**
 * The WPS ribbon's controller names a one-platform table's platform by the workbook's file name
 * as the runtime gives it at each check (ActiveWorkbook.Name), where nothing on the sheet does.
 */
import * as path from 'path';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { MemoryHost } from '../../src/hosts/memory/host';
import { ScoringController, WPS_SURFACE } from '../../src/wps/controller';

const ACCEPTANCE = path.resolve(__dirname, '../../examples/验收评价-平台自评.xlsx');

describe('ScoringController', () => {
  it('checks with the workbook’s file name as it is at each check', async () => {
    const host = new MemoryHost(await (await XlsxFileHost.open(ACCEPTANCE)).read());
    let name: string | undefined = '衢州智造新城2024年度评价.xlsx';
    const c = new ScoringController(host, WPS_SURFACE, undefined, () => name);
    expect((await c.check()).totals.map((t) => t.platform)).toEqual(['衢州智造新城']);
    name = '工作簿1';
    expect((await c.check()).totals.map((t) => t.platform)).toEqual(['验收评价']);
    name = undefined;
    expect((await c.check()).totals.map((t) => t.platform)).toEqual(['验收评价']);
    // without a name at all, as before
    expect((await new ScoringController(host, WPS_SURFACE).check()).totals.map((t) => t.platform)).toEqual(['验收评价']);
  });
});
