/**
 * The session-driving logic of the WPS ribbon and pane, host-neutral so that the Excel pane can
 * use it too: check, preview a fill, fill, revert, each turned into plain, serializable views
 * with the findings rendered in Chinese for a given Surface. Any WorkbookHost works.
 */
import type { Severity } from '../workbook';
import { renderFinding, SEVERITY_TEXT, WorkbookSession, type Finding, type Surface, type WorkbookHost } from '../workbook';
import type { FillOptions, FillPlan } from '../workbook';
import type { FormulaStyle } from '../workbook';

export interface FindingView {
  readonly severity: Severity;
  readonly severityText: string;
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
}

export interface TotalView {
  readonly evaluation: string;
  readonly platform: string;
  readonly total: number | null;
  readonly sheet: string;
  readonly cell: string;
}

export interface CheckView {
  readonly at: string;
  readonly counts: Readonly<Record<Severity, number>>;
  /** Errors first, then warnings, then notes; at most MAX_FINDINGS (see `more`). */
  readonly findings: readonly FindingView[];
  readonly more: number;
  /** Indicator scores found and how many of them have a score. */
  readonly scores: number;
  readonly scored: number;
  readonly totals: readonly TotalView[];
}

export interface PreviewView {
  readonly style: FormulaStyle;
  readonly replace: boolean;
  readonly cells: number;
  readonly replaced: number;
  readonly addSheets: readonly string[];
  readonly addColumns: readonly string[];
  readonly findings: readonly FindingView[];
}

export type ActionView =
  | { readonly kind: 'fill'; readonly at: string; readonly ok: true; readonly written: number; readonly addSheets: readonly string[]; readonly findings: readonly FindingView[] }
  | { readonly kind: 'fill'; readonly at: string; readonly ok: false; readonly findings: readonly FindingView[] }
  | { readonly kind: 'revert'; readonly at: string; readonly restored: number; readonly removedSheets: readonly string[]; readonly skipped: number; readonly exact: boolean; readonly findings: readonly FindingView[] }
  | { readonly kind: 'error'; readonly at: string; readonly action: string; readonly message: string };

export const MAX_FINDINGS = 300;

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function findingViews(findings: readonly Finding[], surface: Surface): FindingView[] {
  return [...findings]
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
    .map((f) => ({ severity: f.severity, severityText: SEVERITY_TEXT[f.severity], sheet: f.sheet, cell: f.cell, text: renderFinding(f, surface) }));
}

/** One line for a message box or a status bar. */
export function summaryText(v: CheckView | ActionView): string {
  if ('counts' in v) {
    const head = v.scores === 0 ? '未找到可评分的表格' : `已计算 ${v.scored}/${v.scores} 项得分`;
    return `${head};错误 ${v.counts.error} 条,警告 ${v.counts.warning} 条,提示 ${v.counts.info} 条`;
  }
  switch (v.kind) {
    case 'fill':
      return v.ok ? `已填写 ${v.written} 个单元格${v.addSheets.length > 0 ? `,新增工作表“${v.addSheets.join('”“')}”` : ''};可点击“撤销填写”恢复` : `未填写:${v.findings[0]?.text ?? '工作簿在检查后被修改'}`;
    case 'revert':
      return v.restored === 0 && v.removedSheets.length === 0 ? '没有可撤销的填写记录' : `已恢复 ${v.restored} 个单元格${v.removedSheets.length > 0 ? `,删除工作表“${v.removedSheets.join('”“')}”` : ''}${v.skipped > 0 ? `;${v.skipped} 个单元格在填写后被修改过,保留不动` : ''}`;
    case 'error':
      return `${v.action}失败:${v.message}`;
  }
}

export class ScoringController {
  private session: WorkbookSession | null = null;
  private plan: { readonly key: string; readonly plan: FillPlan } | null = null;

  constructor(
    private readonly host: WorkbookHost,
    private readonly surface: Surface,
    private readonly now: () => Date = () => new Date(),
    /** The workbook's file name as the runtime knows it now, where it does (it may name a platform). */
    private readonly fileName: () => string | undefined = () => undefined,
  ) {}

