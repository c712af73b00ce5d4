/**
 * Loads the built dist/functions.js in a Node vm context, as Excel's runtime does, with a stub
 * CustomFunctions, and calls each function the way Excel passes arguments.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

const dist = path.resolve(__dirname, '../../dist/functions.js');

class StubError {
  constructor(public code: string, public message?: string) {}
}
const ErrorCode = {
  invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!',
  nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!',
};

type Fn = (...args: unknown[]) => unknown;
const registered = new Map<string, Fn>();

function call(id: string, ...args: unknown[]): unknown {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} not registered`);
  try {
    return fn(...args);
  } catch (e) {
    if (e instanceof StubError) return e; // Excel shows a thrown CustomFunctions.Error in the cell
    throw e;
  }
}

beforeAll(() => {
  const code = fs.readFileSync(dist, 'utf8');
  const context = vm.createContext({
    CustomFunctions: { associate: (id: string, fn: Fn) => registered.set(id, fn), Error: StubError, ErrorCode },
    console,
  });
  vm.runInContext(code, context, { filename: 'functions.js' });
});

describe('dist/functions.js', () => {
  it('is small and does not carry React, the task pane or zod', () => {
    const code = fs.readFileSync(dist, 'utf8');
    expect(code.length).toBeLessThanOrEqual(60 * 1024);
    expect(code).not.toMatch(/react\.element|__SECRET_INTERNALS|FluentProvider|ZodError/);
  });

  it('registers every worksheet function', () => {
    expect([...registered.keys()].sort()).toEqual(['ACCEPTANCE', 'ANNUAL', 'EXPLAIN', 'NORMALIZE']);
  });

  it('ACCEPTANCE with numbers, text, null optionals and 1×1 ranges', () => {
    expect(call('ACCEPTANCE', 1, [[1180]], null, null)).toBe(10);
    expect(call('ACCEPTANCE', '2', [['72%']], null, null)).toBe(9);
    expect(call('ACCEPTANCE', 6, [[1]], [[1]], [[1]])).toBe(6);
    expect(call('ACCEPTANCE', 5, [[1.18]], null, null)).toBe(1);
  });

  it('ANNUAL with booleans, 是/否, and a cohort range with "" blanks', () => {
    expect(call('ANNUAL', 11, [[true]], [['是']], [[0]], [['否']])).toBe(2);
    expect(call('ANNUAL', 1, [[200]], [[80], [''], [200]], null, null)).toBe(10);
  });

  it('NORMALIZE spills a same-shaped array', () => {
    expect(call('NORMALIZE', [[80], [''], [200]], [[80], [200]], 10)).toEqual([[6], [''], [10]]);
  });

  it('EXPLAIN returns the arithmetic', () => {
    expect(call('EXPLAIN', '验收', 1, [[1180]], null, null, null)).toContain('1180 ÷ 1000 × 10 = 11.8');
  });

  it('errors become CustomFunctions.Error with a Chinese message where Excel shows one', () => {
    const e = call('ACCEPTANCE', 99, [[1]], null, null) as StubError;
    expect(e).toBeInstanceOf(StubError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/序号/);
    const share = call('ACCEPTANCE', 2, [[72]], null, null) as StubError;
    expect(share.code).toBe('#NUM!');
    const missing = call('ACCEPTANCE', 1, [['']], null, null) as StubError;
    expect(missing.code).toBe('#N/A');
    expect(missing.message).toMatch(/缺少/);
  });

  it('errors in arguments pass through with their kind', () => {
    const e = call('ACCEPTANCE', 1, [[new StubError('#REF!')]], null, null) as StubError;
    expect(e.code).toBe('#REF!');
    const cells = call('NORMALIZE', [[80], [new StubError('#N/A')]], [[80], [200]], 10) as unknown[][];
    expect(cells[0][0]).toBe(6);
    expect((cells[1][0] as StubError).code).toBe('#N/A');
  });

  it('never returns NaN or a number outside [0, 分值] for junk input', () => {
    const junk = [[['']], [['abc']], [[-1]], [[1e308]], [[true]], null, [[NaN]]];
    for (const j of junk) {
      for (let n = 1; n <= 17; n++) {
        const r = call('ACCEPTANCE', n, j, null, null);
        if (typeof r === 'number') {
          expect(Number.isNaN(r)).toBe(false);
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(10);
        } else expect(r).toBeInstanceOf(StubError);
      }
    }
  });
});
