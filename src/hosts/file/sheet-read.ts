/**
 * Reading a worksheet part as a stream of parser events into sparse cells: only the cells that
 * exist are stored, whatever the sheet's dimension says. Shared strings are read the same way.
 */
import { errorKindFromText, sheetError, type RawValue } from '../../engine';
import type { CellData, CellRange, SheetData, SheetState } from '../../workbook/core/model';
import { cellRef, decodeXstring, rangeRef, shiftFormula } from './text';
import { localName, newParser } from './xml';

export class SheetReadError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

/** Feeds decoded text to a parser chunk by chunk. */
export interface TextSink {
  write(text: string): void;
  close(): void;
}

function xmlSink(setup: (parser: ReturnType<typeof newParser>) => void): TextSink {
  const parser = newParser(false);
  setup(parser);
  return {
    write: (t) => void parser.write(t),
    close: () => void parser.close(),
  };
}

/** Shared strings: the text of each `si`, rich-text runs joined, phonetic runs left out. */
export function sharedStringsSink(out: string[]): TextSink {
  return xmlSink((parser) => {
    let depth = 0;
    let inSi = false;
    let inT = false;
    let phonetic = 0;
    let cur = '';
    parser.on('opentag', (tag) => {
      depth++;
      const n = localName(tag.name);
      if (n === 'si' && depth === 2) {
        inSi = true;
        cur = '';
      } else if (inSi && n === 'rPh') phonetic++;
      else if (inSi && n === 't' && phonetic === 0) inT = !tag.isSelfClosing;
    });
    parser.on('closetag', (tag) => {
      const n = localName(tag.name);
      if (n === 'si' && depth === 2) {
        out.push(decodeXstring(cur));
        inSi = false;
      } else if (n === 'rPh' && inSi) phonetic--;
      else if (n === 't') inT = false;
      depth--;
    });
    parser.on('text', (t) => {
      if (inT) cur += t;
    });
    parser.on('cdata', (t) => {
      if (inT) cur += t;
    });
  });
}

export interface SheetReadOptions {
  readonly name: string;
  readonly state: SheetState;
  readonly sharedStrings: () => readonly string[];
  readonly formatOf: (xf: number) => string | undefined;
  /** Cells still allowed in this read (the workbook-wide limit minus cells already read). */
  readonly cellBudget: number;
  readonly limitMessage: (sheet: string) => string;
}

export interface SheetReadResult {
  readonly sheet: SheetData;
  readonly cells: number;
}

interface Pending {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | undefined;
  inline: string | undefined;
  formula: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: boolean;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);

