/**
 * A fake WPS 加载项 runtime around the fake ET (test/helpers/fakes/et.ts): PluginStorage in a Map,
 * CreateTaskPane / GetTaskPane recording the panes, AddCustomFunction optional. Shared by the
 * ribbon / entry-page tests and (bundled) by the Chromium pane test.
 */
import type { RawValue } from '../../../src/engine';
import type { EtApplication, WpsRuntimeRoot, WpsTaskPane } from '../../../src/hosts/wps/quirks';
import { buildSheet, type CellData, type WorkbookData } from '../../../src/workbook/core/model';
import { FakeEt } from './et';

export interface FakePane extends WpsTaskPane {
  readonly url: string;
}

export interface FakeWps extends WpsRuntimeRoot {
  readonly Application: FakeEt;
  readonly storage: Map<string, string>;
  readonly panes: FakePane[];
  readonly functions: Map<string, unknown>;
}

/** The fake does not calculate: a written formula has no cached result, as before a recalculation. */
export const NO_CALCULATION = (): RawValue => null;

export function fakeWps(data: WorkbookData, options: { functions?: boolean } = {}): FakeWps {
  const app = FakeEt.from(data, NO_CALCULATION);
  const storage = new Map<string, string>();
  const panes: FakePane[] = [];
  const functions = new Map<string, unknown>();
  const root: FakeWps = {
    Application: app,
    storage,
    panes,
    functions,
    PluginStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    CreateTaskPane(url) {
      const pane: FakePane = { ID: `pane${panes.length + 1}`, Visible: false, url };
      panes.push(pane);
      return pane;
    },
    GetTaskPane(id) {
      return panes.find((p) => p.ID === id) ?? null;
    },
    ...(options.functions === false ? {} : { AddCustomFunction: (ns: string, name: string, fn: unknown) => void functions.set(`${ns}.${name}`, fn) }),
  };
  return root;
}

/** Plain JSON of a workbook (for a page in a browser). */
export interface WorkbookJson {
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly cells: ReadonlyArray<readonly [number, number, CellData]>; readonly merges: WorkbookData['sheets'][number]['merges'] }>;
}

export function toJson(data: WorkbookData): WorkbookJson {
  return {
    sheets: data.sheets.map((s) => ({ name: s.name, merges: s.merges, cells: [...s.rows].flatMap(([row, line]) => [...line].map(([col, cell]) => [row, col, cell] as const)) })),
  };
}

export function fromJson(json: WorkbookJson): WorkbookData {
  return { sheets: json.sheets.map((s) => buildSheet(s.name, s.cells.map(([row, col, cell]) => ({ row, col, cell })), s.merges)) };
}

export type { EtApplication };
