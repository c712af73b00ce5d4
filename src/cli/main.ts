/**
 * The `wanmu` command line for .xlsx files:
 *   wanmu check FILE [--json] [--map M] [--mark|--unmark -o OUT [--force]]
 *   wanmu fill FILE -o OUT [--formulas native|wanmu|values] [--replace] [--force] [--json] [--map M]
 *   wanmu revert FILE -o OUT [--force] [--json]
 *   wanmu template acceptance|annual -o OUT [--platforms N] [--force] [--rules R]
 *   wanmu rules export acceptance|annual -o OUT [--force]; wanmu rules check R
 * check and fill take --rules R too: an edition of the issued table loaded from a JSON file.
 * Exit: 0 no errors; 1 errors found; 2 the file cannot be read or the command is wrong.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkOutput, saveErrorMessage, writeFileAtomically } from '../hosts/file/output';
import { FileOpenError, XlsxFileHost } from '../hosts/file/xlsx';
import { findTable, tables, vocabulary, type EvaluationId, type EvaluationTable, type Tables } from '../rules';
import { validateRules } from '../rules/validate';
import { markedCells } from '../workbook';
import type { MarkSet, MarkSeverity } from '../workbook';
import { anythingUndone, differs, FIGURE_DIFFERS_TEXT, renderFigure, CERTAINTY_TEXT, checkWorkbook, columnLedger, fillWorkbook, layoutOf, renderUndone, roleKindText, undoneOf, MAX_TEMPLATE_PLATFORMS, renderEvidence, renderFinding, renderNameSource, renderRole, renderSheetRole, revertWorkbook, SEVERITY_TEXT, templateBatch, WorkbookSession, WriteRefused, type Finding, type Report } from '../workbook';
import { loadRules, renderEdition, renderEditionDifference, resolveMapping, type LoadedRules } from '../workbook';
import { a1, colLetters } from '../workbook';
import { type Analysis, type AnalyzeOptions } from '../workbook';
import type { FormulaStyle } from '../workbook';
import { type PlatformNameSource } from '../workbook';
import { cliSurface } from './surface';
import { escapeControl } from './terminal';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const USAGE = `用法:
  wanmu check 文件.xlsx [--json] [--roles] [--map 映射.json] [--mark|--unmark -o 输出.xlsx [--force]]
      检查工作簿:对照附件2/附件3核对评价表,校验数据,计算得分,复核已有的得分公式;
      --roles 列出每张表、每一列被识别为什么以及依据;
      --mark 另存一份,在表格中标出有问题的单元格(错误浅红色,警告浅黄色;用条件格式标出,
      不改动单元格的内容和格式);--unmark 另存一份,去掉本工具的标记
  wanmu fill 文件.xlsx -o 输出.xlsx [--formulas native|wanmu|values] [--replace] [--force] [--json] [--map 映射.json]
      填写得分(默认写入普通公式,无需加载项也能复核);不会覆盖已有内容,除非使用 --replace;
      输入数据从不被覆盖;原文件保持不变,只改动写入的单元格;填写记录保存在工作簿中,可用 revert 撤销
  wanmu revert 文件.xlsx -o 输出.xlsx [--force] [--json]
      撤销本工具的填写,恢复填写前的内容
  wanmu template acceptance|annual -o 输出.xlsx [--platforms N] [--force] [--rules 规则.json]
      生成按发文表格排版的空白评价表
  wanmu rules export acceptance|annual -o 规则.json [--force]
      把内置的评分规则(衢政办发〔2020〕28号)导出为 JSON 文件,作为修订后规则的底稿
  wanmu rules check 规则.json
      检查评分规则文件,列出它与内置规则的不同之处
  --rules 规则.json 按该文件中的评分规则(修订后的附件2/附件3)核对和计分,见 docs/rules.md;
      报告中列出它与内置规则的每一处不同
  --force 输出文件已存在时覆盖它(输出文件不能是输入文件)
退出码:0 无错误且全部完成;1 发现错误,或有指标无法计分、有得分列未复核;2 文件无法读取或命令有误
`;

class UsageError extends Error {}

interface Args {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['-o', '--output', '--formulas', '--map', '--platforms', '--rules']);
const BOOL_FLAGS = new Set(['--json', '--replace', '--roles', '--force', '--mark', '--unmark', '--help', '-h']);

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (VALUE_FLAGS.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} 需要一个值`);
      flags.set(name === '--output' ? '-o' : name, v);
    } else if (BOOL_FLAGS.has(name)) flags.set(name, true);
    else if (a.startsWith('-')) throw new UsageError(`未知选项:${a}`);
    else positional.push(a);
  }
  return { positional, flags };
}

/** A JSON file the user named (a mapping, an edition); a file that cannot be read or parsed is a usage error naming it. */
function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`无法读取${what}“${file}”:${(e as Error).message}`);
  }
}

