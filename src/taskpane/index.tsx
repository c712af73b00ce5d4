/**
 * The pane's entry: waits for Office (not forever), then opens the workbook through the Excel host,
 * or — in a plain browser, or the offline page — starts in file mode.
 */
import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { associateCommands, excelHost, hasCustomFunctions, officeIsDark, selectionFeed } from './office';
import { waitForOffice, type HostStatus } from './officeReady';
import { SessionProvider, type Environment } from './state/context';
import { PaneStore } from './state/store';

const OFFICE_READY_TIMEOUT_MS = 5000;

const store = new PaneStore();
const root = createRoot(document.getElementById('root') as HTMLElement);

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

// the theme's background fills the whole pane, not only the content
const useRootStyles = makeStyles({ root: { minHeight: '100vh' } });

function Themed({ dark, children }: { dark: boolean; children: React.ReactNode }) {
  const styles = useRootStyles();
  return (
    <FluentProvider className={styles.root} theme={dark ? webDarkTheme : webLightTheme}>
      {children}
    </FluentProvider>
  );
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

const FILE_ENV: Environment = { mode: 'file', customFunctions: false, selection: null };

function statusOf(status: HostStatus): string {
  if (status.kind === 'office') return `已连接:${status.host}`;
  return status.reason === 'no-office-js' ? '离线模式:未加载 Office,可打开本机的 .xlsx 文件' : '未在 Excel 中运行:可打开本机的 .xlsx 文件';
}

render(FILE_ENV, systemDark(), '正在连接 Office…');
void waitForOffice(OFFICE_READY_TIMEOUT_MS, typeof Office === 'undefined' ? undefined : Office).then(async (status) => {
  if (status.kind === 'office' && typeof Excel !== 'undefined') {
    const customFunctions = hasCustomFunctions(Office);
    const env: Environment = { mode: 'office', customFunctions, selection: selectionFeed(Excel, Office, store.reportError) };
    associateCommands(Office, store);
    render(env, officeIsDark(Office), statusOf(status) + (customFunctions ? '' : '(此版本不支持自定义函数,请用普通公式填写)'));
    await store.open({ kind: 'office', host: excelHost(Excel, Office, store), name: status.host });
    return;
  }
  render(FILE_ENV, systemDark(), statusOf(status));
});
