/**
 * The pane's state: the open workspace (a workbook in the host application, or a file), its session, the user's
 * column mapping, and what is running. Components read it through `usePane()` and act through the
 * store's methods; nothing here touches Office.js or the WPS object model (the host does).
 */
import { RECORD_SHEET } from '../../workbook';
import { WorkbookSession, type FillPlan, type Finding } from '../../workbook';
import type { SessionModel } from '../../workbook';
import type { ChangedCells, WorkbookHost } from '../../workbook';
import type { Mapping } from '../../workbook';
import { isScratchSheet, runSelfTest, type HostInfo, type SelfTestReport } from '../../selftest';

export interface Workspace {
  readonly kind: 'host' | 'file';
  readonly host: WorkbookHost;
  /** The file's name (file mode) or the host application's name. */
  readonly name: string;
  /** File mode: the workbook's bytes as written now (for download). */
  readonly bytes?: () => Uint8Array;
  /**
   * The workbook's file name (or its path or address) as the page knows it, where it does: it may
   * name the platform of a one-platform table (see AnalyzeOptions.fileName).
   */
  readonly fileName?: string;
}

/** What a write was for: the pane words its result accordingly. */
export type WriteKind = 'fill' | 'convert' | 'template' | 'missingSheet' | 'resultsSheet';

export interface LastAction {
  readonly kind: WriteKind | 'revert' | 'refused';
  readonly findings: readonly Finding[];
  readonly written: number;
  /** Sheets a revert removed (the ones the fill had added). */
  readonly removedSheets: number;
}

export interface PaneState {
  readonly workspace: Workspace | null;
  readonly session: WorkbookSession | null;
  readonly model: SessionModel | null;
  readonly mapping: Mapping;
  /** What is running, in Chinese, or null. */
  readonly busy: string | null;
  readonly error: string | null;
  readonly last: LastAction | null;
  /** Bumped on every model change. */
  readonly version: number;
  /** The user asked for the problem cells to be marked in the workbook: the marks follow every re-check. */
  readonly marking: boolean;
  /** The workbook holds wanmu's marks (found on opening, or written since). */
  readonly marked: boolean;
  /** What the writes since opening amount to (the downloaded copy is named after it), or null. */
  readonly changes: 'scored' | 'reverted' | 'marked' | null;
  /** File mode: written since opening or the last download (leaving would lose it). */
  readonly unsaved: boolean;
  /** The last 自检 of this workspace (steps so far while it runs), or null. */
  readonly selfTest: SelfTestReport | null;
}