/** The edition of --rules, or undefined without it. */
function loadedRules(file: string | true | undefined): LoadedRules | undefined {
  if (typeof file !== 'string') return undefined;
  return rulesOf(readJson(file, '评分规则文件'), file);
}

/** An edition read from a file's JSON (`file` names it in the message when it cannot be used). */
function rulesOf(json: unknown, file: string): LoadedRules {
  const r = loadRules(json);
  if (!r.ok) throw new UsageError(`评分规则文件“${file}”有误:\n${r.problems.map((p) => `  ${p}`).join('\n')}`);
  return r;
}

/**
 * The mapping file's options (--map), the edition of --rules, and the workbook's file name, which
 * may name a one-platform table's platform.
 */
function loadOptions(args: Args, target?: string): AnalyzeOptions & { readonly rules?: LoadedRules } {
  const named = target ? { fileName: path.basename(target) } : {};
  const file = args.flags.get('--map');
  const mapping = typeof file === 'string' ? readJson(file, '映射文件') : undefined;
  // the edition of --rules, else the one a mapping carries ("rules", as the pane saves it): never ignored
  const carried = mapping !== null && typeof mapping === 'object' ? (mapping as { rules?: unknown }).rules : undefined;
  const rules = loadedRules(args.flags.get('--rules')) ?? (carried !== undefined ? rulesOf(carried, typeof file === 'string' ? file : '') : undefined);
  const withRules = rules ? { ...named, editions: rules.editions, rules } : named;
  if (mapping === undefined) return withRules;
  const r = resolveMapping(mapping, rules?.editions.inForce);
  if (!r.ok) throw new UsageError(r.message);
  return { ...withRules, sheets: r.options };
}

/** The one-platform tables' platforms: name and where it came from. */
function platformNames(a: Analysis): { sheet: string; evaluation: EvaluationId; name: string; source: PlatformNameSource; text: string }[] {
  return a.tables.flatMap((t) => {
    const p = t.platforms.length === 1 ? t.layout.platforms[0] : undefined;
    return p?.nameSource ? [{ sheet: t.layout.sheet, evaluation: t.table.evaluation, name: p.name, source: p.nameSource, text: renderNameSource(p.nameSource) }] : [];
  });
}

function message(f: Finding, tables: Tables): string {
  return renderFinding(f, cliSurface, tables);
}

/** The editions the tables were scored by, each once, and what a loaded one changes. */
function editionsJson(a: Analysis, rules: LoadedRules | undefined): unknown[] {
  const seen = new Map<string, EvaluationTable>();
  for (const t of a.tables) seen.set(t.table.id, t.table);
  return [...seen.values()].map((e) => ({
    id: e.id,
    evaluation: e.evaluation,
    label: e.label,
    source: e.source,
    since: e.since,
    text: renderEdition(e),
    loaded: rules?.edition === e,
    ...(rules?.edition === e ? { base: rules.base.id, differences: rules.differences.map((d) => ({ ...d, text: renderEditionDifference(d) })) } : {}),
  }));
}

