import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { cli } from '../helpers/cli';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { tables } from '../../src/rules';
import { compoundFile } from '../helpers/cfb';
import { acceptanceVerticalWorkbook, annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-cli-'));
const file = (name: string) => path.join(dir, name);


beforeAll(async () => {
  await annualWideWorkbook(annualRows(4)).xlsx.writeFile(file('clean.xlsx'));
  const bad = annualWideWorkbook(annualRows(4));
  (bad.getWorksheet('培育名单数据') as ExcelJS.Worksheet).getCell(`D${WIDE_FIRST_ROW}`).value = 85;
  await bad.xlsx.writeFile(file('errors.xlsx'));
  // a score column the tool cannot place (an office's own 加分 item): not reviewed, and said so
  const extra = annualWideWorkbook(annualRows(4));
  const ws = extra.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
  const last = ws.columnCount + 1;
  ws.getCell(WIDE_FIRST_ROW - 1, last).value = '特色工作加分得分';
  for (let r = 0; r < 4; r++) ws.getCell(WIDE_FIRST_ROW + r, last).value = 2;
  await extra.xlsx.writeFile(file('unreviewed.xlsx'));
  await acceptanceVerticalWorkbook().wb.xlsx.writeFile(file('vertical.xlsx'));
  fs.writeFileSync(file('notes.xlsx'), 'this is not a spreadsheet');
  fs.writeFileSync(file('broken.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]));
  // an encrypted .xlsx is a compound file with the package in EncryptedPackage (as Excel and WPS write it)
  fs.writeFileSync(file('protected.xlsx'), compoundFile(['EncryptionInfo', 'EncryptedPackage']));
  // an Excel 97-2003 workbook, as LibreOffice saves one (test/fixtures/files), under its own name and as WPS's .et
  const xls = fs.readFileSync(path.join(__dirname, '../fixtures/files/年度评价-旧版格式.xls'));
  fs.writeFileSync(file('old.xls'), xls);
  fs.writeFileSync(file('old.et'), xls);
  fs.writeFileSync(file('data.csv'), '\ufeff平台名称,年度工业产值\n甲平台,120\n');
  // a compound file that is no workbook (a Word 97 document)
  fs.writeFileSync(file('letter.xlsx'), compoundFile(['WordDocument', '1Table']));
  // a salary list: a workbook with nothing to score
  const salary = new ExcelJS.Workbook();
  const sw = salary.addWorksheet('工资');
  [['姓名', '基本工资', '绩效'], ['张三', 5000, 1200], ['李四', 5200, 900]].forEach((row, i) => row.forEach((v, c) => (sw.getCell(i + 1, c + 1).value = v)));
  await salary.xlsx.writeFile(file('salary.xlsx'));
});

describe('wanmu check', () => {
  it('exit 0 and a Chinese summary when there are no errors', async () => {
    const r = await cli('check', file('clean.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('识别到年度评价');
    expect(r.out).toContain('错误 0 个');
  });

  it('exit 1 and the summary says so when a score column could not be reviewed, though nothing is wrong', async () => {
    const r = await cli('check', file('unreviewed.xlsx'));
    expect(r.out).toContain('错误 0 个');
    expect(r.out).toContain('1 列得分未复核');
    expect(r.out).toContain('未识别 培育名单数据!');
    expect(r.code).toBe(1);
  });

  it('exit 1 when errors are found, naming the cell', async () => {
    const r = await cli('check', file('errors.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`[错误] 培育名单数据!D${WIDE_FIRST_ROW}`);
  });

  it('--json prints one object with findings, scores and totals', async () => {
    const r = await cli('check', file('errors.xlsx'), '--json');
    const j = JSON.parse(r.out) as Record<string, unknown[]>;
    expect(Object.keys(j).sort()).toEqual(['columns', 'editions', 'findings', 'platforms', 'scores', 'totals', 'undone']);
    // every column accounted for: its role, how sure, in words
    const columns = j.columns as { sheet: string; column: string; header: string; certainty: string; text: string; role: { kind: string } }[];
    expect(columns.length).toBeGreaterThan(0);
    expect(Object.keys(columns[0]).sort()).toEqual(['certainty', 'column', 'evaluation', 'header', 'role', 'sheet', 'text']);
    expect(columns.some((c) => c.role.kind === 'platform')).toBe(true);
    expect(j.undone).toEqual({ unscoredIndicators: expect.any(Number), unreviewedScoreColumns: 0 });
    expect(Object.keys(j.findings[0] as object).sort()).toEqual(['cell', 'code', 'facts', 'message', 'severity', 'sheet']);
    expect(Object.keys(j.scores[0] as object).sort()).toEqual(['cell', 'evaluation', 'indicator', 'platform', 'score', 'sheet']);
    expect(Object.keys(j.totals[0] as object).sort()).toEqual(['cell', 'evaluation', 'platform', 'rank', 'sheet', 'shown', 'total']);
    expect(j.scores).toHaveLength(4 * 15);
    expect(j.scores.find((s) => (s as { indicator: number; score: unknown }).indicator === 2 && (s as { score: unknown }).score === null)).toBeDefined();
    expect((j.totals[0] as { total: unknown }).total).toBeNull();
    expect((j.totals[1] as { total: unknown }).total).toEqual(expect.any(Number));
  });

  it.each([
    ['notes.xlsx', /文本文件.*另存为“Excel 工作簿\(\*\.xlsx\)”/],
    ['data.csv', /文本文件\(CSV 等\).*另存为/],
    ['broken.xlsx', /已损坏/],
    ['protected.xlsx', /设置了打开密码.*取消密码/],
    ['old.xls', /旧版 Excel 97-2003 格式\(\.xls\).*另存为/],
    ['old.et', /WPS 表格格式\(\.et\)/],
    ['letter.xlsx', /不是电子表格工作簿/],
    ['missing.xlsx', /找不到文件/],
  ])('exit 2 with a clear message for %s', async (name, message) => {
    const r = await cli('check', file(name));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    // one cause per message: a password is not mentioned for an old format, nor the other way round
    if (/密码/.test(r.err)) expect(r.err).not.toMatch(/97-2003|\.xls\b/);
    if (/97-2003/.test(r.err)) expect(r.err).not.toMatch(/密码/);
  });

  it('exit 2 for a wrong command, with the usage', async () => {
    const r = await cli('chek', file('clean.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法');
  });
});

describe('wanmu check --mark / --unmark', () => {
  it('saves a copy with the problem cells marked, cells untouched, and --unmark takes the marks away again', async () => {
    const { XlsxFileHost } = await import('../../src/hosts/file/xlsx');
    const r = await cli('check', file('errors.xlsx'), '--mark', '-o', file('marked.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`[错误] 培育名单数据!D${WIDE_FIRST_ROW}`);
    expect(r.out).toMatch(/已在表格中标出 \d+ 个单元格\(错误 [1-9]\d* 个,浅红色;警告 \d+ 个,浅黄色\),保存为 .*marked\.xlsx/);
    const marked = await XlsxFileHost.open(file('marked.xlsx'));
    const marks = await marked.readMarks();
    expect(marks.some((m) => m.severity === 'error' && m.sheet === '培育名单数据' && m.ranges.some((x) => x.top <= WIDE_FIRST_ROW && WIDE_FIRST_ROW <= x.bottom && x.left <= 4 && 4 <= x.right))).toBe(true);
    const original = await (await XlsxFileHost.open(file('errors.xlsx'))).read();
    expect(await marked.read()).toEqual(original);
    // marking again replaces, never adds
    expect((await cli('check', file('marked.xlsx'), '--mark', '-o', file('marked-again.xlsx'))).code).toBe(1);
    expect(await (await XlsxFileHost.open(file('marked-again.xlsx'))).readMarks()).toEqual(marks);
    const u = await cli('check', file('marked.xlsx'), '--unmark', '-o', file('unmarked.xlsx'));
    expect(u.code).toBe(1);
    expect(u.out).toMatch(/已去掉本工具的标记\(\d+ 个单元格\),保存为/);
    const unmarked = await XlsxFileHost.open(file('unmarked.xlsx'));
    expect(await unmarked.readMarks()).toEqual([]);
    expect(await unmarked.read()).toEqual(original);
    const none = await cli('check', file('clean.xlsx'), '--unmark', '-o', file('none.xlsx'));
    expect(none.err).toContain('工作簿中没有本工具的标记;未生成输出文件');
    expect(none.code).toBe(2);
    expect(fs.existsSync(file('none.xlsx'))).toBe(false);
  });

  it('fill prints the total its cell will show, and the official one beside it where a kept score makes them differ', async () => {
    const example = path.join(__dirname, '../../examples/验收评价-平台自评.xlsx');
    const f = await cli('fill', example, '-o', file('acceptance-filled.xlsx'), '--json');
    const j = JSON.parse(f.out) as { totals: { total: number; shown: number; cell: string }[] };
    expect(j.totals).toHaveLength(1);
    expect(Math.abs(j.totals[0].shown - j.totals[0].total)).toBeGreaterThan(0.01);
    const h = await cli('fill', example, '-o', file('acceptance-filled-2.xlsx'));
    expect(h.out).toContain(`验收评价总分 表中 ${j.totals[0].shown.toFixed(2)} / 官方 ${j.totals[0].total.toFixed(2)}`);
    // what the CLI says the cell shows is what the written file holds
    const written = await (await XlsxFileHost.open(file('acceptance-filled.xlsx'))).read();
    const sheet = written.sheets.find((s) => s.name === '验收评价');
    const at = /^([A-Z]+)(\d+)$/.exec(j.totals[0].cell) as RegExpExecArray;
    const col = at[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect(sheet?.rows.get(Number(at[2]))?.get(col)?.value).toBeCloseTo(j.totals[0].shown, 9);
  });

  it('fill and --mark with nothing to write: no output file, exit 2, what was found and what was not', async () => {
    const f = await cli('fill', file('salary.xlsx'), '-o', file('salary-out.xlsx'));
    expect(f.code).toBe(2);
    expect(f.err).toContain('未找到验收评价或年度评价的表格,没有可填写的得分;未生成输出文件');
    expect(f.out).not.toContain('已写入');
    expect(fs.existsSync(file('salary-out.xlsx'))).toBe(false);
    // a workbook filled already: its scores are there and are not overwritten
    expect((await cli('fill', file('clean.xlsx'), '-o', file('filled-once.xlsx'))).code).toBe(0);
    const again = await cli('fill', file('filled-once.xlsx'), '-o', file('filled-twice.xlsx'));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/识别到年度评价\(4 个平台\),但没有需要写入的单元格.*--replace.*未生成输出文件/);
    expect(fs.existsSync(file('filled-twice.xlsx'))).toBe(false);
    const m = await cli('check', file('salary.xlsx'), '--mark', '-o', file('salary-marked.xlsx'));
    expect(m.code).toBe(2);
    expect(m.err).toContain('没有需要标出的单元格');
    expect(fs.existsSync(file('salary-marked.xlsx'))).toBe(false);
  });

  it('--json adds the marks: sheet, severity, A1 ranges', async () => {
    const r = await cli('check', file('errors.xlsx'), '--mark', '-o', file('marked-json.xlsx'), '--json');
    const j = JSON.parse(r.out) as { marks: { sheet: string; severity: string; ranges: string[] }[] };
    expect(Object.keys(j).sort()).toEqual(['columns', 'editions', 'findings', 'marks', 'platforms', 'scores', 'totals', 'undone']);
    expect(j.marks.find((m) => m.severity === 'error')?.ranges.some((x) => x === `D${WIDE_FIRST_ROW}` || x.startsWith(`D${WIDE_FIRST_ROW}:`))).toBe(true);
  });

  it('needs -o, one of --mark and --unmark, a new output file unless --force, never the input', async () => {
    expect((await cli('check', file('errors.xlsx'), '--mark')).code).toBe(2);
    expect((await cli('check', file('errors.xlsx'), '--mark', '--unmark', '-o', file('m.xlsx'))).code).toBe(2);
    expect((await cli('check', file('errors.xlsx'), '-o', file('m.xlsx'))).code).toBe(2);
    expect((await cli('check', file('errors.xlsx'), '--mark', '-o', file('errors.xlsx'))).code).toBe(2);
    fs.writeFileSync(file('exists.xlsx'), 'x');
    const refused = await cli('check', file('errors.xlsx'), '--mark', '-o', file('exists.xlsx'));
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(file('exists.xlsx'), 'utf8')).toBe('x');
    expect((await cli('check', file('errors.xlsx'), '--mark', '-o', file('exists.xlsx'), '--force')).code).toBe(1);
    expect(fs.readFileSync(file('exists.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('wanmu check --roles', () => {
  it('lists every sheet and column with what it was read as, and why', async () => {
    const r = await cli('check', file('clean.xlsx'), '--roles');
    expect(r.out).toContain('识别结果:');
    expect(r.out).toContain('工作表“培育名单数据”:数据表');
    expect(r.out).toMatch(/C 列“年度工业产值或者营业收入\(亿元\)”:输入“年度工业产值或者营业收入”.*依据:手工数值最大 .*超过分值 10/);
  });
});

describe('wanmu revert', () => {
  it('gives back the workbook as it was before the fill', async () => {
    expect((await cli('fill', file('vertical.xlsx'), '-o', file('rv-filled.xlsx'), '--replace')).code).toBe(0);
    const r = await cli('revert', file('rv-filled.xlsx'), '-o', file('rv-back.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('与填写前一致');
    const { XlsxFileHost } = await import('../../src/hosts/file/xlsx');
    const a = await (await XlsxFileHost.open(file('vertical.xlsx'))).read();
    const b = await (await XlsxFileHost.open(file('rv-back.xlsx'))).read();
    expect(b.sheets.map((x) => x.name)).toEqual(a.sheets.map((x) => x.name));
    expect(b.sheets[0].rows).toEqual(a.sheets[0].rows);
  });

  it('says so when there is nothing to revert', async () => {
    const r = await cli('revert', file('clean.xlsx'), '-o', file('rv-none.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有本工具的填写记录');
  });
});

describe('wanmu fill', () => {
  it('writes a filled copy and --json says where each score was written', async () => {
    const r = await cli('fill', file('clean.xlsx'), '-o', file('filled.xlsx'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { scores: { sheet: string; cell: string }[] };
    expect(j.scores[0]).toMatchObject({ sheet: '评分结果', cell: 'C3' });
    const check = await cli('check', file('filled.xlsx'));
    expect(check.code).toBe(0);
    expect(check.out).not.toContain('[警告]');
  });

  it('refuses to overwrite its input and requires -o', async () => {
    expect((await cli('fill', file('clean.xlsx'), '-o', file('clean.xlsx'))).code).toBe(2);
    expect((await cli('fill', file('clean.xlsx'))).code).toBe(2);
    expect((await cli('fill', file('clean.xlsx'), '-o', file('x.xlsx'), '--formulas', 'magic')).code).toBe(2);
  });

  it('--formulas values and --replace', async () => {
    const r = await cli('fill', file('vertical.xlsx'), '-o', file('v.xlsx'), '--formulas', 'values', '--replace');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已写入');
  });

  it('--map applies a mapping file', async () => {
    const wb = annualWideWorkbook(annualRows(3), { title: false, twoRows: false });
    (wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet).getCell(1, 3).value = '今年产出';
    await wb.xlsx.writeFile(file('odd.xlsx'));
    fs.writeFileSync(file('map.json'), JSON.stringify({ sheets: { 培育名单数据: { evaluation: 'annual', columns: { 今年产出: { indicator: 1 } } } } }));
    const j = JSON.parse((await cli('check', file('odd.xlsx'), '--json', '--map', file('map.json'))).out) as { scores: { indicator: number; score: unknown }[] };
    expect(j.scores.filter((s) => s.indicator === 1)).toHaveLength(3);
    expect(j.scores.filter((s) => s.indicator === 1).every((s) => typeof s.score === 'number')).toBe(true);
    fs.writeFileSync(file('badmap.json'), '{');
    expect((await cli('check', file('odd.xlsx'), '--map', file('badmap.json'))).code).toBe(2);
  });
});

describe('the platform’s name of a one-platform table', () => {
  const named = '衢州智造新城2024年度评价.xlsx';
  beforeAll(async () => {
    await acceptanceVerticalWorkbook().wb.xlsx.writeFile(file(named));
    fs.writeFileSync(file('platform-map.json'), JSON.stringify({ sheets: { 验收评价: { platform: '衢州高端电子材料平台' } } }));
    fs.writeFileSync(file('blank-platform-map.json'), JSON.stringify({ sheets: { 验收评价: { platform: '  ' } } }));
  });

  it('comes from the file name when the sheet names none, and the report says so', async () => {
    const r = await cli('check', file(named));
    expect(r.out).toContain(`  平台名称:衢州智造新城(依据:文件名“${named}”)`);
    expect(r.out).toMatch(/\n  衢州智造新城  验收评价总分 /);
    // a file name that names no platform: the sheet's name, said as such
    const plain = await cli('check', file('vertical.xlsx'));
    expect(plain.out).toContain('  平台名称:验收评价(依据:工作表名(未能从标题、平台名称行或文件名确定平台名称))');
  });

  it('--map names it; --roles and --json say it was the user’s, and what was recognized', async () => {
    const r = await cli('check', file(named), '--roles', '--map', file('platform-map.json'));
    expect(r.out).toContain(`  平台名称:衢州高端电子材料平台(依据:用户指定(识别为“衢州智造新城”,依据文件名“${named}”))`);
    expect(r.out).toContain('  “验收评价”的平台名称:衢州高端电子材料平台(依据:用户指定');
    expect(r.out).toContain('G 列“完成值”:平台名称(依据:用户指定)');
    expect(r.out).toMatch(/\n  衢州高端电子材料平台  验收评价总分 /);
    const j = JSON.parse((await cli('check', file(named), '--json', '--map', file('platform-map.json'))).out) as { platforms: unknown[]; totals: { platform: string }[] };
    expect(j.platforms).toEqual([{ sheet: '验收评价', evaluation: 'acceptance', name: '衢州高端电子材料平台', source: 'mapping', text: `用户指定(识别为“衢州智造新城”,依据文件名“${named}”)` }]);
    expect(j.totals.map((t) => t.platform)).toEqual(['衢州高端电子材料平台']);
  });

  it('an empty name in the mapping file is refused (exit 2), in Chinese', async () => {
    const r = await cli('check', file(named), '--map', file('blank-platform-map.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('工作表“验收评价”的平台名称不能为空或只有空格');
  });
});

describe('wanmu template', () => {
  it.each(['acceptance', 'annual'])('%s: a blank workbook laid out as issued that passes its own check', async (t) => {
    const out = file(`template-${t}.xlsx`);
    expect((await cli('template', t, '-o', out, '--platforms', '2')).code).toBe(0);
    const r = await cli('check', out, '--json');
    // a blank table is not scored: nothing is wrong, but every indicator was left undone (exit 1)
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { findings: { severity: string; code: string }[]; totals: unknown[]; undone: { unscoredIndicators: number } };
    expect(j.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(j.undone.unscoredIndicators).toBeGreaterThan(0);
    expect(j.undone.unscoredIndicators).toBeLessThanOrEqual(tables[t as 'acceptance' | 'annual'].indicators.length);
    const human = await cli('check', out);
    expect(human.out).toContain(`错误 0 个`);
    expect(human.out).toContain(`${j.undone.unscoredIndicators} 项指标无法计分`);
    expect(j.totals).toHaveLength(2);
  });
});

describe('the built command line', () => {
  it('bin/wanmu.js runs', () => {
    const bin = path.resolve(__dirname, '../../bin/wanmu.js');
    const r = spawnSync(process.execPath, [bin, 'check', file('clean.xlsx'), '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).scores).toHaveLength(60);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('wanmu check');
  });
});

describe('progress', () => {
  it('large files get progress lines on stderr, and stdout stays pure JSON', async () => {
    await annualWideWorkbook(annualRows(2000)).xlsx.writeFile(file('large.xlsx'));
    const r = await cli('fill', file('large.xlsx'), '-o', file('large-out.xlsx'), '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/正在读取[\s\S]*正在保存[\s\S]*完成/);
    expect(JSON.parse(r.out).totals).toHaveLength(2000);
  });
});
