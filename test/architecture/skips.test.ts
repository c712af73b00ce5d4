/**
 * No test is skipped silently: a test that needs a tool goes through test/helpers/needs.ts (skipped
 * with its reason, or failed on CI), and a test of something a host does not offer checks that the
 * host says so. So no test file calls .skip (or xit / xdescribe / xtest) itself, and every helper
 * module sits in test/helpers, not among the tests.
 */
import * as fs from 'fs';
import * as path from 'path';

const TEST = path.resolve(__dirname, '..');
const NEEDS = path.join(TEST, 'helpers', 'needs.ts');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('tests and their helpers', () => {
  it('no test file skips a test itself (needs() does, saying why)', () => {
    const found = files(TEST)
      .filter((f) => f !== NEEDS)
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => [line, i + 1] as const)
          .filter(([line]) => /\b(it|test|describe)\.skip\b|\b(xit|xtest|xdescribe)\s*\(|\bskipIf\b/.test(line))
          .map(([line, n]) => `${path.relative(TEST, f)}:${n}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });

  it('every TypeScript file among the tests is a test; helpers live in test/helpers (fixtures and match variants apart)', () => {
    const stray = files(TEST)
      .map((f) => path.relative(TEST, f).split(path.sep).join('/'))
      .filter((f) => !/\.test\.tsx?$/.test(f) && !f.startsWith('helpers/') && !f.startsWith('fixtures/') && !/^match\/[\w-]*variants\.ts$/.test(f));
    expect(stray).toEqual([]);
  });
});
