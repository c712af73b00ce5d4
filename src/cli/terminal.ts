/**
 * Text from workbooks printed to a terminal: control characters (which could move the cursor,
 * recolour or clear the screen, or hide text) are shown as escapes instead.
 */

const NAMED: Readonly<Record<number, string>> = { 9: '\\t', 10: '\\n', 13: '\\r' };

function isControl(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    // bidirectional overrides and isolates reorder what follows them on screen
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c
  );
}

export function escapeControl(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (!isControl(c)) out += ch;
    else out += NAMED[c] ?? (c <= 0xff ? `\\x${c.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return out;
}
