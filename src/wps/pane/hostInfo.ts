/**
 * WPS 表格 for the 自检 report: the build WPS reports (`Application.Build`, else `Version`: see
 * WPS_ADDIN_QUIRKS.runtimeApi), and which of the interfaces the add-in uses where present this
 * build has (WPS has no requirement sets).
 */
import { WPS_QUIRKS, type WpsRuntime } from '../../hosts/wps/quirks';
import type { HostInfo } from '../../selftest';

export function wpsHostInfo(name: string, runtime: Pick<WpsRuntime, 'app' | 'version' | 'addCustomFunction'>, functionsRegistered: boolean): HostInfo {
  const apiSets: string[] = [];
  if (runtime.addCustomFunction) apiSets.push(functionsRegistered ? 'AddCustomFunction(已添加 WANMU 函数)' : 'AddCustomFunction');
  if (runtime.app.ApiEvent) apiSets.push('ApiEvent');
  if (WPS_QUIRKS.undo(runtime.app)) apiSets.push('DebugTools.UndoTransBegin');
  return { name, version: runtime.version, apiSets };
}
