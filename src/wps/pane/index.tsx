/**
 * Entry of dist/wps/pane.html, opened by the ribbon with Application.CreateTaskPane: reads the
 * WPS runtime once, here, and renders the add-in's one task pane (src/taskpane/App.tsx, the same
 * pane Excel shows) over `new WpsHost(Application)`. What differs from Excel is configuration:
 * the environment (WPS 表格, whether AddCustomFunction registered the WANMU functions, no
 * selection feed) and the shared state the ribbon writes, polled into `store.refresh()`.
 */
import { createRoot } from 'react-dom/client';
import { declarations, type FunctionId } from '../../functions/declarations';
import { WpsHost } from '../../hosts/wps/host';
import { activeWorkbookName, WPS_ADDIN_QUIRKS, type EtApplication, type WpsRuntimeRoot } from '../../hosts/wps/quirks';
import { App } from '../../taskpane/App';
import { SessionProvider, type Environment } from '../../taskpane/state/context';
import { errorText, PaneStore } from '../../taskpane/state/store';
import { Themed } from '../../taskpane/Themed';
import { SharedStateStore } from '../state';
import { wpsHostInfo } from './hostInfo';
import { watchSharedState } from './sync';

/** How often the pane looks for what the ribbon did, in ms. */
const SHARED_STATE_POLL_MS = 1000;
const HOST_NAME = 'WPS 表格';

const page = globalThis as { wps?: WpsRuntimeRoot; Application?: EtApplication };
const root = createRoot(document.getElementById('root') as HTMLElement);

/** What the user is told when this WPS cannot add the WANMU worksheet functions. */
function wpsNoFunctionsNote(minVersion: string): string {
  return `此版本的 WPS 不能添加工作表函数 WANMU.*(需要 WPS ${minVersion} 或更高版本,可在“关于 WPS”中查看版本号),WANMU 函数会显示 #NAME?;请使用“普通公式”或“数值”填写。`;
}

function start(): void {
  const runtime = WPS_ADDIN_QUIRKS.runtimeApi(page.wps, page.Application);
  const host = new WpsHost(runtime.app);
  const shared = new SharedStateStore(runtime.storage, WPS_ADDIN_QUIRKS.storageKey);
  // functions.js on the entry page records what it registered; a pane opened before it ran asks the runtime
  const before = shared.read();
  const all = (Object.keys(declarations) as FunctionId[]).map((id) => `${WPS_ADDIN_QUIRKS.functionNamespace}.${id}`);
  const functions = before.functions ? before.functions.registered : runtime.addCustomFunction ? all : null;
  const noFunctionsNote = wpsNoFunctionsNote(WPS_ADDIN_QUIRKS.functionsMinVersion);
  const env: Environment = {
    mode: 'host',
    hostName: HOST_NAME,
    customFunctions: functions !== null,
    noFunctionsNote,
    selection: null,
    hostInfo: () => wpsHostInfo(HOST_NAME, runtime, functions !== null),
  };
  const statusText = `已连接:${HOST_NAME}` + (functions === null ? `(${noFunctionsNote})` : `(已添加工作表函数:${functions.join('、')})`);
  const store = new PaneStore();
  root.render(
    <Themed dark={false}>
      <SessionProvider store={store} env={env}>
        <App statusText={statusText} />
      </SessionProvider>
    </Themed>,
  );
  const fileName = activeWorkbookName(runtime.app);
  store
    .open({ kind: 'host', host, name: HOST_NAME, ...(fileName ? { fileName } : {}) })
    .then(() => {
      if (before.storageProblem) store.reportError(before.storageProblem);
      watchSharedState(shared, store, SHARED_STATE_POLL_MS, before.revision);
    })
    .catch(store.reportError);
}

try {
  start();
} catch (e) {
  root.render(
    <Themed dark={false}>
      <p role="alert">无法连接 WPS 表格:{errorText(e)}</p>
    </Themed>,
  );
}
