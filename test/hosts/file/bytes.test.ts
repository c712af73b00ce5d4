/**
 * The UTF-8 pieces a sheet write is put together from: rows encoded as they are made, joined
 * inside the buffer that holds them where it can grow in place (Node), else copied (browsers).
 * Either way the bytes are exactly TextEncoder's encoding of the text.
 */
import fc from 'fast-check';
import { joinInPlace, utf8Length, Utf8Blocks, type Piece } from '../../../src/hosts/file/bytes';

const encoder = new TextEncoder();

function concat(parts: readonly Piece[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '培育名单数据', '<c r="A1"><f>MIN(5,\'培育名单数据\'!D12/0.8*5)</f></c>', '\ud83d\ude00', '\ud800', '\udc00x', 'a\ud800\ud800b'),
);

describe('UTF-8 pieces', () => {
  it('counts UTF-8 bytes as TextEncoder writes them, lone surrogates included', () => {
    fc.assert(fc.property(text, (s) => utf8Length(s) === encoder.encode(s).length));
  });

  it.each([true, false])('blocks hold each text as TextEncoder encodes it (growing in place: %s)', (inPlace) => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const blocks = new Utf8Blocks(inPlace);
        const views = texts.map((t) => blocks.add(t));
        views.forEach((v, i) => expect(Buffer.from(v).equals(Buffer.from(encoder.encode(texts[i])))).toBe(true));
      }),
    );
  });

  it('grows past its first block, a text larger than a block included', () => {
    for (const inPlace of [true, false]) {
      const blocks = new Utf8Blocks(inPlace);
      const big = '培'.repeat(700_000) + 'x';
      const texts = ['<row>', big, 'a'.repeat(600_000), big, '</row>'];
      const views = texts.map((t) => blocks.add(t));
      views.forEach((v, i) => expect(Buffer.from(v).equals(Buffer.from(encoder.encode(texts[i])))).toBe(true));
    }
  });

  it('joins text and bytes in order, inside the buffer or by copying, to the same bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 40 }), fc.boolean(), (spec, inPlace) => {
        const blocks = new Utf8Blocks(inPlace);
        // text between pieces stays text; the others are encoded as rows are, in order
        const parts: Piece[] = spec.map(([t, encoded]) => (encoded ? blocks.add(t) : t));
        // each piece encoded on its own (pieces are cut between XML tags, never inside a character)
        const expected = concat(spec.map(([t]) => t));
        const joined = joinInPlace(parts) ?? concat(parts);
        expect(Buffer.from(joined).equals(Buffer.from(expected))).toBe(true);
      }),
    );
  });

  it('joins in place only bytes laid out in order in one growable buffer', () => {
    const blocks = new Utf8Blocks();
    const a = blocks.add('abc');
    const b = blocks.add('培育');
    expect(joinInPlace(['x', b, a])).toBeUndefined();
    expect(joinInPlace(['x', new Uint8Array([65])])).toBeUndefined();
    expect(joinInPlace(['only text'])).toBeUndefined();
    const parts: Piece[] = ['<', a, '|', b, '>'];
    expect(new TextDecoder().decode(joinInPlace(parts))).toBe('<abc|培育>');
    expect(parts.every((p) => p === '')).toBe(true);
  });
});
