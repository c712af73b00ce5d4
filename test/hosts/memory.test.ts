import { MemoryHost } from '../../src/hosts/memory/host';
import { describeHostContract } from './contract';

describeHostContract('in-memory host', async (data) => ({ host: new MemoryHost(data) }));

describe('in-memory host as the user', () => {
  it('reports edits to change listeners', async () => {
    const host = new MemoryHost({ sheets: [] });
    await host.write({ addSheets: [{ name: 'S' }], deleteSheets: [], cells: [], merges: [], columnWidths: [] }, []);
    const seen: string[] = [];
    const off = host.onChanged((c) => seen.push(`${c.sheet}!${c.cells.join(',')}`));
    host.edit('S', { B3: 5 });
    off();
    host.edit('S', { B4: 6 });
    expect(seen).toEqual(['S!B3']);
  });
});
