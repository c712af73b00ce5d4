/**
 * UTF-8 bytes of text written into a part, packed into shared blocks. The rows a write
 * serializes are encoded as soon as each is made, so a large write holds its XML once, as bytes,
 * and never as strings (two bytes a character once any character is CJK) besides.
 */
const encoder = new TextEncoder();

const BLOCK = 1 << 20;
const EMPTY = new Uint8Array(0);

/** A part's text in pieces: strings, or bytes already encoded. */
export type Piece = string | Uint8Array;

export class Utf8Blocks {
  private block = EMPTY;
  private used = 0;

  /** The text's UTF-8 bytes: a view into a block, valid as long as the view is held. */
  add(text: string): Uint8Array {
    if (text.length === 0) return EMPTY;
    // encodeInto stops before a character that does not fit; the text then goes whole into a new
    // block, large enough whatever its characters (at most 3 bytes per UTF-16 code unit)
    let r = encoder.encodeInto(text, this.block.subarray(this.used));
    if (r.read < text.length) {
      this.block = new Uint8Array(Math.max(BLOCK, text.length * 3));
      this.used = 0;
      r = encoder.encodeInto(text, this.block);
    }
    const bytes = this.block.subarray(this.used, this.used + r.written);
    this.used += r.written;
    return bytes;
  }
}
