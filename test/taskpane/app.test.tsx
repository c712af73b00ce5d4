/**
 * @jest-environment jsdom
 *
 * The task pane's components against a real WorkbookSession over the in-memory host (which plays
 * the user with edit()): counts, findings and selection, explain, fill preview/apply/revert,
 * role changes (the mapping), edits re-checked, and what is offered where WANMU functions cannot run.
 */
import '../helpers/jsdom-setup';
import { FILE_ENV, mount, renderPane, type MountOptions } from '../helpers/pane';
import { data, type DataOptions } from '../helpers/data';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { waitForOffice } from '../../src/taskpane/officeReady';
import { EXCEL_NO_FUNCTIONS_NOTE as EXCEL_NOTE } from '../../src/taskpane/office';
import type { Environment } from '../../src/taskpane/state/context';
import { paneSurface } from '../../src/taskpane/surface';
import { downloadName } from '../../src/taskpane/components/FileBar';
import { groupByDepartment } from '../../src/workbook/session/extras';
import { renderDepartment } from '../../src/workbook/text/catalogue';
import { MAPPING_SHEET } from '../../src/workbook/core/sheets';
import { MemoryHost } from '../../src/hosts/memory/host';
import { a1 } from '../../src/workbook/core/address';
import { renderFinding, WorkbookSession } from '../../src/workbook';
import * as path from 'path';

const DATA = '培育名单数据';
const WIDE_FIRST_ROW = 5;
const EXAMPLE = path.resolve(__dirname, '../../examples/年度评价-培育名单.xlsx');
const OFFICE_ENV: Environment = { mode: 'host', hostName: 'Excel', customFunctions: true, noFunctionsNote: EXCEL_NOTE, selection: null };

/** The example 培育名单 with one input blanked (D5: 主导产业集聚度 of the first platform). */
const BLANKED: DataOptions = { file: EXAMPLE, edits: { [`D${WIDE_FIRST_ROW}`]: null } };
/** The pane as Excel shows it (the default here). */
const IN_EXCEL: MountOptions = { env: OFFICE_ENV };

function count(label: string): number {
  const group = screen.getByRole('group', { name: '检查结果概览' });
  const el = within(group).getByText(label).previousSibling as HTMLElement;
  return Number(el.textContent);
}