function cellValue(p: Pending, strings: () => readonly string[], where: () => string): RawValue {
  const v = p.value;
  switch (p.type) {
    case 's': {
      if (v === undefined || v.trim() === '') return null;
      const s = strings()[Number(v)];
      if (s === undefined) throw new SheetReadError('corrupt', `${where()} 引用了不存在的共享字符串 ${v}`);
      return s;
    }
    case 'inlineStr':
      return p.inline !== undefined ? decodeXstring(p.inline) : v !== undefined ? decodeXstring(v) : null;
    case 'str':
      return v === undefined ? (p.formula !== undefined ? null : '') : decodeXstring(v);
    case 'b':
      return v === undefined || v.trim() === '' ? null : v.trim() === '1' || v.trim() === 'true';
    case 'e':
      return v === undefined || v.trim() === '' ? null : sheetError(errorKindFromText(v.trim()) ?? 'value');
    case 'd': {
      if (v === undefined || v.trim() === '') return null;
      const t = Date.parse(v.trim().length <= 10 ? `${v.trim()}T00:00:00Z` : v.trim().endsWith('Z') ? v.trim() : `${v.trim()}Z`);
      if (Number.isNaN(t)) throw new SheetReadError('corrupt', `${where()} 的日期“${v}”无法识别`);
      return (t - EPOCH_1900) / 86400000;
    }
    default: {
      if (v === undefined || v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new SheetReadError('corrupt', `${where()} 的数值“${v}”无法识别`);
      return n;
    }
  }
}

function parseRef(ref: string): CellRange | undefined {
  return rangeRef(ref.split('$').join(''));
}

/** A sink that reads one worksheet; `finish()` returns the sheet once all text is written. */
export function sheetSink(opt: SheetReadOptions): TextSink & { finish(): SheetReadResult } {
  const rows = new Map<number, Map<number, CellData>>();
  const merges: CellRange[] = [];
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const dependents: { row: number; col: number; si: string; value: RawValue; numFmt: string | undefined }[] = [];
  let count = 0;
  let rowCount = 0;
  let colCount = 0;
  let row = 0;
  let col = 0;
  let cell: Pending | undefined;
  let inSheetData = false;
  let capture: 'v' | 'f' | 't' | undefined;
  let inIs = false;
  let phonetic = 0;

  const put = (r: number, c: number, data: CellData) => {
    let line = rows.get(r);
    if (!line) rows.set(r, (line = new Map()));
    if (!line.has(c)) {
      count++;
      if (count > opt.cellBudget) throw new SheetReadError('too_large', opt.limitMessage(opt.name));
    }
    line.set(c, data);
    if (r > rowCount) rowCount = r;
    if (c > colCount) colCount = c;
  };

  const sink = xmlSink((parser) => {
    parser.on('opentag', (tag) => {
      const n = localName(tag.name);
      const a = tag.attributes as Record<string, string>;
      if (n === 'sheetData') inSheetData = !tag.isSelfClosing;
      else if (inSheetData && n === 'row') {
        const r = a.r !== undefined ? Number(a.r) : row + 1;
        if (!Number.isInteger(r) || r < 1 || r > 1048576) throw new SheetReadError('corrupt', `工作表“${opt.name}”的行号“${a.r}”无效`);
        row = r;
        col = 0;
      } else if (inSheetData && n === 'c') {
        let r = row;
        let c = col + 1;
        if (a.r !== undefined) {
          const at = cellRef(a.r);
          if (!at) throw new SheetReadError('corrupt', `工作表“${opt.name}”的单元格地址“${a.r}”无效`);
          r = at.row;
          c = at.col;
        }
        if (r < 1) r = 1;
        col = c;
        cell = { row: r, col: c, type: a.t ?? 'n', style: a.s !== undefined ? Number(a.s) : 0, value: undefined, inline: undefined, formula: undefined, sharedIndex: undefined, sharedRef: false };
        if (tag.isSelfClosing) finishCell();
      } else if (cell && n === 'v') {
        cell.value = '';
        capture = tag.isSelfClosing ? undefined : 'v';
      }
      else if (cell && n === 'f') {
        capture = 'f';
        cell.formula = '';
        if (a.t === 'shared' && a.si !== undefined) {
          cell.sharedIndex = a.si;
          cell.sharedRef = a.ref !== undefined;
        }
        if (tag.isSelfClosing) capture = undefined;
      } else if (cell && n === 'is') {
        inIs = true;
        cell.inline = '';
      } else if (inIs && n === 'rPh') phonetic++;
      else if (inIs && n === 't' && phonetic === 0) capture = 't';
      else if (n === 'mergeCell' && a.ref !== undefined) {
        const m = parseRef(a.ref);
        if (m) merges.push(m);
      }
    });
    parser.on('closetag', (tag) => {
      const n = localName(tag.name);
      if (n === 'sheetData') inSheetData = false;
      else if (n === 'c' && cell && !tag.isSelfClosing) finishCell();
      else if (n === 'v' || n === 'f' || n === 't') capture = undefined;
      else if (n === 'is') inIs = false;
      else if (n === 'rPh') phonetic--;
    });
    const onText = (t: string) => {
      if (!cell || capture === undefined) return;
      if (capture === 'v') cell.value = (cell.value ?? '') + t;
      else if (capture === 'f') cell.formula = (cell.formula ?? '') + t;
      else cell.inline = (cell.inline ?? '') + t;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
  });

  function finishCell(): void {
    const p = cell as Pending;
    cell = undefined;
    capture = undefined;
    inIs = false;
    const numFmt = p.style ? opt.formatOf(p.style) : undefined;
    const value = cellValue(p, opt.sharedStrings, () => `工作表“${opt.name}”的单元格 R${p.row}C${p.col}`);
    let formula = p.formula !== undefined && p.formula !== '' ? p.formula : undefined;
    if (p.sharedIndex !== undefined) {
      if (p.sharedRef && formula !== undefined) masters.set(p.sharedIndex, { row: p.row, col: p.col, text: formula });
      else if (formula === undefined) {
        const m = masters.get(p.sharedIndex);
        if (m) formula = shiftFormula(m.text, p.row - m.row, p.col - m.col);
        else {
          // (held until the master is seen; counted against the limit like any cell)
          if (count + dependents.length >= opt.cellBudget) throw new SheetReadError('too_large', opt.limitMessage(opt.name));
          dependents.push({ row: p.row, col: p.col, si: p.sharedIndex, value, numFmt });
          return;
        }
      }
    }
    if (formula === undefined && value === null && numFmt === undefined) return;
    put(p.row, p.col, { value, ...(formula !== undefined ? { formula } : {}), ...(numFmt !== undefined ? { numFmt } : {}) });
  }

  return {
    write: (t) => {
      try {
        sink.write(t);
      } catch (e) {
        throw wrap(e, opt.name);
      }
    },
    close: () => {
      try {
        sink.close();
      } catch (e) {
        throw wrap(e, opt.name);
      }
    },
    finish: () => {
      for (const d of dependents) {
        const m = masters.get(d.si);
        const formula = m ? shiftFormula(m.text, d.row - m.row, d.col - m.col) : undefined;
        if (formula === undefined && d.value === null && d.numFmt === undefined) continue;
        put(d.row, d.col, { value: d.value, ...(formula !== undefined ? { formula } : {}), ...(d.numFmt !== undefined ? { numFmt: d.numFmt } : {}) });
      }
      // Cells covered by a merge, other than its top-left cell, are not shown: leave them out.
      for (const m of merges) {
        if (m.bottom > rowCount) rowCount = m.bottom;
        if (m.right > colCount) colCount = m.right;
        const span = m.bottom - m.top + 1;
        const covered = span < rows.size ? Array.from({ length: span }, (_, i) => m.top + i) : [...rows.keys()].filter((r) => r >= m.top && r <= m.bottom);
        for (const r of covered) {
          const line = rows.get(r);
          if (!line) continue;
          for (const c of [...line.keys()]) if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) line.delete(c);
          if (line.size === 0) rows.delete(r);
        }
      }
      const sheet: SheetData = { name: opt.name, rowCount, colCount, rows, merges, ...(opt.state !== 'visible' ? { state: opt.state } : {}) };
      return { sheet, cells: count };
    },
  };
}

function wrap(e: unknown, sheet: string): Error {
  if (e instanceof SheetReadError) return e;
  return new SheetReadError('corrupt', `工作表“${sheet}”的 XML 无法解析(${(e as Error).message})`);
}
