/**
 * The ribbon callbacks and the entry page (src/wps/main.ts) driving check → fill → revert on the
 * fake ET through WpsHost and the workbook session, with the shared state in PluginStorage.
 * The entry page uses no DOM beyond `document.location`, given here as the page's address
 * (the pane page, which renders, is tested in Chromium: pane.chromium.test.ts).
 */
import { WpsHost } from '../../src/hosts/wps/host';
import { WPS_ADDIN_QUIRKS } from '../../src/hosts/wps/quirks';
import { ScoringController, WPS_SURFACE } from '../../src/wps/controller';
import { createRibbon, RIBBON_CONTROLS, RIBBON_IMAGES, type RibbonCallbacks } from '../../src/wps/ribbon';
import { SharedStateStore, type SharedState } from '../../src/wps/state';
import { RECORD_SHEET } from '../../src/workbook/core/sheets';
import type { WorkbookData } from '../../src/workbook/core/model';
import { data as workbookData } from '../helpers/data';
import { fakeWps, type FakeWps } from '../helpers/fakes/wps-runtime';
import * as fs from 'fs';
import * as path from 'path';

let data: WorkbookData;
beforeAll(async () => {
  data = await workbookData({ platforms: 4 });
});

function state(w: FakeWps): SharedState {
  return new SharedStateStore(w.PluginStorage as NonNullable<FakeWps['PluginStorage']>, WPS_ADDIN_QUIRKS.storageKey).read();
}

async function snapshot(w: FakeWps): Promise<WorkbookData> {
  return new WpsHost(w.Application).read();
}

function ribbonOver(w: FakeWps, notes: string[]): RibbonCallbacks {
  const runtime = WPS_ADDIN_QUIRKS.runtimeApi(w, w.Application);
  return createRibbon({
    runtime,
    controller: new ScoringController(new WpsHost(runtime.app), WPS_SURFACE),
    state: new SharedStateStore(runtime.storage, WPS_ADDIN_QUIRKS.storageKey),
    paneUrl: 'http://addin/pane.html',
    images: RIBBON_IMAGES,
    notify: (t) => void notes.push(t),
  });
}

describe('ribbon.xml', () => {
  it('has the 万亩千亿评分 group with the four buttons, each wired to the callbacks main.ts provides', () => {
    const xml = fs.readFileSync(path.resolve(__dirname, '../../src/wps/ribbon.xml'), 'utf8');
    expect(xml).toContain('label="万亩千亿评分"');
    expect(xml).toMatch(/onLoad="OnAddinLoad"/);
    const buttons = [...xml.matchAll(/<button id="(\w+)" label="([^"]+)"[^>]*onAction="OnAction" getEnabled="GetEnabled" getImage="GetImage"/g)].map((m) => [m[1], m[2]]);
    expect(buttons).toEqual([
      [RIBBON_CONTROLS.check, '检查'],
      [RIBBON_CONTROLS.fill, '填写得分'],
      [RIBBON_CONTROLS.revert, '撤销填写'],
      [RIBBON_CONTROLS.pane, '打开面板'],
    ]);
    for (const img of Object.values(RIBBON_IMAGES)) expect(fs.existsSync(path.resolve(__dirname, '../../src/wps', img))).toBe(true);
  });
});

