/**
 * The write: a write plan's operations (added sheets, clears, contents with number formats, bold,
 * wrapping, merges, column widths, the layouts of added sheets, deleted sheets) queued in one
 * batch under `suspendApiCalculationUntilNextSync()` and synced once, or in budget-sized syncs
 * for very large batches.
 */
import type { WriteBatch } from '../../workbook/core/model';
import { columnsAddress, jsonSize, rangeAddress, type Block, type ContentCell, type WritePlan } from '../shared/blocks';
import type { XlContext, XlWorksheet } from './object-model';
import { VISIBILITY, type ExcelState } from './state';

/** Estimated request bytes of one queued operation, besides the values it carries. */
export const OP_OVERHEAD = 200;

/**
 * Column widths in the model are Excel character units (as in .xlsx files); Office.js sets
 * points. Calibri 11 at 96 dpi: 7 px per character plus 5 px padding, 0.75 pt per px.
 */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Queued work of a write, with its estimated size, flushed in syncs under the budget. */
type Op = { readonly bytes: number; readonly queue: (ctx: XlContext, sheets: Map<string, XlWorksheet>) => void };

/**
 * Queues the whole write and syncs once, or in budget-sized syncs for very large batches.
 * `queuedBytes`: the request size of operations the caller queued before (the precondition's
 * loads), which go in the first sync, ahead of the writes.
 */
export async function applyWrite(ctx: XlContext, state: ExcelState, plan: WritePlan, queuedBytes: number, layouts: WriteBatch['sheetLayouts']): Promise<void> {
  const ops: Op[] = [];
  const added = new Map<string, XlWorksheet>();
  for (const add of plan.addSheets) {
    ops.push({
      bytes: OP_OVERHEAD,
      queue: (c) => {
        const ws = c.workbook.worksheets.add(add.name);
        if (add.state && add.state !== 'visible') ws.visibility = VISIBILITY[add.state];
        added.set(add.name, ws);
      },
    });
  }
  for (const s of plan.sheets) {
    const on = (c: XlContext, sheets: Map<string, XlWorksheet>) => {
      let ws = sheets.get(s.sheet) ?? added.get(s.sheet);
      if (!ws) sheets.set(s.sheet, (ws = c.workbook.worksheets.getItem(s.sheet)));
      return ws;
    };
    for (const r of s.clears) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => on(c, m).getRange(rangeAddress(r)).clear() });
    for (const block of s.content) {
      for (const part of splitRows(block, state.budget)) {
        const formulas = part.items.map((line) => line.map((c) => c.input));
        const hasFormat = part.items.some((line) => line.some((c) => c.numFmt !== null));
        const formats = hasFormat ? part.items.map((line) => line.map((c) => c.numFmt)) : null;
        ops.push({
          bytes: OP_OVERHEAD + gridSize(formulas) + (formats ? gridSize(formats) : 0),
          queue: (c, m) => {
            const range = on(c, m).getRange(rangeAddress(part.range));
            // null in a number-format grid leaves that cell's format as it is
            if (formats) range.numberFormat = formats;
            range.formulas = formulas;
          },
        });
      }
    }
    for (const r of s.bold) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => (on(c, m).getRange(rangeAddress(r)).format.font.bold = true) });
    for (const r of s.wrap)
      ops.push({
        bytes: OP_OVERHEAD,
        queue: (c, m) => {
          const f = on(c, m).getRange(rangeAddress(r)).format;
          f.wrapText = true;
          f.verticalAlignment = 'Center';
        },
      });
    for (const r of s.merges) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => on(c, m).getRange(rangeAddress(r)).merge(false) });
    for (const w of s.widths) ops.push({ bytes: OP_OVERHEAD, queue: (c, m) => (on(c, m).getRange(columnsAddress(w.left, w.right)).format.columnWidth = widthToPoints(w.width)) });
  }
  if (state.capabilities.sheetLayout) {
    for (const l of layouts) {
      if (!plan.addSheets.some((a) => a.name === l.sheet)) continue;
      ops.push({
        bytes: OP_OVERHEAD * 4,
        queue: (c) => {
          const ws = added.get(l.sheet) ?? c.workbook.worksheets.getItem(l.sheet);
          if (l.freezeRows > 0) ws.freezePanes.freezeRows(l.freezeRows);
          const p = ws.pageLayout;
          p.orientation = l.print.landscape ? 'Landscape' : 'Portrait';
          if (l.print.fitWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (l.print.titleRows) p.setPrintTitleRows(`$${l.print.titleRows.first}:$${l.print.titleRows.last}`);
          if (l.print.footer !== null) p.headersFooters.defaultForAllPages.centerFooter = l.print.footer;
        },
      });
    }
  }
  for (const name of plan.deleteSheets) ops.push({ bytes: OP_OVERHEAD, queue: (c) => c.workbook.worksheets.getItem(name).delete() });

  let sheets = new Map<string, XlWorksheet>();
  let pending = queuedBytes;
  let queued = queuedBytes > 0 ? 1 : 0;
  let suspended = false;
  const flush = async () => {
    await ctx.sync();
    sheets = new Map();
    pending = 0;
    queued = 0;
    suspended = false;
  };
  for (const op of ops) {
    if (queued > 0 && pending + op.bytes > state.budget) await flush();
    if (!suspended) ctx.application.suspendApiCalculationUntilNextSync();
    suspended = true;
    op.queue(ctx, sheets);
    pending += op.bytes;
    queued++;
  }
  if (queued > 0) await flush();
  // Keep the remembered list current (added sheets go at the end; their ids are looked up when
  // needed). A read checks the list against Excel's in the same sync anyway.
  if (state.known) {
    const gone = new Set(plan.deleteSheets);
    state.known = [...state.known, ...plan.addSheets.map((a) => ({ id: '', name: a.name, state: a.state ?? 'visible' }))].filter((s) => !gone.has(s.name));
  }
}

/** Estimated request bytes of a grid of values (its JSON text). */
export function gridSize(grid: ReadonlyArray<ReadonlyArray<unknown>>): number {
  let n = 2;
  for (const line of grid) {
    n += 2;
    for (const v of line) n += jsonSize(v) + 1;
  }
  return n;
}

/** Splits a content block into row bands whose estimated size fits the budget. */
function splitRows(block: Block<ContentCell>, budget: number): Block<ContentCell>[] {
  const rowSizes = block.items.map((line) => gridSize([line.map((c) => c.input)]) + (line.some((c) => c.numFmt !== null) ? gridSize([line.map((c) => c.numFmt)]) : 0));
  const total = rowSizes.reduce((a, b) => a + b, 0);
  if (total + OP_OVERHEAD <= budget) return [block];
  const out: Block<ContentCell>[] = [];
  let start = 0;
  let size = 0;
  rowSizes.forEach((s, i) => {
    if (i > start && size + s + OP_OVERHEAD > budget) {
      out.push(band(block, start, i));
      start = i;
      size = 0;
    }
    size += s;
  });
  out.push(band(block, start, rowSizes.length));
  return out;
}

function band(block: Block<ContentCell>, from: number, to: number): Block<ContentCell> {
  return { range: { ...block.range, top: block.range.top + from, bottom: block.range.top + to - 1 }, items: block.items.slice(from, to) };
}
