/** WPS 表格 for the 自检 report: the build, and the interfaces this build has. */
import type { EtApplication } from '../../src/hosts/wps/quirks';
import { wpsHostInfo } from '../../src/wps/pane/hostInfo';

describe('wpsHostInfo', () => {
  it('names the build and the interfaces present', () => {
    const app = { ApiEvent: { AddApiEventListener: () => undefined, RemoveApiEventListener: () => undefined }, DebugTools: { UndoTransBegin: () => undefined, UndoTransEnd: () => undefined } } as unknown as EtApplication;
    expect(wpsHostInfo('WPS 表格', { app, version: '12.1.0.20540', addCustomFunction: () => true }, true)).toEqual({
      name: 'WPS 表格',
      version: '12.1.0.20540',
      apiSets: ['AddCustomFunction(已添加 WANMU 函数)', 'ApiEvent', 'DebugTools.UndoTransBegin'],
    });
  });

  it('an older build: no interfaces, version unknown', () => {
    expect(wpsHostInfo('WPS 表格', { app: {} as EtApplication, version: null, addCustomFunction: null }, false)).toEqual({ name: 'WPS 表格', version: null, apiSets: [] });
  });
});
