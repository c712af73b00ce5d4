/** React context for the pane's store and the host's optional selection feed. */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { HostInfo } from '../../selftest';
import type { PaneState, PaneStore } from './store';

/** Where the user's selection comes from (Office: selection-changed events), when the host has one. */
export interface SelectionFeed {
  subscribe(listener: (at: { sheet: string; cell: string }) => void): () => void;
}

export interface Environment {
  /** 'host': inside a spreadsheet application (Excel, WPS 表格); 'file': a browser page working on an opened .xlsx file. */
  readonly mode: 'host' | 'file';
  /** The application's name as the user knows it ('Excel', 'WPS 表格'); in file mode, the file's page. */
  readonly hostName: string;
  /**
   * The host application runs WANMU.* worksheet functions (Office with CustomFunctionsRuntime;
   * WPS where AddCustomFunction registered them).
   */
  readonly customFunctions: boolean;
  /** Host mode without functions: what the user is told (which version is needed, what to use instead). */
  readonly noFunctionsNote: string;
  readonly selection: SelectionFeed | null;
  /**
   * The host application's name, version and API sets for the 自检 report (Office.context.diagnostics
   * and requirement sets, WPS's Application.Build, the browser in file mode); asked when a self-test
   * starts. Without it the report names `hostName` only.
   */
  readonly hostInfo?: () => HostInfo;
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
