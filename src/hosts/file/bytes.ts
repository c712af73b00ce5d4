/**
 * UTF-8 bytes of text written into a part. The rows a write serializes are encoded as soon as
 * each is made, so a large write holds its XML once, as bytes, and never as strings (two bytes a
 * character once any character is CJK) besides.
 *
 * Where the platform has array buffers that grow in place (Node), the rows go one after another
 * into one such buffer, and the part is then put together inside it: the rows are moved apart
 * and the text between them encoded into the gaps, so the part is never held twice. Elsewhere
 * they go into fixed blocks, which are copied into one buffer at the end.
 */
const encoder = new TextEncoder();

const BLOCK = 1 << 20;
/** Address space reserved for a growable buffer (memory is used only as it is written). */
const RESERVE = 2 ** 32;
const EMPTY = new Uint8Array(0);

/** A part's text in pieces: strings, or bytes already encoded. */
export type Piece = string | Uint8Array;

/** An ES2024 resizable ArrayBuffer (the project's lib is ES2020). */
interface GrowableBuffer extends ArrayBuffer {
  readonly resizable?: boolean;
  resize(size: number): void;
}

let growableWorks: boolean | undefined;

/** A buffer that grows in place, or undefined where there is none (or where text cannot be decoded from one, as in browsers). */
function growable(size: number): GrowableBuffer | undefined {
  if (growableWorks === false) return undefined;
  try {
    const buffer = new (ArrayBuffer as unknown as new (size: number, options: { maxByteLength: number }) => GrowableBuffer)(size, { maxByteLength: RESERVE });
    if (buffer.resizable !== true || typeof buffer.resize !== 'function') return undefined;
    if (growableWorks === undefined) {
      // the part is read back with TextDecoder, which Web IDL lets refuse such buffers
      new TextDecoder().decode(new Uint8Array(buffer, 0, 1));
      growableWorks = true;
    }
    return growableWorks ? buffer : undefined;
  } catch {
    growableWorks = false;
    return undefined;
  }
}

export class Utf8Blocks {
  private readonly buffer: GrowableBuffer | undefined;
  private block: Uint8Array;
  private used = 0;

  /** `inPlace: false` uses fixed blocks even where a buffer can grow (as in browsers). */
  constructor(inPlace = true) {
    this.buffer = inPlace ? growable(BLOCK) : undefined;
    this.block = this.buffer ? new Uint8Array(this.buffer) : EMPTY;
  }

  /** The text's UTF-8 bytes: a view into a block, valid as long as the view is held. */
  add(text: string): Uint8Array {
    if (text.length === 0) return EMPTY;
    // encodeInto stops before a character that does not fit; the text then goes whole into more
    // room, enough whatever its characters (at most 3 bytes per UTF-16 code unit)
    let r = encoder.encodeInto(text, this.block.subarray(this.used));
    if (r.read < text.length) {
      const need = text.length * 3;
      if (this.buffer) {
        this.buffer.resize(Math.max(this.buffer.byteLength * 2, this.used + need));
        this.block = new Uint8Array(this.buffer);
      } else {
        this.block = new Uint8Array(Math.max(BLOCK, need));
        this.used = 0;
      }
      r = encoder.encodeInto(text, this.block.subarray(this.used));
    }
    const bytes = this.block.subarray(this.used, this.used + r.written);
    this.used += r.written;
    return bytes;
  }
}

/** Bytes of a string's UTF-8 encoding as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else {
      n += 2;
      // a surrogate pair: 4 bytes for its two code units
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    }
  }
  return n;
}

/**
 * The pieces joined inside the growable buffer that holds their bytes, when the byte pieces are
 * that buffer's contents in order; undefined otherwise (the caller then copies them). The pieces
 * are emptied.
 */
export function joinInPlace(parts: Piece[]): Uint8Array | undefined {
  let buffer: GrowableBuffer | undefined;
  let packed = 0;
  let size = 0;
  const lengths: number[] = [];
  for (const p of parts) {
    let n: number;
    if (typeof p === 'string') n = utf8Length(p);
    else {
      n = p.length;
      if (n > 0) {
        const b = p.buffer as GrowableBuffer;
        if (b.resizable !== true || (buffer !== undefined && b !== buffer) || p.byteOffset !== packed) return undefined;
        buffer = b;
        packed += n;
      }
    }
    lengths.push(n);
    size += n;
  }
  if (!buffer) return undefined;
  if (buffer.byteLength < size) buffer.resize(size);
  const all = new Uint8Array(buffer, 0, size);
  // from the last piece back: each moves right (or stays), beyond the bytes still to be moved
  let end = size;
  let from = packed;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    const n = lengths[i];
    end -= n;
    if (typeof p === 'string') {
      const r = encoder.encodeInto(p, all.subarray(end, end + n));
      if (r.read !== p.length || r.written !== n) throw new Error('UTF-8 length mismatch');
    } else if (n > 0) {
      from -= n;
      all.copyWithin(end, from, from + n);
    }
    parts[i] = '';
  }
  if (buffer.byteLength > size) buffer.resize(size);
  return all;
}
