/**
 * The same checklist for every indicator, run through the worksheet-function path
 * (runFunction: conversion + engine) and the engine directly:
 * arguments, blanks, conversion, errors passing through, boundaries, caps.
 * Error kinds are compared exactly; messages loosely (they must name the field).
 */
import { errorMessage, isWanmuError, scoreIndicator, sheetError, type ErrorCode, type ErrorKind } from '../../src/engine';
import type { Arg, FnResult } from '../../src/functions/args';
import { runFunction } from '../../src/functions/declarations';
import { tables, type EvaluationId, type Indicator } from '../../src/rules';

export type Case = readonly [label: string, inputs: readonly Arg[], expected: number];
export type ErrorCase = readonly [label: string, inputs: readonly Arg[], code: ErrorCode, kind?: ErrorKind];

export interface ChecklistSpec {
  readonly evaluation: EvaluationId;
  readonly number: number;
  /** A valid set of inputs (used to build the generic checks). */
  readonly valid: readonly Arg[];
  readonly cases: readonly Case[];
  readonly errors?: readonly ErrorCase[];
}

const FN = { acceptance: 'ACCEPTANCE', annual: 'ANNUAL' } as const;

export function call(evaluation: EvaluationId, number: number | string, inputs: readonly Arg[]): FnResult {
  return runFunction(FN[evaluation], [number, ...inputs]);
}

export function expectScore(r: FnResult, expected: number): void {
  if (isWanmuError(r)) throw new Error(`expected ${expected}, got error ${r.reason.code}: ${errorMessage(r.reason)}`);
  expect(typeof r).toBe('number');
  expect(r as number).toBeCloseTo(expected, 10);
}

export function expectError(r: FnResult, code: ErrorCode, kind?: ErrorKind): void {
  if (!isWanmuError(r)) throw new Error(`expected error ${code}, got ${JSON.stringify(r)}`);
  expect(r.reason.code).toBe(code);
  if (kind) expect(r.kind).toBe(kind);
  expect(errorMessage(r.reason)).toMatch(/[\u4e00-\u9fa5]/);
}

function replaceAt(inputs: readonly Arg[], i: number, v: Arg): Arg[] {
  const out = inputs.slice();
  while (out.length <= i) out.push(null);
  out[i] = v;
  return out;
}

export function indicatorChecklist(spec: ChecklistSpec): void {
  const table = tables[spec.evaluation];
  const ind: Indicator = table.indicators[spec.number - 1];
  const normalized = ind.rule.kind === 'normalized';

  describe(`${table.shortName} #${spec.number} ${ind.shortName}`, () => {
    describe('boundaries and caps', () => {
      it.each(spec.cases.map((c) => [c[0], c] as const))('%s', (_label, [, inputs, expected]) => {
        const r = call(spec.evaluation, spec.number, inputs);
        expectScore(r, expected);
        expect(r as number).toBeGreaterThanOrEqual(0);
        expect(r as number).toBeLessThanOrEqual(ind.points);
      });
    });

    if (spec.errors && spec.errors.length > 0) {
      describe('invalid input', () => {
        it.each(spec.errors!.map((c) => [c[0], c] as const))('%s', (_label, [, inputs, code, kind]) => {
          expectError(call(spec.evaluation, spec.number, inputs), code, kind);
        });
      });
    }

    describe('arguments', () => {
      it('the 序号 may be given as text', () => {
        expect(call(spec.evaluation, String(spec.number), spec.valid)).toEqual(call(spec.evaluation, spec.number, spec.valid));
      });
      it('too many inputs is an error', () => {
        const max = normalized ? 2 : ind.inputs.length;
        const extra = replaceAt(spec.valid, max, 1);
        expectError(call(spec.evaluation, spec.number, extra), 'too_many_inputs', 'value');
      });
      it('a multi-cell range where one value belongs is an error', () => {
        expectError(call(spec.evaluation, spec.number, replaceAt(spec.valid, 0, [[1, 2]])), 'not_single_value', 'value');
      });
      it('agrees with the engine called directly', () => {
        if (normalized) return; // cohort handling is covered by the normalization tests
        const values = spec.valid.map((v) => (typeof v === 'number' ? v : v === null || v === undefined ? null : NaN));
        if (values.some((v) => Number.isNaN(v))) return;
        const direct = scoreIndicator(ind, values, undefined, tables[spec.evaluation].normalization);
        expect(direct.ok).toBe(true);
        if (direct.ok) expectScore(call(spec.evaluation, spec.number, spec.valid), direct.score);
      });
    });

    describe('blanks', () => {
      ind.inputs.forEach((field, i) => {
        if (normalized && i > 0) return;
        it(`blank “${field.label}” ${field.optional ? 'counts as its default' : 'is missing (#N/A)'}`, () => {
          for (const blank of [null, '', '  ']) {
            const r = call(spec.evaluation, spec.number, replaceAt(spec.valid, i, blank));
            if (field.optional) {
              const withDefault = call(spec.evaluation, spec.number, replaceAt(spec.valid, i, field.defaultValue ?? 0));
              expect(r).toEqual(withDefault);
            } else {
              expectError(r, 'missing', 'na');
            }
          }
        });
      });
    });

    describe('conversion', () => {
      ind.inputs.forEach((field, i) => {
        if (normalized && i > 0) return;
        const v = spec.valid[i];
        if (typeof v !== 'number') return;
        it(`“${field.label}” as text and in a 1×1 range gives the same score`, () => {
          const base = call(spec.evaluation, spec.number, spec.valid);
          expect(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, String(v)))).toEqual(base);
          expect(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, [[v]]))).toEqual(base);
          const full = String(v).replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          expect(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, full))).toEqual(base);
        });
        it(`“${field.label}” rejects words and units`, () => {
          expectError(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, `约${v}`)), field.kind === 'yesno' ? 'not_yes_no' : 'not_number', 'value');
          if (field.kind !== 'yesno') {
            expectError(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, `${v}${field.unit || '个'}`)), 'unit_in_cell', 'value');
          }
        });
        if (field.kind === 'share') {
          it(`“${field.label}” accepts “N%” and rejects a percentage typed as a number`, () => {
            const base = call(spec.evaluation, spec.number, spec.valid);
            expect(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, `${v * 100}%`))).toEqual(base);
            expectError(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, v * 100 + 1)), 'share_above_one', 'num');
          });
        }
        if (field.kind === 'count') {
          it(`“${field.label}” must be whole`, () => {
            expectError(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, 1.5)), 'not_whole', 'num');
          });
        }
        if (field.kind !== 'yesno') {
          it(`“${field.label}” cannot be negative`, () => {
            expectError(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, -1)), field.positive ? 'not_positive' : 'negative', 'num');
          });
          it(`“${field.label}” refuses TRUE/FALSE`, () => {
            expectError(call(spec.evaluation, spec.number, replaceAt(spec.valid, i, true)), 'not_number', 'value');
          });
        }
      });
    });

    describe('errors pass through', () => {
      ind.inputs.forEach((field, i) => {
        if (normalized && i > 0) return;
        it.each(['na', 'ref', 'div0', 'value'] as const)(`%s in “${field.label}” comes back as the same kind`, (kind) => {
          const r = call(spec.evaluation, spec.number, replaceAt(spec.valid, i, sheetError(kind)));
          expectError(r, 'upstream', kind);
          if (isWanmuError(r)) expect(errorMessage(r.reason)).toContain(field.label);
        });
      });
      it('an error in the 序号 passes through', () => {
        expectError(runFunction(FN[spec.evaluation], [sheetError('na'), ...spec.valid]), 'upstream', 'na');
      });
    });
  });
}
