/**
 * @jest-environment jsdom
 *
 * 结果 and 图表 over a real session: every platform in the table (one that cannot be scored shown
 * with — and why), sortable, ranks as RANK gives them, totals equal to the figures their cells show
 * after a fill (both said where a kept score makes them differ); copy and .csv; the charts draw
 * the same figures, no bar for a figure that could not be computed.
 */
import '../helpers/jsdom-setup';
import { mount, type MountOptions } from '../helpers/pane';
import { data } from '../helpers/data';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as path from 'path';
import { fmtScoreFixed } from '../../src/engine';
import { resultTables } from '../../src/workbook';

const EXAMPLE = path.resolve(__dirname, '../../examples/年度评价-培育名单.xlsx');
const ACCEPTANCE = path.resolve(__dirname, '../../examples/验收评价-平台自评.xlsx');

/** The pane in file mode, waited for until its 结果 tab is there. */
const RESULTS: MountOptions = { tab: '结果' };

/** A Blob's text (jsdom's Blob has no text()). */
function readBlob(b: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(b);
  });
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent ?? '');

describe('结果', () => {
  it('lists every platform with 序号, 平台, each 一级指标, 总分 and 排名; one that cannot be scored shows — and why', async () => {
    const { store } = await mount(await data({ file: EXAMPLE }), RESULTS);
    fireEvent.click(screen.getByRole('tab', { name: '结果' }));
    const table = await screen.findByRole('table', { name: '年度评价结果' });
    const results = (store.getState().session as NonNullable<ReturnType<typeof store.getState>['session']>).results()[0];
    expect(bodyRows(table)).toHaveLength(results.rows.length);
    expect(results.rows.length).toBeGreaterThan(5);
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers[0]).toBe('序号');
    expect(headers[1]).toBe('平台');
    expect(headers.slice(-2)).toEqual(['总分', '排名']);
    // the example has a platform with an unscored indicator: its total is —, with the reason, and it is not ranked
    const missing = results.rows.find((r) => r.total.official === null);
    expect(missing).toBeDefined();
    const row = bodyRows(table).find((r) => cellsOf(r)[1] === missing?.platform) as HTMLElement;
    expect(cellsOf(row).slice(-2)).toEqual([`—${missing?.unscored.length} 项无法计分`, '—']);
    expect(screen.getByText(/未计入排名:.*项指标无法计分/)).toBeTruthy();
    // the reason in full on hover
    const cell = within(row).getAllByRole('cell').slice(-2)[0];
    expect(cell.getAttribute('title')).toMatch(/项指标无法计分:/);
  });

  it('sorts by a column, and ranks as RANK does', async () => {
    await mount(await data({ file: EXAMPLE }), RESULTS);
    fireEvent.click(screen.getByRole('tab', { name: '结果' }));
    const table = await screen.findByRole('table', { name: '年度评价结果' });
    fireEvent.click(within(table).getByRole('button', { name: '按总分排序' }));
    const totals = bodyRows(table).map((r) => cellsOf(r).slice(-2)[0]).filter((x) => !x.startsWith('—')).map(Number);
    expect(totals.length).toBeGreaterThan(3);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const ranks = bodyRows(table).map((r) => cellsOf(r).slice(-1)[0]).filter((x) => x !== '—').map(Number);
    expect(ranks[0]).toBe(1);
    // sorting by total (high first) lists ranks in order
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('after a fill that keeps a score above its 分值, the total shown is the written cell’s, with the official one beside it', async () => {
    const { store } = await mount(await data({ file: ACCEPTANCE }), RESULTS);
    const session = store.getState().session as NonNullable<ReturnType<typeof store.getState>['session']>;
    await act(() => store.apply(session.planFill({ style: 'native', replace: false })));
    fireEvent.click(screen.getByRole('tab', { name: '结果' }));
    const table = await screen.findByRole('table', { name: '验收评价结果' });
    const [r] = store.getState().session?.results()[0].rows ?? [];
    expect(r.total.shown).not.toBeNull();
    expect(Math.abs((r.total.shown as number) - (r.total.official as number))).toBeGreaterThan(0.01);
    const total = cellsOf(bodyRows(table)[0]).slice(-2)[0];
    expect(total).toBe(`表中 ${fmtScoreFixed(r.total.shown as number)} / 官方 ${fmtScoreFixed(r.total.official as number)}`);
    // the charts draw the same figure
    fireEvent.click(screen.getByRole('tab', { name: '图表' }));
    const ranking = await screen.findByRole('list', { name: '验收评价总分排名' });
    expect(ranking.textContent).toContain(`表中 ${fmtScoreFixed(r.total.shown as number)}`);
  });

  it('copies the table (rich and plain) and writes it as a sheet that 撤销填写 removes', async () => {
    const writes: { type: string; text: string }[] = [];
    class FakeItem {
      constructor(readonly items: Record<string, Blob>) {}
    }
    Object.assign(globalThis, { ClipboardItem: FakeItem });
    Object.assign(navigator, {
      clipboard: {
        write: async (items: FakeItem[]) => {
          for (const [type, blob] of Object.entries(items[0].items)) writes.push({ type, text: await readBlob(blob) });
        },
        writeText: async () => undefined,
      },
    });
    const { store, host } = await mount(await data({ file: EXAMPLE }), RESULTS);
    fireEvent.click(screen.getByRole('tab', { name: '结果' }));
    fireEvent.click(await screen.findByRole('button', { name: '复制表格' }));
    await screen.findByText(/已复制 \d+ 个平台的结果/);
    expect(writes.map((w) => w.type).sort()).toEqual(['text/html', 'text/plain']);
    expect(writes.find((w) => w.type === 'text/html')?.text).toMatch(/^<table/);
    expect(writes.find((w) => w.type === 'text/plain')?.text.split('\r\n')[0].split('\t').slice(0, 2)).toEqual(['序号', '平台']);
    const sheets = (await host.read()).sheets.length;
    fireEvent.click(screen.getByRole('button', { name: '写入新工作表' }));
    await waitFor(async () => expect((await host.read()).sheets.map((s) => s.name)).toContain('评分结果汇总'));
    await act(() => store.revert());
    expect((await host.read()).sheets.filter((s) => s.state !== 'veryHidden')).toHaveLength(sheets);
  });
});

describe('图表', () => {
  it('an 一级指标 that could not be scored has no bar and says why; every platform is in the ranking or listed under it', async () => {
    const { store } = await mount(await data({ file: EXAMPLE }), RESULTS);
    fireEvent.click(screen.getByRole('tab', { name: '图表' }));
    const results = store.getState().session?.results()[0];
    const missing = results?.rows.find((r) => r.total.official === null);
    expect(missing).toBeDefined();
    fireEvent.change(await screen.findByRole('combobox', { name: '平台' }), { target: { value: String((missing?.serial ?? 1) - 1) } });
    const groups = await screen.findByRole('list', { name: `${missing?.platform} 各一级指标得分` });
    expect(groups.textContent).toMatch(/暂不计分(.*无法计分)/);
    expect(within(groups).getAllByRole('listitem')).toHaveLength(results?.groups.length ?? 0);
    const ranking = screen.getByRole('list', { name: '年度评价总分排名' });
    const ranked = within(ranking).getAllByRole('listitem').length;
    expect(ranked + (results?.rows.filter((r) => r.total.official === null).length ?? 0)).toBe(results?.rows.length);
    expect(screen.getByText(new RegExp(`未计入排名:${missing?.platform}`))).toBeTruthy();
  });
});

describe('results as every surface has them', () => {
  it('the CSV is UTF-8 with a BOM, one line per platform, and a total that cannot be computed is — with the reason', async () => {
    const { renderResultNote, resultsCsv } = await import('../../src/workbook');
    const { analyze } = await import('../../src/workbook/check/analyze');
    const [t] = resultTables(analyze(await data({ file: EXAMPLE })));
    const bytes = resultsCsv(t, renderResultNote);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(t.rows.length + 1);
    expect(lines[0].startsWith('序号,平台,')).toBe(true);
    const missing = t.rows.find((r) => r.total.official === null);
    expect(lines[missing?.serial ?? 0]).toMatch(/,—,—,\d+ 项指标无法计分/);
  });
});

describe('file mode keeps work', () => {
  it('a write makes the workbook unsaved and names the download after it; the outcome takes the focus; leaving asks', async () => {
    const { store } = await mount(await data({ file: EXAMPLE }), RESULTS);
    expect(store.getState().unsaved).toBe(false);
    const session = store.getState().session as NonNullable<ReturnType<typeof store.getState>['session']>;
    await act(() => store.apply(session.planFill({ style: 'native', replace: false })));
    expect(store.getState()).toMatchObject({ unsaved: true, changes: 'scored' });
    // focus on the outcome, announced
    const status = await screen.findByText(/^已填写 \d+ 个单元格/);
    const bar = status.closest('[role="status"]') as HTMLElement;
    expect(bar).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(bar));
    // leaving the page while unsaved is refused by the browser's prompt
    const leave = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);
    await act(() => store.revert());
    expect(store.getState().changes).toBe('reverted');
    act(() => store.downloaded());
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
