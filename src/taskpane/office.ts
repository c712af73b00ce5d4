/**
 * Wiring to Office.js, used only when Office.onReady settled inside Excel: the Excel host (with
 * the capabilities Office.js declares), the selection feed for 解释, the theme, and the ribbon
 * commands that run without a dialog (检查, 填写得分, 撤销填写) in the shared runtime.
 */
import { ExcelHost, officeJsDeps } from '../hosts/excel/host';
import type { HostInfo } from '../selftest';
import type { SelectionFeed } from './state/context';
import type { PaneStore } from './state/store';

/** What the pane says where Excel lacks the custom functions runtime. */
export const EXCEL_NO_FUNCTIONS_NOTE = '此版本的 Excel 不支持自定义函数(如批量许可版 Office 2019),WANMU 函数会显示 #NAME?;请使用“普通公式”或“数值”填写。';

/** Office's custom functions runtime (absent in e.g. volume-licensed Office 2019). */
export function hasCustomFunctions(office: typeof Office): boolean {
  return office.context.requirements.isSetSupported('CustomFunctionsRuntime', '1.1');
}

/** Requirement sets the 自检 report names, each with the highest minor version it asks for. */
const REPORTED_SETS: ReadonlyArray<readonly [string, number]> = [
  ['ExcelApi', 30],
  ['ExcelApiOnline', 5],
  ['SharedRuntime', 5],
  ['CustomFunctionsRuntime', 10],
  ['RibbonApi', 5],
];

/**
 * The Office application for the 自检 report: `Office.context.diagnostics` (host, version,
 * platform) and, of each set in REPORTED_SETS, the highest 1.x `isSetSupported` confirms.
 */
export function officeHostInfo(office: typeof Office): HostInfo {
  const d = office.context.diagnostics as Office.ContextInformation | undefined;
  const apiSets: string[] = [];
  for (const [set, max] of REPORTED_SETS) {
    let best: string | null = null;
    for (let minor = 1; minor <= max; minor++) {
      if (!office.context.requirements.isSetSupported(set, `1.${minor}`)) break;
      best = `1.${minor}`;
    }
    if (best) apiSets.push(`${set} ${best}`);
  }
  return { name: d?.host ? String(d.host) : 'Excel', version: d?.version ? String(d.version) : null, platform: d?.platform ? String(d.platform) : null, apiSets };
}

export function excelHost(excel: typeof Excel, office: typeof Office, store: PaneStore): ExcelHost {
  return new ExcelHost(officeJsDeps(excel, office, store.reportError));
}

/** Selection changes, as sheet and top-left cell, from DocumentSelectionChanged. */
export function selectionFeed(excel: typeof Excel, office: typeof Office, reportError: (e: unknown) => void): SelectionFeed {
  return {
    subscribe(listener) {
      let active = true;
      const handler = () => {
        excel
          .run(async (ctx) => {
            const r = ctx.workbook.getSelectedRange();
            r.load('address');
            await ctx.sync();
            const [sheetPart, range] = r.address.includes('!') ? [r.address.slice(0, r.address.lastIndexOf('!')), r.address.slice(r.address.lastIndexOf('!') + 1)] : ['', r.address];
            const sheet = sheetPart.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
            if (active) listener({ sheet, cell: range.split(':')[0].replace(/\$/g, '') });
          })
          .catch(reportError);
      };
      office.context.document.addHandlerAsync(office.EventType.DocumentSelectionChanged, handler, (r) => {
        if (r.status === office.AsyncResultStatus.Failed) reportError(r.error);
      });
      return () => {
        active = false;
        office.context.document.removeHandlerAsync(office.EventType.DocumentSelectionChanged, { handler }, (r) => {
          if (r.status === office.AsyncResultStatus.Failed) reportError(r.error);
        });
      };
    },
  };
}

/** The open workbook's path or address (Office.context.document.url; '' for a workbook never saved), or undefined where Office has none. */
export function workbookUrl(office: typeof Office): string | undefined {
  const url: unknown = office.context.document?.url;
  return typeof url === 'string' && url.trim() !== '' ? url : undefined;
}

/** Dark when Office's body background is dark. */
export function officeIsDark(office: typeof Office): boolean {
  const bg = office.context.officeTheme?.bodyBackgroundColor;
  if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return false;
  const hex = bg.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Ribbon commands (manifest ExecuteFunction actions); each completes its event when done. */
export function associateCommands(office: typeof Office, store: PaneStore): void {
  const command = (op: () => Promise<void>) => (event: Office.AddinCommands.Event) => {
    op().then(
      () => event.completed(),
      (e: unknown) => {
        store.reportError(e);
        event.completed();
      },
    );
  };
  office.actions.associate(
    'wanmu.check',
    command(async () => {
      await store.refresh();
      await office.addin.showAsTaskpane();
    }),
  );
  office.actions.associate(
    'wanmu.fill',
    command(async () => {
      await store.refresh();
      const s = store.getState().session;
      if (s) await store.apply(s.planFill({ style: 'native', replace: false }));
    }),
  );
  office.actions.associate('wanmu.revert', command(() => store.revert()));
}
