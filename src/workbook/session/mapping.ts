/** A user's mapping as the surfaces use it: parsed against the rules, a problem in Chinese. */
import { parseMapping, platformNameProblem } from '../check/mapping';
import type { SheetOptions } from '../contract/layout';
import { renderMappingProblem } from '../text/catalogue';
import type { Tables } from '../../rules';

export type MappingResult = { ok: true; options: Map<string, SheetOptions> } | { ok: false; message: string };

/** Parses and resolves a mapping against the rules; messages (from the catalogue) are in Chinese. */
export function resolveMapping(json: unknown, tables?: Tables): MappingResult {
  const r = parseMapping(json, tables);
  return r.ok ? r : { ok: false, message: renderMappingProblem(r.problem, tables) };
}

/** Why a name the user gave a sheet's platform is refused, in Chinese, or null when it can be used. */
export function checkPlatformName(sheet: string, name: string): string | null {
  const p = platformNameProblem(sheet, name);
  return p ? renderMappingProblem(p) : null;
}