function jsonReport(r: Report & { analysis: Analysis }, rules: LoadedRules | undefined, extra: Record<string, unknown> = {}): string {
  const tables = r.analysis.inForce;
  const findings = r.findings.map((f) => ({ severity: f.severity, code: f.code, message: message(f, tables), sheet: f.sheet, cell: f.cell, facts: f.facts }));
  const columns = columnLedger(r.analysis).map((c) => ({
    sheet: c.sheet,
    column: colLetters(c.decision.col),
    header: c.decision.header,
    evaluation: c.evaluation,
    role: c.decision.role,
    certainty: c.certainty,
    text: renderRole(c.decision, c.evaluation, tables),
  }));
  const platforms = platformNames(r.analysis).map((p) => ({ sheet: p.sheet, evaluation: p.evaluation, name: p.name, source: p.source.kind, text: p.text }));
  return `${JSON.stringify({ findings, scores: r.scores, totals: r.totals, undone: undoneOf(r), columns, platforms, editions: editionsJson(r.analysis, rules), ...extra }, null, 2)}\n`;
}

/** 0 when nothing is wrong and nothing was left undone; 1 for an error, an unscored indicator or an unreviewed score column. */
function exitOf(r: Report): number {
  return r.findings.some((f) => f.severity === 'error') || anythingUndone(undoneOf(r)) ? 1 : 0;
}

