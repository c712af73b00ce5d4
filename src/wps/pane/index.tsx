/**
 * Entry of dist/wps/pane.html, opened by the ribbon with Application.CreateTaskPane: reads the
 * WPS runtime once, here, and renders the pane over `new WpsHost(Application)`.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { declarations, type FunctionId } from '../../functions/declarations';
import { WpsHost } from '../../hosts/wps/host';
import { WPS_ADDIN_QUIRKS, type EtApplication, type WpsRuntimeRoot } from '../../hosts/wps/quirks';
import { ScoringController, WPS_SURFACE } from '../controller';
import { SharedStateStore } from '../state';
import { PaneApp } from './App';

const page = globalThis as { wps?: WpsRuntimeRoot; Application?: EtApplication };
const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  const runtime = WPS_ADDIN_QUIRKS.runtimeApi(page.wps, page.Application);
  const host = new WpsHost(runtime.app);
  const state = new SharedStateStore(runtime.storage, WPS_ADDIN_QUIRKS.storageKey);
  const controller = new ScoringController(host, WPS_SURFACE);
  // an edit by the user: the next preview or fill reads the workbook again
  if (host.capabilities.changeEvents) host.onChanged(() => controller.invalidate());
  // functions.js on the entry page records what it registered; a pane opened before it ran asks the runtime
  const recorded = state.read().functions;
  const all = (Object.keys(declarations) as FunctionId[]).map((id) => `${WPS_ADDIN_QUIRKS.functionNamespace}.${id}`);
  const functions = recorded ? recorded.registered : runtime.addCustomFunction ? all : null;
  root.render(
    <FluentProvider theme={webLightTheme}>
      <PaneApp controller={controller} state={state} functions={functions} functionsMinVersion={WPS_ADDIN_QUIRKS.functionsMinVersion} select={(s, c) => host.select(s, c)} />
    </FluentProvider>,
  );
} catch (e) {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <p role="alert">无法连接 WPS 表格:{e instanceof Error ? e.message : String(e)}</p>
    </FluentProvider>,
  );
}
