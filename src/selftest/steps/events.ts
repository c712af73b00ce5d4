/** What the pane does live: select a cell, and hear the user's edits but not wanmu's own writes. */
import type { ChangedCells } from '../../workbook';
import { SCRATCH_SHEET, SCRATCH_TEXT } from '../catalogue';
import { batch, cellWrite } from './shared';
import { fail, PASS, refused, type SelfTestStep } from './step';

export const select: SelfTestStep = {
  id: 'select',
  requires: 'select',
  after: ['addSheet'],
  async run(ctx) {
    if (!ctx.host.select) throw new Error('a host that declares select has select');
    await ctx.host.select(SCRATCH_SHEET, 'B3');
    return PASS;
  },
};

export const events: SelfTestStep = {
  id: 'events',
  requires: 'changeEvents',
  after: ['addSheet'],
  async run(ctx) {
    const h = ctx.host;
    if (!h.onChanged) throw new Error('a host that declares change events has onChanged');
    const seen: ChangedCells[] = [];
    const off = h.onChanged((c) => seen.push(c));
    try {
      // registering may finish after the call returns (Office.js): let it, then write
      await ctx.wait(ctx.eventWaitMs);
      const r = await h.write(batch({ cells: [cellWrite('B22', { value: SCRATCH_TEXT.ownEdit }), cellWrite('C22', { value: 22 })] }), []);
      if (!r.ok) return refused(r);
      await ctx.wait(ctx.eventWaitMs);
    } finally {
      off();
    }
    const own = seen.filter((c) => c.sheet === SCRATCH_SHEET).flatMap((c) => c.cells);
    return own.length > 0 ? fail('own_write_reported', { cells: own }) : PASS;
  },
};
