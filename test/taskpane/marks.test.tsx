/**
 * @jest-environment jsdom
 *
 * 在表格中标出问题单元格 in the pane's 检查 tab, against a real session over the in-memory host (and
 * the file host, as the browser page uses it): the switch marks, the marks follow re-checks,
 * 清除标记 clears, marks already in a workbook are announced, hosts that cannot mark show nothing.
 */
import '../helpers/jsdom-setup';
import { mount } from '../helpers/pane';
import { data, type DataOptions } from '../helpers/data';
import * as path from 'path';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Environment } from '../../src/taskpane/state/context';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { MemoryHost } from '../../src/hosts/memory/host';
import { canonicalMarks } from '../../src/workbook/core/marks';
import type { MarkSet } from '../../src/workbook/core/model';

const DATA = '培育名单数据';
const WIDE_FIRST_ROW = 5;
const EXAMPLE = path.resolve(__dirname, '../../examples/年度评价-培育名单.xlsx');
const ENV: Environment = { mode: 'host', hostName: 'Excel', customFunctions: true, noFunctionsNote: '', selection: null };
const SWITCH = { name: '在表格中标出问题单元格' };

/** The example 培育名单 with one input blanked (D5) and one share entered as 91 (D6). */
const MISTAKES: DataOptions = { file: EXAMPLE, edits: { [`D${WIDE_FIRST_ROW}`]: null, [`D${WIDE_FIRST_ROW + 1}`]: 91 } };

/** Whether a cell is in one of the marks, and with which severity. */
function markAt(marks: readonly MarkSet[], sheet: string, row: number, col: number): string | null {
  const m = marks.find((x) => x.sheet === sheet && x.ranges.some((r) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right));
  return m ? m.severity : null;
}

describe('task pane: marking problem cells', () => {
  it('the switch marks the problem cells, the marks follow a re-check, 清除标记 takes them all away', async () => {
    const host = new MemoryHost(await data(MISTAKES));
    const cells = await host.read();
    const { store } = await mount(host, { env: ENV });
    expect(screen.queryByText('工作簿中已有万亩千亿评分的标记。')).toBeNull();
    const toggle = screen.getByRole('switch', SWITCH) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(host.calls.setMarks).toBe(1));
    await waitFor(() => expect(store.getState().busy).toBeNull());
    const marks = await host.readMarks();
    expect(canonicalMarks(marks)).toEqual(canonicalMarks(store.getState().session!.planMarks()));
    expect(markAt(marks, DATA, WIDE_FIRST_ROW + 1, 4)).toBe('error');
    expect((screen.getByRole('switch', SWITCH) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/错误标为浅红色,警告标为浅黄色/)).toBeTruthy();
    // the user corrects the share: after the re-check its mark is gone
    await act(async () => {
      host.edit(DATA, { [`D${WIDE_FIRST_ROW + 1}`]: 0.91 });
      await store.settled();
    });
    expect(host.calls.setMarks).toBe(2);
    expect(markAt(await host.readMarks(), DATA, WIDE_FIRST_ROW + 1, 4)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(store.getState().marking).toBe(false));
    expect(await host.readMarks()).toEqual([]);
    expect((screen.getByRole('switch', SWITCH) as HTMLInputElement).checked).toBe(false);
    // marks never touched a cell: the workbook differs only by the user's correction
    const control = new MemoryHost(cells);
    control.edit(DATA, { [`D${WIDE_FIRST_ROW + 1}`]: 0.91 });
    expect(await host.read()).toEqual(await control.read());
  });

  it('says when a workbook already holds marks, and clears them', async () => {
    const host = new MemoryHost(await data(MISTAKES));
    await host.setMarks([{ sheet: DATA, severity: 'warning', ranges: [{ top: 1, left: 1, bottom: 1, right: 1 }] }]);
    host.addConditionalFormat({ sheet: DATA, formula: 'A1>0', fill: '00FF00', ranges: [{ top: 2, left: 1, bottom: 2, right: 1 }] });
    const { store } = await mount(host, { env: ENV });
    expect(screen.getByText('工作簿中已有万亩千亿评分的标记。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(screen.queryByText('工作簿中已有万亩千亿评分的标记。')).toBeNull());
    expect(store.getState().marked).toBe(false);
    expect(await host.readMarks()).toEqual([]);
    // the user's own rule stays
    expect(host.conditionalFormats.map((f) => f.formula)).toEqual(['A1>0']);
  });

  it('offers no marking where the host cannot mark', async () => {
    const host = new MemoryHost(await data(MISTAKES), { marks: false });
    await mount(host, { env: ENV });
    expect(screen.queryByRole('switch', SWITCH)).toBeNull();
    expect(host.calls.readMarks).toBe(0);
  });

  it('file mode: the marks go into the workbook that is downloaded', async () => {
    const host = await XlsxFileHost.open(EXAMPLE);
    const { store } = await mount(host, { env: ENV, workspace: { kind: 'file', name: '年度评价-培育名单.xlsx', bytes: () => host.toBuffer() } });
    fireEvent.click(screen.getByRole('switch', SWITCH));
    await waitFor(() => expect(store.getState().marked).toBe(true));
    const downloaded = await XlsxFileHost.fromBuffer(host.toBuffer());
    expect(canonicalMarks(await downloaded.readMarks())).toEqual(canonicalMarks(store.getState().session!.planMarks()));
    expect(await downloaded.read()).toEqual(await (await XlsxFileHost.open(EXAMPLE)).read());
  });
});
