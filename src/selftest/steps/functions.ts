/** The WANMU.* worksheet functions: the host calculates a WANMU.ANNUAL call to what the engine gives. */
import { runFunction } from '../../functions/declarations';
import { tables } from '../../rules';
import type { CellData } from '../../workbook';
import { batch, cellWrite, readScratchCell, settle } from './shared';
import { fail, PASS, refused, type SelfTestStep } from './step';

/** The WANMU.ANNUAL call of the functions step: the annual evaluation's indicator 2 (a share) at 72%. */
export const FUNCTION_ARGS: readonly number[] = [2, 0.72];
export const FUNCTION_FORMULA = `${tables.annual.functionName}(${FUNCTION_ARGS.join(',')})`;

/** What the engine gives for the functions step's call (the value the host must show). */
export function functionExpected(): number {
  const r = runFunction('ANNUAL', [...FUNCTION_ARGS]);
  if (typeof r !== 'number') throw new Error(`the engine gives no number for ${FUNCTION_FORMULA}`);
  return r;
}

/** The call written into B24, read until the host shows the engine's value or the calculation time is up. */
export const functions: SelfTestStep = {
  id: 'functions',
  requires: 'functions',
  after: ['addSheet'],
  async run(ctx) {
    const expected = functionExpected();
    const r = await ctx.host.write(batch({ cells: [cellWrite('B24', { formula: FUNCTION_FORMULA })] }), []);
    if (!r.ok) return refused(r);
    const right = (c: CellData | null) => c !== null && typeof c.value === 'number' && Math.abs(c.value - expected) < 1e-9;
    const { found, waitedMs } = await settle(ctx, () => readScratchCell(ctx, 'B24'), right);
    return right(found) ? PASS : fail('function_wrong', { formula: FUNCTION_FORMULA, expected, found, waitedMs });
  },
};
