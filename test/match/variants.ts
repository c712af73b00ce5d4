/**
 * A generator of cohort tables whose headers are written in people's own words, from the issued
 * labels: shortened names, dropped prefixes and suffixes, synonyms, sub-items under their
 * indicator's name, units in the header, in a units row or absent, columns in another order,
 * unrelated columns (所属地市, 主导产业, 联系人) and near-miss columns that must not match
 * (上年同期, 同比增长, 计划数, 目标值). Deterministic: a seed gives the same table every time.
 *
 * `measure` reads each table as the tool does and counts, per input column, whether it was
 * matched right, matched wrong (and whether a warning said so at the header), or not used (and
 * whether a finding said so).
 */
import { matchWords, tables, type EvaluationId, type InputField } from '../../src/rules';
import { analyze } from '../../src/workbook/check/analyze';
import { a1 } from '../../src/workbook/core/address';
import { sheetFromGrid, type CellRange, type WorkbookData } from '../../src/workbook/core/model';
import type { RawValue } from '../../src/engine';

/** mulberry32: a small deterministic generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** What a generated column is: an input (by field id) or a column that must not be read as one. */
export type Expected = { readonly kind: 'input'; readonly indicator: number; readonly field: number; readonly id: string } | { readonly kind: 'other'; readonly why: 'near-miss' | 'unrelated' };

export interface GeneratedColumn {
  readonly parent: string;
  readonly header: string;
  readonly unit: string | null;
  readonly unitWhere: 'header' | 'row' | 'none';
  readonly expected: Expected;
  readonly values: readonly RawValue[];
}

export interface GeneratedTable {
  readonly seed: number;
  readonly evaluation: EvaluationId;
  readonly columns: readonly GeneratedColumn[];
  readonly workbook: WorkbookData;
  /** 1-based column of each generated column in the sheet. */
  readonly firstCol: number;
  readonly headerRow: number;
}

const UNRELATED = ['所属地市', '主导产业', '联系人', '联系电话', '规划面积(平方公里)', '数据来源'];
const NEAR_MISS = [(s: string) => `上年同期${s}`, (s: string) => `${s}同比增长(%)`, (s: string) => `${s}计划数`, (s: string) => `${s}目标值`];
const PLATFORMS = ['萧山智能网联汽车平台', '德清地理信息平台', '柯桥现代纺织平台', '平湖新材料平台', '长兴新能源平台', '江山智能家居平台', '龙游特种纸平台', '海宁泛半导体平台'];

/** People's synonyms, the other way round: the issued wording as they would write it. */
function ownSynonym(r: Rand, text: string): string {
  const options = matchWords.synonyms.filter(([, issued]) => text.includes(issued));
  if (options.length === 0) return text;
  const [own, issued] = pick(r, options);
  return text.replace(issued, own);
}

/** Drops words that only say when or how much (年度, 引进, 总额, 数 …), as people shorten headers. */
function dropFillers(r: Rand, text: string): string {
  let t = text;
  for (const w of matchWords.fillers) if (t.includes(w) && r() < 0.7 && t.replace(w, '').length >= 2) t = t.replace(w, '');
  for (const w of matchWords.fillerEndings) if (t.endsWith(w) && r() < 0.7 && t.length - w.length >= 2) t = t.slice(0, -w.length);
  return t;
}

/** A header for a field, in one of the ways offices write it. */
function variantOf(r: Rand, e: EvaluationId, i: number, f: InputField): { parent: string; header: string } {
  const ind = tables[e].indicators[i];
  const single = ind.inputs.length === 1;
  const base = single && r() < 0.4 ? ind.shortName : f.label;
  let h = base;
  const way = r();
  if (way < 0.2) h = base;
  else if (way < 0.55) h = dropFillers(r, base);
  else if (way < 0.8) h = ownSynonym(r, dropFillers(r, base));
  else h = f.aliases.length > 0 ? pick(r, f.aliases) : dropFillers(r, base);
  // a sub-item under its indicator's name (two header rows), or alone
  const parent = !single && r() < 0.6 ? (r() < 0.5 ? ind.shortName : dropFillers(r, ind.shortName)) : '';
  return { parent, header: h === '' ? base : h };
}

