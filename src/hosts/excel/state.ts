/**
 * What the pieces of the Excel host share between calls: the sheet list as of the last sync that
 * loaded it (read, check-then-write and marks use it instead of listing the sheets again), the
 * request budget per sync and the host's capabilities.
 */
import type { HostCapabilities, SheetState } from '../../workbook/core/model';
import type { XlContext } from './object-model';

export interface SheetInfo {
  readonly id: string;
  readonly name: string;
  readonly state: SheetState;
}

export const VISIBILITY: Readonly<Record<SheetState, string>> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

function stateOf(visibility: string): SheetState {
  return visibility === 'Hidden' ? 'hidden' : visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
}

/** The code of an Office.js error ("ItemNotFound", "ResponsePayloadSizeLimitExceeded" …). */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  const code = (e as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export class ExcelState {
  /** Sheet list as of the last sync that loaded it; null until then. */
  known: SheetInfo[] | null = null;

  constructor(
    readonly capabilities: HostCapabilities,
    /** Request bytes per sync (PAYLOAD_BUDGET unless a test sets it). */
    readonly budget: number,
  ) {}

  /** Queues the load of the sheet list; the function returned reads it after the sync. */
  queueSheetList(ctx: XlContext): () => SheetInfo[] {
    const coll = ctx.workbook.worksheets;
    coll.load('items/id,items/name,items/visibility');
    return () => coll.items.map((w) => ({ id: w.id, name: w.name, state: stateOf(w.visibility) }));
  }

  async loadSheetList(ctx: XlContext): Promise<SheetInfo[]> {
    const list = this.queueSheetList(ctx);
    await ctx.sync();
    return (this.known = list());
  }
}
