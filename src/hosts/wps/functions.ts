/**
 * WPS adapter for the worksheet functions: registers WANMU.* with `wps.AddCustomFunction` (WPS
 * calls them synchronously), converts WPS's arguments to host-neutral ones, runs the one wrapper
 * `runFunction`, and delivers errors as WPS_ADDIN_QUIRKS.errors says. The Chinese metadata is not
 * written here: descriptions come from the functions.json generated from src/hosts/excel/functions-entry.ts
 * (the same file Excel reads), parameter names from the declarations' Chinese labels.
 */
import { errorKindFromText, errorMessage, isWanmuError, sheetError, type RawValue, type WanmuError } from '../../engine';
import type { Arg, CellResult, FnResult } from '../../functions/args';
import { declarations, runFunction, type FunctionId } from '../../functions/declarations';
import { WPS_ADDIN_QUIRKS, WPS_QUIRKS, type WpsAddinQuirks, type WpsQuirks } from './quirks';

/** functions.json as custom-functions-metadata generates it (the fields used here). */
export interface FunctionsJson {
  readonly functions: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly description?: string;
    readonly parameters: ReadonlyArray<{ readonly name: string; readonly description?: string; readonly type: string; readonly optional?: boolean; readonly dimensionality?: string }>;
  }>;
}

/** The metadata object passed as AddCustomFunction's fourth argument. */
export interface WpsFunctionMetadata {
  readonly description: string;
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly description: string; readonly type: string; readonly optional: boolean }>;
  readonly result: { readonly type: string };
}

export interface WpsFunctionSpec {
  readonly id: FunctionId;
  readonly name: string;
  readonly metadata: WpsFunctionMetadata;
  readonly fn: (...args: unknown[]) => unknown;
}

const IDS = Object.keys(declarations) as FunctionId[];

function cellFromWps(v: unknown, base: WpsQuirks): RawValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') {
    const kind = base.errorCodes.get(v);
    return kind ? sheetError(kind) : v;
  }
  if (typeof v === 'string') {
    const kind = v.startsWith('#') ? errorKindFromText(v) : undefined;
    return kind ? sheetError(kind) : v;
  }
  if (typeof v === 'boolean') return v;
  return sheetError('value');
}

/** One argument as WPS passes it (see WPS_ADDIN_QUIRKS.rangeValue) → a scalar or a matrix. */
export function fromWps(a: unknown, quirks: WpsAddinQuirks = WPS_ADDIN_QUIRKS, base: WpsQuirks = WPS_QUIRKS): Arg {
  const v = a !== null && typeof a === 'object' && !Array.isArray(a) ? quirks.rangeValue(a) : a;
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every((row: unknown) => Array.isArray(row))) return v.map((row: unknown[]) => row.map((c) => cellFromWps(c, base)));
    return [v.map((c: unknown) => cellFromWps(c, base))];
  }
  return cellFromWps(v, base);
}

function errorText(e: WanmuError, quirks: WpsAddinQuirks): string {
  return `${quirks.errors.code[e.kind]} ${errorMessage(e.reason)}`;
}

/** A thrown error of a WANMU function in WPS: the code WPS shows, then the reason in Chinese. */
export class WpsFunctionError extends Error {
  constructor(readonly code: string, readonly reason: string) {
    super(`${code} ${reason}`);
    this.name = 'WpsFunctionError';
  }
}

/** A result as WPS shows it: a scalar error is thrown, errors inside an array become text. */
export function toWps(r: FnResult, quirks: WpsAddinQuirks = WPS_ADDIN_QUIRKS): number | string | (number | string)[][] {
  const cell = (c: CellResult): number | string => (isWanmuError(c) ? errorText(c, quirks) : c);
  if (Array.isArray(r)) {
    if (r.length === 1 && r[0].length === 1) return toWps(r[0][0], quirks);
    return r.map((row) => row.map(cell));
  }
  if (isWanmuError(r)) throw new WpsFunctionError(quirks.errors.code[r.kind], errorMessage(r.reason));
  return r;
}

/** The functions with their WPS metadata, derived from functions.json and the declarations. */
export function wpsFunctionSpecs(json: FunctionsJson, quirks: WpsAddinQuirks = WPS_ADDIN_QUIRKS): WpsFunctionSpec[] {
  return IDS.map((id) => {
    const meta = json.functions.find((f) => f.id === id);
    if (!meta) throw new Error(`functions.json has no ${id}`);
    const decl = declarations[id];
    if (meta.parameters.length !== decl.params.length) throw new Error(`functions.json and the declarations disagree on ${id}'s parameters`);
    const parameters = decl.params.map((p, i) => {
      const m = meta.parameters[i];
      if (m.name !== p.name) throw new Error(`functions.json names ${id}'s parameter ${i + 1} ${m.name}, the declarations ${p.name}`);
      const optional = p.optional || m.optional === true;
      return { name: p.label, description: m.description ?? p.label, type: optional ? quirks.metadataType.optional(quirks.metadataType.any) : quirks.metadataType.any, optional };
    });
    const fn = (...args: unknown[]): unknown => toWps(runFunction(id, args.map((a) => fromWps(a, quirks))), quirks);
    return { id, name: meta.name, metadata: { description: meta.description ?? '', parameters, result: { type: quirks.metadataType.any } }, fn };
  });
}

/**
 * Registers every function with `AddCustomFunction` when this WPS has it; returns the names
 * registered, or null when it does not (the pane then offers the native-formula fill).
 */
export function registerWpsFunctions(
  add: ((namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata: unknown) => unknown) | null,
  json: FunctionsJson,
  quirks: WpsAddinQuirks = WPS_ADDIN_QUIRKS,
): string[] | null {
  if (!add) return null;
  return wpsFunctionSpecs(json, quirks).map((s) => {
    add(quirks.functionNamespace, s.name, s.fn, s.metadata);
    return `${quirks.functionNamespace}.${s.name}`;
  });
}
