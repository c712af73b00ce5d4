/**
 * A zip reader and writer for OPC packages that keeps every entry it is not asked to change as
 * it was: an unchanged entry is written back with its compressed bytes, CRC, method and time
 * untouched. Entries are inflated only on demand, after their declared size is checked.
 */
import { Inflate, deflateSync, inflateSync } from 'fflate';

/** Why a package cannot be read; the host turns this into a message for the user. */
export class ZipError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'encrypted' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** The compressed bytes (a view into the input buffer). */
  readonly raw: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

/** Little-endian unsigned integers at an offset (zip and compound-file headers). */
export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function need(b: Uint8Array, end: number): void {
  if (end > b.length) throw new ZipError('corrupt', 'zip 结构被截断');
}

const utf8 = new TextDecoder('utf-8');

/** Reads the central directory; entry data stays compressed. */
export function readZip(buf: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (u32(buf, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt', '找不到 zip 目录');
  let count = u16(buf, eocd + 10);
  let cdOffset = u32(buf, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(buf, loc) !== SIG_EOCD64_LOCATOR) throw new ZipError('corrupt', 'zip64 目录定位符缺失');
    const rec = u64(buf, loc + 8);
    need(buf, rec + 56);
    if (u32(buf, rec) !== SIG_EOCD64) throw new ZipError('corrupt', 'zip64 目录缺失');
    count = u64(buf, rec + 32);
    cdOffset = u64(buf, rec + 48);
  }
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    need(buf, p + 46);
    if (u32(buf, p) !== SIG_CENTRAL) throw new ZipError('corrupt', 'zip 目录项损坏');
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const time = u16(buf, p + 12);
    const date = u16(buf, p + 14);
    const crc = u32(buf, p + 16);
    let compressedSize = u32(buf, p + 20);
    let size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    let local = u32(buf, p + 42);
    need(buf, p + 46 + nameLen + extraLen + commentLen);
    const name = utf8.decode(buf.subarray(p + 46, p + 46 + nameLen));
    // zip64 extended information: the fields that overflowed, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(buf, e);
      const len = u16(buf, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(buf, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(buf, q)), (q += 8);
        if (local === 0xffffffff) local = u64(buf, q);
      }
      e += 4 + len;
    }
    p = extraEnd + commentLen;
    if (flags & 1) throw new ZipError('encrypted', '文件已加密');
    if (seen.has(name)) throw new ZipError('corrupt', `zip 中有重复的条目:${name}`);
    seen.add(name);
    need(buf, local + 30);
    if (u32(buf, local) !== SIG_LOCAL) throw new ZipError('corrupt', `条目 ${name} 的本地头损坏`);
    const start = local + 30 + u16(buf, local + 26) + u16(buf, local + 28);
    need(buf, start + compressedSize);
    entries.push({ name, method, flags, time, date, crc, compressedSize, size, raw: buf.subarray(start, start + compressedSize) });
  }
  return entries;
}

/** Inflates one entry; refuses before allocating when its declared size exceeds `limit`. */
export function inflateEntry(entry: ZipEntry, limit: number): Uint8Array {
  if (entry.size > limit) throw new ZipError('too_large', `${entry.name} 解压后 ${mb(entry.size)},超过 ${mb(limit)} 的上限`);
  if (entry.method === 0) return entry.raw;
  if (entry.method !== 8) throw new ZipError('corrupt', `${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  let out: Uint8Array;
  try {
    out = inflateSync(entry.raw, { out: new Uint8Array(entry.size + 1) });
  } catch (e) {
    throw new ZipError('corrupt', `${entry.name} 解压失败(${(e as Error).message})`);
  }
  if (out.length !== entry.size) throw new ZipError('corrupt', `${entry.name} 的实际大小与目录不符`);
  return out;
}

/**
 * Inflates one entry in chunks (for large sheets read as a stream). Stops with `too_large` as
 * soon as the output passes `limit`, whatever the directory declares.
 */
export function inflateEntryChunks(entry: ZipEntry, limit: number, onChunk: (chunk: Uint8Array) => void): void {
  if (entry.method === 0) {
    if (entry.raw.length > limit) throw new ZipError('too_large', `${entry.name} 超过 ${mb(limit)} 的上限`);
    const step = 1 << 20;
    for (let i = 0; i < entry.raw.length; i += step) onChunk(entry.raw.subarray(i, i + step));
    return;
  }
  if (entry.method !== 8) throw new ZipError('corrupt', `${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  let total = 0;
  let failure: Error | undefined;
  const inflater = new Inflate((chunk) => {
    if (failure) return;
    total += chunk.length;
    if (total > limit) {
      failure = new ZipError('too_large', `${entry.name} 解压后超过 ${mb(limit)} 的上限`);
      return;
    }
    try {
      onChunk(chunk);
    } catch (e) {
      failure = e as Error;
    }
  });
  const step = 256 * 1024;
  try {
    for (let i = 0; i < entry.raw.length && !failure; i += step) inflater.push(entry.raw.subarray(i, i + step), i + step >= entry.raw.length);
  } catch (e) {
    throw new ZipError('corrupt', `${entry.name} 解压失败(${(e as Error).message})`);
  }
  if (failure) throw failure;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A new or changed entry: compressed when written. */
export function newEntry(name: string, data: Uint8Array, template?: ZipEntry): ZipEntry {
  const raw = deflateSync(data, { level: 6 });
  const now = new Date();
  const time = template?.time ?? ((now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1));
  const date = template?.date ?? (((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate());
  return { name, method: 8, flags: 0x0800, time, date, crc: crc32(data), compressedSize: raw.length, size: data.length, raw };
}

/** Writes entries in order; unchanged entries keep their compressed bytes. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => {
    total += 30 + names[i].length + e.compressedSize + 46 + names[i].length;
  });
  if (total > 0xfffffff0 || entries.length > 0xfffe) throw new ZipError('too_large', '输出文件超过 4 GB 或条目过多');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  // Bit 3 (sizes in a trailing data descriptor) is cleared: the sizes are in the headers.
  const flagsOf = (e: ZipEntry) => e.flags & ~0x0008;
  entries.forEach((e, i) => {
    offsets.push(p);
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, e.method === 8 ? 20 : 10, true);
    view.setUint16(p + 6, flagsOf(e), true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.compressedSize, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    p += 30 + names[i].length;
    out.set(e.raw, p);
    p += e.compressedSize;
  });
  const cd = p;
  entries.forEach((e, i) => {
    view.setUint32(p, SIG_CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, e.method === 8 ? 20 : 10, true);
    view.setUint16(p + 8, flagsOf(e), true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.compressedSize, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i].length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, SIG_EOCD, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cd, true);
  view.setUint32(p + 16, cd, true);
  return out;
}
