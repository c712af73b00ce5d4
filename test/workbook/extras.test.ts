/**
 * What the pane offers beyond check and fill, through the session: WANMU.* formulas turned into
 * native ones (LibreOffice computes the same scores), a blank issued table, missing inputs by
 * department (as a list and as a sheet), chart data, and a mapping saved with the workbook.
 */
import * as path from 'path';
import { execFileSync } from 'child_process';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { MemoryHost } from '../../src/hosts/memory/host';
import { groupByDepartment } from '../../src/workbook';
import { a1 } from '../../src/workbook/core/address';
import { WorkbookSession } from '../../src/workbook/session/session';
import { acceptanceVerticalWorkbook, annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { cell, libreOfficeProfile, recalc } from '../helpers/workbook';
import { data } from '../helpers/data';
import * as fs from 'fs';
import * as os from 'os';
import ExcelJS from 'exceljs';

const OFFICE = path.join(__dirname, '..', 'fixtures', 'office');

describe('session extras', () => {
  it('turns correct WANMU.* formulas into native formulas with the same scores, and revert restores them', async () => {
    const file = path.join(OFFICE, 'annual-wanmu-functions.xlsx');
    const input = await (await XlsxFileHost.open(file)).read();
    const host = await XlsxFileHost.open(file);
    const s = await WorkbookSession.open(host);
    const plan = s.planConvert('native');
    const converted = plan.batch.cells.filter((c) => c.formula !== undefined && c.sheet === '评分');
    expect(converted.length).toBeGreaterThan(50);
    expect(converted.every((c) => !/WANMU\./.test(c.formula as string))).toBe(true);
    expect((await s.apply(plan)).ok).toBe(true);
    expect(s.model.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-convert-'));
    const out = path.join(dir, 'native.xlsx');
    await host.save(out);
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    const re = await (await XlsxFileHost.open(recalc(out, libreOfficeProfile()))).read();
    const wrong = converted.filter((c) => {
      const v = cell(re, c.sheet, a1(c.row, c.col))?.value;
      return !(typeof v === 'number' && Math.abs(v - (c.result as number)) < 1e-9);
    });
    expect(wrong).toEqual([]);
    const again = await XlsxFileHost.open(out);
    expect((await (await WorkbookSession.open(again)).revert()).exact).toBe(true);
    const back = await again.read();
    expect(back.sheets.find((x) => x.name === '评分')?.rows).toEqual(input.sheets.find((x) => x.name === '评分')?.rows);
  });

  it('inserts a blank 附件3 table that passes its own check; revert removes it', async () => {
    const host = new MemoryHost(await data({ platforms: 3 }));
    const s = await WorkbookSession.open(host);
    await s.apply(s.planTemplate('annual', 2));
    const t = s.model.analysis.tables.find((x) => x.layout.sheet === '年度评价');
    expect(t?.platforms.map((p) => p.name)).toEqual(['平台1', '平台2']);
    expect(s.model.findings.filter((f) => f.sheet === '年度评价' && f.severity === 'error')).toEqual([]);
    await s.revert();
    expect((await host.read()).sheets.map((x) => x.name)).toEqual(['培育名单数据']);
  });

  it('lists missing inputs by department: blank required cells and absent columns', async () => {
    const wb = annualWideWorkbook(annualRows(3));
    const ws = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
    ws.getCell(`AB${WIDE_FIRST_ROW}`).value = null; // 迟报或漏报次数: required
    ws.getCell('D3').value = '备注'; // no 主导产业集聚度 column at all (D3:D4 is one header cell)
    const s = await WorkbookSession.open(new MemoryHost(await data({ workbook: wb })));
    const missing = s.missingInputs();
    const late = missing.filter((m) => m.indicator === 14);
    expect(late.map((m) => [m.platform, m.cell?.cell])).toEqual([[annualRows(3)[0].name, `AB${WIDE_FIRST_ROW}`]]);
    expect(late[0].departments).toEqual(['市发改委', '智造新城管委会', '各相关部门']);
    expect(missing.filter((m) => m.indicator === 2).map((m) => m.cell)).toEqual([null, null, null]);
    const groups = groupByDepartment(missing);
    // each missing input once (not once per department), under the lead department; the cohort has no
    // 责任分工 column, so the names are the issued document's, for reference
    const items = groups.flatMap((g) => g.items);
    expect(items).toHaveLength(missing.length);
    expect(items.filter((x) => x.indicator === 2)).toHaveLength(3);
    const lead = late[0].departments[0];
    expect(groups.find((g) => g.department === lead)?.items.some((x) => x.indicator === 14)).toBe(true);
    expect(groups.every((g) => g.reference)).toBe(true);
    expect(groups.length).toBeGreaterThan(0);
    const plan = s.planMissingSheet();
    expect(plan.preview.addSheets).toEqual(['待补数据']);
    expect(plan.batch.cells.filter((c) => c.sheet === '待补数据' && c.col === 1 && c.row > 1).length).toBe(groups.reduce((n, g) => n + g.items.length, 0));
  });

  it('待补数据 of an issued table groups by the workbook’s own 责任分工 cells, each input once', async () => {
    const { wb } = acceptanceVerticalWorkbook();
    const ws = wb.worksheets[0];
    // find the row of indicator 1 and blank its value; the workbook names its own department
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(2).value === 1) row = n;
    });
    ws.getCell(row, 7).value = null;
    ws.getCell(row, 6).value = '新区经济发展局、新区统计分局';
    const s = await WorkbookSession.open(new MemoryHost(await data({ workbook: wb })));
    const missing = s.missingInputs().filter((m) => m.indicator === 1);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ departments: ['新区经济发展局', '新区统计分局'], reference: false });
    const groups = groupByDepartment(s.missingInputs());
    expect(groups.find((g) => g.department === '新区经济发展局')?.reference).toBe(false);
  });

  it('gives each platform’s scores by 一级指标 for charts', async () => {
    const s = await WorkbookSession.open(new MemoryHost(await data({ platforms: 4 })));
    const [t] = s.chartData();
    expect(t.platforms).toHaveLength(4);
    expect(t.platforms[0].groups.map((g) => g.name)).toEqual(['产业培育', '项目招引', '企业培育', '创新能力', '平台建设', '工作推进']);
    expect(t.platforms[0].total).toBe(s.model.totals[0].total);
  });

  it('a mapping set in the pane is saved with the workbook and used when it is opened again', async () => {
    const wb = annualWideWorkbook(annualRows(3), { title: false, twoRows: false });
    (wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet).getCell(1, 3).value = '今年产出';
    const host = new MemoryHost(await data({ workbook: wb }));
    const s = await WorkbookSession.open(host);
    expect(s.model.scores.find((x) => x.indicator === 1)?.score).toBeNull();
    expect(s.setMapping({ sheets: { 培育名单数据: { columns: { C: { indicator: 1 } } } } })).toEqual({ ok: true });
    expect(s.model.scores.find((x) => x.indicator === 1)?.score).not.toBeNull();
    await s.apply(s.planSaveMapping());
    const reopened = await WorkbookSession.open(host);
    expect(reopened.mapping).toEqual({ sheets: { 培育名单数据: { columns: { C: { indicator: 1 } } } } });
    expect(reopened.model.scores.find((x) => x.indicator === 1)?.score).not.toBeNull();
    // the mapping's own sheet is never read as data
    expect(reopened.model.analysis.sheets.filter((x) => x.role !== 'record').map((x) => x.sheet)).toEqual(['培育名单数据']);
    expect(s.setMapping({ sheets: { x: { columns: { C: { indicator: 99 } } } } }).ok).toBe(false);
  });
});
