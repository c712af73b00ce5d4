/** React context for the pane's store and the host's optional selection feed. */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { PaneState, PaneStore } from './store';

/** Where the user's selection comes from (Office: selection-changed events), when the host has one. */
export interface SelectionFeed {
  subscribe(listener: (at: { sheet: string; cell: string }) => void): () => void;
}

export interface Environment {
  /** 'office': inside Excel; 'file': a browser page working on an opened .xlsx file. */
  readonly mode: 'office' | 'file';
  /** The host application runs WANMU.* custom functions (Office with CustomFunctionsRuntime). */
  readonly customFunctions: boolean;
  readonly selection: SelectionFeed | null;
}

interface SessionContextValue {
  readonly store: PaneStore;
  readonly env: Environment;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ store, env, children }: { store: PaneStore; env: Environment; children: ReactNode }) {
  return <SessionContext.Provider value={{ store, env }}>{children}</SessionContext.Provider>;
}

function useCtx(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('SessionProvider is missing');
  return v;
}

export function usePaneStore(): PaneStore {
  return useCtx().store;
}

export function useEnvironment(): Environment {
  return useCtx().env;
}

export function usePane(): PaneState {
  const { store } = useCtx();
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