describe('ribbon callbacks on the fake ET', () => {
  it('检查 → 填写得分 → 撤销填写: results in the shared state, one undo group, the workbook restored exactly', async () => {
    const w = fakeWps(data);
    const notes: string[] = [];
    const ribbon = ribbonOver(w, notes);
    const invalidated: number[] = [];
    expect(ribbon.OnAddinLoad({ Invalidate: () => void invalidated.push(1) })).toBe(true);
    expect(ribbon.GetImage({ Id: RIBBON_CONTROLS.fill })).toBe('images/fill.svg');
    expect(ribbon.GetEnabled({ Id: RIBBON_CONTROLS.check })).toBe(true);
    expect(ribbon.GetEnabled({ Id: 'other' })).toBe(false);
    const before = await snapshot(w);

    await ribbon.OnAction({ Id: RIBBON_CONTROLS.check });
    const checked = state(w);
    expect(checked.lastCheck?.scores).toBe(4 * 15);
    expect(checked.lastCheck?.scored).toBeGreaterThan(0);
    expect(checked.lastCheck?.totals).toHaveLength(4);
    // the pane was opened on the pane page and is shown
    expect(w.panes).toHaveLength(1);
    expect(w.panes[0]).toMatchObject({ url: 'http://addin/pane.html', Visible: true });
    expect(checked.paneId).toBe('pane1');

    await ribbon.OnAction({ Id: RIBBON_CONTROLS.fill });
    const filled = state(w);
    expect(filled.lastAction).toMatchObject({ kind: 'fill', ok: true });
    expect(notes.at(-1)).toMatch(/^已填写 \d+ 个单元格,新增工作表“评分结果”/);
    expect(w.Application.state.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), '评分结果', RECORD_SHEET]);
    expect(w.Application.undoLog).toEqual(['begin', 'end:万亩千亿评分']);
    const after = await snapshot(w);
    expect(after).not.toEqual(before);

    await ribbon.OnAction({ Id: RIBBON_CONTROLS.revert });
    expect(state(w).lastAction).toMatchObject({ kind: 'revert', skipped: 0, exact: true });
    expect(notes.at(-1)).toMatch(/^已恢复 \d+ 个单元格,删除工作表/);
    expect(await snapshot(w)).toEqual(before);

    // 打开面板 shows the same pane again instead of opening another
    w.panes[0].Visible = false;
    await ribbon.OnAction({ Id: RIBBON_CONTROLS.pane });
    expect(w.panes).toHaveLength(1);
    expect(w.panes[0].Visible).toBe(true);
    expect(invalidated.length).toBe(4);
    expect(state(w).revision).toBeGreaterThan(checked.revision);
  });

  it('a failure is told to the user and kept in the shared state, not swallowed', async () => {
    const w = fakeWps(data);
    const notes: string[] = [];
    const ribbon = ribbonOver(w, notes);
    const spy = jest.spyOn(WpsHost.prototype, 'write').mockRejectedValueOnce(new Error('工作表受保护'));
    try {
      await ribbon.OnAction({ Id: RIBBON_CONTROLS.fill });
    } finally {
      spy.mockRestore();
    }
    expect(notes).toEqual(['填写得分失败:工作表受保护']);
    expect(state(w).lastAction).toMatchObject({ kind: 'error', action: '填写得分', message: '工作表受保护' });
  });

  it('撤销填写 with no fill recorded changes nothing and says so', async () => {
    const w = fakeWps(data);
    const notes: string[] = [];
    const before = await snapshot(w);
    await ribbonOver(w, notes).OnAction({ Id: RIBBON_CONTROLS.revert });
    expect(notes).toEqual(['没有可撤销的填写记录']);
    expect(await snapshot(w)).toEqual(before);
    expect(w.Application.undoLog).toEqual([]);
  });
});

describe('the entry page (src/wps/main.ts)', () => {
  it('reads wps/Application once and gives WPS exactly the four ribbon callbacks, which drive the workbook', async () => {
    const w = fakeWps(data);
    const alerts: string[] = [];
    const page = globalThis as Record<string, unknown>;
    const before = Object.keys(page);
    page.wps = w;
    page.Application = w.Application;
    page.alert = (t: string) => void alerts.push(t);
    page.document = { location: { href: 'http://localhost/index.html' } };
    try {
      jest.isolateModules(() => {
        require('../../src/wps/main');
      });
      const added = Object.keys(page).filter((k) => !before.includes(k) && !['wps', 'Application', 'alert', 'document'].includes(k));
      expect(added.sort()).toEqual(['GetEnabled', 'GetImage', 'OnAction', 'OnAddinLoad']);
      const cb = page as unknown as RibbonCallbacks;
      const original = await snapshot(w);
      await cb.OnAction({ Id: 'wanmuCheck' });
      expect(w.panes[0].url).toBe('http://localhost/pane.html');
      await cb.OnAction({ Id: 'wanmuFill' });
      expect(alerts[0]).toMatch(/^已填写/);
      await cb.OnAction({ Id: 'wanmuRevert' });
      expect(alerts[1]).toMatch(/^已恢复/);
      expect(await snapshot(w)).toEqual(original);
    } finally {
      for (const k of Object.keys(page)) if (!before.includes(k)) delete page[k];
    }
  });
});