export function valuesOf(r: Rand, f: InputField, factor: number): RawValue[] {
  return PLATFORMS.map(() => {
    switch (f.kind) {
      case 'count':
        return Math.floor(r() * 5);
      case 'share':
        return Math.round(r() * 1000) / 1000;
      case 'amount':
        return Math.round((5 + r() * 400) * factor * 100) / 100;
      case 'yesno':
        return pick(r, ['是', '否', '有', '无']);
      case 'score':
        return Math.round((60 + r() * 35) * 10) / 10;
      default:
        return 0;
    }
  });
}

const UNIT_OF: Partial<Record<InputField['kind'], (f: InputField) => string>> = {
  amount: (f) => f.unit,
  share: () => '%',
  count: (f) => f.unit,
};

/** One generated table: some of an evaluation's inputs (in blocks per indicator, blocks shuffled), plus unrelated and near-miss columns. */
export function generate(seed: number): GeneratedTable {
  const r = random(seed);
  const e: EvaluationId = r() < 0.5 ? 'annual' : 'acceptance';
  const t = tables[e];
  const blocks: GeneratedColumn[][] = [];
  const unitsRow = r() < 0.3;
  t.indicators.forEach((ind, i) => {
    if (r() < 0.15) return; // not every office keeps every indicator
    const block: GeneratedColumn[] = [];
    // the indicator's name, as the office writes it, over all of its sub-items (merged), or none
    let parent: string | null = null;
    ind.inputs.forEach((f, k) => {
      const v = variantOf(r, e, i, f);
      if (parent === null) parent = v.parent;
      const unitText = UNIT_OF[f.kind]?.(f) ?? null;
      // amounts in 万元 about a third of the time (the unit says so)
      const wan = f.kind === 'amount' && f.unit === '亿元' && r() < 0.3;
      const unit = wan ? '万元' : unitText;
      const unitWhere = unit === null ? 'none' : unitsRow ? 'row' : wan || r() < 0.5 ? 'header' : 'none';
      const header = unitWhere === 'header' ? `${v.header}(${unit})` : v.header;
      block.push({ parent: ind.inputs.length > 1 ? parent : v.parent, header, unit, unitWhere, expected: { kind: 'input', indicator: i, field: k, id: f.id }, values: valuesOf(r, f, wan ? 10000 : 1) });
    });
    blocks.push(block);
  });
  // unrelated and near-miss columns, each its own block
  for (const u of UNRELATED) if (r() < 0.35) blocks.push([{ parent: '', header: u, unit: null, unitWhere: 'none', expected: { kind: 'other', why: 'unrelated' }, values: PLATFORMS.map((_, k) => (u === '联系电话' ? `0570-${8000000 + k}` : `${u}${k}`)) }]);
  const numeric = t.indicators.flatMap((ind) => ind.inputs.filter((f) => f.kind === 'amount').map((f) => dropFillers(r, ind.inputs.length === 1 ? ind.shortName : f.label)));
  for (const make of NEAR_MISS) {
    if (r() < 0.4 && numeric.length > 0) {
      blocks.push([{ parent: '', header: make(pick(r, numeric)), unit: null, unitWhere: 'none', expected: { kind: 'other', why: 'near-miss' }, values: PLATFORMS.map(() => Math.round(r() * 500 * 100) / 100) }]);
    }
  }
  // reordered: the blocks shuffled (a sub-item stays under its indicator)
  for (let k = blocks.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [blocks[k], blocks[j]] = [blocks[j], blocks[k]];
  }
  return build(seed, e, blocks.flat(), unitsRow);
}

