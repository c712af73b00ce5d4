/**
 * The self-test's steps: the host contract's essential checks, run on the workbook open in the
 * host (Excel, WPS, a file) on scratch sheets the self-test adds and removes. The same functions
 * run in the contract suite (test/helpers/host-contract.ts) over every host, so the jest suite and the
 * field self-test cannot drift apart. SELF_TEST_STEPS below is their one order; each file here
 * holds the steps of one subject, ./step what a step is and ./shared what they share.
 *
 * Nothing is written outside the scratch sheets: every write names one of SCRATCH_SHEETS, and
 * the marks step runs only when the workbook holds no marks of wanmu's elsewhere (setMarks
 * replaces them all). The scratch sheets have fixed names, so a run interrupted half-way (the
 * pane closed, the host gone) leaves at most them, and the next run removes them first — only
 * when they are empty or hold the self-test's signature (or, for the record, a revert record):
 * a user's sheet that happens to have such a name is never deleted.
 *
 * Reliances of the hosts that their documentation does not state, checked here:
 *  - Excel (src/hosts/excel/host.ts): a refused write is written and undone in the same sync (a
 *    batch's operations run in order), so the user's value, the number formats and the sheet
 *    list come back (precondition); text Excel would parse is written quote-prefixed and reads
 *    back as text (text); formulas are calculated after the write, not given their results
 *    (formulas, polled); `getRanges` takes at most 255 characters, longer mark lists are split
 *    (marks, with a list longer than that); own writes are told apart by triggerSource (events);
 *    a very hidden sheet (the revert record) can be deleted (revert).
 *  - WPS (src/hosts/wps/quirks.ts): General's name, CVErr codes (a number equal to one stays a
 *    number), scalar vs array Value2 of one cell, empty cells' Value2, mixed number formats in
 *    one range, the Address member, FormatConditions and addresses up to 255 characters.
 */
import type { RawValue } from '../../engine';
import { facetStep, formulas, wholeRead, write } from './cells';
import { cleanup, unchanged } from './cleanup';
import { events, select } from './events';
import { revert } from './fill';
import { functions } from './functions';
import { layout } from './layout';
import { marks } from './marks';
import { addSheet, prepare } from './prepare';
import { accepted, precondition } from './protocol';
import type { SelfTestStep } from './step';

export { workbookDifferences } from './cleanup';
export { FUNCTION_FORMULA, functionExpected } from './functions';
export { SELF_TEST_MARKS } from './marks';
export { isScratchSheet, SCRATCH_SHEETS } from './shared';
export { offers, stepContext, type SelfTestOptions, type SelfTestStep, type StepContext } from './step';

/** Every step, in the order they run. */
export const SELF_TEST_STEPS: readonly SelfTestStep[] = [
  prepare,
  addSheet,
  write,
  facetStep('numbers'),
  facetStep('text'),
  facetStep('formats'),
  formulas,
  wholeRead,
  layout,
  precondition,
  accepted,
  marks,
  revert,
  select,
  events,
  functions,
  cleanup,
  unchanged,
];

/** Formula cells of the self-test (cells, protocol, fill) and what they calculate to (for hosts' fakes that do not calculate). */
export const SELF_TEST_RESULTS: Readonly<Record<string, RawValue>> = {
  'B3*2': 2361,
  'SUM(B3:D3)': 1177.25,
  '1/0': { sheetError: 'div0' },
  'B5&"x"': '00123x',
  'C3+1': 1,
  'D3*2': -6.5,
};
