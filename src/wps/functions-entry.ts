/**
 * Entry of dist/wps/functions.js, loaded by the add-in's entry page before main.js: registers the
 * WANMU functions with `wps.AddCustomFunction` when this WPS has it, and records in the shared
 * state whether it did (the pane then says which WPS version is needed). React-free and small.
 * WANMU_FUNCTIONS_JSON is the functions.json generated from src/hosts/excel/functions-entry.ts, put in
 * at build time by webpack.wps.js (DefinePlugin): the same metadata Excel reads.
 */
import { registerWpsFunctions, type FunctionsJson } from '../hosts/wps/functions';
import { WPS_ADDIN_QUIRKS, type EtApplication, type WpsRuntimeRoot } from '../hosts/wps/quirks';
import { SharedStateStore } from './state';

declare const WANMU_FUNCTIONS_JSON: FunctionsJson;

// The only globals read: the ones the WPS runtime provides to an add-in page.
const page = globalThis as { wps?: WpsRuntimeRoot; Application?: EtApplication };
// the functions first: they need nothing but AddCustomFunction
const registered = registerWpsFunctions(WPS_ADDIN_QUIRKS.addCustomFunctionOf(page.wps, page.Application), WANMU_FUNCTIONS_JSON);
const runtime = WPS_ADDIN_QUIRKS.runtimeApi(page.wps, page.Application);
new SharedStateStore(runtime.storage, WPS_ADDIN_QUIRKS.storageKey).update({ functions: { registered, version: runtime.version } });