/** The sheet of a table of these columns: a title, one or two header rows (parents merged over their run), a units row, eight platforms, a 填报人 line. */
export function build(seed: number, e: EvaluationId, columns: readonly GeneratedColumn[], unitsRow: boolean): GeneratedTable {
  const t = tables[e];
  const twoRows = columns.some((c) => c.parent !== '');
  const headerRow = twoRows ? 3 : 2;
  const firstCol = 3;
  const rows: RawValue[][] = [];
  const title: RawValue[] = [`2023年度“万亩千亿”新产业平台${t.shortName}数据表`];
  rows.push(title);
  const parentLine: RawValue[] = ['序号', '平台名称'];
  const headLine: RawValue[] = twoRows ? ['', ''] : ['序号', '平台名称'];
  const merges: CellRange[] = [];
  columns.forEach((c, k) => {
    parentLine.push(c.parent);
    headLine.push(c.parent === '' && twoRows ? '' : c.header);
    if (twoRows && c.parent === '') parentLine[firstCol - 1 + k] = c.header;
  });
  if (twoRows) {
    // a parent over its run of columns is merged; a column with no parent is merged down
    let k = 0;
    while (k < columns.length) {
      const p = columns[k].parent;
      let end = k;
      if (p !== '') while (end + 1 < columns.length && columns[end + 1].parent === p) end++;
      if (p !== '' && end > k) merges.push({ top: 2, left: firstCol + k, bottom: 2, right: firstCol + end });
      if (p === '') merges.push({ top: 2, left: firstCol + k, bottom: 3, right: firstCol + k });
      k = end + 1;
    }
    merges.push({ top: 2, left: 1, bottom: 3, right: 1 }, { top: 2, left: 2, bottom: 3, right: 2 });
    rows.push(parentLine, headLine);
  } else rows.push(headLine);
  if (unitsRow) rows.push(['', '', ...columns.map((c) => (c.unitWhere === 'row' ? c.unit : ''))]);
  PLATFORMS.forEach((name, p) => rows.push([p + 1, name, ...columns.map((c) => c.values[p])]));
  rows.push(['填报人:', '']);
  const width = Math.max(...rows.map((x) => x.length));
  const values = rows.map((x) => [...x, ...Array<RawValue>(width - x.length).fill('')]).map((x) => x.map((v) => (v === null ? '' : v)));
  const sheet = sheetFromGrid('平台数据', { origin: { row: 1, col: 1 }, values }, merges);
  return { seed, evaluation: e, columns, workbook: { sheets: [sheet] } as WorkbookData, firstCol, headerRow };
}

export interface Tally {
  tables: number;
  inputs: number;
  right: number;
  /** An input or a must-not-match column used as another input, with a warning at its header. */
  wrongWarned: number;
  /** … with no warning: the defect the corpus is there to catch. */
  wrongSilent: string[];
  /** Inputs not used: reported at the column or as a missing field/indicator. */
  unusedReported: number;
  unusedSilent: string[];
  /** Must-not-match columns left alone. */
  othersLeft: number;
  others: number;
  /** Tables not recognized at all (every one of them should be). */
  unrecognizedTables: number[];
}

export function emptyTally(): Tally {
  return { tables: 0, inputs: 0, right: 0, wrongWarned: 0, wrongSilent: [], unusedReported: 0, unusedSilent: [], othersLeft: 0, others: 0, unrecognizedTables: [] };
}

const WARNED = new Set(['column_uncertain']);

/** Reads a generated table as the tool does and adds what it found to the tally. */
export function measure(g: GeneratedTable, tally: Tally): void {
  tally.tables++;
  const a = analyze(g.workbook);
  const t = a.tables[0];
  const decisions = t?.layout.columns.find((c) => c.sheet === '平台数据')?.decisions ?? [];
  if (!t || t.table.evaluation !== g.evaluation) {
    tally.unrecognizedTables.push(g.seed);
    return;
  }
  const at = (col: number) => a.findings.filter((f) => f.sheet === '平台数据' && (f.cell === a1(g.headerRow, col) || f.cell === a1(2, col)));
  const missingField = (i: number, f: number) =>
    a.findings.some((x) => (x.code === 'indicator_not_in_table' && x.facts.indicator === i + 1) || (x.code === 'field_not_in_table' && x.facts.indicator === i + 1 && x.facts.field === f));
  g.columns.forEach((c, k) => {
    const col = g.firstCol + k;
    const d = decisions.find((x) => x.col === col);
    const role = d?.role;
    const warned = at(col).some((f) => WARNED.has(f.code));
    const where = `seed ${g.seed} ${a1(g.headerRow, col)} “${c.parent ? `${c.parent}/` : ''}${c.header}”`;
    if (c.expected.kind === 'input') {
      tally.inputs++;
      if (role?.kind === 'input' && role.indicator === c.expected.indicator && role.field === c.expected.field) tally.right++;
      else if (role?.kind === 'input' || role?.kind === 'score') {
        if (warned) tally.wrongWarned++;
        else tally.wrongSilent.push(`${where} (${c.expected.id}) read as ${JSON.stringify(role)}`);
      } else if (at(col).length > 0 || missingField(c.expected.indicator, c.expected.field)) tally.unusedReported++;
      else tally.unusedSilent.push(`${where} (${c.expected.id}) not used: ${JSON.stringify(role)}`);
    } else {
      tally.others++;
      if (role?.kind === 'input' || role?.kind === 'score') {
        if (warned) tally.wrongWarned++;
        else tally.wrongSilent.push(`${where} (${c.expected.why}) read as ${JSON.stringify(role)}`);
      } else tally.othersLeft++;
    }
  });
}

