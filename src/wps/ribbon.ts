/**
 * The ribbon's callbacks (ribbon.xml names them: OnAddinLoad, OnAction, GetImage, GetEnabled).
 * They drive the workbook through a ScoringController, keep what the user should see in the
 * shared state (PluginStorage), and show the task pane, which reads that state.
 */
import type { WpsRibbonUI, WpsRuntime } from '../hosts/wps/quirks';
import { summaryText, type ActionView, type ScoringController } from './controller';
import type { SharedStateStore } from './state';

/** Control ids in ribbon.xml. */
export const RIBBON_CONTROLS = { check: 'wanmuCheck', fill: 'wanmuFill', revert: 'wanmuRevert', pane: 'wanmuPane' } as const;

export type RibbonControlId = (typeof RIBBON_CONTROLS)[keyof typeof RIBBON_CONTROLS];

/** Button images, relative to the entry page (copied from src/wps/images by webpack.wps.js). */
export const RIBBON_IMAGES: Readonly<Record<RibbonControlId, string>> = {
  wanmuCheck: 'images/check.svg',
  wanmuFill: 'images/fill.svg',
  wanmuRevert: 'images/revert.svg',
  wanmuPane: 'images/pane.svg',
};

export interface RibbonDeps {
  readonly runtime: WpsRuntime;
  readonly controller: ScoringController;
  readonly state: SharedStateStore;
  /** The pane page's absolute URL. */
  readonly paneUrl: string;
  /** Images by control id, relative to the entry page. */
  readonly images: Readonly<Record<RibbonControlId, string>>;
  /** Shows a one-line message to the user (the entry page passes WPS's alert). */
  notify(text: string): void;
}

export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: WpsRibbonUI): boolean;
  OnAction(control: { readonly Id: string }): Promise<void>;
  GetImage(control: { readonly Id: string }): string;
  GetEnabled(control: { readonly Id: string }): boolean;
}

const ACTION_NAME: Readonly<Record<RibbonControlId, string>> = { wanmuCheck: '检查', wanmuFill: '填写得分', wanmuRevert: '撤销填写', wanmuPane: '打开面板' };

function isControl(id: string): id is RibbonControlId {
  return Object.values(RIBBON_CONTROLS).includes(id as RibbonControlId);
}

export function createRibbon(deps: RibbonDeps): RibbonCallbacks {
  let ui: WpsRibbonUI | null = null;

  const showPane = (): void => {
    const { runtime, state } = deps;
    const id = state.read().paneId;
    const existing = id === null ? null : runtime.getTaskPane(id);
    if (existing) {
      existing.Visible = true;
      return;
    }
    const pane = runtime.createTaskPane(deps.paneUrl);
    const paneId = pane.ID;
    state.update({ paneId: typeof paneId === 'string' || typeof paneId === 'number' ? paneId : null });
    pane.Visible = true;
  };

  const record = (action: ActionView): void => {
    deps.state.update({ lastAction: action });
  };

  const run = async (id: RibbonControlId): Promise<void> => {
    const { controller, state } = deps;
    switch (id) {
      case 'wanmuCheck': {
        const check = await controller.check();
        state.update({ lastCheck: check, lastAction: null });
        showPane();
        return;
      }
      case 'wanmuFill': {
        // the ribbon fills with ordinary formulas (reviewers without the add-in can check them),
        // from a fresh read: the workbook may have changed since the last check
        controller.invalidate();
        const action = await controller.fill({ style: 'native', replace: false });
        state.update({ lastAction: action, lastCheck: await controller.model() });
        deps.notify(summaryText(action));
        return;
      }
      case 'wanmuRevert': {
        const action = await controller.revert();
        state.update({ lastAction: action, lastCheck: await controller.model() });
        deps.notify(summaryText(action));
        return;
      }
      case 'wanmuPane':
        showPane();
        return;
    }
  };

  return {
    OnAddinLoad(ribbonUI) {
      ui = ribbonUI;
      return true;
    },
    async OnAction(control) {
      const id = control.Id;
      if (!isControl(id)) {
        deps.notify(`未知的按钮:${id}`);
        return;
      }
      try {
        await run(id);
      } catch (e) {
        const action: ActionView = { kind: 'error', at: new Date().toISOString(), action: ACTION_NAME[id], message: e instanceof Error ? e.message : String(e) };
        record(action);
        deps.notify(summaryText(action));
      } finally {
        ui?.Invalidate();
      }
    },
    GetImage(control) {
      return isControl(control.Id) ? deps.images[control.Id] : '';
    },
    GetEnabled(control) {
      if (!isControl(control.Id)) return false;
      // every action needs an open workbook; the pane opens without one
      return control.Id === 'wanmuPane' || deps.runtime.app.ActiveWorkbook !== null && deps.runtime.app.ActiveWorkbook !== undefined;
    },
  };
}
