/** Why a user's mapping (a mapping file, the pane's saved choices) cannot be used: data; the sentences are the catalogue's. */
import type { EvaluationId } from '../../rules';

export type MappingProblem =
  | { readonly kind: 'format'; readonly issues: readonly { readonly path: string; readonly message: string }[] }
  | { readonly kind: 'no_indicator'; readonly key: string; readonly evaluation: EvaluationId; readonly number: number }
  | { readonly kind: 'no_group'; readonly key: string; readonly evaluation: EvaluationId; readonly group: string }
  | { readonly kind: 'no_field'; readonly key: string; readonly evaluation: EvaluationId; readonly indicator: number; readonly field: string }
  | { readonly kind: 'blank_platform'; readonly sheet: string };
