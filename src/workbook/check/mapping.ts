/**
 * A user's mapping where the recognizer cannot decide (the command line reads it from a JSON file; the pane keeps the
 * same data with the workbook). It can name any column's role, and a sheet's role:
 *
 * {
 *   "sheets": {
 *     "评分": { "role": "scores", "inputSheet": "基础数据" },
 *     "汇总": { "role": "none" },
 *     "第二批": { "cohort": "own" },          // a batch scored as a 培育名单 of its own ("batch": joined with the other batches)
 *     "自评表": { "platform": "衢州智造新城高端电子材料平台" },  // the platform of a one-platform table (issued, matrix)
 *     "数据": {
 *       "evaluation": "annual",              // or "acceptance"
 *       "headerRow": 3,
 *       "columns": {
 *         "A": "platform",                   // by column letter …
 *         "产值(亿元)": { "indicator": 1 },    // … or by header text
 *         "D": { "indicator": 3, "field": "50亿元以上项目" },
 *         "H": { "score": 1 },
 *         "总分": "total",
 *         "备注": "ignore",                   // or "note"
 *         "K": { "subtotal": "产业培育" }
 *       }
 *     }
 *   }
 * }
 */
import { z } from 'zod';
import { builtIn, defaultEvaluation, type EvaluationId, type Tables } from '../../rules';
import { EvaluationIdSchema } from '../../rules/schema';
import type { MappingProblem } from '../findings/mapping';
import type { IssuedOverride, SheetOptions } from '../contract/layout';
import { type ColumnRole } from '../findings/roles';
import { headerKey } from '../core/text';

const ColumnSchema = z.union([
  z.enum(['platform', 'total', 'ignore', 'note']),
  z.object({ indicator: z.number().int().positive(), field: z.string().optional() }),
  z.object({ score: z.number().int().positive() }),
  z.object({ subtotal: z.string() }),
  // the issued table: a platform's data column, or its score column
  z.object({ value: z.string().min(1) }),
  z.object({ scoreOf: z.string().min(1) }),
]);

export const MappingSchema = z.object({
  sheets: z.record(
    z.string(),
    z.object({
      evaluation: EvaluationIdSchema.optional(),
      headerRow: z.number().int().positive().optional(),
      role: z.enum(['inputs', 'scores', 'none']).optional(),
      inputSheet: z.string().optional(),
      cohort: z.enum(['batch', 'own']).optional(),
      // added later: mappings saved before it still load
      platform: z.string().optional(),
      columns: z.record(z.string(), ColumnSchema).optional(),
    }),
  ),
  /**
   * An edition of the issued table to score by (docs/rules.md), kept with the mapping so that a
   * reviewer's copy of the workbook scores the same; validated by the edition's own schema.
   */
  rules: z.unknown().optional(),
});
export type Mapping = z.infer<typeof MappingSchema>;

export type MappingResult = { ok: true; options: Map<string, SheetOptions> } | { ok: false; problem: MappingProblem };

/** Why a platform's name cannot be used (empty, or only spaces), or null. */
export function platformNameProblem(sheet: string, name: string): MappingProblem | null {
  return name.trim() === '' ? { kind: 'blank_platform', sheet } : null;
}

/**
 * The mapping with a sheet's platform named (trimmed), or its name back to the recognized one
 * (null); the rest of the mapping as it was.
 */
export function withPlatformName(mapping: Mapping, sheet: string, name: string | null): Mapping {
  const { platform: _old, ...rest } = mapping.sheets[sheet] ?? {};
  const spec = name === null ? rest : { ...rest, platform: name.trim() };
  const sheets = { ...mapping.sheets };
  if (Object.keys(spec).length === 0) delete sheets[sheet];
  else sheets[sheet] = spec;
  return { ...mapping, sheets };
}

function problem(p: MappingProblem): MappingResult {
  return { ok: false, problem: p };
}

/** Parses and resolves a mapping against the rules; a problem as data (session/mapping.ts words it). */
export function parseMapping(json: unknown, tables: Tables = builtIn.inForce): MappingResult {
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) {
    return problem({ kind: 'format', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  const out = new Map<string, SheetOptions>();
  for (const [sheet, spec] of Object.entries(parsed.data.sheets)) {
    const blank = spec.platform !== undefined ? platformNameProblem(sheet, spec.platform) : null;
    if (blank) return problem(blank);
    const evaluation: EvaluationId = spec.evaluation ?? defaultEvaluation;
    const table = tables[evaluation];
    const columns: Record<string, ColumnRole> = {};
    const issued: Record<string, IssuedOverride> = {};
    for (const [key, v] of Object.entries(spec.columns ?? {})) {
      const k = /^[A-Z]{1,3}$/.test(key) ? key : headerKey(key);
      let role: ColumnRole;
      if (typeof v === 'object' && 'value' in v) {
        issued[k] = { kind: 'value', platform: v.value };
        continue;
      }
      if (typeof v === 'object' && 'scoreOf' in v) {
        issued[k] = { kind: 'score', platform: v.scoreOf };
        continue;
      }
      if (v === 'ignore' || v === 'note') issued[k] = { kind: 'other' };
      if (v === 'platform') role = { kind: 'platform' };
      else if (v === 'total') role = { kind: 'total' };
      else if (v === 'ignore') role = { kind: 'ignored' };
      else if (v === 'note') role = { kind: 'note' };
      else if ('score' in v) {
        if (!table.indicators[v.score - 1]) return problem({ kind: 'no_indicator', key, evaluation, number: v.score });
        role = { kind: 'score', indicator: v.score - 1 };
      } else if ('subtotal' in v) {
        const g = table.groups.findIndex((gr) => headerKey(gr.name) === headerKey(v.subtotal));
        if (g < 0) return problem({ kind: 'no_group', key, evaluation, group: v.subtotal });
        role = { kind: 'subtotal', group: g };
      } else {
        const ind = table.indicators[v.indicator - 1];
        if (!ind) return problem({ kind: 'no_indicator', key, evaluation, number: v.indicator });
        const fi =
          v.field === undefined
            ? Math.max(0, ind.inputs.findIndex((f) => !f.optional))
            : ind.inputs.findIndex((f) => f.id === v.field || headerKey(f.label) === headerKey(v.field as string) || f.aliases.some((a) => headerKey(a) === headerKey(v.field as string)));
        if (fi < 0) return problem({ kind: 'no_field', key, evaluation, indicator: v.indicator, field: v.field ?? '' });
        role = { kind: 'input', indicator: v.indicator - 1, field: fi };
      }
      columns[k] = role;
    }
    out.set(sheet, {
      ...(spec.evaluation ? { evaluation: spec.evaluation } : {}),
      ...(spec.headerRow ? { headerRow: spec.headerRow } : {}),
      ...(spec.role ? { role: spec.role } : {}),
      ...(spec.inputSheet ? { inputSheet: spec.inputSheet } : {}),
      ...(spec.cohort ? { cohort: spec.cohort } : {}),
      ...(spec.platform !== undefined ? { platform: spec.platform.trim() } : {}),
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
      ...(Object.keys(issued).length > 0 ? { issued } : {}),
    });
  }
  return { ok: true, options: out };
}