describe('task pane', () => {
  it('shows the check at a glance: errors, warnings, scores computed and withheld, as the session has them', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, IN_EXCEL);
    const model = store.getState().model!;
    expect(count('错误')).toBe(model.findings.filter((f) => f.severity === 'error').length);
    expect(count('警告')).toBe(model.findings.filter((f) => f.severity === 'warning').length);
    expect(count('已计算得分')).toBe(model.scores.filter((s) => s.score !== null).length);
    expect(count('暂不计分')).toBe(model.scores.filter((s) => s.score === null).length);
    expect(count('暂不计分')).toBeGreaterThan(0);
    // what was left undone is said in words beside the counts
    const unscored = new Set(model.scores.filter((s) => s.score === null).map((s) => `${s.evaluation}|${s.sheet}|${s.indicator}`)).size;
    expect(screen.getByLabelText('未完成的工作').textContent).toContain(`${unscored} 项指标无法计分`);
    expect(screen.getByRole('status').textContent).toBe('已连接:Excel');
  });

  it('lists findings in the pane’s words; a click and 下一个 select the cell in the host', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, IN_EXCEL);
    const findings = store.getState().model!.findings;
    expect(findings.length).toBeGreaterThan(0);
    // open every group, then click the first finding
    for (const h of screen.getAllByRole('button', { expanded: false })) fireEvent.click(h);
    const first = findings.find((f) => screen.queryByText(renderFinding(f, paneSurface), { exact: false }));
    expect(first).toBeDefined();
    fireEvent.click(screen.getAllByText(renderFinding(first!, paneSurface), { exact: false })[0]);
    await waitFor(() => expect(host.selection).not.toBeNull());
    const before = host.calls.select;
    fireEvent.click(screen.getByRole('button', { name: '下一个' }));
    await waitFor(() => expect(host.calls.select).toBe(before + 1));
    expect(screen.getByText(/第 \d+ \/ \d+ 条/)).toBeTruthy();
  });

  it('explains a score cell: indicator, 评分标准, inputs with cells and values, arithmetic', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, IN_EXCEL);
    fireEvent.click(screen.getByRole('tab', { name: '解释' }));
    const row = WIDE_FIRST_ROW + 1;
    fireEvent.change(screen.getByPlaceholderText('如 D5'), { target: { value: `D${row}` } });
    fireEvent.click(screen.getByRole('button', { name: '解释' }));
    const ex = store.getState().session!.explain(DATA, `D${row}`)!;
    await screen.findByText(`评分标准:${ex.standard}`);
    expect(screen.getByRole('note', { name: '计算' }).textContent).toContain(ex.text.split('\n')[0]);
    expect(screen.getAllByText(`${DATA}!D${row}`).length).toBeGreaterThan(0);
  });

  it('previews a fill, applies it in one write, and 撤销填写 restores the workbook exactly', async () => {
    const original = await data(BLANKED);
    const host = new MemoryHost(original);
    const { store } = await mount(host, IN_EXCEL);
    fireEvent.click(screen.getByRole('tab', { name: '填写' }));
    const plan = store.getState().session!.planFill({ style: 'native', replace: false });
    await screen.findByText(`将写入 ${plan.preview.cells} 个单元格。`);
    expect(screen.getByText(`新增工作表:${plan.preview.addSheets.join('、')}`)).toBeTruthy();
    expect(screen.getByText(new RegExp(`^写入位置:.*“${plan.preview.addSheets[0]}” \\d+ 个`))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '填写得分' }));
    await screen.findByText(`已填写 ${plan.written} 个单元格`);
    expect(host.calls.write).toBe(1);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(plan.preview.addSheets));
    fireEvent.click(screen.getByRole('button', { name: '撤销填写' }));
    await screen.findByText(/^已撤销填写:/);
    expect(await host.read()).toEqual(await new MemoryHost(original).read());
  });

  it('says the fill was refused when the user changed a target cell after the preview', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, IN_EXCEL);
    const s = store.getState().session!;
    // a fill into sheets of its own has no existing target; filling again, over the scores written
    // the first time, has
    await act(() => store.apply(s.planFill({ style: 'values', replace: false })));
    expect(store.getState().last?.kind).toBe('fill');
    const plan = s.planFill({ style: 'values', replace: true });
    const target = plan.expected[0];
    expect(target).toBeDefined();
    // the user's edit is reported to the pane, which re-checks (inside act: it updates the pane)
    await act(async () => {
      host.edit(target.sheet, { [a1(target.row, target.col)]: 'changed' });
      await store.settled();
    });
    await act(() => store.apply(plan));
    expect(store.getState().last?.kind).toBe('refused');
  });

  it('re-checks after the user edits an input (the host reports the change)', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, IN_EXCEL);
    const withheld = count('暂不计分');
    await act(async () => {
      host.edit(DATA, { [`D${WIDE_FIRST_ROW}`]: 0.5 });
      await store.settled();
    });
    await waitFor(() => expect(count('暂不计分')).toBeLessThan(withheld));
  });

  it('a 培育名单 in batches: 识别结果 scores the sheets apart on request, and back as one', async () => {
    const file = path.resolve(__dirname, '../fixtures/office/layouts/annual-batches.xlsx');
    const host = new MemoryHost(await data({ file }));
    const { store } = await mount(host, IN_EXCEL);
    expect(store.getState().model!.analysis.tables.map((t) => [t.layout.sheet, ...(t.layout.batchSheets ?? [])])).toEqual([['第一批', '第二批']]);
    // the note says what to click, in the pane's words
    const note = store.getState().model!.findings.find((f) => f.code === 'cohort_batches');
    expect(note && renderFinding(note, paneSurface)).toContain('“各表分别评分”');
    fireEvent.click(screen.getByRole('tab', { name: '识别结果' }));
    fireEvent.click(await screen.findByRole('button', { name: '各表分别评分' }));
    await waitFor(() => expect(store.getState().model!.analysis.tables.map((t) => t.layout.sheet)).toEqual(['第一批', '第二批']));
    await waitFor(() => expect(store.getState().busy).toBeNull());
    fireEvent.click((await screen.findAllByRole('button', { name: '培育名单按自动识别' }))[0]);
    await waitFor(() => expect(store.getState().model!.analysis.tables).toHaveLength(1));
  });

  it('changing a column’s role in 识别结果 re-analyzes with the mapping, marked 用户指定', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, IN_EXCEL);
    fireEvent.click(screen.getByRole('tab', { name: '识别结果' }));
    // the example's 12 platforms are rows 5–16 under the header in row 4
    expect(screen.getByText(/区域 A4:[A-Z]+16,12 个平台/)).toBeTruthy();
    const select = (await screen.findAllByRole('combobox')).find((el) => el.id === `role-${DATA}-4`) as HTMLSelectElement;
    expect(select).toBeDefined();
    // D is read as 主导产业集聚度's input; the user says it is the 年度工业产值 input instead
    const other = [...select.options].find((o) => o.value !== select.value && o.text.startsWith('输入“') && o.text.includes('(年度工业产值'));
    expect(other).toBeDefined();
    fireEvent.change(select, { target: { value: other!.value } });
    await waitFor(() => expect(store.getState().mapping.sheets[DATA]?.columns?.D).toEqual(JSON.parse(other!.value)));
    await screen.findAllByText('用户指定');
    const d = store.getState().model!.analysis.tables[0].layout.columns[0].decisions.find((x) => x.col === 4);
    expect(d?.evidence.map((e) => e.kind)).toContain('mapping');
    // C already holds that input, so D is now read as a duplicate: no longer 主导产业集聚度's input
    expect(d?.role).not.toEqual({ kind: 'input', indicator: 1, field: 0 });
    // saved with the workbook: a new session on the same host reads it back
    await waitFor(() => expect(store.getState().busy).toBeNull());
    expect((await host.read()).sheets.find((s) => s.name === MAPPING_SHEET)?.state).toBe('veryHidden');
    const again = await WorkbookSession.open(host);
    expect(again.mapping?.sheets[DATA]?.columns?.D).toEqual(JSON.parse(other!.value));
  });

  it('offers native formulas where the Excel lacks custom functions, and says why', async () => {
    const host = new MemoryHost(await data(BLANKED));
    await mount(host, { env: { ...OFFICE_ENV, customFunctions: false } });
    fireEvent.click(screen.getByRole('tab', { name: '填写' }));
    expect((screen.getByLabelText('WANMU 函数') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('普通公式(推荐)') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/不支持自定义函数/)).toBeTruthy();
  });

  it('lists missing data by department (待补数据)', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, { env: FILE_ENV, status: '未在 Excel 中运行' });
    const groups = groupByDepartment(store.getState().session!.missingInputs());
    expect(groups.length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('tab', { name: '待补数据' }));
    for (const g of groups) expect(screen.getByText(renderDepartment(g))).toBeTruthy();
    expect(groups.flatMap((g) => g.items).some((m) => m.cell?.cell === `D${WIDE_FIRST_ROW}`)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '导出为工作表' }));
    await screen.findByText('已导出“待补数据”工作表');
    expect((await host.read()).sheets.length).toBeGreaterThan(1);
  });

  it('converts WANMU formulas to native ones and inserts a blank template (转换与模板)', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, IN_EXCEL);
    await act(() => store.apply(store.getState().session!.planFill({ style: 'wanmu', replace: false })));
    fireEvent.click(screen.getByRole('tab', { name: '转换与模板' }));
    const n = store.getState().session!.planConvert('native').preview.cells;
    expect(n).toBeGreaterThan(0);
    await screen.findByText(`将转换 ${n} 个单元格。`);
    fireEvent.click(screen.getByRole('button', { name: '转为普通公式' }));
    await screen.findByText(`已转换 ${n} 个单元格`);
    const after = await host.read();
    const formulas = after.sheets.flatMap((s) => [...s.rows.values()].flatMap((r) => [...r.values()])).map((c) => c.formula ?? '');
    expect(formulas.some((f) => /WANMU\./i.test(f))).toBe(false);
    const sheets = after.sheets.length;
    fireEvent.click(screen.getByRole('button', { name: '插入模板' }));
    await screen.findByText('已插入空白模板');
    expect((await host.read()).sheets.length).toBe(sheets + 1);
  });

  it('names a downloaded copy after the file', () => {
    expect(downloadName('年度评价.xlsx')).toBe('年度评价-已评分.xlsx');
    expect(downloadName('a.XLSX')).toBe('a-已评分.xlsx');
    expect(downloadName('年度评价.xlsx', 'reverted')).toBe('年度评价-已撤销.xlsx');
    expect(downloadName('年度评价.xlsx', 'marked')).toBe('年度评价-已标记.xlsx');
    expect(downloadName('年度评价.xlsx', null)).toBe('年度评价-副本.xlsx');
  });

  it('reports the Office host once Office.onReady settles', async () => {
    await expect(waitForOffice(1000, { onReady: async () => ({ host: 'Excel' }) })).resolves.toEqual({ kind: 'office', host: 'Excel' });
  });

  it('does not wait forever when office.js never becomes ready', async () => {
    await expect(waitForOffice(20, { onReady: () => new Promise(() => undefined) })).resolves.toEqual({ kind: 'none', reason: 'timeout' });
    await expect(waitForOffice(20, undefined)).resolves.toEqual({ kind: 'none', reason: 'no-office-js' });
  });

  it('opens a session on the same data the store shows', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const { store } = await mount(host, IN_EXCEL);
    const direct = await WorkbookSession.open(new MemoryHost(await data(BLANKED)));
    expect(store.getState().model!.scores).toEqual(direct.model.scores);
  });
});

describe('task pane: findings by indicator', () => {
  it('groups a finding about an input cell under that input’s indicator', async () => {
    const host = new MemoryHost(await data(BLANKED));
    // 主导产业集聚度 entered as 91 (a share must be a decimal): an input error at D6
    host.edit(DATA, { [`D${WIDE_FIRST_ROW + 1}`]: 91 });
    await mount(host, IN_EXCEL);
    expect(screen.getAllByText(/年度评价 · 2\. 主导产业集聚度/).length).toBeGreaterThan(0);
  });
});

describe('task pane: failures are shown, not lost', () => {
  it('says in Chinese that the workbook could not be read, with the reason', async () => {
    const host = new MemoryHost(await data(BLANKED));
    const broken: typeof host = Object.assign(Object.create(host) as MemoryHost, {
      read: async () => {
        throw new Error('工作表受保护');
      },
    });
    const store = renderPane(FILE_ENV, '未在 Excel 中运行');
    await act(() => store.open({ kind: 'file', host: broken, name: 'x.xlsx' }));
    expect(await screen.findByText('读取工作簿失败:工作表受保护')).toBeTruthy();
    expect(screen.queryByRole('tab', { name: '检查' })).toBeNull();
  });
});
