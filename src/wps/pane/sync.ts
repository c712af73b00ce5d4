/**
 * The ribbon ↔ pane link: the ribbon's entry page records what it did (检查, 填写得分, 撤销填写) in
 * the shared state (PluginStorage). The open pane looks for a new revision and then reads the
 * workbook again (`store.refresh()`), and shows a failure the ribbon recorded.
 */
import type { PaneStore } from '../../taskpane/state/store';
import type { SharedState, SharedStateStore } from '../state';

/** What the pane should say about a state another page wrote, or null. */
export function sharedStateMessage(state: SharedState): string | null {
  if (state.storageProblem) return state.storageProblem;
  const a = state.lastAction;
  return a && a.kind === 'error' ? `${a.action}失败:${a.message}` : null;
}

/**
 * Polls the shared state every `pollMs`; on a new revision the store re-reads the workbook.
 * `seen`: the revision the pane has already shown. Returns the function that stops polling.
 */
export function watchSharedState(state: SharedStateStore, store: Pick<PaneStore, 'refresh' | 'reportError'>, pollMs: number, seen: number): () => void {
  let running = false;
  const tick = async (): Promise<void> => {
    const next = state.read();
    if (next.revision === seen || running) return;
    seen = next.revision;
    running = true;
    try {
      await store.refresh();
      const message = sharedStateMessage(next);
      if (message) store.reportError(message);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => {
    tick().catch(store.reportError);
  }, pollMs);
  return () => clearInterval(timer);
}