const EMPTY: PaneState = { workspace: null, session: null, model: null, mapping: { sheets: {} }, busy: null, error: null, last: null, version: 0, marking: false, marked: false, changes: null, unsaved: false, selfTest: null };

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class PaneStore {
  private state: PaneState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private unwatch: (() => void) | null = null;
  /** Edits not yet re-checked, and the loop re-checking them. */
  private pending: ChangedCells[] = [];
  private draining: Promise<void> | null = null;

  readonly subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  readonly getState = (): PaneState => this.state;

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private publish(session: WorkbookSession, extra: Partial<PaneState> = {}): void {
    this.set({ session, model: session.model, version: this.state.version + 1, marked: session.marked === true, ...extra });
    this.prepare(session);
  }

  private preparing = false;

  /**
   * Builds what explain and the re-check after an edit need (after opening, a fill, a revert)
   * while the user reads the results, so that the first edit is re-checked as quickly as the next.
   */
  private prepare(session: WorkbookSession): void {
    if (this.preparing || !session.host.capabilities.changeEvents) return;
    this.preparing = true;
    setTimeout(() => {
      this.preparing = false;
      if (this.state.session !== session) return;
      try {
        session.prepareUpdates();
      } catch (e) {
        this.reportError(e);
      }
    }, 0);
  }

  /** Runs an operation with a busy label; a failure is shown to the user, not lost. */
  async run<T>(label: string, op: () => Promise<T>): Promise<T | undefined> {
    this.set({ busy: label, error: null });
    try {
      const out = await op();
      this.set({ busy: null });
      return out;
    } catch (e) {
      this.set({ busy: null, error: `${label}失败:${errorText(e)}` });
      return undefined;
    }
  }

  reportError = (e: unknown): void => {
    this.set({ error: errorText(e) });
  };

  /** Opens a workspace: one host read, then keeps the session current as the user edits. */
  async open(workspace: Workspace): Promise<void> {
    this.unwatch?.();
    this.unwatch = null;
    this.pending = [];
    this.set({ ...EMPTY, version: this.state.version + 1, workspace });
    await this.run('读取工作簿', async () => {
      const session = await WorkbookSession.open(workspace.host, workspace.fileName ? { fileName: workspace.fileName } : {});
      this.publish(session, { mapping: session.mapping ?? { sheets: {} } });
      if (workspace.host.capabilities.changeEvents && workspace.host.onChanged) {
        this.unwatch = workspace.host.onChanged((c) => this.changed(c));
      }
    });
    // whether the workbook already holds marks (a failure here is shown; the check stays open)
    const opened = this.state.session;
    if (opened?.canMark) {
      await this.run('读取标记', async () => {
        await opened.readMarks();
        this.set({ marked: opened.marked === true });
      });
    }
  }

  /**
   * Marks the problem cells in the workbook (on), re-marked after every re-check from then on, or
   * clears wanmu's marks (off).
   */
  async setMarking(on: boolean): Promise<void> {
    const s = this.state.session;
    if (!s) return;
    await this.run(on ? '标出问题单元格' : '清除标记', async () => {
      await s.mark(on);
      this.set({ marking: on, marked: s.marked === true, changes: this.state.changes ?? 'marked', unsaved: true });
    });
  }

  /** After a re-check or a write: the marks follow the findings while marking is on. */
  private async followMarks(s: WorkbookSession): Promise<void> {
    if (!this.state.marking) return;
    await s.mark(true);
    this.set({ marked: s.marked === true });
  }

  /**
   * The user edited cells: re-check them. Edits made while something else runs (a fill, an
   * earlier re-check) wait for it and are re-checked after, never dropped.
   */
  private changed(change: ChangedCells): void {
    // the self-test's scratch sheets are not the user's: a host that reports its own writes there is not re-checked
    if (isScratchSheet(change.sheet)) return;
    this.pending.push(change);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      if (this.state.busy) {
        await this.idle();
        continue;
      }
      const s = this.state.session;
      const batch = this.pending.splice(0);
      if (!s) return;
      await this.run('重新检查', async () => {
        for (const c of batch) await s.update(c);
        this.publish(s);
        await this.followMarks(s);
      });
    }
  }

  /** Resolves when nothing is running. */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (this.state.busy) return;
        off();
        resolve();
      });
    });
  }

  /** Resolves when every edit reported so far has been re-checked. */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async refresh(): Promise<void> {
    const s = this.state.session;
    if (!s) return;
    await this.run('重新检查', async () => {
      await s.refresh();
      this.publish(s);
      await this.followMarks(s);
    });
  }

  /**
   * The user's mapping changed: the tables are read again with it, and it is saved in the workbook
   * (a very hidden sheet) so it travels with the file. Returns a message when the mapping is invalid.
   */
  async setMapping(mapping: Mapping): Promise<string | null> {
    const s = this.state.session;
    if (!s) return null;
    const r = s.setMapping(mapping);
    if (!r.ok) return r.message;
    this.publish(s, { mapping });
    await this.run('保存列的含义', async () => {
      const saved = await s.apply(s.planSaveMapping());
      if (!saved.ok) throw new Error(saved.findings.map((f) => f.cell).join('、'));
      this.publish(s);
      await this.followMarks(s);
    });
    return null;
  }

  /** Applies a planned write (fill, conversion, template, 待补数据 sheet) in one host write. */
  async apply(plan: FillPlan, kind: WriteKind = 'fill'): Promise<void> {
    const s = this.state.session;
    if (!s) return;
    await this.run('写入', async () => {
      const r = await s.apply(plan);
      if (r.ok) this.publish(s, { last: { kind, findings: plan.findings, written: plan.written, removedSheets: 0 }, changes: 'scored', unsaved: true });
      else this.publish(s, { last: { kind: 'refused', findings: r.findings, written: 0, removedSheets: 0 } });
      await this.followMarks(s);
    });
  }

  async revert(): Promise<void> {
    const s = this.state.session;
    if (!s) return;
    await this.run('撤销填写', async () => {
      const r = await s.revert();
      this.publish(s, { last: { kind: 'revert', findings: r.plan.findings, written: r.plan.batch.cells.length, removedSheets: r.plan.batch.deleteSheets.filter((n) => n !== RECORD_SHEET).length }, changes: 'reverted', unsaved: true });
      await this.followMarks(s);
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    const host = this.state.workspace?.host;
    if (!host?.capabilities.select || !host.select) return;
    await this.run('定位单元格', () => (host.select as (s: string, c: string) => Promise<void>)(sheet, cell));
  }

  /**
   * 自检: the self-test of the host on scratch sheets it adds and removes (src/selftest),
   * each step shown as it finishes. It writes nothing outside them, so the session stays as it is.
   * `info` and `functions` come from the surface (Office.context, WPS's Application).
   */
  async selfTest(info: HostInfo, functions: boolean): Promise<void> {
    const host = this.state.workspace?.host;
    if (!host) return;
    await this.run('自检', async () => {
      this.set({ selfTest: null });
      await runSelfTest(host, info, { functions }, (report) => {
        if (this.state.workspace?.host === host) this.set({ selfTest: report });
      });
    });
  }

  /** File mode: the workbook as it stands now was downloaded. */
  downloaded(): void {
    this.set({ unsaved: false });
  }

  close(): void {
    this.unwatch?.();
    this.unwatch = null;
  }
}
