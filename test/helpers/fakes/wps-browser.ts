/**
 * Bundled by pane.chromium.test.ts and injected into the page before it loads: what the WPS
 * runtime gives an add-in page (`window.wps`, `window.Application`), over the fake ET holding the
 * test's workbook. Test code only: these are the globals WPS itself provides.
 */
import { fakeWps, fromJson, type WorkbookJson } from './wps-runtime';

export function install(json: WorkbookJson, options: { functions: boolean }): void {
  const w = fakeWps(fromJson(json), options);
  Object.assign(window, { wps: w, Application: w.Application });
}
