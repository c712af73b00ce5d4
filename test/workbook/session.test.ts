/**
 * The workbook session, as the pane and the WPS add-in will drive it: explain, preview, apply
 * (refused when the user changed a target cell), revert (exact, also after saving and opening
 * again), and update after edits (only what depends on them, a 无量纲化 column as a whole).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { MemoryHost } from '../../src/hosts/memory/host';
import { analyze } from '../../src/workbook/check/analyze';
import { RECORD_SHEET } from '../../src/workbook/core/sheets';
import { planFill } from '../../src/workbook/write/fill';
import { WorkbookSession } from '../../src/workbook/session/session';
import { annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { cell } from '../helpers/workbook';
import { data } from '../helpers/data';
import { colLetters } from '../../src/workbook/core/address';

const DATA = '培育名单数据';

function scoresOf(s: WorkbookSession): (number | null)[] {
  return s.model.scores.map((x) => x.score);
}

describe('workbook session', () => {
  it('explains a score cell and an input cell: indicator, 评分标准, inputs with cells, arithmetic', async () => {
    const s = await WorkbookSession.open(new MemoryHost(await data()));
    const row = WIDE_FIRST_ROW;
    const byInput = s.explain(DATA, `D${row}`);
    expect(byInput?.indicator.number).toBe(2);
    expect(byInput?.standard).toBe('主导产业产值(营业收入)/工业总产值(营业收入)/80%×5');
    expect(byInput?.inputs[0].cell).toEqual({ sheet: DATA, cell: `D${row}` });
    expect(byInput?.text).toMatch(/÷ 80% × 5/);
    expect(byInput?.score).toBe(s.model.scores.find((x) => x.indicator === 2)?.score);
    // a 无量纲化 input: the arithmetic names the cohort's minimum and maximum
    const norm = s.explain(DATA, `C${row}`);
    expect(norm?.indicator.number).toBe(1);
    expect(norm?.text).toMatch(/0\.4/);
    // a cell that is neither
    expect(s.explain(DATA, 'A1')).toBeUndefined();
  });

  it('previews a fill: cells, sheets added, nothing replaced', async () => {
    const s = await WorkbookSession.open(new MemoryHost(await data({ platforms: 4 })));
    const plan = s.planFill({ style: 'native', replace: false });
    expect(plan.preview.addSheets).toEqual(['评分结果']);
    expect(plan.preview.replaced).toEqual([]);
    // header + 4 platforms × (15 + 6 + 1) + names + helper rows
    expect(plan.preview.cells).toBeGreaterThan(4 * 22);
    expect(plan.batch.addSheets.find((x) => x.name === RECORD_SHEET)?.state).toBe('veryHidden');
  });

  it('refuses to write when the user changed a target cell after the check, and writes nothing', async () => {
    const host = new MemoryHost(await data({ platforms: 4 }));
    const s = await WorkbookSession.open(host);
    // a layout with score columns in the data sheet: targets are existing cells
    const dataSheet = (await host.read()).sheets[0];
    const scoreCol = dataSheet.colCount + 1;
    host.edit(DATA, { [`${colLetters(scoreCol)}4`]: '主导产业集聚度得分' });
    await s.refresh();
    const plan = s.planFill({ style: 'native', replace: false });
    const target = plan.expected[0];
    expect(target).toBeDefined();
    host.edit(target.sheet, { [`${colLetters(target.col)}${target.row}`]: '我刚填的' });
    const before = await host.read();
    const r = await s.apply(plan);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings.map((f) => f.code)).toEqual(['changed_since_check']);
    expect(await host.read()).toEqual(before);
  });

  it('reverts exactly, also after the workbook was saved and opened again', async () => {
    const wb = annualWideWorkbook(annualRows(5));
    // existing content the fill will replace: a number, a formula with a format, a text
    const ws = wb.getWorksheet(DATA);
    if (!ws) throw new Error('no sheet');
    const c = ws.columnCount + 1;
    ws.getCell(4, c).value = '主导产业集聚度得分';
    ws.getCell(5, c).value = 3;
    ws.getCell(6, c).value = { formula: `D6/0.8*5`, result: 4.1 };
    ws.getCell(6, c).numFmt = '0.0';
    ws.getCell(7, c).value = '待定';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-session-'));
    const original = path.join(dir, 'original.xlsx');
    await wb.xlsx.writeFile(original);
    const input = await (await XlsxFileHost.open(original)).read();

    const host = await XlsxFileHost.open(original);
    const s = await WorkbookSession.open(host);
    const applied = await s.apply(s.planFill({ style: 'native', replace: true }));
    expect(applied.ok).toBe(true);
    const filled = path.join(dir, 'filled.xlsx');
    await host.save(filled);

    const reopened = await XlsxFileHost.open(filled);
    const s2 = await WorkbookSession.open(reopened);
    const r = await s2.revert();
    expect(r.exact).toBe(true);
    const back = path.join(dir, 'back.xlsx');
    await reopened.save(back);
    const restored = await (await XlsxFileHost.open(back)).read();
    expect(restored.sheets.map((x) => x.name)).toEqual(input.sheets.map((x) => x.name));
    expect(cell(restored, DATA, `${colLetters(c)}5`)).toEqual({ value: 3 });
    expect(cell(restored, DATA, `${colLetters(c)}6`)).toEqual({ value: 4.1, formula: 'D6/0.8*5', numFmt: '0.0' });
    expect(cell(restored, DATA, `${colLetters(c)}7`)).toEqual({ value: '待定' });
    expect(cell(restored, DATA, `${colLetters(c)}8`)).toBeNull();
    expect(restored.sheets[0].rows).toEqual(input.sheets[0].rows);
  });

  it('revert of an added sheet with one edited cell clears every cell the fill wrote but that one, and says where', async () => {
    const host = new MemoryHost(await data({ platforms: 3 }));
    const s = await WorkbookSession.open(host);
    await s.apply(s.planFill({ style: 'native', replace: false }));
    const filled = await host.read();
    const before = filled.sheets.find((x) => x.name === '评分结果');
    expect(before && before.rows.size).toBeGreaterThan(3);
    host.edit('评分结果', { C4: 9.5 });
    const r = await s.revert();
    expect(r.exact).toBe(false);
    expect(r.plan.removedSheets).toEqual([]);
    expect(r.plan.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['sheet_changed_since_fill', '评分结果', 'A1'],
      ['changed_since_fill', '评分结果', 'C4'],
    ]);
    const after = await host.read();
    const left = after.sheets.find((x) => x.name === '评分结果');
    const cells: string[] = [];
    left?.rows.forEach((line, row) => line.forEach((_c, col) => cells.push(`${colLetters(col)}${row}`)));
    expect(cells).toEqual(['C4']);
    expect(cell(after, '评分结果', 'C4')?.value).toBe(9.5);
    expect(after.sheets.some((x) => x.name === RECORD_SHEET)).toBe(false);
  });

  it('a re-check after a fill in values style does not take wanmu\'s own values for typed ones', async () => {
    const host = new MemoryHost(await data({ platforms: 3 }));
    const s = await WorkbookSession.open(host);
    await s.apply(s.planFill({ style: 'values', replace: false }));
    const again = await WorkbookSession.open(host);
    expect(again.model.findings.filter((f) => f.code === 'typed_constant')).toEqual([]);
    // the same workbook without wanmu's record: the very same values read as typed
    const record = new MemoryHost({ sheets: (await host.read()).sheets.filter((x) => x.name !== RECORD_SHEET) });
    const typed = (await WorkbookSession.open(record)).model.findings.filter((f) => f.code === 'typed_constant');
    expect(typed.length).toBeGreaterThan(3);
  });

  it('revert keeps what the user wrote after the fill, and says so', async () => {
    const host = new MemoryHost(await data({ platforms: 3 }));
    const s = await WorkbookSession.open(host);
    const plan = s.planFill({ style: 'native', replace: false });
    await s.apply(plan);
    host.edit('评分结果', { A20: '复核意见:已核对' });
    // the result sheet holds the user's words now: it is kept, and nothing in it is lost
    const r = await s.revert();
    expect(r.exact).toBe(false);
    expect(r.plan.removedSheets).toEqual([]);
    expect(r.plan.findings.map((f) => [f.code, f.sheet])).toEqual([['sheet_changed_since_fill', '评分结果']]);
    const after = await host.read();
    expect(after.sheets.map((x) => x.name)).toEqual([DATA, '评分结果']);
    expect(cell(after, '评分结果', 'A20')?.value).toBe('复核意见:已核对');
    // what the fill wrote there is gone: the sheet holds the user's words alone
    expect([...(after.sheets[1].rows.keys())]).toEqual([20]);
    // an unchanged fill is removed whole
    const host2 = new MemoryHost(await data({ platforms: 3 }));
    const s2 = await WorkbookSession.open(host2);
    await s2.apply(s2.planFill({ style: 'native', replace: false }));
    const r2 = await s2.revert();
    expect(r2.exact).toBe(true);
    expect(r2.plan.removedSheets).toEqual(['评分结果']);
    expect((await host2.read()).sheets.map((x) => x.name)).toEqual([DATA]);
  });

  it('update after editing a 无量纲化 input re-scores the whole column, as a fresh check would', async () => {
    const host = new MemoryHost(await data({ platforms: 6 }));
    const s = await WorkbookSession.open(host);
    const before = s.model.analysis.tables[0];
    host.edit(DATA, { [`C${WIDE_FIRST_ROW + 2}`]: 99999 });
    await s.update({ sheet: DATA, cells: [`C${WIDE_FIRST_ROW + 2}`] });
    const fresh = await WorkbookSession.open(host);
    expect(scoresOf(s)).toEqual(scoresOf(fresh));
    expect(s.model.totals.map((t) => t.total)).toEqual(fresh.model.totals.map((t) => t.total));
    // every platform's 无量纲化 score moved (xmax changed), not only the edited one
    const after = s.model.analysis.tables[0];
    const changed = after.platforms.filter((p, i) => p.indicators[0].score !== before.platforms[i].indicators[0].score);
    expect(changed.length).toBeGreaterThan(1);
  });

  it('update after editing an ordinary input re-scores only that platform', async () => {
    const host = new MemoryHost(await data({ platforms: 6 }));
    const s = await WorkbookSession.open(host);
    const before = s.model.analysis.tables[0];
    host.edit(DATA, { [`D${WIDE_FIRST_ROW + 1}`]: 0.4 });
    await s.update({ sheet: DATA, cells: [`D${WIDE_FIRST_ROW + 1}`] });
    const after = s.model.analysis.tables[0];
    after.platforms.forEach((p, i) => {
      if (i === 1) expect(p).not.toBe(before.platforms[i]);
      else expect(p).toBe(before.platforms[i]); // untouched: the same object, not recomputed
    });
    expect(after.platforms[1].indicators[1].score).toBeCloseTo((0.4 / 0.8) * 5, 12);
    const fresh = await WorkbookSession.open(host);
    expect(scoresOf(s)).toEqual(scoresOf(fresh));
    // a wrong value typed in is a finding at that cell; fixing it removes the finding
    host.edit(DATA, { [`D${WIDE_FIRST_ROW + 1}`]: 85 });
    await s.update({ sheet: DATA, cells: [`D${WIDE_FIRST_ROW + 1}`] });
    expect(s.model.findings.filter((f) => f.cell === `D${WIDE_FIRST_ROW + 1}`).map((f) => f.code)).toEqual(['share_above_one']);
    host.edit(DATA, { [`D${WIDE_FIRST_ROW + 1}`]: 0.85 });
    await s.update({ sheet: DATA, cells: [`D${WIDE_FIRST_ROW + 1}`] });
    expect(s.model.findings.filter((f) => f.cell === `D${WIDE_FIRST_ROW + 1}`)).toEqual([]);
  });

  /** A workbook wanmu filled with native formulas, and what Excel would calculate for them after edits. */
  async function filledWorkbook(n: number) {
    const unfilled = new MemoryHost(await data({ platforms: n }));
    const plan = (await WorkbookSession.open(unfilled)).planFill({ style: 'native', replace: false });
    const host = new MemoryHost(await data({ platforms: n }));
    expect(await host.write(plan.batch, [])).toEqual({ ok: true });
    /** The user types into the data sheet; Excel recalculates every formula (no change event for those). */
    const type = async (cells: Record<string, number>) => {
      unfilled.edit(DATA, cells);
      host.edit(DATA, cells);
      const again = (await WorkbookSession.open(new MemoryHost(await unfilled.read()))).planFill({ style: 'native', replace: false });
      const results: Record<string, Record<string, number | string | boolean | null>> = {};
      for (const c of again.batch.cells) if (c.formula !== undefined) (results[c.sheet] ??= {})[`${colLetters(c.col)}${c.row}`] = c.result ?? null;
      for (const [sheet, cells2] of Object.entries(results)) host.recalculated(sheet, cells2);
    };
    return { host, type };
  }

  it('update reads the formulas an edit recalculates: no stale score is reported, before or after a 无量纲化 edit', async () => {
    const { host, type } = await filledWorkbook(6);
    const s = await WorkbookSession.open(host);
    expect(s.model.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const reads = host.calls.read;
    await type({ [`D${WIDE_FIRST_ROW + 1}`]: 0.4 });
    await s.update({ sheet: DATA, cells: [`D${WIDE_FIRST_ROW + 1}`] });
    expect(s.model.findings.filter((f) => f.severity === 'error')).toEqual([]);
    await type({ [`C${WIDE_FIRST_ROW + 2}`]: 999 });
    await s.update({ sheet: DATA, cells: [`C${WIDE_FIRST_ROW + 2}`] });
    expect(s.model.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // no sheet was read again as a whole: only the edited cells and the formulas reading them
    expect(host.calls.read).toBe(reads);
    expect(host.calls.readRanges).toBe(2);
    // the same as a fresh check of the edited workbook
    const fresh = await WorkbookSession.open(host);
    expect(scoresOf(s)).toEqual(scoresOf(fresh));
    expect(s.model.findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`).sort()).toEqual(fresh.model.findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`).sort());
  });

  it('update after an input edit whose score formula was not recalculated reports the stale score (a typed number is not a formula)', async () => {
    const { host } = await filledWorkbook(4);
    const s = await WorkbookSession.open(host);
    const score = s.model.scores.find((x) => x.platform === s.model.analysis.tables[0].platforms[1].name && x.indicator === 2);
    if (!score) throw new Error('no score record');
    // the user overwrites the score formula with its value, then changes the input: the typed score is now wrong
    const typed = score.score as number;
    host.edit(score.sheet, { [score.cell]: typed });
    await s.update({ sheet: score.sheet, cells: [score.cell] });
    expect(s.model.findings.filter((f) => f.cell === score.cell && f.sheet === score.sheet).map((f) => f.code)).toEqual(['typed_constant']);
    host.edit(DATA, { [`D${WIDE_FIRST_ROW + 1}`]: 0.1 });
    await s.update({ sheet: DATA, cells: [`D${WIDE_FIRST_ROW + 1}`] });
    expect(s.model.findings.filter((f) => f.cell === score.cell && f.sheet === score.sheet).map((f) => f.code)).toEqual(['score_mismatch']);
    // typing the right score into the score cell clears the error at once
    const right = s.explain(score.sheet, score.cell)?.score as number;
    host.edit(score.sheet, { [score.cell]: right });
    await s.update({ sheet: score.sheet, cells: [score.cell] });
    expect(s.model.findings.filter((f) => f.cell === score.cell && f.sheet === score.sheet && f.severity === 'error')).toEqual([]);
  });

  it('an inserted or deleted row, or an address that is not cells, reads the sheet again', async () => {
    const host = new MemoryHost(await data({ platforms: 3 }));
    const s = await WorkbookSession.open(host);
    const reads = host.calls.read;
    host.editStructure(DATA, { [`D${WIDE_FIRST_ROW}`]: 0.5 }, `${WIDE_FIRST_ROW}:${WIDE_FIRST_ROW}`);
    await s.update({ sheet: DATA, cells: [`${WIDE_FIRST_ROW}:${WIDE_FIRST_ROW}`], structural: true });
    expect(host.calls.read).toBe(reads + 1);
    expect(s.model.analysis.tables[0].platforms[0].indicators[1].score).toBeCloseTo((0.5 / 0.8) * 5, 12);
    await s.update({ sheet: DATA, cells: ['C:C'] });
    expect(host.calls.read).toBe(reads + 2);
  });

  it('an edit to a header reads the tables again', async () => {
    const host = new MemoryHost(await data({ platforms: 3 }));
    const s = await WorkbookSession.open(host);
    host.edit(DATA, { D3: '备注' }); // D3:D4 is one merged header cell
    await s.update({ sheet: DATA, cells: ['D3'] });
    expect(s.model.scores.find((x) => x.indicator === 2)?.score).toBeNull();
    expect(s.model.findings.some((f) => f.code === 'indicator_not_in_table')).toBe(true);
  });

  it('a fill never writes over a cell whose role is input, even with replace', async () => {
    const wbData = await data({ platforms: 3 });
    const a = analyze(wbData);
    const t = a.tables[0];
    const p = t.platforms[0];
    // a misread place that points at an input cell
    const input = p.indicators[1].inputs[0];
    if (!input) throw new Error('no input');
    const misread = { ...a, tables: [{ ...t, platforms: [{ ...p, indicators: p.indicators.map((r, i) => (i === 1 ? { ...r, place: { ref: input, existing: true } } : r)) }] }] };
    const plan = planFill(misread, { style: 'native', replace: true });
    expect(plan.batch.cells.some((c) => c.sheet === input.sheet && c.row === input.row && c.col === input.col)).toBe(false);
    expect(plan.findings.map((f) => f.code)).toContain('input_not_replaced');
  });
});

