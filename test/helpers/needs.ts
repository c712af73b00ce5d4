/**
 * needs(): tests that need a tool this machine may lack (LibreOffice, /usr/bin/python3 with
 * openpyxl or uno, Chromium, the built pane …). Where everything needed is there, the tests run as
 * usual. Where something is missing:
 * - on CI (the environment variable CI is "true") they FAIL, with a message naming what is
 *   missing and how to install it: CI runs every test;
 * - elsewhere they are skipped, and the reason is recorded in their name as
 *   “… [skipped: needs …]” (jest's JSON keeps it; .ci/run lists every skipped test with it) and
 *   said once on the console.
 *
 *   needs('chromium').describe('the pane in Chromium', () => { … });
 *   needs('soffice').it('LibreOffice recalculates …', async () => { … });
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const PYTHON = '/usr/bin/python3';
export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');

/** Something tests need: what it is (named in messages), how to get it, and whether this machine has it. */
export interface Requirement {
  readonly name: string;
  readonly install: string;
  readonly present: () => boolean;
}

function works(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: 'pipe', timeout: 60000 }).status === 0;
}

/** Asks once per test file, however many tests need it. */
function once(check: () => boolean): () => boolean {
  let known: boolean | undefined;
  return () => (known ??= check());
}

export const TOOLS = {
  soffice: { name: 'LibreOffice (soffice)', install: 'apt-get install libreoffice-calc-nogui', present: once(() => works('soffice', ['--version'])) },
  uno: { name: `LibreOffice's Python bridge (${PYTHON} with python3-uno)`, install: 'apt-get install python3-uno', present: once(() => works(PYTHON, ['-c', 'import uno'])) },
  openpyxl: { name: `${PYTHON} with openpyxl and Pillow`, install: 'apt-get install python3-openpyxl python3-pil', present: once(() => works(PYTHON, ['-c', 'import openpyxl, PIL'])) },
  chromium: { name: `Chromium (${CHROMIUM})`, install: 'apt-get install chromium', present: once(() => fs.existsSync(CHROMIUM)) },
  build: { name: 'the built pane (dist/file.html)', install: 'npm run build', present: once(() => fs.existsSync(path.join(ROOT, 'dist', 'file.html'))) },
} satisfies Record<string, Requirement>;

export type Tool = keyof typeof TOOLS;

/** How a skipped test's name carries its reason; .ci/run reads it back. */
export const SKIP_MARK = '[skipped: ';

/** On CI every test must run: a missing tool fails the tests that need it. */
export function onCI(): boolean {
  return process.env.CI === 'true';
}

type TestFn = jest.ProvidesCallback;

export interface Needs {
  /** What is missing, as the reason says it, or null when everything needed is there. */
  readonly missing: string | null;
  /** describe(), for a block of tests that all need it. */
  describe(name: string, body: () => void): void;
  /** it(), for one test that needs it. */
  it(name: string, fn: TestFn, timeout?: number): void;
}

const HOOKS = ['beforeAll', 'beforeEach', 'afterAll', 'afterEach'] as const;

/**
 * Registers the block's tests, but not its hooks (they would start what is missing), with one
 * beforeAll that fails: every test of the block then fails with that error and none of them runs.
 */
function failingBlock(message: string, body: () => void): () => void {
  return () => {
    beforeAll(() => {
      throw new Error(message);
    });
    const g = globalThis as unknown as Record<(typeof HOOKS)[number], unknown>;
    const saved = HOOKS.map((h) => g[h]);
    for (const h of HOOKS) g[h] = () => undefined;
    try {
      body();
    } finally {
      HOOKS.forEach((h, i) => (g[h] = saved[i]));
    }
  };
}

export function needs(...what: readonly (Tool | Requirement)[]): Needs {
  const lacking = what.map((w) => (typeof w === 'string' ? TOOLS[w] : w)).filter((r) => !r.present());
  if (lacking.length === 0) return { missing: null, describe: (name, body) => describe(name, body), it: (name, fn, timeout) => it(name, fn, timeout) };
  const missing = `needs ${lacking.map((r) => `${r.name} (${r.install})`).join(' and ')}, which this machine lacks`;
  if (onCI()) {
    const message = `${missing}; on CI (CI=true) a test may not be skipped`;
    return {
      missing,
      describe: (name, body) => describe(name, failingBlock(message, body)),
      it: (name, _fn, timeout) =>
        it(
          name,
          () => {
            throw new Error(message);
          },
          timeout,
        ),
    };
  }
  const skipped = (name: string) => {
    // eslint-disable-next-line no-console
    console.warn(`skipped: ${name} — ${missing}`);
    return `${name} ${SKIP_MARK}${missing}]`;
  };
  return { missing, describe: (name, body) => describe.skip(skipped(name), body), it: (name, fn, timeout) => it.skip(skipped(name), fn, timeout) };
}
