/**
 * Entry of the add-in's page (dist/wps/index.html), which WPS loads at start: builds the ribbon
 * callbacks over `new WpsHost(Application)` and hands them to WPS. WPS finds a ribbon callback by
 * its name on this page's global object (ribbon.xml's onAction="OnAction" …): that is the one
 * place the add-in puts anything on the global object, and only these four callbacks.
 */
import { WpsHost } from '../hosts/wps/host';
import { activeWorkbookName, WPS_ADDIN_QUIRKS, type EtApplication, type WpsRuntimeRoot } from '../hosts/wps/quirks';
import { ScoringController, WPS_SURFACE } from './controller';
import { createRibbon, RIBBON_IMAGES } from './ribbon';
import { SharedStateStore } from './state';

const page = globalThis as { wps?: WpsRuntimeRoot; Application?: EtApplication; alert(text: string): void };
const runtime = WPS_ADDIN_QUIRKS.runtimeApi(page.wps, page.Application);
const base = document.location.href.replace(/[^/]*([?#].*)?$/, '');
const ribbon = createRibbon({
  runtime,
  controller: new ScoringController(new WpsHost(runtime.app), WPS_SURFACE, undefined, () => activeWorkbookName(runtime.app)),
  state: new SharedStateStore(runtime.storage, WPS_ADDIN_QUIRKS.storageKey),
  paneUrl: base + WPS_ADDIN_QUIRKS.paneUrl,
  images: RIBBON_IMAGES,
  notify: (text) => page.alert(text),
});
Object.assign(globalThis, { OnAddinLoad: ribbon.OnAddinLoad, OnAction: ribbon.OnAction, GetImage: ribbon.GetImage, GetEnabled: ribbon.GetEnabled });
