import { MemoryHost } from '../../src/hosts/memory/host';
import { markSeverityOf } from '../../src/workbook/core/marks';
import { contractWorkbook, describeHostContract, refOf, userFormatRange } from '../helpers/host-contract';
import { describeSheetLayoutContract } from '../helpers/layout-contract';

describeHostContract('in-memory host', async (data, options = {}) => {
  const host = new MemoryHost(data);
  for (const f of options.userFormats ?? []) host.addConditionalFormat({ sheet: f.sheet, formula: f.formula, fill: '00FF00', ranges: [userFormatRange(f)] });
  return {
    host,
    userFormats: async () => host.conditionalFormats.filter((f) => markSeverityOf(f.formula) === undefined).map((f) => ({ sheet: f.sheet, ref: refOf(f.ranges), formula: f.formula })),
  };
}, { marks: true, reopen: false });

describeSheetLayoutContract('in-memory host', async () => {
  const host = new MemoryHost(contractWorkbook());
  return { host, layoutOf: async (sheet) => host.layouts.get(sheet) ?? null };
});

describe('in-memory host as the user', () => {
  it('reports edits to change listeners', async () => {
    const host = new MemoryHost({ sheets: [] });
    await host.write({ addSheets: [{ name: 'S' }], deleteSheets: [], cells: [], merges: [], columnWidths: [], sheetLayouts: [] }, []);
    const seen: string[] = [];
    const off = host.onChanged((c) => seen.push(`${c.sheet}!${c.cells.join(',')}`));
    host.edit('S', { B3: 5 });
    off();
    host.edit('S', { B4: 6 });
    expect(seen).toEqual(['S!B3']);
  });
});