/** The short column block after a table's recognition line: counts, then the columns not read for sure. */
function columnBlock(a: Analysis, sheetOf: (sheet: string) => boolean): string[] {
  const all = columnLedger(a).filter((c) => sheetOf(c.sheet));
  if (all.length === 0) return [];
  const count = new Map<string, number>();
  for (const c of all) {
    const k = c.certainty !== 'sure' ? CERTAINTY_TEXT[c.certainty] : roleKindText(c.decision.role.kind);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const lines = [`  各列:${[...count].map(([k, n]) => `${k} ${n} 列`).join(',')}`];
  for (const c of all) {
    if (c.certainty === 'sure') continue;
    lines.push(`    ${CERTAINTY_TEXT[c.certainty]} ${escapeControl(c.sheet)}!${colLetters(c.decision.col)}“${escapeControl(c.decision.header)}”${c.certainty === 'uncertain' ? `:按${renderRole(c.decision, c.evaluation, a.inForce)}` : ''}`);
  }
  return lines;
}

/** Marks as JSON: sheet, severity, ranges in A1 ("B3", "C3:C4"). */
function marksJson(marks: readonly MarkSet[]): unknown[] {
  return marks.map((m) => ({ sheet: m.sheet, severity: m.severity, ranges: m.ranges.map((x) => (x.top === x.bottom && x.left === x.right ? a1(x.top, x.left) : `${a1(x.top, x.left)}:${a1(x.bottom, x.right)}`)) }));
}

/**
 * check --mark / --unmark: the checked workbook saved as OUT with the problem cells marked (or
 * wanmu's marks removed), through the same session and host as the pane.
 */
async function checkAndMark(target: string, output: string, mark: boolean, args: Args, io: Io): Promise<number> {
  const options = loadOptions(args, target);
  const opened = await openForOutput(target, output, args, io);
  if (!opened) return 2;
  const { host, step } = opened;
  const session = await WorkbookSession.open(host, options);
  const r = session.model;
  const had = mark ? [] : await session.readMarks();
  const marks = await session.mark(mark);
  if ((mark && markedCells(marks) === 0) || (!mark && markedCells(had) === 0)) {
    // nothing to mark or to remove: no output file
    if (args.flags.has('--json')) io.out(jsonReport(r, options.rules, { marks: [] }));
    else io.out(humanReport(target, r, options.rules));
    io.err(`${mark ? '没有需要标出的单元格(没有错误或警告落在单元格上)' : '工作簿中没有本工具的标记'};未生成输出文件\n`);
    return 2;
  }
  step(`正在保存 ${escapeControl(path.basename(output))}…`);
  if (!(await save(host, output, io))) return 2;
  step('完成');
  const json = args.flags.has('--json');
  if (json) io.out(jsonReport(r, options.rules, { marks: marksJson(marks) }));
  else {
    io.out(humanReport(target, r, options.rules));
    if (args.flags.has('--roles')) io.out(rolesReport(r.analysis));
    const count = (severity: MarkSeverity) => markedCells(marks.filter((m) => m.severity === severity));
    if (mark) {
      io.out(
        marks.length > 0
          ? `已在表格中标出 ${markedCells(marks)} 个单元格(错误 ${count('error')} 个,浅红色;警告 ${count('warning')} 个,浅黄色),保存为 ${escapeControl(output)};标记是条件格式,不改动单元格的内容和格式,可用 wanmu check ${escapeControl(output)} --unmark -o 输出.xlsx 去掉\n`
          : `没有需要标出的单元格,保存为 ${escapeControl(output)}\n`,
      );
    } else io.out(markedCells(had) > 0 ? `已去掉本工具的标记(${markedCells(had)} 个单元格),保存为 ${escapeControl(output)}\n` : `工作簿中没有本工具的标记,保存为 ${escapeControl(output)}\n`);
  }
  return exitOf(r);
}

/** Every sheet's role and every column's role with its evidence. */
function rolesReport(a: Analysis): string {
  const lines: string[] = ['识别结果:'];
  for (const s of a.sheets) lines.push(`  工作表“${escapeControl(s.sheet)}”:${renderSheetRole(s.role)}${s.scores ? `,对应数据表“${escapeControl(s.scores)}”` : ''}`);
  const named = platformNames(a);
  for (const t of a.tables) {
    for (const p of named.filter((x) => x.sheet === t.layout.sheet)) lines.push(`  “${escapeControl(p.sheet)}”的平台名称:${escapeControl(p.name)}(依据:${escapeControl(p.text)})`);
    for (const c of t.layout.columns) {
      lines.push(`  “${escapeControl(c.sheet)}”第 ${c.headerRow} 行表头(${t.table.shortName}):`);
      for (const d of c.decisions) {
        if (d.role.kind === 'ignored' && d.header.trim() === '') continue;
        lines.push(`    ${colLetters(d.col)} 列“${escapeControl(d.header)}”:${renderRole(d, t.table.evaluation, a.inForce)}${d.evidence.length > 0 ? `(依据:${escapeControl(d.evidence.map((ev) => renderEvidence(ev, a.inForce)).join(';'))})` : ''}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function humanReport(file: string, r: Report & { analysis: Analysis }, rules: LoadedRules | undefined): string {
  const lines: string[] = [];
  const tables = r.analysis.inForce;
  lines.push(`文件:${escapeControl(file)}`);
  if (rules) lines.push(escapeControl(rules.note));
  for (const t of r.analysis.tables) {
    const scoreSheets = t.layout.scoreSheets.length > 0 ? `,得分在“${t.layout.scoreSheets.map(escapeControl).join('”“')}”` : '';
    lines.push(`识别到${t.table.shortName}(${layoutOf(t.layout.kind).names.cli}),工作表“${escapeControl(t.layout.sheet)}”,${t.platforms.length} 个平台${scoreSheets};评分规则:${escapeControl(renderEdition(t.table))}`);
    const p = t.platforms.length === 1 ? t.layout.platforms[0] : undefined;
    if (p?.nameSource) lines.push(`  平台名称:${escapeControl(p.name)}(依据:${escapeControl(renderNameSource(p.nameSource))})`);
    const own = new Set(t.layout.columns.map((c) => c.sheet));
    lines.push(...columnBlock({ ...r.analysis, tables: [t] }, (s) => own.has(s)));
  }
  for (const s of r.analysis.sheets) if (s.role === 'none' || s.role === 'ambiguous') lines.push(`工作表“${escapeControl(s.sheet)}”:${renderSheetRole(s.role)}`);
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const undone = renderUndone(undoneOf(r));
  lines.push(`错误 ${count('error')} 个,警告 ${count('warning')} 个,提示 ${count('info')} 个${undone ? `;${undone}(详见警告)` : ''}`);
  for (const f of r.findings) lines.push(`[${SEVERITY_TEXT[f.severity]}] ${escapeControl(f.sheet)}!${f.cell} ${escapeControl(message(f, tables))}`);
  if (r.totals.length > 0) {
    // one pass over the scores: unscored indicators per platform
    const missing = new Map<string, number>();
    for (const s of r.scores) if (s.score === null) missing.set(`${s.evaluation}\u0000${s.platform}`, (missing.get(`${s.evaluation}\u0000${s.platform}`) ?? 0) + 1);
    lines.push('得分:');
    const platformsOf = new Map<string, number>();
    for (const t of r.totals) platformsOf.set(t.evaluation, (platformsOf.get(t.evaluation) ?? 0) + 1);
    for (const t of r.totals) {
      const figure = { official: t.total, shown: t.shown };
      const where = t.cell ? `(${escapeControl(t.sheet)}!${t.cell}${differs(figure) ? `;${FIGURE_DIFFERS_TEXT}` : ''})` : '';
      const m = missing.get(`${t.evaluation}\u0000${t.platform}`) ?? 0;
      const rank = t.rank !== null && (platformsOf.get(t.evaluation) ?? 0) > 1 ? `  第 ${t.rank} 名` : '';
      lines.push(`  ${escapeControl(t.platform)}  ${tables[t.evaluation].shortName}总分 ${t.total === null && t.shown === null ? `—(${m} 项无法计分)` : renderFigure(figure)}${where}${rank}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Files above this size get progress lines on stderr. */
const PROGRESS_BYTES = 200 * 1024;

function progress(file: string, io: Io): (step: string) => void {
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  if (size < PROGRESS_BYTES) return () => undefined;
  const t0 = Date.now();
  return (step) => io.err(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${step}\n`);
}

async function open(file: string, io: Io): Promise<{ host: XlsxFileHost; step: (s: string) => void }> {
  const step = progress(file, io);
  step(`正在读取 ${escapeControl(path.basename(file))}…`);
  const host = await XlsxFileHost.open(file);
  step('正在识别表格、校验数据并计算得分…');
  return { host, step };
}

/**
 * For commands that write OUT: the output checks (a refusal is printed, and the command exits 2:
 * null here), then the input opened.
 */
async function openForOutput(target: string, output: string, args: Args, io: Io): Promise<{ host: XlsxFileHost; step: (s: string) => void } | null> {
  const where = checkOutput(target, output, { force: args.flags.has('--force') });
  if (!where.ok) {
    io.err(`${where.message}\n`);
    return null;
  }
  return open(target, io);
}

/** Saves atomically; a file-system problem is reported (the old file, if any, is untouched). */
async function save(host: XlsxFileHost, output: string, io: Io): Promise<boolean> {
  try {
    await host.save(output);
    return true;
  } catch (e) {
    const message = saveErrorMessage(e, output);
    if (message === undefined) throw e;
    io.err(`${escapeControl(message)}\n`);
    return false;
  }
}

/**
 * wanmu rules export acceptance|annual -o OUT: the built-in edition in force as JSON, the starting
 * point of a revised table; wanmu rules check FILE: a revised table validated and compared.
 */
async function rulesCommand(args: Args, io: Io): Promise<number> {
  const [, sub, what] = args.positional;
  if (sub === 'export') {
    const table = what ? findTable(what) : undefined;
    if (!table) throw new UsageError('请指定要导出的评分规则:acceptance(验收评价)或 annual(年度评价)');
    const output = args.flags.get('-o');
    if (typeof output !== 'string') throw new UsageError('请用 -o 指定输出文件(如 规则.json)');
    const where = checkOutput(undefined, output, { force: args.flags.has('--force') });
    if (!where.ok) {
      io.err(`${where.message}\n`);
      return 2;
    }
    try {
      await writeFileAtomically(output, new TextEncoder().encode(`${JSON.stringify(table, null, 2)}\n`));
    } catch (e) {
      const message = saveErrorMessage(e, output);
      if (message === undefined) throw e;
      io.err(`${escapeControl(message)}\n`);
      return 2;
    }
    io.out(`已导出${table.shortName}的评分规则(${escapeControl(renderEdition(table))},${table.id}):${escapeControl(output)};修改后请另起 id 和 label,用 --rules 加载,写法见 docs/rules.md\n`);
    return 0;
  }
  if (sub === 'check') {
    if (!what) throw new UsageError('请指定要检查的评分规则文件(.json)');
    const r = loadRules(readJson(what, '评分规则文件'));
    if (!r.ok) {
      io.out(`评分规则文件“${escapeControl(what)}”有误:\n${r.problems.map((p) => `  ${escapeControl(p)}`).join('\n')}\n`);
      return 1;
    }
    if (args.flags.has('--json')) io.out(`${JSON.stringify({ id: r.edition.id, evaluation: r.edition.evaluation, label: r.edition.label, source: r.edition.source, since: r.edition.since, base: r.base.id, differences: r.differences.map((d) => ({ ...d, text: renderEditionDifference(d) })) }, null, 2)}\n`);
    else io.out(`评分规则文件“${escapeControl(what)}”可以使用。${escapeControl(r.note)}\n`);
    return 0;
  }
  throw new UsageError('rules 后面应为 export 或 check');
}

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const problems = validateRules();
    if (problems.length > 0) {
      io.err(`内置评分规则有误:\n${problems.join('\n')}\n`);
      return 2;
    }
    const args = parseArgs(argv);
    const [command, target] = args.positional;
    if (args.flags.has('--help') || args.flags.has('-h')) {
      io.out(USAGE);
      return 0;
    }
    if (!command) {
      io.err(USAGE);
      return 2;
    }
    const json = args.flags.has('--json');
    if (command === 'check') {
      if (!target) throw new UsageError('请指定要检查的 .xlsx 文件');
      const mark = args.flags.has('--mark');
      const unmark = args.flags.has('--unmark');
      const output = args.flags.get('-o');
      if (mark && unmark) throw new UsageError('--mark 和 --unmark 不能同时使用');
      if (mark || unmark) {
        if (typeof output !== 'string') throw new UsageError(`请用 -o 指定${mark ? '标出问题单元格' : '去掉标记'}后保存的文件`);
        return await checkAndMark(target, output, mark, args, io);
      }
      if (output !== undefined) throw new UsageError('check 只在使用 --mark 或 --unmark 时保存文件(-o)');
      const options = loadOptions(args, target);
      const { host, step } = await open(target, io);
      const r = await checkWorkbook(host, options);
      step('完成');
      io.out(json ? jsonReport(r, options.rules) : humanReport(target, r, options.rules));
      if (args.flags.has('--roles') && !json) io.out(rolesReport(r.analysis));
      return exitOf(r);
    }
    if (command === 'fill') {
      if (!target) throw new UsageError('请指定要填写的 .xlsx 文件');
      const output = args.flags.get('-o');
      if (typeof output !== 'string') throw new UsageError('请用 -o 指定输出文件');
      const style = (args.flags.get('--formulas') ?? 'native') as FormulaStyle;
      if (!['native', 'wanmu', 'values'].includes(style)) throw new UsageError(`--formulas 应为 native、wanmu 或 values,而不是“${style}”`);
      const options = loadOptions(args, target);
      const opened = await openForOutput(target, output, args, io);
      if (!opened) return 2;
      const { host, step } = opened;
      let r;
      try {
        r = await fillWorkbook(host, { style, replace: args.flags.has('--replace') }, options);
      } catch (e) {
        if (e instanceof WriteRefused) {
          io.err('文件在检查之后被修改,未写入任何内容;请重新运行\n');
          return 2;
        }
        throw e;
      }
      const nothing = r.plan.preview.cells === 0 && r.plan.preview.addSheets.length === 0;
      if (nothing) {
        // no output file for a fill that writes nothing: say what was found and what was not
        if (json) io.out(jsonReport(r, options.rules));
        else io.out(humanReport(target, r, options.rules));
        io.err(
          `${
            r.analysis.tables.length === 0
              ? '未找到验收评价或年度评价的表格,没有可填写的得分'
              : `识别到${r.analysis.tables.map((t) => `${t.table.shortName}(${t.platforms.length} 个平台)`).join('、')},但没有需要写入的单元格:得分处都已有内容,已有内容不会被覆盖(如要按规则重新计算并覆盖,加 --replace)`
          };未生成输出文件\n`,
        );
        return 2;
      }
      step(`正在保存 ${escapeControl(path.basename(output))}…`);
      if (!(await save(host, output, io))) return 2;
      step('完成');
      if (json) io.out(jsonReport(r, options.rules));
      else {
        io.out(humanReport(target, r, options.rules));
        const p = r.plan.preview;
        const added = p.addSheets.length > 0 ? `;新增工作表“${p.addSheets.map(escapeControl).join('”“')}”` : '';
        const cols = p.addColumns.length > 0 ? `;在“${escapeControl(p.addColumns[0].sheet)}”新增 ${p.addColumns.length} 列得分` : '';
        const replaced = p.replaced.length > 0 ? `;覆盖了 ${p.replaced.length} 个原有单元格` : '';
        io.out(`已写入 ${p.cells} 个单元格${added}${cols}${replaced},保存为 ${escapeControl(output)};填写记录保存在工作簿中(隐藏的“${vocabulary.recordSheet}”表),可用 wanmu revert 撤销\n`);
      }
      return exitOf(r);
    }
    if (command === 'revert') {
      if (!target) throw new UsageError('请指定要撤销填写的 .xlsx 文件');
      const output = args.flags.get('-o');
      if (typeof output !== 'string') throw new UsageError('请用 -o 指定输出文件');
      const opened = await openForOutput(target, output, args, io);
      if (!opened) return 2;
      const { host, step } = opened;
      const r = await revertWorkbook(host);
      step(`正在保存 ${escapeControl(path.basename(output))}…`);
      if (!(await save(host, output, io))) return 2;
      const findings = r.plan.findings;
      if (json) io.out(`${JSON.stringify({ findings: findings.map((f) => ({ severity: f.severity, code: f.code, message: message(f, tables), sheet: f.sheet, cell: f.cell, facts: f.facts })), restored: r.plan.restored, removedSheets: r.plan.removedSheets, exact: r.exact }, null, 2)}\n`);
      else {
        for (const f of findings) io.out(`[${SEVERITY_TEXT[f.severity]}] ${escapeControl(f.sheet)}!${f.cell} ${escapeControl(message(f, tables))}\n`);
        const removed = r.plan.removedSheets.length > 0 ? `,删除了新增的工作表“${r.plan.removedSheets.map(escapeControl).join('”“')}”` : '';
        io.out(`已恢复 ${r.plan.restored} 个单元格${removed}${r.exact ? ',与填写前一致' : `;有 ${r.plan.skipped} 处在填写后被修改过,保留了现在的内容`},保存为 ${escapeControl(output)}\n`);
      }
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    if (command === 'template') {
      const named = target ? findTable(target) : undefined;
      if (!named) throw new UsageError('请指定 acceptance(验收评价)或 annual(年度评价)');
      // a loaded edition of the same evaluation makes its own blank table
      const rules = loadedRules(args.flags.get('--rules'));
      const table = rules?.editions.inForce[named.evaluation] ?? named;
      const output = args.flags.get('-o');
      if (typeof output !== 'string') throw new UsageError('请用 -o 指定输出文件');
      const n = Number(args.flags.get('--platforms') ?? 1);
      if (!Number.isInteger(n) || n < 1 || n > MAX_TEMPLATE_PLATFORMS) throw new UsageError(`--platforms 应为 1 到 ${MAX_TEMPLATE_PLATFORMS} 之间的整数`);
      const where = checkOutput(undefined, output, { force: args.flags.has('--force') });
      if (!where.ok) {
        io.err(`${where.message}\n`);
        return 2;
      }
      const host = XlsxFileHost.empty();
      await host.write(templateBatch(table, n), []);
      if (!(await save(host, output, io))) return 2;
      io.out(`已生成${table.shortName}空白表(${n} 个平台,评分规则:${escapeControl(renderEdition(table))}):${escapeControl(output)}\n`);
      return 0;
    }
    if (command === 'rules') return await rulesCommand(args, io);
    throw new UsageError(`未知命令:${command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${escapeControl(e.message)}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof FileOpenError) {
      io.err(`${escapeControl(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}

export function main(): void {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `内部错误(这是 wanmu 的缺陷,不是您的操作或文件有误):${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n请将此信息和所用的文件发给维护人员。\n`,
      );
      process.exitCode = 2;
    },
  );
}
