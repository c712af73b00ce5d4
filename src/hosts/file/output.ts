/**
 * Where a file may be saved: never over the input (by any path to it), never over an existing
 * file unless asked, and only into a folder that exists and can be written. The checks run
 * before any work is done; save errors are turned into messages that say what to do.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface FileId {
  readonly dev: number;
  readonly ino: number;
  readonly isDirectory: boolean;
}

/** The file system as the checks see it (tests give a fake one, e.g. case-insensitive). */
export interface FsProbe {
  /** Follows symbolic links; undefined when nothing is there. */
  stat(p: string): FileId | undefined;
  realpath(p: string): string | undefined;
  writable(dir: string): boolean;
  /** Whether names in this folder are compared without regard to letter case. */
  caseInsensitive(dir: string): boolean;
}

export type OutputProblem = 'same_as_input' | 'exists' | 'no_folder' | 'not_a_folder' | 'is_folder' | 'not_writable' | 'macro_extension';

export type OutputCheck = { readonly ok: true; readonly replaces: boolean } | { readonly ok: false; readonly problem: OutputProblem; readonly message: string };

export const nodeFs: FsProbe = {
  stat(p) {
    try {
      const s = fs.statSync(p);
      return { dev: s.dev, ino: s.ino, isDirectory: s.isDirectory() };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  },
  realpath(p) {
    try {
      return fs.realpathSync(p);
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  },
  writable(dir) {
    try {
      fs.accessSync(dir, fs.constants.W_OK);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return false;
      throw e;
    }
  },
  caseInsensitive(dir) {
    // The folder itself, named with its letters' case swapped, is the same folder only on a
    // case-insensitive file system.
    const real = nodeFs.realpath(dir);
    if (!real) return false;
    const base = path.basename(real);
    const swapped = [...base].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
    if (swapped === base) return false;
    const a = nodeFs.stat(real);
    const b = nodeFs.stat(path.join(path.dirname(real), swapped));
    return !!a && !!b && a.dev === b.dev && a.ino === b.ino;
  },
};

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function sameId(a: FileId | undefined, b: FileId | undefined): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino;
}

function extension(p: string): string {
  return path.extname(p).toLowerCase();
}

/**
 * Whether `output` may be written (`input`: the file read, if any). The message says what to do.
 */
export function checkOutput(input: string | undefined, output: string, options: { force: boolean }, probe: FsProbe = nodeFs): OutputCheck {
  const out = path.resolve(output);
  const dir = path.dirname(out);
  const dirId = probe.stat(dir);
  if (!dirId) {
    // a file where a folder should be, or no such folder
    let up = path.dirname(dir);
    let blocker: string | undefined;
    for (let p = dir; p !== up; p = up, up = path.dirname(p)) {
      const s = probe.stat(p);
      if (s) {
        if (!s.isDirectory) blocker = p;
        break;
      }
    }
    if (blocker) return { ok: false, problem: 'not_a_folder', message: `无法保存到“${output}”:“${blocker}”是一个文件,不是文件夹。请换一个保存位置` };
    return { ok: false, problem: 'no_folder', message: `无法保存到“${output}”:文件夹“${dir}”不存在。请先创建这个文件夹,或换一个保存位置` };
  }
  if (!dirId.isDirectory) return { ok: false, problem: 'not_a_folder', message: `无法保存到“${output}”:“${dir}”是一个文件,不是文件夹。请换一个保存位置` };
  const outId = probe.stat(out);
  if (outId?.isDirectory) return { ok: false, problem: 'is_folder', message: `无法保存到“${output}”:这是一个文件夹。请在 -o 后写上文件名,例如 ${path.join(output, '评分结果.xlsx')}` };
  if (input !== undefined) {
    const inp = path.resolve(input);
    const inId = probe.stat(inp);
    const inReal = probe.realpath(inp);
    const same =
      inp === out ||
      (inReal !== undefined && probe.realpath(out) === inReal) ||
      sameId(inId, outId) ||
      (probe.realpath(dir) === probe.realpath(path.dirname(inp)) && path.basename(out).toLowerCase() === path.basename(inp).toLowerCase() && probe.caseInsensitive(dir));
    if (same) return { ok: false, problem: 'same_as_input', message: `输出文件“${output}”就是输入文件“${input}”(同一个文件的另一个名字或链接)。请换一个输出文件名,原文件保持不变` };
    if (extension(inp) === '.xlsm' && extension(out) !== '.xlsm') {
      return { ok: false, problem: 'macro_extension', message: `输入文件含宏(.xlsm),输出文件也须以 .xlsm 结尾,否则电子表格软件会拒绝打开。请把输出文件改名为 ${path.basename(out, path.extname(out))}.xlsm` };
    }
  }
  if (!probe.writable(dir)) return { ok: false, problem: 'not_writable', message: `无法保存到“${output}”:没有写入文件夹“${dir}”的权限。请换一个有写入权限的位置(例如“文档”或桌面)` };
  if (outId && !options.force) return { ok: false, problem: 'exists', message: `输出文件“${output}”已存在。如要覆盖它,请加上 --force;或换一个输出文件名` };
  return { ok: true, replaces: !!outId };
}

/** A message for an error met while saving, or undefined when it is not a file-system problem. */
export function saveErrorMessage(e: unknown, output: string): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const kept = '已有的同名文件(如有)保持原样';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `保存“${output}”失败:磁盘空间不足。请清理磁盘空间或换一个磁盘后再试(${kept})`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `保存“${output}”失败:没有写入权限。请换一个有写入权限的位置,或关闭正在使用该文件的程序后再试(${kept})`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `保存“${output}”失败:保存位置的文件夹不存在。请先创建这个文件夹,或换一个保存位置`;
    case 'EISDIR':
      return `保存“${output}”失败:这是一个文件夹。请在 -o 后写上文件名`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `保存“${output}”失败:文件正被其他程序使用。请关闭它后再试(${kept})`;
    case 'EIO':
      return `保存“${output}”失败:磁盘读写出错。请检查磁盘或换一个位置后再试(${kept})`;
    default:
      return undefined;
  }
}

/**
 * Writes a file so that it is either the old file or the complete new one: the bytes go to a
 * temporary file in the same folder (every byte written, or an error such as ENOSPC), which is
 * flushed to disk and then renamed over the target. On any failure the temporary file is
 * removed and the target is untouched. (A single `write` that returns short on a full disk is
 * not taken as success: `FileHandle.writeFile` writes until done or fails.)
 */
export async function writeFileAtomically(target: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  let mode = 0o666;
  try {
    mode = (await fs.promises.stat(target)).mode & 0o7777;
  } catch (e) {
    if (!isMissing(e)) throw e;
  }
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  const handle = await fs.promises.open(tmp, 'wx', mode);
  let done = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, target);
    done = true;
  } finally {
    if (!done) await fs.promises.rm(tmp, { force: true });
  }
  await syncFolder(dir);
}

/** Flushes a folder's entry list (the rename) to disk, where the platform allows it. */
async function syncFolder(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(dir, 'r');
  } catch (e) {
    // Windows cannot open a folder as a file; the rename is then as durable as the platform makes it.
    if ((e as NodeJS.ErrnoException).code === 'EISDIR' || (e as NodeJS.ErrnoException).code === 'EPERM') return;
    throw e;
  }
  try {
    await handle.sync();
  } catch (e) {
    // Some file systems do not support flushing a folder.
    if ((e as NodeJS.ErrnoException).code !== 'EINVAL' && (e as NodeJS.ErrnoException).code !== 'ENOTSUP') throw e;
  } finally {
    await handle.close();
  }
}
