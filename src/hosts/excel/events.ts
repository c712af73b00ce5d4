/**
 * Change events: the user's edits on any sheet (`WorksheetCollection.onChanged`, ExcelApi 1.9),
 * named by the sheet list the host remembers (one sync for a sheet it does not know).
 */
import type { ChangedCells } from '../../workbook/core/model';
import type { ExcelHostDeps } from './deps';
import type { XlChangedArgs, XlEventResult } from './object-model';
import type { ExcelState } from './state';

/** Change types after which the edited cells alone do not say what moved: the sheet is read again. */
export function structuralChange(changeType: string | undefined): boolean {
  return changeType !== undefined && changeType !== 'RangeEdited';
}

/**
 * Registers `listener` for the user's edits (one sync); the function returned removes it, also
 * when the registration has not finished yet. Failures go to `deps.reportError`.
 */
export function listenToChanges(deps: ExcelHostDeps, state: ExcelState, listener: (change: ChangedCells) => void): () => void {
  let registration: XlEventResult | null = null;
  let removed = false;
  const handler = async (args: XlChangedArgs) => {
    // Only the user's edits: the host's own writes come back as "ThisLocalAddin" (ExcelApi 1.14).
    if (args.triggerSource === 'ThisLocalAddin') return;
    const name =
      state.known?.find((s) => s.id === args.worksheetId)?.name ??
      (await deps.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(args.worksheetId);
        ws.load('name');
        await ctx.sync();
        return ws.name;
      }));
    if (!removed) listener({ sheet: name, cells: [args.address], ...(structuralChange(args.changeType) ? { structural: true } : {}) });
  };
  const remove = (r: XlEventResult) =>
    deps.runIn(r.context, async (ctx) => {
      r.remove();
      await ctx.sync();
    });
  deps
    .run(async (ctx) => {
      const r = ctx.workbook.worksheets.onChanged.add(handler);
      await ctx.sync();
      return r;
    })
    .then((r) => {
      registration = r;
      if (removed) return remove(r);
      return undefined;
    })
    .catch(deps.reportError);
  return () => {
    if (removed) return;
    removed = true;
    if (registration) remove(registration).catch(deps.reportError);
  };
}
