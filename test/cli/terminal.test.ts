import { escapeControl } from '../../src/cli/terminal';

describe('escapeControl', () => {
  it('shows control characters as escapes and leaves other text alone', () => {
    expect(escapeControl('杭州钱塘生物医药平台')).toBe('杭州钱塘生物医药平台');
    expect(escapeControl('a\x1b[2Jb')).toBe('a\\x1B[2Jb');
    expect(escapeControl('行1\n行2\t\r')).toBe('行1\\n行2\\t\\r');
    expect(escapeControl('\x00\x07\x7f\x9b')).toBe('\\x00\\x07\\x7F\\x9B');
    expect(escapeControl('abc\u202Egpj.exe')).toBe('abc\\u202Egpj.exe');
    expect(escapeControl('emoji 😀')).toBe('emoji 😀');
  });
});