  private open(): Promise<WorkbookSession> {
    const fileName = this.fileName();
    return WorkbookSession.open(this.host, fileName ? { fileName } : {});
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private view(session: WorkbookSession): CheckView {
    const m = session.model;
    const all = findingViews(m.findings, this.surface);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of m.findings) counts[f.severity]++;
    return {
      at: this.stamp(),
      counts,
      findings: all.slice(0, MAX_FINDINGS),
      more: Math.max(0, all.length - MAX_FINDINGS),
      scores: m.scores.length,
      scored: m.scores.filter((s) => s.score !== null).length,
      totals: m.totals.map((t) => ({ evaluation: t.evaluation, platform: t.platform, total: t.total, sheet: t.sheet, cell: t.cell })),
    };
  }

  /** Reads the workbook afresh and checks it. */
  async check(): Promise<CheckView> {
    this.session = await this.open();
    this.plan = null;
    return this.view(this.session);
  }

  private async current(): Promise<WorkbookSession> {
    if (!this.session) this.session = await this.open();
    return this.session;
  }

  /** What a fill would write (kept: `fill` with the same options writes exactly this plan). */
  async preview(options: FillOptions): Promise<PreviewView> {
    const session = await this.current();
    const plan = session.planFill(options);
    this.plan = { key: `${options.style}|${options.replace}`, plan };
    return {
      style: options.style,
      replace: options.replace,
      cells: plan.preview.cells,
      replaced: plan.preview.replaced.length,
      addSheets: plan.preview.addSheets,
      addColumns: plan.preview.addColumns.map((c) => `${c.sheet}!${c.column}“${c.header}”`),
      findings: findingViews(plan.findings, this.surface),
    };
  }

  /**
   * Writes the previewed plan (or a fresh one) in one host write; refused, with a finding, when a
   * target cell changed since it was read.
   */
  async fill(options: FillOptions): Promise<ActionView> {
    const session = await this.current();
    const key = `${options.style}|${options.replace}`;
    const plan = this.plan?.key === key ? this.plan.plan : session.planFill(options);
    this.plan = null;
    const result = await session.apply(plan);
    if (!result.ok) {
      // the workbook changed: the next action starts from a fresh read
      this.session = null;
      return { kind: 'fill', at: this.stamp(), ok: false, findings: findingViews(result.findings, this.surface) };
    }
    return { kind: 'fill', at: this.stamp(), ok: true, written: plan.preview.cells, addSheets: plan.preview.addSheets, findings: findingViews(plan.findings, this.surface) };
  }

  /** Restores what the recorded fills wrote (the session's revert record, whatever WPS's undo holds). */
  async revert(): Promise<ActionView> {
    const session = await this.current();
    const r = await session.revert();
    this.plan = null;
    return { kind: 'revert', at: this.stamp(), restored: r.plan.restored, removedSheets: r.plan.removedSheets, skipped: r.plan.skipped, exact: r.exact, findings: findingViews(r.plan.findings, this.surface) };
  }

  /**
   * Forgets the session: the next preview or fill reads the workbook again (another page changed
   * it, or the user edited it).
   */
  invalidate(): void {
    this.session = null;
    this.plan = null;
  }

  /** The last check's view of the session as it is now (after a fill or revert). */
  async model(): Promise<CheckView> {
    return this.view(await this.current());
  }
}

/** How the WPS ribbon (its messages and the shared state) words a finding's suggested actions. */
export const WPS_SURFACE: Surface = {
  mapHint: '可将列标题改为附件中的写法后重新检查,或用命令行 wanmu 的 --map 映射文件指定',
  replaceHint: '如需按官方规则重写,请在面板中勾选“覆盖已有得分”后填写(覆盖前的内容记录在工作簿中,可撤销)',
  revertHint: '可点击“撤销填写”恢复原内容',
  cohortHint: { own: '可在面板的“识别结果”中点击“各表分别评分”', batch: '可在面板的“识别结果”中点击“合为一个培育名单”' },
  platformHint: '可在面板的“识别结果”中修改该表的平台名称',
};
