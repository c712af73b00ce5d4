/**
 * The task pane in component tests (jsdom; import ./jsdom-setup first). renderPane mounts the pane
 * as a host page does (theme, store, environment) and returns its store; mount() also opens a
 * workbook in it and waits for a tab, the way every pane test starts.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { SessionProvider, type Environment } from '../../src/taskpane/state/context';
import { PaneStore, type Workspace } from '../../src/taskpane/state/store';
import { MemoryHost } from '../../src/hosts/memory/host';
import type { WorkbookData, WorkbookHost } from '../../src/workbook/core/model';

/** File mode in a browser, where WANMU functions cannot run. */
export const FILE_ENV: Environment = { mode: 'file', hostName: '文件', customFunctions: false, noFunctionsNote: '', selection: null };

export function renderPane(env: Environment, statusText: string): PaneStore {
  const store = new PaneStore();
  render(
    <FluentProvider theme={webLightTheme}>
      <SessionProvider store={store} env={env}>
        <App statusText={statusText} />
      </SessionProvider>
    </FluentProvider>,
  );
  return store;
}

export interface MountOptions {
  /** The environment the pane runs in (default FILE_ENV). */
  readonly env?: Environment;
  /** The status line (default: “已连接:<host>” in a host, the host's name in file mode). */
  readonly status?: string;
  /** The workspace opened, beyond its host (default: of the environment's mode, named test.xlsx). */
  readonly workspace?: Partial<Omit<Workspace, 'host'>>;
  /** The tab waited for once the workbook is open (default 检查); null waits for none. */
  readonly tab?: string | null;
  /** Click that tab as well (default false). */
  readonly click?: boolean;
}

/**
 * Mounts the pane and opens a workbook in it: a host, or workbook data (put in a MemoryHost).
 * Returns the pane's store and the host.
 */
export async function mount(workbook: WorkbookData, options?: MountOptions): Promise<{ store: PaneStore; host: MemoryHost }>;
export async function mount<H extends WorkbookHost>(host: H, options?: MountOptions): Promise<{ store: PaneStore; host: H }>;
export async function mount(from: WorkbookHost | WorkbookData, options: MountOptions = {}): Promise<{ store: PaneStore; host: WorkbookHost }> {
  const host = 'read' in from ? from : new MemoryHost(from);
  const env = options.env ?? FILE_ENV;
  const store = renderPane(env, options.status ?? (env.mode === 'host' ? `已连接:${env.hostName}` : env.hostName));
  await act(() => store.open({ kind: env.mode, host, name: 'test.xlsx', ...options.workspace }));
  const tab = options.tab === undefined ? '检查' : options.tab;
  if (tab !== null) {
    const found = await screen.findByRole('tab', { name: tab });
    if (options.click) {
      fireEvent.click(found);
      // a tab loaded on demand (转换与模板, 图表) shows its spinner until its chunk is there
      await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    }
  }
  return { store, host };
}
