/**
 * @jest-environment jsdom
 *
 * The pane over the Office.js host (ExcelHost over the faithful Excel fake): the check is read in
 * one host read, a click on a finding selects its cell in Excel, a fill is one write, and a cell
 * the user edits in Excel (a change event) is re-checked.
 */
import '../helpers/jsdom-setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import * as path from 'path';
import { EXCEL_NO_FUNCTIONS_NOTE as EXCEL_NOTE, officeHostInfo, officeIsDark, workbookUrl } from '../../src/taskpane/office';
import { ExcelHost } from '../../src/hosts/excel/host';
import { FakeExcel } from '../helpers/fakes/excel';
import { mount, type MountOptions } from '../helpers/pane';
import { data } from '../helpers/data';

const EXAMPLE = path.resolve(__dirname, '../../examples/年度评价-培育名单.xlsx');

/** The pane as Excel shows it, opened on the host's workbook (named Excel); waits for no tab. */
const IN_EXCEL: MountOptions = {
  env: { mode: 'host', hostName: 'Excel', customFunctions: true, noFunctionsNote: EXCEL_NOTE, selection: null },
  workspace: { name: 'Excel' },
  tab: null,
};

describe('task pane over the Office.js host', () => {
  it('checks, selects a finding’s cell in Excel, fills in one write', async () => {
    const x = FakeExcel.from(await data({ file: EXAMPLE }), () => null);
    const errors: unknown[] = [];
    const host = new ExcelHost({ run: x.run, runIn: x.runIn, isSetSupported: () => true, reportError: (e) => errors.push(e) });
    expect(host.capabilities).toEqual({ select: true, changeEvents: true, undoGroup: true, marks: true, sheetLayout: true });
    const { store } = await mount(host, IN_EXCEL);
    await screen.findByRole('tab', { name: '检查' });
    fireEvent.click(screen.getByRole('button', { name: '下一个' }));
    const first = store.getState().model!.findings[0];
    await waitFor(() => expect(x.selection?.sheet).toBe(first.sheet));
    expect(x.selection?.address.replace(/\$/g, '').split('!').pop()).toBe(first.cell);
    const syncs = x.syncs;
    fireEvent.click(screen.getByRole('tab', { name: '填写' }));
    fireEvent.click(await screen.findByRole('button', { name: '填写得分' }));
    await screen.findByText(/已填写 \d+ 个单元格/);
    expect(x.syncs - syncs).toBeLessThanOrEqual(4);
    expect(errors).toEqual([]);
  });

  it('marks the problem cells in Excel as conditional formats, and clears them', async () => {
    const x = FakeExcel.from(await data({ file: EXAMPLE }), () => null);
    const errors: unknown[] = [];
    const host = new ExcelHost({ run: x.run, runIn: x.runIn, isSetSupported: () => true, reportError: (e) => errors.push(e) });
    const { store } = await mount(host, IN_EXCEL);
    const syncs = x.syncs;
    fireEvent.click(await screen.findByRole('switch', { name: '在表格中标出问题单元格' }));
    await waitFor(() => expect(store.getState().marked).toBe(true));
    expect(x.syncs - syncs).toBe(2);
    const ours = () => x.sheets.flatMap((s) => s.formats.filter((f) => f.formula.startsWith('=ISTEXT("万亩千亿评分:')));
    expect(ours().length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(store.getState().marked).toBe(false));
    expect(ours()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('follows Office’s theme: dark when the body background is dark', () => {
    const office = (bg: string) => ({ context: { officeTheme: { bodyBackgroundColor: bg } } }) as unknown as typeof Office;
    expect(officeIsDark(office('#262626'))).toBe(true);
    expect(officeIsDark(office('#ffffff'))).toBe(false);
    expect(officeIsDark(office(''))).toBe(false);
  });

  it('passes the workbook’s address (Office.context.document.url) on as its file name, where Office has one', async () => {
    const office = (url: unknown) => ({ context: { document: { url } } }) as unknown as typeof Office;
    expect(workbookUrl(office('https://x.sharepoint.com/d/%E8%A1%A2%E5%B7%9E%E6%99%BA%E9%80%A0%E6%96%B0%E5%9F%8E2024%E5%B9%B4%E5%BA%A6%E8%AF%84%E4%BB%B7.xlsx'))).toMatch(/^https:/);
    expect(workbookUrl(office(''))).toBeUndefined();
    expect(workbookUrl(office(undefined))).toBeUndefined();
    expect(workbookUrl({ context: {} } as unknown as typeof Office)).toBeUndefined();
  });

  it('names Excel for the 自检 report: diagnostics’ host, version and platform, and the highest version of each requirement set', () => {
    const supported: Readonly<Record<string, number>> = { ExcelApi: 17, SharedRuntime: 1, CustomFunctionsRuntime: 3 };
    const office = (diagnostics?: object) =>
      ({
        context: {
          diagnostics,
          requirements: { isSetSupported: (name: string, version: string) => (supported[name] ?? 0) >= Number(version.split('.')[1]) },
        },
      }) as unknown as typeof Office;
    expect(officeHostInfo(office({ host: 'Excel', version: '16.0.17928.20114', platform: 'PC' }))).toEqual({
      name: 'Excel',
      version: '16.0.17928.20114',
      platform: 'PC',
      apiSets: ['ExcelApi 1.17', 'SharedRuntime 1.1', 'CustomFunctionsRuntime 1.3'],
    });
    expect(officeHostInfo(office())).toMatchObject({ name: 'Excel', version: null, platform: null });
  });
});
