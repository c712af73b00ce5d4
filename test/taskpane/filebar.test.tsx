/**
 * @jest-environment jsdom
 *
 * File mode's bar: opening another workbook over one with writes not downloaded asks first (the
 * pane's own dialog); 取消 keeps the workbook and its writes, 不下载,直接打开 (continue) opens the
 * new one, 下载后打开 downloads the current one first; with nothing unsaved there is no question.
 */
import '../helpers/jsdom-setup';
import { FILE_ENV, renderPane } from '../helpers/pane';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';

const ANNUAL = path.resolve(__dirname, '../../examples/年度评价-培育名单.xlsx');
const ACCEPTANCE = path.resolve(__dirname, '../../examples/验收评价-平台自评.xlsx');

/** A picked file as the browser gives it (jsdom's File has no arrayBuffer()). */
function picked(file: string, name: string): File {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const f = new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  Object.defineProperty(f, 'arrayBuffer', { value: () => Promise.resolve(bytes.slice().buffer) });
  return f;
}

/**
 * The dialog and its buttons are found with `hidden: true`: in jsdom the open surface ends up
 * marked aria-hidden (Fluent's focus management without layout), though it is open and shown.
 */
function pick(f: File): void {
  fireEvent.change(screen.getByTestId('file-input'), { target: { files: [f] } });
}

async function openedAs(store: ReturnType<typeof renderPane>, name: string): Promise<void> {
  await waitFor(() => expect(store.getState().workspace?.name).toBe(name));
  await waitFor(() => expect(store.getState().busy).toBeNull());
  await waitFor(() => expect(store.getState().model).not.toBeNull());
}

/** Opens the first workbook and writes into it (a fill), so that it has writes not downloaded. */
async function unsavedPane() {
  const store = renderPane(FILE_ENV, '文件');
  pick(picked(ANNUAL, '培育名单.xlsx'));
  await openedAs(store, '培育名单.xlsx');
  expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
  const session = store.getState().session!;
  await act(() => store.apply(session.planFill({ style: 'native', replace: false })));
  expect(store.getState().unsaved).toBe(true);
  return store;
}

describe('file mode: opening another workbook over unsaved writes', () => {
  // downloads: jsdom has no object URLs and does not navigate; what was handed to the browser is kept
  let created: number[] = [];
  const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
  beforeAll(() => {
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b.size), 'blob:wanmu'), revokeObjectURL: () => undefined });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  beforeEach(() => {
    created = [];
  });
  afterAll(() => {
    Object.assign(URL, saved);
    jest.restoreAllMocks();
  });

  it('asks first; 取消 keeps the workbook and its writes', async () => {
    const store = await unsavedPane();
    const session = store.getState().session;
    pick(picked(ACCEPTANCE, '平台自评.xlsx'));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByText('“培育名单.xlsx”的改动还没有下载')).toBeTruthy();
    expect(within(dialog).getByText(/打开“平台自评.xlsx”后/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(store.getState().workspace?.name).toBe('培育名单.xlsx');
    expect(store.getState().session).toBe(session);
    expect(store.getState().unsaved).toBe(true);
    expect(created).toEqual([]);
  });

  it('不下载,直接打开 (continue) opens the new one, its file name naming the platform; then nothing is unsaved and the next open asks nothing', async () => {
    const store = await unsavedPane();
    pick(picked(ACCEPTANCE, '衢州智造新城2024年度评价.xlsx'));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: '不下载,直接打开', hidden: true }));
    await openedAs(store, '衢州智造新城2024年度评价.xlsx');
    expect(store.getState().unsaved).toBe(false);
    expect(store.getState().model!.analysis.tables.map((t) => t.table.evaluation)).toEqual(['acceptance']);
    expect(store.getState().model!.totals.map((t) => t.platform)).toEqual(['衢州智造新城']);
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(created).toEqual([]);
    pick(picked(ANNUAL, '培育名单.xlsx'));
    await openedAs(store, '培育名单.xlsx');
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
  });

  it('下载后打开 downloads the current workbook, then opens the new one', async () => {
    const store = await unsavedPane();
    pick(picked(ACCEPTANCE, '平台自评.xlsx'));
    fireEvent.click(within(await screen.findByRole('dialog', { hidden: true })).getByRole('button', { name: '下载后打开', hidden: true }));
    await openedAs(store, '平台自评.xlsx');
    expect(created).toHaveLength(1);
    expect(created[0]).toBeGreaterThan(1000);
    expect(store.getState().unsaved).toBe(false);
  });
});
