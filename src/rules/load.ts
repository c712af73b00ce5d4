/**
 * An edition loaded at run time: a JSON file of the edition's shape (docs/rules.md), validated by
 * the same zod schema as the built-in editions, with each problem named by its field in Chinese
 * (`indicators[3].points 应为正数`). Nothing here reads a file: the surfaces pass the parsed JSON.
 */
import type { z } from 'zod';
import { builtInEditions } from './editions';
import { EditionSchema, RULE_KINDS, type Edition } from './schema';
import { sumProblems } from './validate';

/** A problem of an edition file: the field as a user reads it (indicators[3].points) and what it should be. */
export interface EditionFieldProblem {
  readonly path: string;
  readonly message: string;
}

export type EditionRead = { readonly ok: true; readonly edition: Edition } | { readonly ok: false; readonly problems: readonly EditionFieldProblem[] };

/** A field's path as a user reads it in the JSON: indicators[3].points. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : `${out === '' ? '' : '.'}${String(k)}`;
  return out === '' ? '(整个文件)' : out;
}

const TYPE_TEXT: Readonly<Record<string, string>> = {
  string: '文字(用英文双引号括起)',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表([…])',
  object: '对象({…})',
};

function at(json: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** One zod issue in Chinese: what the field should be. */
function issueText(issue: z.core.$ZodIssue, json: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (at(json, issue.path) === undefined) return '缺少此项';
      return `应为${TYPE_TEXT[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'number') {
        if (Number(issue.minimum) === 0) return issue.inclusive ? '不能为负数' : '应为正数';
        return `应不小于 ${String(issue.minimum)}`;
      }
      if (issue.origin === 'string') return '不能为空';
      if (issue.origin === 'array') return `至少要有 ${String(issue.minimum)} 项`;
      return `太小(至少 ${String(issue.minimum)})`;
    case 'too_big':
      return `应不大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为以下之一:${issue.values.map((v) => String(v)).join('、')}`;
    case 'invalid_union':
      if ('discriminator' in issue && typeof issue.discriminator === 'string') return `${issue.discriminator} 应为 ${RULE_KINDS.join('、')} 之一`;
      return '不是可以识别的评分规则';
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? '格式不对' : issue.message;
    case 'custom':
      return issue.message;
    default:
      return '不符合要求';
  }
}

/** Data as text with every object's keys sorted: equal text, equal data. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Reads an edition from parsed JSON; problems name the field and say what it should be, in Chinese. */
export function readEdition(json: unknown): EditionRead {
  const parsed = EditionSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: pathText(i.path), message: issueText(i, json) })) };
  }
  const edition = parsed.data;
  const sums = sumProblems(edition);
  if (sums.length > 0) return { ok: false, problems: sums.map((p) => ({ path: pathText(p.path), message: p.message })) };
  const same = builtInEditions.find((e) => e.id === edition.id);
  if (same) {
    // a copy of a built-in edition is that edition; a changed one must say it is another
    if (canonical(same) === canonical(edition)) return { ok: true, edition: same };
    return { ok: false, problems: [{ path: 'id', message: `“${edition.id}”是内置评分规则的 id,内容却不同;请给修改后的规则另起一个 id(如 ${edition.id}-local)和 label` }] };
  }
  return { ok: true, edition };
}
