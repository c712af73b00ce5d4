/**
 * The pane's store keeps the session current as the user edits: edits made while a fill or an
 * earlier re-check runs are re-checked after it, never dropped.
 */
import { PaneStore } from '../../src/taskpane/state/store';
import { MemoryHost } from '../../src/hosts/memory/host';
import { WorkbookSession } from '../../src/workbook';
import { WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { data } from '../helpers/data';

const DATA = '培育名单数据';

/** A host whose next read of cells waits until released, so that the user can edit while a re-check runs. */
class SlowHost extends MemoryHost {
  hold = false;
  release: (() => void) | null = null;
  async readRanges(ranges: Parameters<MemoryHost['readRanges']>[0]): ReturnType<MemoryHost['readRanges']> {
    if (this.hold) {
      this.hold = false;
      await new Promise<void>((resolve) => (this.release = resolve));
    }
    return super.readRanges(ranges);
  }
}

describe('pane store: edits re-checked', () => {
  it('an edit made while an earlier edit is being re-checked is re-checked after it', async () => {
    const host = new SlowHost(await data({ platforms: 4 }));
    const store = new PaneStore();
    await store.open({ kind: 'host', host, name: 'test.xlsx' });
    host.hold = true;
    host.edit(DATA, { [`D${WIDE_FIRST_ROW}`]: 0.3 });
    await new Promise((r) => setImmediate(r));
    expect(store.getState().busy).toBe('重新检查');
    // the user types a share of 91 (should be 0.91) while the first re-check waits for Excel
    host.edit(DATA, { [`D${WIDE_FIRST_ROW + 1}`]: 91 });
    host.release?.();
    await store.settled();
    expect(store.getState().busy).toBeNull();
    const codes = store.getState().model?.findings.filter((f) => f.sheet === DATA && f.cell === `D${WIDE_FIRST_ROW + 1}`).map((f) => f.code);
    expect(codes).toContain('share_above_one');
    // the same as a fresh check of the workbook as it is now
    const fresh = await WorkbookSession.open(host);
    expect(store.getState().model?.scores.map((s) => s.score)).toEqual(fresh.model.scores.map((s) => s.score));
  });

  it('several quick edits are all re-checked, in order', async () => {
    const host = new MemoryHost(await data({ platforms: 4 }));
    const store = new PaneStore();
    await store.open({ kind: 'host', host, name: 'test.xlsx' });
    host.edit(DATA, { [`D${WIDE_FIRST_ROW}`]: 0.3 });
    host.edit(DATA, { [`D${WIDE_FIRST_ROW + 2}`]: 0.2 });
    host.edit(DATA, { [`D${WIDE_FIRST_ROW}`]: 0.6 });
    await store.settled();
    const fresh = await WorkbookSession.open(host);
    expect(store.getState().model?.scores.map((s) => s.score)).toEqual(fresh.model.scores.map((s) => s.score));
    expect(store.getState().model?.analysis.tables[0].platforms[0].indicators[1].score).toBeCloseTo((0.6 / 0.8) * 5, 12);
  });
});
