/**
 * Marks: wanmu's conditional formats (see src/workbook/core/marks.ts), Custom formats whose
 * formula is a marker, found on every sheet, read back with their ranges, and replaced.
 */
import { MARK_FILL, markFormula, markSeverityOf } from '../../workbook/core/marks';
import type { MarkSet, MarkSeverity } from '../../workbook/core/model';
import { areaChunks, parseRangeAddress } from '../shared/blocks';
import type { XlConditionalFormat, XlContext } from './object-model';
import { splitAreas } from './read';
import { errorCode, type ExcelState } from './state';

/**
 * Longest address given to `Worksheet.getRanges` at once: 255 characters, the limit reported for
 * it (as for VBA's Range; the Office docs state none). Longer range lists get one conditional
 * format per chunk.
 */
export const RANGES_ADDRESS_LIMIT = 255;
/** A priority past any sheet's number of conditional formats: Excel puts the format last. */
const LAST_PRIORITY = 1_000_000;

/**
 * wanmu's conditional formats on every sheet, as proxies: one sync loads every sheet's formats
 * (type and, for Custom ones, the formula) with the sheet list; if the list changed since it was
 * remembered, again with the new list (a sheet copied with its marks is found too).
 */
async function findMarks(ctx: XlContext, state: ExcelState): Promise<{ sheet: string; severity: MarkSeverity; format: XlConditionalFormat }[]> {
  let list = state.known ?? (await state.loadSheetList(ctx));
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = state.queueSheetList(ctx);
    const loads = list.map((s) => {
      const formats = ctx.workbook.worksheets.getItem(s.name).getRange().conditionalFormats;
      formats.load('items/type,items/customOrNullObject/rule/formula');
      return { sheet: s.name, formats };
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (errorCode(e) !== 'ItemNotFound' || attempt === 2) throw e;
      list = await state.loadSheetList(ctx);
      continue;
    }
    const now = (state.known = current());
    if (now.length !== list.length || now.some((s, i) => s.name !== list[i].name)) {
      list = now;
      continue;
    }
    const out: { sheet: string; severity: MarkSeverity; format: XlConditionalFormat }[] = [];
    for (const l of loads) {
      for (const format of l.formats.items) {
        if (format.type !== 'Custom' || format.customOrNullObject.isNullObject) continue;
        const severity = markSeverityOf(format.customOrNullObject.rule.formula);
        if (severity) out.push({ sheet: l.sheet, severity, format });
      }
    }
    return out;
  }
  throw new Error('读取工作簿时工作表列表不断变化,请稍后重试');
}

/** Two syncs: wanmu's formats (with the sheet list), then the ranges they apply to. */
export async function readMarkSets(ctx: XlContext, state: ExcelState): Promise<MarkSet[]> {
  const found = await findMarks(ctx, state);
  if (found.length === 0) return [];
  const areas = found.map((f) => {
    const a = f.format.getRanges();
    a.load('address');
    return a;
  });
  await ctx.sync();
  return found.map((f, i) => ({
    sheet: f.sheet,
    severity: f.severity,
    ranges: splitAreas(areas[i].address).map((a) => {
      const r = parseRangeAddress(a);
      if (!r) throw new Error(`无法识别区域地址 ${a}`);
      return r;
    }),
  }));
}

/**
 * Two syncs: wanmu's formats are found (with the sheet list), then deleted and the new ones added
 * in one batch; each new format goes after the sheet's others (the user's keep their places).
 * A range list longer than RANGES_ADDRESS_LIMIT becomes several formats.
 */
export async function writeMarkSets(ctx: XlContext, state: ExcelState, marks: readonly MarkSet[]): Promise<void> {
  const old = await findMarks(ctx, state);
  const names = new Set((state.known ?? []).map((s) => s.name));
  for (const m of marks) if (!names.has(m.sheet)) throw new Error(`找不到工作表“${m.sheet}”`);
  for (const o of old) o.format.delete();
  let added = 0;
  for (const m of marks) {
    const ws = ctx.workbook.worksheets.getItem(m.sheet);
    for (const address of areaChunks(m.ranges, RANGES_ADDRESS_LIMIT)) {
      const format = ws.getRanges(address).conditionalFormats.add('Custom');
      format.custom.rule.formula = `=${markFormula(m.severity)}`;
      format.custom.format.fill.color = `#${MARK_FILL[m.severity]}`;
      format.priority = LAST_PRIORITY;
      added++;
    }
  }
  if (old.length > 0 || added > 0) await ctx.sync();
}