/** The share of inputs matched right. */
export function accuracy(t: Tally): number {
  return t.inputs === 0 ? 0 : t.right / t.inputs;
}

/** A field of an evaluation by its id: [indicator index, field index]. */
export function fieldById(e: EvaluationId, id: string): { indicator: number; field: number; f: InputField } | undefined {
  for (const [i, ind] of tables[e].indicators.entries()) {
    const k = ind.inputs.findIndex((f) => f.id === id);
    if (k >= 0) return { indicator: i, field: k, f: ind.inputs[k] };
  }
  return undefined;
}

/**
 * Hand-written headers in tables of their evaluation: each table holds a field at most once (two
 * columns for one field would compete) and at most `width` columns; values as the field's kind
 * has them (words in unrelated columns, numbers in near-miss ones).
 */
export function handTables(variants: ReadonlyArray<{ evaluation: EvaluationId; header: string; parent: string; field: string | null }>, width = 9): GeneratedTable[] {
  const out: GeneratedTable[] = [];
  for (const e of ['annual', 'acceptance'] as const) {
    const buckets: { fields: Set<string>; columns: GeneratedColumn[] }[] = [];
    const r = random(e === 'annual' ? 11 : 17);
    const others: GeneratedColumn[] = [];
    const inputs: { field: string; parent: string; column: GeneratedColumn }[] = [];
    for (const v of variants.filter((x) => x.evaluation === e)) {
      const ref = v.field === null ? undefined : fieldById(e, v.field);
      if (v.field !== null && !ref) throw new Error(`hand variant “${v.header}”: no field ${v.field} in ${e}`);
      const column: GeneratedColumn = ref
        ? { parent: v.parent, header: v.header, unit: null, unitWhere: 'none', expected: { kind: 'input', indicator: ref.indicator, field: ref.field, id: ref.f.id }, values: valuesOf(r, ref.f, /万元/.test(v.header) ? 10000 : 1) }
        : {
            parent: v.parent,
            header: v.header,
            unit: null,
            unitWhere: 'none',
            expected: { kind: 'other', why: 'near-miss' },
            values: PLATFORMS.map((_, k) => (/地市|产业|联系|备注|来源|审核|说明|负责|单位|人$/.test(v.header) ? `${v.header.slice(0, 2)}${k}` : Math.round(r() * 500 * 100) / 100)),
          };
      if (v.field === null) {
        others.push(column);
        continue;
      }
      inputs.push({ field: v.field, parent: v.parent, column });
    }
    // inputs dealt round the tables as cards (variants of one field land in different tables, and
    // each table holds most indicators, as an office's table does); a parent's sub-items of one
    // spelling go together
    const perField = new Map<string, number>();
    for (const x of inputs) perField.set(x.field, (perField.get(x.field) ?? 0) + 1);
    const n = Math.max(...perField.values(), Math.ceil(inputs.length / width));
    for (let k = 0; k < n; k++) buckets.push({ fields: new Set(), columns: [] });
    let next = 0;
    for (const x of inputs) {
      let b = x.parent !== '' ? buckets.find((y) => y.columns.some((c) => c.parent === x.parent) && !y.fields.has(x.field)) : undefined;
      for (let tries = 0; !b && tries < n; tries++) {
        const y = buckets[next % n];
        next++;
        if (!y.fields.has(x.field)) b = y;
      }
      if (!b) {
        b = { fields: new Set(), columns: [] };
        buckets.push(b);
      }
      b.fields.add(x.field);
      b.columns.push(x.column);
    }
    // must-not-match columns spread over the tables, as offices have a few in each
    others.forEach((c, k) => buckets[k % buckets.length].columns.push(c));
    buckets.forEach((b, k) => {
      // sub-items under one parent next to each other, as a two-row header has them
      const ordered = [...b.columns].sort((x, y) => (x.parent === y.parent ? 0 : x.parent < y.parent ? -1 : 1));
      out.push(build(k, e, ordered, false));
    });
  }
  return out;
}
