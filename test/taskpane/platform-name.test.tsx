/**
 * @jest-environment jsdom
 *
 * 识别结果's platform name of a one-platform table over a real session: where the name came from
 * (here the file's name), changed on Enter or on leaving the input, a blank name refused in
 * Chinese, the change saved with the mapping and used by the scores, 结果 and the written result
 * sheet, back to the recognized name; a name another platform has is warned.
 */
import '../helpers/jsdom-setup';
import { mount, type MountOptions } from '../helpers/pane';
import { data } from '../helpers/data';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PaneStore } from '../../src/taskpane/state/store';
import { MAPPING_SHEET } from '../../src/workbook/core/sheets';
import { WorkbookSession } from '../../src/workbook';
import type { WorkbookData } from '../../src/workbook/core/model';
import * as path from 'path';

const FILE = '衢州智造新城2024年度评价.xlsx';
/** An issued 验收评价 table of one platform that nothing on the sheet names (its sheet is 验收评价). */
const EXAMPLE = path.resolve(__dirname, '../../examples/验收评价-平台自评.xlsx');

/** 识别结果 opened on the pane (file mode). */
const NAMES_TAB: MountOptions = { tab: '识别结果', click: true };

const platformsOf = (store: PaneStore) => store.getState().model!.totals.map((t) => t.platform);

describe('识别结果: the platform’s name', () => {
  it('shows the name with where it came from, takes the user’s name (not a blank one), saves it with the mapping and goes back to the recognized one', async () => {
    const { store, host } = await mount(await data({ file: EXAMPLE }), { ...NAMES_TAB, workspace: { name: FILE, fileName: FILE } });
    const input = screen.getByLabelText('平台名称') as HTMLInputElement;
    expect(input.value).toBe('衢州智造新城');
    expect(screen.getByText(`依据:文件名“${FILE}”`)).toBeTruthy();

    // a blank name is refused, in Chinese; nothing changes
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByText('工作表“验收评价”的平台名称不能为空或只有空格;请填写平台名称,或恢复为识别的名称')).toBeTruthy();
    expect(store.getState().mapping).toEqual({ sheets: {} });
    expect(platformsOf(store)).toEqual(['衢州智造新城']);
    // Escape goes back to the name in use
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('衢州智造新城');

    // a name, applied on leaving the input
    fireEvent.change(input, { target: { value: ' 衢州高端电子材料平台 ' } });
    fireEvent.blur(input);
    await waitFor(() => expect(store.getState().mapping.sheets.验收评价).toEqual({ platform: '衢州高端电子材料平台' }));
    await waitFor(() => expect(store.getState().busy).toBeNull());
    expect(platformsOf(store)).toEqual(['衢州高端电子材料平台']);
    expect((screen.getByLabelText('平台名称') as HTMLInputElement).value).toBe('衢州高端电子材料平台');
    expect(screen.getByText(`依据:用户指定(识别为“衢州智造新城”,依据文件名“${FILE}”)`)).toBeTruthy();
    // saved with the workbook: a session opened anew reads it back
    expect((await host.read()).sheets.find((s) => s.name === MAPPING_SHEET)?.state).toBe('veryHidden');
    expect((await WorkbookSession.open(host)).mapping).toEqual({ sheets: { 验收评价: { platform: '衢州高端电子材料平台' } } });

    // 结果 and the sheet it writes use the new name
    fireEvent.click(screen.getByRole('tab', { name: '结果' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('衢州高端电子材料平台')).toBeTruthy();
    const session = store.getState().session!;
    await act(() => store.apply(session.planResultsSheet(), 'resultsSheet'));
    const written = (await host.read()).sheets.find((s) => s.name === '评分结果汇总');
    const texts = [...(written?.rows.values() ?? [])].flatMap((r) => [...r.values()].map((c) => c.value));
    expect(texts).toContain('衢州高端电子材料平台');
    expect(texts).not.toContain('衢州智造新城');

    // back to the recognized name
    fireEvent.click(screen.getByRole('tab', { name: '识别结果' }));
    fireEvent.click(await screen.findByRole('button', { name: '恢复识别的名称“衢州智造新城”' }));
    await waitFor(() => expect(platformsOf(store)).toEqual(['衢州智造新城']));
    expect(store.getState().mapping.sheets.验收评价).toBeUndefined();
    await waitFor(() => expect((screen.getByLabelText('平台名称') as HTMLInputElement).value).toBe('衢州智造新城'));
    expect(screen.queryByRole('button', { name: /恢复识别的名称/ })).toBeNull();
  });

  it('Enter applies the name once; a name another platform of the evaluation has is warned there', async () => {
    const one = await data({ file: EXAMPLE });
    const workbook: WorkbookData = { sheets: [one.sheets[0], { ...one.sheets[0], name: '验收评价2' }] };
    const { store } = await mount(workbook, NAMES_TAB);
    const inputs = screen.getAllByLabelText('平台名称') as HTMLInputElement[];
    expect(inputs.map((i) => i.value)).toEqual(['验收评价', '验收评价2']);
    expect(screen.getAllByText('依据:工作表名(未能从标题、平台名称行或文件名确定平台名称)')).toHaveLength(2);
    const writes = () => store.getState().version;
    fireEvent.change(inputs[1], { target: { value: '验收评价' } });
    fireEvent.keyDown(inputs[1], { key: 'Enter' });
    fireEvent.blur(inputs[1]);
    await waitFor(() => expect(store.getState().mapping.sheets.验收评价2).toEqual({ platform: '验收评价' }));
    await waitFor(() => expect(store.getState().busy).toBeNull());
    const after = writes();
    fireEvent.blur(inputs[1]);
    expect(writes()).toBe(after);
    const warnings = await screen.findAllByText(/平台名称“验收评价”与工作表“验收评价\d?”中的平台相同/);
    expect(warnings).toHaveLength(2);
    expect(warnings[0].textContent).toContain('请在“识别结果”中修改该表的平台名称');
  });
});
