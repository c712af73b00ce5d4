/**
 * The built dist/wps/functions.js loaded in a Node vm context as a WPS add-in page loads it, with
 * a stub `wps` (AddCustomFunction, PluginStorage) — and once without AddCustomFunction, as in WPS
 * older than 12.1.0.20540. Functions are called synchronously the way WPS calls them: numbers,
 * strings, booleans, empty cells as undefined, ranges as 2-D JS arrays of rows (0-based
 * `arg[row][col]`, see WPS_ADDIN_QUIRKS.rangeValue), omitted optionals not passed at all.
 * Results are checked against the engine; errors are thrown as "<code> <说明>".
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { normalizedScore, scoreIndicator, type IndicatorValues } from '../../src/engine';
import { declarations } from '../../src/functions/declarations';
import { tables, type FieldKind, type Indicator } from '../../src/rules';

const dist = path.resolve(__dirname, '../../dist/wps/functions.js');
const excelJson = path.resolve(__dirname, '../../dist/functions.json');

type Fn = (...args: unknown[]) => unknown;
interface Registered {
  readonly namespace: string;
  readonly fn: Fn;
  readonly metadata: { description: string; parameters: { name: string; description: string; type: string; optional: boolean }[]; result: { type: string } };
}

function load(
  withFunctions: boolean,
  withStorage = true,
  registered = new Map<string, Registered>(),
  storage = new Map<string, string>(),
): { registered: Map<string, Registered>; storage: Map<string, string> } {
  const wps: Record<string, unknown> = {
    Application: { Build: '12.1.0.20540' },
  };
  if (withStorage) wps.PluginStorage = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
  if (withFunctions) {
    wps.AddCustomFunction = (namespace: string, name: string, fn: Fn, metadata: Registered['metadata']) => {
      if (registered.has(name)) throw new Error(`${name} registered twice`);
      registered.set(name, { namespace, fn, metadata });
      return true;
    };
  }
  const context = vm.createContext({ wps, Application: wps.Application, console });
  vm.runInContext(fs.readFileSync(dist, 'utf8'), context, { filename: 'functions.js' });
  return { registered, storage };
}

const { registered, storage } = load(true);

function call(name: string, ...args: unknown[]): unknown {
  const r = registered.get(name);
  if (!r) throw new Error(`${name} not registered`);
  return r.fn(...args);
}

/** What WPS shows for a thrown error: its message. */
function thrown(name: string, ...args: unknown[]): string {
  try {
    call(name, ...args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${name} did not throw`);
}

const SAMPLE: Readonly<Record<FieldKind, { wps: unknown; engine: number }>> = {
  amount: { wps: 3.5, engine: 3.5 },
  share: { wps: '62%', engine: 0.62 },
  count: { wps: [[4]], engine: 4 },
  yesno: { wps: true, engine: 1 },
  score: { wps: [['85']], engine: 85 },
};

function engineScore(ind: Indicator, values: IndicatorValues, cohort?: { min: number; max: number }): number {
  const o = scoreIndicator(ind, values, cohort ? { ...cohort, strict: true } : undefined, tables.annual.normalization);
  if (!o.ok) throw new Error(`engine: ${ind.shortName} ${JSON.stringify(o.error.reason)}`);
  return o.score;
}

describe('dist/wps/functions.js', () => {
  it('is small and React-free', () => {
    const code = fs.readFileSync(dist, 'utf8');
    expect(code.length).toBeLessThanOrEqual(60 * 1024);
    expect(code).not.toMatch(/react\.element|__SECRET_INTERNALS|FluentProvider|ZodError/);
  });

  it('registers every function in the WANMU namespace with the Chinese metadata Excel has', () => {
    const excel = JSON.parse(fs.readFileSync(excelJson, 'utf8')) as { functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean }[] }[] };
    expect([...registered.keys()].sort()).toEqual(['ACCEPTANCE', 'ANNUAL', 'EXPLAIN', 'NORMALIZE']);
    // the comparison below runs over Excel's list: it must hold every function, or it checks nothing
    expect(excel.functions.map((f) => f.name).sort()).toEqual(['ACCEPTANCE', 'ANNUAL', 'EXPLAIN', 'NORMALIZE']);
    for (const f of excel.functions) {
      const r = registered.get(f.name) as Registered;
      expect(r.namespace).toBe('WANMU');
      expect(r.metadata.description).toBe(f.description);
      expect(r.metadata.description).toMatch(/[\u4e00-\u9fa5]/);
      const decl = declarations[f.id as keyof typeof declarations];
      expect(r.metadata.parameters.map((p) => p.name)).toEqual(decl.params.map((p) => p.label));
      expect(r.metadata.parameters.map((p) => p.description)).toEqual(f.parameters.map((p) => p.description));
      expect(r.metadata.parameters.map((p) => p.optional)).toEqual(f.parameters.map((p) => p.optional === true));
      expect(r.metadata.parameters.map((p) => p.type)).toEqual(f.parameters.map((p) => (p.optional ? 'any?' : 'any')));
    }
    expect(registered.get('ACCEPTANCE')?.metadata.parameters[0].name).toBe('序号');
    // the shared state says what was registered, for the pane
    const state = JSON.parse(storage.get('wanmu.state') as string) as { functions: { registered: string[]; version: string } };
    expect(state.functions).toEqual({ registered: ['WANMU.NORMALIZE', 'WANMU.ACCEPTANCE', 'WANMU.ANNUAL', 'WANMU.EXPLAIN'], version: '12.1.0.20540' });
  });

  it('every 附件2/附件3 indicator scores as the engine does, inputs given as WPS passes them', () => {
    for (const [name, table] of [['ACCEPTANCE', tables.acceptance], ['ANNUAL', tables.annual]] as const) {
      for (const ind of table.indicators) {
        if (ind.rule.kind === 'normalized') {
          const cohort = [[80], [undefined], [200], ['']];
          expect(call(name, ind.number, 140, cohort)).toBeCloseTo(engineScore(ind, [140], { min: 80, max: 200 }), 10);
          continue;
        }
        const args = ind.inputs.map((f) => SAMPLE[f.kind].wps);
        const values = ind.inputs.map((f) => SAMPLE[f.kind].engine);
        const got = call(name, ind.number, ...args);
        expect(typeof got).toBe('number');
        expect(got).toBeCloseTo(engineScore(ind, values), 10);
      }
    }
  });

  it('omitted optionals: not passed, passed as undefined, or as empty cells', () => {
    const ind = tables.acceptance.indicators[0];
    const want = engineScore(ind, [1180]);
    expect(call('ACCEPTANCE', 1, 1180)).toBe(want);
    expect(call('ACCEPTANCE', 1, [[1180]], undefined, undefined)).toBe(want);
    expect(call('ACCEPTANCE', '1', [[1180]], null)).toBe(want);
  });

  it('NORMALIZE: a range returns an array of the same shape; a single cell returns a number', () => {
    const points = 10;
    const range = { min: 80, max: 200 };
    expect(call('NORMALIZE', [[80], [undefined], [200], [140]], [[80], [200], [140]], points)).toEqual([[normalizedScore(80, range, points, tables.annual.normalization)], [''], [normalizedScore(200, range, points, tables.annual.normalization)], [normalizedScore(140, range, points, tables.annual.normalization)]]);
    expect(call('NORMALIZE', 140, [[80, 200, 140]], points)).toBe(normalizedScore(140, range, points, tables.annual.normalization));
    // a 1-D array (a bridge that flattens one row) is one row
    expect(call('NORMALIZE', 140, [80, 200], points)).toBe(normalizedScore(140, range, points, tables.annual.normalization));
    // a Range-like object is read through Value2
    expect(call('NORMALIZE', { Value2: 140 }, { Value2: [[80], [200]] }, points)).toBe(normalizedScore(140, range, points, tables.annual.normalization));
  });

  it('EXPLAIN returns the arithmetic in Chinese', () => {
    expect(call('EXPLAIN', '验收', 1, 1180)).toContain('1180 ÷ 1000 × 10 = 11.8');
  });

  it('errors: a single result is thrown as "<code> <说明>", array cells hold the same text', () => {
    expect(thrown('ACCEPTANCE', 99, 1)).toMatch(/^#VALUE! .*序号/);
    expect(thrown('ACCEPTANCE', 2, 72)).toMatch(/^#NUM! /);
    expect(thrown('ACCEPTANCE', 1, undefined)).toMatch(/^#N\/A .*缺少/);
    expect(thrown('ACCEPTANCE', 1, 'abc')).toMatch(/^#VALUE! /);
    const cells = call('NORMALIZE', [[80], ['abc']], [[80], [200]], 10) as unknown[][];
    expect(cells[0][0]).toBe(6);
    expect(cells[1][0]).toMatch(/^#VALUE! /);
  });

  it('errors in arguments pass through with their kind: CVErr numbers and error texts', () => {
    expect(thrown('ACCEPTANCE', 1, -2146826265)).toMatch(/^#REF! /);
    expect(thrown('ACCEPTANCE', 1, [['#N/A']])).toMatch(/^#N\/A /);
    const cells = call('NORMALIZE', [[80], [-2146826281]], [[80], [200]], 10) as unknown[][];
    expect(cells[1][0]).toMatch(/^#DIV\/0! /);
  });

  it('without wps.AddCustomFunction (WPS older than 12.1.0.20540) registers nothing and says so in the shared state', () => {
    const old = load(false);
    expect(old.registered.size).toBe(0);
    const state = JSON.parse(old.storage.get('wanmu.state') as string) as { functions: { registered: null } };
    expect(state.functions.registered).toBeNull();
  });

  it('registers the functions before anything else can fail (a WPS without PluginStorage)', () => {
    const here = new Map<string, Registered>();
    expect(() => load(true, false, here)).toThrow(/PluginStorage/);
    expect([...here.keys()].sort()).toEqual(['ACCEPTANCE', 'ANNUAL', 'EXPLAIN', 'NORMALIZE']);
  });
});
