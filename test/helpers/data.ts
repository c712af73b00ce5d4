/**
 * data(): the workbook a test checks, as a host reads it (WorkbookData). It is the generated
 * 培育名单 of `platforms` platforms (annualWideWorkbook; the default), a given exceljs workbook, or
 * a file such as an example, read through the .xlsx file host; then `edits` are made on the data
 * sheet as the user makes them (MemoryHost.edit), where a test wants a mistake in it.
 */
import type ExcelJS from 'exceljs';
import type { RawValue } from '../../src/engine';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { MemoryHost } from '../../src/hosts/memory/host';
import type { WorkbookData } from '../../src/workbook/core/model';

/** The data sheet of annualWideWorkbook and of the example 培育名单. */
export const DATA_SHEET = '培育名单数据';

export interface DataOptions {
  /** Platforms in the generated 培育名单 (default 6); not used with `workbook` or `file`. */
  readonly platforms?: number;
  /** An exceljs workbook to read instead of the generated 培育名单. */
  readonly workbook?: ExcelJS.Workbook;
  /** An .xlsx file to read instead (e.g. one of examples/). */
  readonly file?: string;
  /** Cells changed after reading, by A1 address, as MemoryHost.edit takes them. */
  readonly edits?: Readonly<Record<string, RawValue>>;
  /** The sheet the edits are made on (default 培育名单数据). */
  readonly sheet?: string;
}

/**
 * The exceljs workbook's bytes. The fixtures (and exceljs with them) are loaded only here: the
 * pane's tests run in jsdom, where exceljs cannot be loaded, and read files only.
 */
async function generated(options: DataOptions): Promise<Buffer> {
  const { annualRows, annualWideWorkbook, toBuffer } = await import('../fixtures/workbooks');
  return toBuffer(options.workbook ?? annualWideWorkbook(annualRows(options.platforms ?? 6)));
}

export async function data(options: DataOptions = {}): Promise<WorkbookData> {
  const host = options.file ? await XlsxFileHost.open(options.file) : await XlsxFileHost.fromBuffer(await generated(options));
  const read = await host.read();
  if (!options.edits) return read;
  const edited = new MemoryHost(read);
  edited.edit(options.sheet ?? DATA_SHEET, options.edits);
  return edited.read();
}
