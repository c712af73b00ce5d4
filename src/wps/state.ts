/**
 * The state the add-in's pages share (the ribbon's entry page, the pane, the functions script):
 * kept in one place, WPS's PluginStorage, under one key as one JSON value. Pages never share
 * objects through `window`. Each page opens its own workbook session over WpsHost; what is
 * shared is what the user should see wherever they look: the last check, the last fill or
 * revert, whether the worksheet functions were registered, and the pane's id.
 *
 * Every write bumps `revision`, so a page can tell that another page changed the state.
 */
import type { WpsPluginStorage } from '../hosts/wps/quirks';
import type { ActionView, CheckView } from './controller';

export interface FunctionsState {
  /** "WANMU.ACCEPTANCE" …, or null when this WPS has no AddCustomFunction. */
  readonly registered: readonly string[] | null;
  readonly version: string | null;
}

export interface SharedState {
  readonly revision: number;
  readonly functions: FunctionsState | null;
  readonly lastCheck: CheckView | null;
  readonly lastAction: ActionView | null;
  /** The task pane's ID (CreateTaskPane(...).ID), to show it again instead of opening another. */
  readonly paneId: string | number | null;
  /** Set when the stored value could not be read (it is then started afresh). */
  readonly storageProblem?: string;
}

export const EMPTY_STATE: SharedState = { revision: 0, functions: null, lastCheck: null, lastAction: null, paneId: null };

export class SharedStateStore {
  constructor(private readonly storage: WpsPluginStorage, private readonly key: string) {}

  read(): SharedState {
    const raw = this.storage.getItem(this.key);
    if (raw === null || raw === undefined || raw === '') return EMPTY_STATE;
    if (typeof raw !== 'string') return { ...EMPTY_STATE, storageProblem: `PluginStorage 返回了非文本的值(${typeof raw}),已重新开始` };
    try {
      const parsed = JSON.parse(raw) as Partial<SharedState> | null;
      if (parsed === null || typeof parsed !== 'object' || typeof parsed.revision !== 'number') return { ...EMPTY_STATE, storageProblem: '保存的状态格式不对,已重新开始' };
      return { ...EMPTY_STATE, ...parsed };
    } catch (e) {
      return { ...EMPTY_STATE, storageProblem: `保存的状态无法读取(${e instanceof Error ? e.message : String(e)}),已重新开始` };
    }
  }

  /** Merges `change` into the stored state and bumps the revision. */
  update(change: Partial<Omit<SharedState, 'revision'>>): SharedState {
    const before = this.read();
    const { storageProblem: _dropped, ...rest } = { ...before, ...change };
    void _dropped;
    const next: SharedState = { ...rest, revision: before.revision + 1 };
    this.storage.setItem(this.key, JSON.stringify(next));
    return next;
  }
}
