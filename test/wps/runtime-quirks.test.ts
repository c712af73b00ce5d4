/**
 * The add-in runtime configuration (WPS_ADDIN_QUIRKS.runtimeApi): members found on `wps` or on
 * `Application`, as builds differ; and the shared state's adapter over PluginStorage.
 */
import { activeWorkbookName, WPS_ADDIN_QUIRKS, type EtApplication, type WpsRuntimeRoot } from '../../src/hosts/wps/quirks';
import { SharedStateStore } from '../../src/wps/state';

function storage(initial?: unknown) {
  const m = new Map<string, unknown>(initial === undefined ? [] : [['k', initial]]);
  return { m, api: { getItem: (k: string) => (m.has(k) ? m.get(k) : null), setItem: (k: string, v: string) => void m.set(k, v) } };
}

describe('WPS_ADDIN_QUIRKS.runtimeApi', () => {
  const app = { Build: '12.1.0.20540' } as unknown as EtApplication;

  it('finds PluginStorage, CreateTaskPane and AddCustomFunction on wps first, else on Application', () => {
    const onWps = storage();
    const onApp = storage();
    const calls: string[] = [];
    const appWith = Object.assign(Object.create(null) as object, app, {
      PluginStorage: onApp.api,
      CreateTaskPane: (url: string) => ({ ID: `app:${url}`, Visible: false }),
    }) as unknown as EtApplication;
    const wps: WpsRuntimeRoot = {
      PluginStorage: onWps.api,
      AddCustomFunction(ns, name) {
        calls.push(`${ns}.${name}`);
        return true;
      },
    };
    const r = WPS_ADDIN_QUIRKS.runtimeApi(wps, appWith);
    r.storage.setItem('x', '1');
    expect(onWps.m.get('x')).toBe('1');
    expect(onApp.m.has('x')).toBe(false);
    expect(r.createTaskPane('p.html').ID).toBe('app:p.html');
    expect(r.getTaskPane('none')).toBeNull();
    r.addCustomFunction?.('WANMU', 'ANNUAL', () => 0, {});
    expect(calls).toEqual(['WANMU.ANNUAL']);
    expect(r.version).toBe('12.1.0.20540');
  });

  it('no AddCustomFunction (older WPS): null, and the rest still works', () => {
    const s = storage();
    const r = WPS_ADDIN_QUIRKS.runtimeApi({ PluginStorage: s.api }, app);
    expect(r.addCustomFunction).toBeNull();
    expect(WPS_ADDIN_QUIRKS.addCustomFunctionOf(undefined, app)).toBeNull();
    expect(() => r.createTaskPane('p.html')).toThrow('此版本的 WPS 不支持任务窗格(CreateTaskPane)');
  });

  it('says in Chinese what is missing', () => {
    expect(() => WPS_ADDIN_QUIRKS.runtimeApi(undefined, undefined)).toThrow(/未找到 WPS 表格的 Application 对象/);
    expect(() => WPS_ADDIN_QUIRKS.runtimeApi({}, app)).toThrow(/PluginStorage/);
  });
});

describe('SharedStateStore', () => {
  it('starts empty, merges updates and bumps the revision', () => {
    const s = storage();
    const store = new SharedStateStore(s.api, 'k');
    expect(store.read().revision).toBe(0);
    expect(store.update({ paneId: 'p1' }).revision).toBe(1);
    const next = store.update({ functions: { registered: null, version: null } });
    expect(next).toMatchObject({ revision: 2, paneId: 'p1', functions: { registered: null } });
    expect(JSON.parse(s.m.get('k') as string)).toEqual(next);
  });

  it('a damaged value is reported, not taken for state, and the next update starts afresh', () => {
    for (const bad of ['{not json', '[1]', 42]) {
      const s = storage(bad);
      const store = new SharedStateStore(s.api, 'k');
      expect(store.read().storageProblem).toMatch(/重新开始/);
      const next = store.update({ paneId: 'p' });
      expect(next.storageProblem).toBeUndefined();
      expect(next.revision).toBe(1);
    }
  });
});

describe('activeWorkbookName', () => {
  const withBook = (book: unknown) => ({ ActiveWorkbook: book }) as unknown as EtApplication;
  it('is ActiveWorkbook.Name where WPS gives a name, else nothing', () => {
    expect(activeWorkbookName(withBook({ Name: '衢州智造新城2024年度评价.xlsx' }))).toBe('衢州智造新城2024年度评价.xlsx');
    expect(activeWorkbookName(withBook({ Name: '' }))).toBeUndefined();
    expect(activeWorkbookName(withBook({}))).toBeUndefined();
    expect(activeWorkbookName(withBook(null))).toBeUndefined();
  });
});
