/**
 * @jest-environment jsdom
 *
 * 自检 in 转换与模板: one click runs the self-test on the open workbook, each step is listed with
 * 通过/失败/跳过, its time and any reason, the report names the host and its version and API sets
 * and is copied (a refused or missing clipboard is said, never thrown) or downloaded; nothing in
 * the workbook changes. Over the Excel fake through ExcelHost the WANMU.ANNUAL step runs too.
 */
import '../helpers/jsdom-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ExcelHost } from '../../src/hosts/excel/host';
import { MemoryHost } from '../../src/hosts/memory/host';
import type { Environment } from '../../src/taskpane/state/context';
import type { WorkbookHost } from '../../src/workbook/core/model';
import { SELF_TEST_STEPS, STEP_NAMES } from '../../src/selftest';
import { WANMU_VERSION } from '../../src/workbook/core/version';
import { contractWorkbook, selfTestCalculation } from '../helpers/host-contract';
import { FakeExcel } from '../helpers/fakes/excel';
import { mount, type MountOptions } from '../helpers/pane';

const BROWSER_ENV: Environment = {
  mode: 'file',
  hostName: '文件',
  customFunctions: false,
  noFunctionsNote: '',
  selection: null,
  hostInfo: () => ({ name: '浏览器(文件模式)', version: 'TestBrowser/1.0', apiSets: [] }),
};

/** 转换与模板 (where 自检 is) opened on the pane in the browser's file mode. */
const SELF_TEST: MountOptions = { env: BROWSER_ENV, tab: '转换与模板', click: true };

async function runIt(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: '运行自检' }));
  await screen.findByText(/^自检结果:(全部通过|未通过)/, undefined, { timeout: 20000 });
  return screen.getByRole('list', { name: '自检步骤' });
}

