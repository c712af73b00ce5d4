/**
 * The pane's entry: waits for Office (not forever), then opens the workbook through the Excel host,
 * or — in a plain browser, or the offline page — starts in file mode.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { associateCommands, EXCEL_NO_FUNCTIONS_NOTE, excelHost, hasCustomFunctions, officeHostInfo, officeIsDark, selectionFeed, workbookUrl } from './office';
import { waitForOffice, type HostStatus } from './officeReady';
import { SessionProvider, type Environment } from './state/context';
import { PaneStore } from './state/store';
import { Themed } from './Themed';

const OFFICE_READY_TIMEOUT_MS = 5000;

const store = new PaneStore();
const root = createRoot(document.getElementById('root') as HTMLElement);

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function render(env: Environment, dark: boolean, statusText: string): void {
  root.render(
    <Themed dark={dark}>
      <SessionProvider store={store} env={env}>
        <App statusText={statusText} />
      </SessionProvider>
    </Themed>,
  );
}

/** File mode's 自检 names the browser: the file host runs in it. */
const FILE_ENV: Environment = {
  mode: 'file',
  hostName: '文件',
  customFunctions: false,
  noFunctionsNote: '',
  selection: null,
  hostInfo: () => ({ name: '浏览器(文件模式)', version: navigator.userAgent, apiSets: [] }),
};

function statusOf(status: HostStatus): string {
  if (status.kind === 'office') return `已连接:${status.host}`;
  return status.reason === 'no-office-js' ? '离线模式:未加载 Office,可打开本机的 .xlsx 文件' : '未在 Excel 中运行:可打开本机的 .xlsx 文件';
}

render(FILE_ENV, systemDark(), '正在连接 Office…');
void waitForOffice(OFFICE_READY_TIMEOUT_MS, typeof Office === 'undefined' ? undefined : Office).then(async (status) => {
  if (status.kind === 'office' && typeof Excel !== 'undefined') {
    const customFunctions = hasCustomFunctions(Office);
    const env: Environment = {
      mode: 'host',
      hostName: 'Excel',
      customFunctions,
      noFunctionsNote: EXCEL_NO_FUNCTIONS_NOTE,
      selection: selectionFeed(Excel, Office, store.reportError),
      hostInfo: () => officeHostInfo(Office),
    };
    associateCommands(Office, store);
    render(env, officeIsDark(Office), statusOf(status) + (customFunctions ? '' : '(此版本不支持自定义函数,请用普通公式填写)'));
    const url = workbookUrl(Office);
    await store.open({ kind: 'host', host: excelHost(Excel, Office, store), name: status.host, ...(url ? { fileName: url } : {}) });
    return;
  }
  render(FILE_ENV, systemDark(), statusOf(status));
});