describe('large plans', () => {
  it('a fill into an existing score sheet of 2,000 platforms plans without overflowing the call stack', async () => {
    const rows = annualRows(2000);
    const wb = annualWideWorkbook(rows, { scoreSheet: rows.map((r) => r.name) });
    const s = await WorkbookSession.open(new MemoryHost(await data({ workbook: wb })));
    const plan = s.planFill({ style: 'native', replace: false });
    // every indicator score and the total of every platform, each with its record row
    expect(plan.preview.cells).toBe(2000 * 16);
    expect(plan.batch.cells.filter((c) => c.sheet === RECORD_SHEET).length).toBeGreaterThan(2000 * 16);
  });
});

describe('a session’s platform names', () => {
  it('keeps the file name it was opened with through a mapping set later, and saves the user’s name with the mapping', async () => {
    const { acceptanceVerticalWorkbook } = await import('../fixtures/workbooks');
    const host = new MemoryHost(await data({ workbook: acceptanceVerticalWorkbook().wb }));
    const s = await WorkbookSession.open(host, { fileName: '衢州智造新城2024年度评价.xlsx' });
    expect(s.model.totals.map((t) => t.platform)).toEqual(['衢州智造新城']);
    expect(s.setMapping({ sheets: { 验收评价: { columns: { I: 'ignore' } } } })).toEqual({ ok: true });
    expect(s.model.totals.map((t) => t.platform)).toEqual(['衢州智造新城']);
    expect(s.setMapping({ sheets: { 验收评价: { platform: '衢州高端电子材料平台' } } })).toEqual({ ok: true });
    expect(s.model.totals.map((t) => t.platform)).toEqual(['衢州高端电子材料平台']);
    expect((await s.apply(s.planSaveMapping())).ok).toBe(true);
    // the saved mapping travels with the workbook: a session opened anew (no file name) uses it
    const again = await WorkbookSession.open(host);
    expect(again.mapping).toEqual({ sheets: { 验收评价: { platform: '衢州高端电子材料平台' } } });
    expect(again.model.totals.map((t) => t.platform)).toEqual(['衢州高端电子材料平台']);
    // a blank name is refused, and the session keeps the name it had
    const refused = s.setMapping({ sheets: { 验收评价: { platform: ' ' } } });
    expect(refused.ok).toBe(false);
    expect(s.model.totals.map((t) => t.platform)).toEqual(['衢州高端电子材料平台']);
  });
});
