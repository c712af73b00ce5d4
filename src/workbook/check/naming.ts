/**
 * The names of the platforms of one-platform tables (an issued table, a matrix) after every layout
 * recognized its sheets: the workbook's file name where nothing on the sheet names the platform
 * (the third evidence, after a title and a 平台名称/填报单位 line), then the user's own name from
 * the mapping. A name another table of the same evaluation also has is said (scores and ranks
 * would be mixed up). Layout-neutral: it reads and changes only `PlatformLayout.nameSource`, the
 * platform's name and its column's evidence.
 */
import type { EvaluationId } from '../../rules';
import { finding, type Finding } from '../findings/codes';
import { fileBaseName, isPlatformName, platformInFileName } from '../read/platform-name';
import type { SheetOptions, TableLayout } from '../contract/layout';
import { type Evidence, type PlatformNameSource } from '../findings/roles';
import { type CellRef } from '../core/address';
import { normalizeText } from '../core/text';

export interface NamingInput {
  /** The workbook's file name (or path, or address), where the surface has one. */
  readonly fileName?: string;
  readonly options: (sheet: string) => SheetOptions | undefined;
  /** Sheets the user's mapping names. */
  readonly mapped: readonly string[];
}

/** The name a platform column's evidence gives for a source. */
function evidenceOf(source: PlatformNameSource, name: string, sheet: string): Evidence {
  switch (source.kind) {
    case 'mapping':
      return { kind: 'mapping' };
    case 'file':
      return { kind: 'file_name', file: source.file };
    case 'title':
    case 'line':
      return { kind: 'title', text: source.text };
    case 'sheet':
      return { kind: 'sheet_name', sheet };
    case 'header':
      return { kind: 'header', text: name };
  }
}

/** The table with its one platform renamed, its platform column's evidence saying why. */
function renamed(layout: TableLayout, name: string, source: PlatformNameSource): TableLayout {
  const [p] = layout.platforms;
  return {
    ...layout,
    platforms: [{ ...p, name, nameSource: source }],
    columns: layout.columns.map((cs) => ({
      ...cs,
      decisions: cs.decisions.map((d) => (d.role.kind === 'platform' ? { ...d, evidence: [evidenceOf(source, name, layout.sheet)] } : d)),
    })),
  };
}

/** A one-platform table whose platform nothing on the sheet names: its name is the sheet's, or a header such as 2024年完成值. */
function unnamed(layout: TableLayout): boolean {
  const p = layout.platforms[0];
  if (layout.platforms.length !== 1 || !p.nameSource) return false;
  return p.nameSource.kind === 'sheet' || (p.nameSource.kind === 'header' && !isPlatformName(p.name));
}

/** Where a finding about a one-platform table's name goes: its platform column's header. */
function nameAt(layout: TableLayout): CellRef {
  for (const cs of layout.columns) {
    const d = cs.decisions.find((x) => x.role.kind === 'platform');
    if (d) return { sheet: cs.sheet, row: cs.headerRow, col: d.col };
  }
  return layout.platforms[0]?.nameCell ?? { sheet: layout.sheet, row: layout.headerRow, col: 1 };
}

/** Names compare as typed, formatting aside (spaces, full-width forms). */
const nameKey = (name: string): string => normalizeText(name);

export function namePlatforms(layouts: readonly TableLayout[], input: NamingInput): { layouts: TableLayout[]; findings: Finding[] } {
  const findings: Finding[] = [];
  let out = [...layouts];
  // the file name: for one table per evaluation only (two sheets of one evaluation are not both that platform)
  const fromFile = input.fileName ? platformInFileName(input.fileName) : undefined;
  if (fromFile && input.fileName) {
    const file = input.fileName;
    const byEvaluation = new Map<EvaluationId, number>();
    for (const l of out) if (unnamed(l)) byEvaluation.set(l.evaluation, (byEvaluation.get(l.evaluation) ?? 0) + 1);
    out = out.map((l) => (unnamed(l) && byEvaluation.get(l.evaluation) === 1 ? renamed(l, fromFile, { kind: 'file', file: fileBaseName(file) }) : l));
  }
  // the user's own name
  for (const sheet of input.mapped) {
    const name = input.options(sheet)?.platform;
    if (name === undefined) continue;
    const k = out.findIndex((l) => l.sheet === sheet);
    const l = out[k];
    const p = l?.platforms[0];
    if (!l || l.platforms.length !== 1 || !p.nameSource || p.nameSource.kind === 'mapping') {
      const at = l ? nameAt(l) : { sheet, row: 1, col: 1 };
      findings.push(finding('warning', 'mapping_platform_unused', at.sheet, at.row, at.col, { name, platforms: l?.platforms.length ?? 0 }));
      continue;
    }
    out[k] = renamed(l, name, { kind: 'mapping', recognized: { name: p.name, source: p.nameSource } });
  }
  // a one-platform table's name that another table of the evaluation has too
  for (const l of out) {
    const p = l.platforms[0];
    if (l.platforms.length !== 1 || !p.nameSource) continue;
    const other = out.find((o) => o !== l && o.evaluation === l.evaluation && o.platforms.some((x) => nameKey(x.name) === nameKey(p.name)));
    if (!other) continue;
    const at = nameAt(l);
    findings.push(finding('warning', 'platform_name_duplicate', at.sheet, at.row, at.col, { name: p.name, evaluation: l.evaluation, other: other.sheet }));
  }
  return { layouts: out, findings };
}
