/**
 * The .xlsx file host for Node: the fs-free core (workbook-file.ts, which the task pane's browser
 * bundle uses) plus opening a file from disk and saving it atomically.
 */
import * as fs from 'fs';
import { writeFileAtomically } from './output';
import { DEFAULT_LIMITS, FileOpenError, WorkbookFile, corrupt, type XlsxLimits } from './workbook-file';

export { DEFAULT_LIMITS, FileOpenError, type XlsxLimits } from './workbook-file';

export class XlsxFileHost extends WorkbookFile {
  static async open(path: string, limits: XlsxLimits = DEFAULT_LIMITS): Promise<XlsxFileHost> {
    let buffer: Buffer;
    try {
      buffer = await fs.promises.readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileOpenError('not_found', `找不到文件:${path}`);
      if (code === 'EISDIR') throw new FileOpenError('not_xlsx', `“${path}”是文件夹,不是 .xlsx 文件`);
      if (code === 'EACCES' || code === 'EPERM') throw new FileOpenError('not_found', `没有权限读取“${path}”,请检查文件权限`);
      throw e;
    }
    return XlsxFileHost.fromBuffer(buffer, path, limits);
  }

  static override async fromBuffer(buffer: Uint8Array, path = '工作簿', limits: XlsxLimits = DEFAULT_LIMITS): Promise<XlsxFileHost> {
    const pkg = WorkbookFile.packageOf(buffer, path, limits);
    try {
      return new XlsxFileHost(pkg, path);
    } catch (e) {
      throw corrupt(path, e);
    }
  }

  /** A new workbook with no sheets yet (for templates: the batch adds them). */
  static override empty(): XlsxFileHost {
    return new XlsxFileHost(WorkbookFile.emptyPackage(), '新工作簿');
  }

  /** The package as written now. */
  override toBuffer(): Buffer {
    const bytes = super.toBuffer();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Saves atomically: a temporary file in the target folder, flushed to disk, then renamed over
   * the target. A failed save leaves any existing file as it was.
   */
  async save(path: string): Promise<void> {
    await writeFileAtomically(path, this.toBuffer());
  }
}