function setClipboard(clipboard: Partial<Clipboard> | undefined): void {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

afterEach(() => setClipboard(undefined));

describe('自检 in the pane', () => {
  it('runs in one click, lists every step with its time, copies the report, and leaves the workbook as it was', async () => {
    const host = new MemoryHost(contractWorkbook());
    const before = await host.read();
    const { store } = await mount(host, SELF_TEST);
    expect(await screen.findByText(/^检查本工具能否在浏览器\(文件模式\)中正常工作/)).toBeTruthy();
    const list = await runIt();
    expect(screen.getByText('自检结果:全部通过(通过 17 项,失败 0 项,跳过 1 项)')).toBeTruthy();
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(SELF_TEST_STEPS.length);
    expect(items[0].textContent).toMatch(new RegExp(`^通过${STEP_NAMES.prepare}\\d+ 毫秒$`));
    const functions = items[SELF_TEST_STEPS.findIndex((s) => s.id === 'functions')];
    expect(functions.textContent).toContain('跳过');
    expect(functions.textContent).toContain('没有 WANMU 工作表函数');
    expect(await host.read()).toEqual(before);
    expect(store.getState()).toMatchObject({ unsaved: false, busy: null, error: null });

    const copied: string[] = [];
    setClipboard({ writeText: async (t: string) => void copied.push(t) });
    fireEvent.click(screen.getByRole('button', { name: '复制报告' }));
    await screen.findByText(/^已复制报告/);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^万亩千亿评分助手 自检报告\n时间:\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\n/);
    expect(copied[0]).toContain(`本工具版本:${WANMU_VERSION}`);
    expect(copied[0]).toContain('表格程序:浏览器(文件模式) TestBrowser/1.0');
    expect(copied[0]).toContain('API 集:无');
    // the same text stands in the pane to select by hand
    expect((screen.getByRole('textbox', { name: '报告全文' }) as HTMLTextAreaElement).value).toBe(copied[0]);
  });

  it('says so when the clipboard is refused or missing, and does not crash', async () => {
    await mount(new MemoryHost(contractWorkbook()), SELF_TEST);
    await runIt();
    setClipboard({ writeText: () => Promise.reject(new Error('Write permission denied.')) });
    fireEvent.click(screen.getByRole('button', { name: '复制报告' }));
    await screen.findByText(/^无法复制\(Write permission denied\.\):请在下方“报告全文”中全选文字后复制/);
    setClipboard(undefined);
    fireEvent.click(screen.getByRole('button', { name: '复制报告' }));
    await screen.findByText(/^无法访问剪贴板/);
    setClipboard({
      writeText: () => {
        throw new Error('blocked');
      },
    });
    fireEvent.click(screen.getByRole('button', { name: '复制报告' }));
    await screen.findByText(/^无法复制\(blocked\)/);
  });

  it('downloads the report as UTF-8 text', async () => {
    await mount(new MemoryHost(contractWorkbook()), SELF_TEST);
    await runIt();
    const blobs: Blob[] = [];
    const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
    url.createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:report';
    };
    url.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      fireEvent.click(screen.getByRole('button', { name: '下载报告' }));
      await screen.findByText(/^已下载“万亩千亿自检报告-\d{14}\.txt”/);
      expect(blobs).toHaveLength(1);
      expect(blobs[0].type).toBe('text/plain;charset=utf-8');
      expect(click).toHaveBeenCalledTimes(1);
    } finally {
      click.mockRestore();
    }
  });

  it('on a host that ignores preconditions: 未通过, what failed, and to send the report', async () => {
    const inner = new MemoryHost(contractWorkbook());
    const broken: WorkbookHost = {
      capabilities: inner.capabilities,
      read: (s) => inner.read(s),
      readRanges: (r) => inner.readRanges(r),
      write: (b) => inner.write(b, []),
      select: (s, c) => inner.select(s, c),
      onChanged: (l) => inner.onChanged(l),
      setMarks: (m) => inner.setMarks(m),
      readMarks: () => inner.readMarks(),
    };
    await mount(broken, SELF_TEST);
    const list = await runIt();
    expect(screen.getByText('自检结果:未通过(通过 16 项,失败 1 项,跳过 1 项)')).toBeTruthy();
    const step = within(list).getAllByRole('listitem')[SELF_TEST_STEPS.findIndex((s) => s.id === 'precondition')];
    expect(step.textContent).toContain('失败');
    expect(step.textContent).toContain('填写可能覆盖用户刚输入的内容');
    expect(screen.getByText('请点击“复制报告”(或“下载报告”),把报告发给技术支持。', { selector: 'span' })).toBeTruthy();
  });

  it('over the Excel host (Office.js fake): every step passes, WANMU.ANNUAL included, and the report names Excel’s version and API sets', async () => {
    const x = FakeExcel.from(contractWorkbook(), (f) => selfTestCalculation(f) ?? null);
    const errors: unknown[] = [];
    const host = new ExcelHost({ run: x.run, runIn: x.runIn, isSetSupported: () => true, reportError: (e) => errors.push(e) });
    const before = await host.read();
    await mount(host, {
      ...SELF_TEST,
      env: {
        mode: 'host',
        hostName: 'Excel',
        customFunctions: true,
        noFunctionsNote: '',
        selection: null,
        hostInfo: () => ({ name: 'Excel', version: '16.0.17928.20114', platform: 'PC', apiSets: ['ExcelApi 1.20', 'SharedRuntime 1.1'] }),
      },
      status: 'Excel',
    });
    await runIt();
    expect(screen.getByText('自检结果:全部通过(通过 18 项,失败 0 项,跳过 0 项)')).toBeTruthy();
    const text = (screen.getByRole('textbox', { name: '报告全文' }) as HTMLTextAreaElement).value;
    expect(text).toContain('表格程序:Excel 16.0.17928.20114(PC)');
    expect(text).toContain('API 集:ExcelApi 1.20、SharedRuntime 1.1');
    expect(await host.read()).toEqual(before);
    await waitFor(() => expect(errors).toEqual([]));
  });
});
