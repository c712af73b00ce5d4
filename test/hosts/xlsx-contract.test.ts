import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { MemoryHost } from '../../src/hosts/memory/host';
import { describeHostContract } from './contract';
import { emptyBatch } from '../../src/workbook/model';

/** The file host is given the contract workbook by writing it into an empty workbook and saving. */
describeHostContract('xlsx file host', async (data) => {
  const source = new MemoryHost(data);
  const empty = XlsxFileHost.empty();
  const wb = await source.read();
  await empty.write(
    {
      ...emptyBatch(),
      addSheets: wb.sheets.map((s) => ({ name: s.name, ...(s.state ? { state: s.state } : {}) })),
      cells: wb.sheets.flatMap((s) => [...s.rows].flatMap(([row, line]) => [...line].map(([col, c]) => (c.formula !== undefined ? { sheet: s.name, row, col, formula: c.formula, result: c.value as number, numFmt: c.numFmt } : { sheet: s.name, row, col, value: c.value as string, numFmt: c.numFmt })))),
      merges: wb.sheets.flatMap((s) => s.merges.map((range) => ({ sheet: s.name, range }))),
    },
    [],
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-contract-'));
  const file = path.join(dir, 'contract.xlsx');
  await empty.save(file);
  const host = await XlsxFileHost.open(file);
  return {
    host,
    reopen: async () => {
      const again = path.join(dir, `again-${Date.now()}.xlsx`);
      await host.save(again);
      return XlsxFileHost.open(again);
    },
  };
});
