/**
 * Saving cannot lose the input: the output is never the input by any path, an existing file is
 * replaced only with force, the folder must exist and be writable, and a failed save leaves the
 * old file as it was.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { checkOutput, nodeFs, saveErrorMessage, type FsProbe } from '../../../src/hosts/file/output';
import { XlsxFileHost } from '../../../src/hosts/file/xlsx';
import { emptyBatch } from '../../../src/workbook/core/model';
import { run } from '../../../src/cli/main';
import { handPackage, MAIN } from '../../helpers/xlsx-package';
import { needs } from '../../helpers/needs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-out-'));
const input = path.join(dir, '评价表.xlsx');
fs.writeFileSync(input, handPackage([{ name: 'S', xml: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` }]));

describe('checkOutput', () => {
  it('accepts a new file in an existing folder', () => {
    expect(checkOutput(input, path.join(dir, 'out.xlsx'), { force: false })).toEqual({ ok: true, replaces: false });
  });

  it('refuses the input itself, by the same path or another spelling of it', () => {
    for (const out of [input, path.join(dir, '.', '评价表.xlsx'), path.join(dir, 'sub', '..', '评价表.xlsx')]) {
      fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
      const r = checkOutput(input, out, { force: true });
      expect(r).toMatchObject({ ok: false, problem: 'same_as_input' });
    }
  });

  it('refuses a symbolic link to the input, and a path through a linked folder', () => {
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(input, link);
    expect(checkOutput(input, link, { force: true })).toMatchObject({ ok: false, problem: 'same_as_input' });
    const linkedDir = path.join(dir, 'linked-dir');
    fs.symlinkSync(dir, linkedDir);
    expect(checkOutput(input, path.join(linkedDir, '评价表.xlsx'), { force: true })).toMatchObject({ ok: false, problem: 'same_as_input' });
  });

  it('refuses a hard link to the input', () => {
    const hard = path.join(dir, 'hard.xlsx');
    fs.linkSync(input, hard);
    expect(checkOutput(input, hard, { force: true })).toMatchObject({ ok: false, problem: 'same_as_input' });
  });

  it('refuses a name differing only in letter case on a case-insensitive file system', () => {
    const upper = path.join(dir, 'Report.xlsx');
    const lowerInput = path.join(dir, 'report.xlsx');
    fs.copyFileSync(input, lowerInput);
    // a case-insensitive file system, simulated: names are looked up without regard to case
    const fold = (p: string) => (path.extname(p) ? path.join(path.dirname(p), path.basename(p).toLowerCase()) : p);
    const insensitive: FsProbe = {
      stat: (p) => nodeFs.stat(fold(p)),
      realpath: (p) => nodeFs.realpath(fold(p)),
      writable: () => true,
      caseInsensitive: () => true,
    };
    expect(checkOutput(lowerInput, upper, { force: true }, insensitive)).toMatchObject({ ok: false, problem: 'same_as_input' });
    // on this (case-sensitive) file system they are two files
    expect(checkOutput(lowerInput, upper, { force: true })).toEqual({ ok: true, replaces: false });
  });

  it('refuses an existing file unless forced', () => {
    const existing = path.join(dir, 'existing.xlsx');
    fs.writeFileSync(existing, 'old');
    const r = checkOutput(input, existing, { force: false });
    expect(r).toMatchObject({ ok: false, problem: 'exists' });
    if (!r.ok) expect(r.message).toContain('--force');
    expect(checkOutput(input, existing, { force: true })).toEqual({ ok: true, replaces: true });
  });

  it('refuses a missing folder, a file used as a folder, a folder as the output, and an unwritable folder', () => {
    expect(checkOutput(input, path.join(dir, 'no-such-folder', 'out.xlsx'), { force: false })).toMatchObject({ ok: false, problem: 'no_folder' });
    // (root ignores permission bits, so "not writable" is shown with a path under a file and a probe)
    expect(checkOutput(input, path.join(input, 'out.xlsx'), { force: false })).toMatchObject({ ok: false, problem: 'not_a_folder' });
    expect(checkOutput(input, dir, { force: true })).toMatchObject({ ok: false, problem: 'is_folder' });
    const readOnly: FsProbe = { ...nodeFs, writable: () => false };
    const r = checkOutput(input, path.join(dir, 'ro.xlsx'), { force: false }, readOnly);
    expect(r).toMatchObject({ ok: false, problem: 'not_writable' });
    if (!r.ok) expect(r.message).toContain('权限');
  });

  it('keeps macros: an .xlsm input needs an .xlsm output', () => {
    const xlsm = path.join(dir, '宏.xlsm');
    fs.copyFileSync(input, xlsm);
    expect(checkOutput(xlsm, path.join(dir, 'out.xlsx'), { force: false })).toMatchObject({ ok: false, problem: 'macro_extension' });
    expect(checkOutput(xlsm, path.join(dir, 'out.xlsm'), { force: false })).toEqual({ ok: true, replaces: false });
  });
});

describe('saving', () => {
  // A real full disk: a 64 KB tmpfs (mounting needs root; elsewhere the test is skipped, or fails
  // on CI). On a full disk write(2) first returns short, then fails: a writer that takes a short
  // write as success (write-file-atomic 6 does) renames a truncated file over the old one.
  const small = path.join(dir, 'small-disk');
  fs.mkdirSync(small);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small], { stdio: 'pipe' }).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [small], { stdio: 'pipe' });
  });

  const tmpfs = { name: 'a 64 KB tmpfs (mount -t tmpfs)', install: 'run the tests as root', present: () => mounted };
  needs(tmpfs).it('on a full disk the save fails with ENOSPC, the old file stays as it was, no temporary file is left', async () => {
    const target = path.join(small, 'keep.xlsx');
    fs.writeFileSync(target, 'the old file');
    const host = await XlsxFileHost.open(input);
    // about 500 KB of text that compresses to more than 64 KB: more than the disk holds
    const cells = Array.from({ length: 4000 }, (_, i) => ({ sheet: 'S', row: i + 1, col: 1, value: randomBytes(64).toString('hex') }));
    await host.write({ ...emptyBatch(), cells }, []);
    const err = await host.save(target).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(fs.readFileSync(target, 'utf8')).toBe('the old file');
    expect(fs.readdirSync(small)).toEqual(['keep.xlsx']);
    expect(saveErrorMessage(err, target)).toContain('磁盘空间不足');
  });

  it('a save replaces the old file only when complete', async () => {
    const target = path.join(dir, 'replace.xlsx');
    fs.writeFileSync(target, 'the old file');
    const host = await XlsxFileHost.open(input);
    await host.write({ ...emptyBatch(), cells: [{ sheet: 'S', row: 1, col: 1, value: 1 }] }, []);
    await host.save(target);
    expect(fs.readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const gone = path.join(dir, 'gone', 'x.xlsx');
    const err = await host.save(gone).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(saveErrorMessage(err, gone)).toContain('文件夹不存在');
  });

  it('the command line: exit 2 with a Chinese message and no stack trace', async () => {
    const io = () => {
      const o = { out: '', err: '' };
      return { o, io: { out: (t: string) => void (o.out += t), err: (t: string) => void (o.err += t) } };
    };
    const existing = path.join(dir, 'cli-existing.xlsx');
    fs.writeFileSync(existing, 'x');
    for (const [args, words] of [
      [['fill', input, '-o', input], '输入文件'],
      [['fill', input, '-o', existing], '--force'],
      [['fill', input, '-o', path.join(dir, 'missing', 'o.xlsx')], '不存在'],
      [['template', 'annual', '-o', existing], '--force'],
    ] as const) {
      const { o, io: sink } = io();
      expect(await run([...args], sink)).toBe(2);
      expect(o.err).toContain(words);
      expect(o.err).not.toContain('    at ');
    }
    expect(fs.readFileSync(existing, 'utf8')).toBe('x');
    const { io: sink } = io();
    expect(await run(['template', 'annual', '-o', existing, '--force'], sink)).toBe(0);
    expect(fs.readFileSync(existing).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
