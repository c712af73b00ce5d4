/**
 * 自检 over the in-memory host: every step passes on a sound host and leaves the user's workbook
 * exactly as it was (cells, sheets, conditional formats, an earlier fill's revert record), and
 * each step FAILS on a host broken the way it checks (preconditions ignored, "00123" typed as a
 * number, formats dropped, own writes reported, writes outside the scratch sheet, a host that
 * throws …). An interrupted run leaves only the scratch sheet, which the next run removes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XlsxFileHost } from '../../src/hosts/file/xlsx';
import { MemoryHost } from '../../src/hosts/memory/host';
import { WorkbookSession } from '../../src/workbook';
import { RECORD_SHEET } from '../../src/workbook/core/sheets';
import { buildSheet, type CellWrite, type ChangedCells, type ExpectedCell, type HostCapabilities, type MarkSet, type ReadScope, type SheetRange, type WorkbookHost, type WriteBatch } from '../../src/workbook/core/model';
import {
  FUNCTION_FORMULA,
  functionExpected,
  isScratchSheet,
  outcomeReason,
  runSelfTest,
  SCRATCH_SHEET,
  SCRATCH_SHEETS,
  SCRATCH_SIGNATURE,
  selfTestPassed,
  selfTestReportText,
  SELF_TEST_MARKS,
  SELF_TEST_STEPS,
  STEP_NAMES,
  type SelfTestReport,
  type StepId,
} from '../../src/selftest';
import { runFunction } from '../../src/functions/declarations';
import { rangeAddress, areaChunks } from '../../src/hosts/shared/blocks';
import { WANMU_VERSION } from '../../src/workbook/core/version';
import { contractWorkbook } from '../helpers/host-contract';

const INFO = { name: '测试宿主', version: '1.2.3', platform: 'PC', apiSets: ['ExcelApi 1.17', 'SharedRuntime 1.1'] };
const FAST = { functions: false, wait: async () => undefined, calcTimeoutMs: 400, pollMs: 100 };

function statusOf(r: SelfTestReport, id: StepId) {
  const o = r.outcomes.find((x) => x.id === id);
  if (!o) throw new Error(`no step ${id}`);
  return o;
}

/** Statuses of the steps that did not pass, with their reasons. */
function notPassed(r: SelfTestReport): Record<string, string> {
  return Object.fromEntries(r.outcomes.filter((o) => o.status !== 'pass').map((o) => [o.id, `${o.status}: ${outcomeReason(o)}`]));
}

/** A host that passes every call to `inner` unless overridden (the broken hosts below). */
function wrap(inner: WorkbookHost, over: Partial<WorkbookHost> & { capabilities?: HostCapabilities } = {}): WorkbookHost {
  return {
    capabilities: over.capabilities ?? inner.capabilities,
    read: over.read ?? ((scope?: ReadScope) => inner.read(scope)),
    readRanges: over.readRanges ?? ((r: readonly SheetRange[]) => inner.readRanges(r)),
    write: over.write ?? ((b: WriteBatch, e: readonly ExpectedCell[]) => inner.write(b, e)),
    select: over.select ?? inner.select?.bind(inner),
    onChanged: over.onChanged ?? inner.onChanged?.bind(inner),
    setMarks: over.setMarks ?? inner.setMarks?.bind(inner),
    readMarks: over.readMarks ?? inner.readMarks?.bind(inner),
  };
}

function mapCells(b: WriteBatch, f: (c: CellWrite) => CellWrite): WriteBatch {
  return { ...b, cells: b.cells.map(f) };
}

/** The user's workbook: the contract workbook, a hidden sheet, and the user's own conditional format. */
function userHost(): MemoryHost {
  const data = contractWorkbook();
  const host = new MemoryHost({ sheets: [...data.sheets, buildSheet('备注', [{ row: 1, col: 1, cell: { value: '内部' } }], [], 'hidden')] });
  host.addConditionalFormat({ sheet: '基础数据', formula: 'B3>1000', fill: '00FF00', ranges: [{ top: 3, left: 2, bottom: 4, right: 2 }] });
  return host;
}

describe('自检 on a sound host', () => {
  it('passes every step it can (the functions step skipped where there are none) and leaves every cell, sheet and conditional format as it was', async () => {
    const host = userHost();
    const before = await host.read();
    const formats = [...host.conditionalFormats];
    const r = await runSelfTest(host, INFO, FAST);
    expect(notPassed(r)).toEqual({ functions: `skipped: ${outcomeReason(statusOf(r, 'functions'))}` });
    expect(selfTestPassed(r)).toBe(true);
    expect(await host.read()).toEqual(before);
    expect(host.conditionalFormats).toEqual(formats);
    expect((await host.read()).sheets.some((s) => isScratchSheet(s.name))).toBe(false);
  });

  it('leaves an earlier fill alone: the revert record is untouched and revert still restores the workbook', async () => {
    const file = await XlsxFileHost.open(path.resolve(__dirname, '../../examples/年度评价-培育名单.xlsx'));
    const original = await file.read();
    const host = new MemoryHost(original);
    const session = await WorkbookSession.open(host);
    const applied = await session.apply(session.planFill({ style: 'native', replace: false }));
    expect(applied.ok).toBe(true);
    const filled = await host.read();
    expect(filled.sheets.some((s) => s.name === RECORD_SHEET)).toBe(true);
    const r = await runSelfTest(host, INFO, FAST);
    expect(statusOf(r, 'unchanged').status).toBe('pass');
    expect(statusOf(r, 'revert').status).toBe('pass');
    expect(await host.read()).toEqual(filled);
    const undone = await (await WorkbookSession.open(host)).revert();
    expect(undone.exact).toBe(true);
    expect(await host.read()).toEqual(original);
  });

  it('skips, with why, what the host does not offer', async () => {
    const host = new MemoryHost(contractWorkbook(), { select: false, changeEvents: false, marks: false });
    const r = await runSelfTest(host, INFO, FAST);
    expect(Object.keys(notPassed(r)).sort()).toEqual(['events', 'functions', 'marks', 'select']);
    for (const id of ['events', 'marks', 'select'] as const) expect(statusOf(r, id)).toMatchObject({ status: 'skipped', skip: { code: 'not_offered' } });
    expect(outcomeReason(statusOf(r, 'marks'))).toContain('条件格式');
  });

  it('does not test marks when the workbook holds wanmu marks on the user’s sheets (setting marks would rewrite them)', async () => {
    const host = userHost();
    const theirs: MarkSet[] = [{ sheet: '基础数据', severity: 'error', ranges: [{ top: 3, left: 2, bottom: 3, right: 2 }] }];
    await host.setMarks(theirs);
    const formats = [...host.conditionalFormats];
    const r = await runSelfTest(host, INFO, FAST);
    expect(statusOf(r, 'marks')).toMatchObject({ status: 'skipped', skip: { code: 'marks_elsewhere', count: 1 } });
    expect(outcomeReason(statusOf(r, 'marks'))).toContain('清除标记');
    expect(host.conditionalFormats).toEqual(formats);
    expect(statusOf(r, 'unchanged').status).toBe('pass');
  });

  it('marks with an address list longer than 255 characters (Excel and WPS split it)', () => {
    const error = SELF_TEST_MARKS.find((m) => m.severity === 'error');
    expect(error?.ranges.map(rangeAddress).join(',').length).toBeGreaterThan(255);
    expect(areaChunks(error?.ranges ?? [], 255).length).toBeGreaterThan(1);
  });

  it('never deletes a user’s sheet that has a scratch sheet’s name: it fails and stops', async () => {
    const data = contractWorkbook();
    const host = new MemoryHost({ sheets: [...data.sheets, buildSheet(SCRATCH_SHEET, [{ row: 1, col: 1, cell: { value: '我的数据' } }])] });
    const before = await host.read();
    const r = await runSelfTest(host, INFO, FAST);
    expect(statusOf(r, 'prepare')).toMatchObject({ status: 'fail', failure: { code: 'sheet_name_taken', facts: { sheet: SCRATCH_SHEET } } });
    expect(outcomeReason(statusOf(r, 'prepare'))).toContain('改名');
    expect(r.outcomes.slice(1).every((o) => o.status === 'skipped')).toBe(true);
    expect(await host.read()).toEqual(before);
    expect(selfTestPassed(r)).toBe(false);
  });
});

describe('自检 after an interruption', () => {
  it('an interrupted run leaves at most the scratch sheets; the next run removes them and passes', async () => {
    const inner = userHost();
    const before = await inner.read();
    let writes = 0;
    // the host goes away after a few writes: every later call fails
    const dying = wrap(inner, {
      write: async (b, e) => {
        if (++writes > 4) throw new Error('连接已断开');
        return inner.write(b, e);
      },
    });
    const first = await runSelfTest(dying, INFO, FAST);
    expect(statusOf(first, 'cleanup')).toMatchObject({ status: 'fail', failure: { code: 'host_error', facts: { message: '连接已断开' } } });
    const left = (await inner.read()).sheets.map((s) => s.name).filter((n) => !before.sheets.some((s) => s.name === n));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every(isScratchSheet)).toBe(true);
    const again = await runSelfTest(inner, INFO, FAST);
    expect(notPassed(again)).toEqual({ functions: expect.stringMatching(/^skipped/) });
    expect(await inner.read()).toEqual(before);
  });

  it('a host that throws fails the step with its message, and the scratch sheet is still deleted', async () => {
    const inner = userHost();
    const before = await inner.read();
    const failing = wrap(inner, {
      readRanges: async () => {
        throw Object.assign(new Error('区域读取失败'), { code: 'GeneralException' });
      },
    });
    const r = await runSelfTest(failing, INFO, FAST);
    expect(statusOf(r, 'write')).toMatchObject({ status: 'fail', failure: { code: 'host_error', facts: { message: 'GeneralException: 区域读取失败' } } });
    expect(statusOf(r, 'numbers')).toMatchObject({ status: 'skipped', skip: { code: 'blocked', step: 'write' } });
    expect(statusOf(r, 'cleanup').status).toBe('pass');
    expect(statusOf(r, 'unchanged').status).toBe('pass');
    expect(await inner.read()).toEqual(before);
  });
});

describe('自检 fails on a broken host', () => {
  it('one that ignores preconditions', async () => {
    const inner = userHost();
    const r = await runSelfTest(wrap(inner, { write: (b) => inner.write(b, []) }), INFO, FAST);
    expect(statusOf(r, 'precondition')).toMatchObject({ status: 'fail', failure: { code: 'precondition_ignored', facts: { cell: 'B12' } } });
    expect(outcomeReason(statusOf(r, 'precondition'))).toContain('覆盖用户');
  });

  it('one that refuses but loses the user’s value', async () => {
    const inner = userHost();
    const r = await runSelfTest(
      wrap(inner, {
        write: async (b, e) => {
          const out = await inner.write(b, e);
          // a half-done restore: the refused write's first cell keeps what it wrote
          if (!out.ok) await inner.write({ ...b, addSheets: [], cells: b.cells.filter((c) => c.sheet === SCRATCH_SHEET).slice(0, 1) }, []);
          return out;
        },
      }),
      INFO,
      FAST,
    );
    expect(statusOf(r, 'precondition')).toMatchObject({ status: 'fail', failure: { code: 'cells_differ' } });
    expect(outcomeReason(statusOf(r, 'precondition'))).toContain('B12 应为文本“用户改过”,读回为文本“wanmu写入”');
  });

  it('one that types "00123" as a number', async () => {
    const inner = userHost();
    const numeric = (c: CellWrite): CellWrite => (typeof c.value === 'string' && /^-?\d+(\.\d+)?(e\d+)?$/i.test(c.value) ? { ...c, value: Number(c.value) } : c);
    const r = await runSelfTest(wrap(inner, { write: (b, e) => inner.write(mapCells(b, numeric), e) }), INFO, FAST);
    expect(statusOf(r, 'text')).toMatchObject({ status: 'fail', failure: { code: 'cells_differ' } });
    expect(outcomeReason(statusOf(r, 'text'))).toContain('B5 应为文本“00123”,读回为数字 123');
    expect(statusOf(r, 'numbers').status).toBe('pass');
  });

  it('one that drops number formats', async () => {
    const inner = userHost();
    const r = await runSelfTest(wrap(inner, { write: (b, e) => inner.write(mapCells(b, ({ numFmt: _, ...c }) => c), e) }), INFO, FAST);
    expect(statusOf(r, 'formats')).toMatchObject({ status: 'fail' });
    expect(outcomeReason(statusOf(r, 'formats'))).toContain('B6 应为数字 0.72,数字格式 0.00%,读回为数字 0.72');
  });

  it('one whose formulas never calculate (Excel in manual calculation) fails after the bounded wait', async () => {
    const inner = userHost();
    let waits = 0;
    const r = await runSelfTest(wrap(inner, { write: (b, e) => inner.write(mapCells(b, ({ result: _, ...c }) => c), e) }), INFO, { ...FAST, wait: async () => void waits++ });
    expect(statusOf(r, 'formulas')).toMatchObject({ status: 'fail', failure: { code: 'cells_differ', facts: { waitedMs: 400 } } });
    expect(waits).toBeGreaterThanOrEqual(4);
    expect(outcomeReason(statusOf(r, 'formulas'))).toContain('已等待计算 0.4 秒');
  });

  it('one that reports its own writes as the user’s edits', async () => {
    const inner = userHost();
    const listeners = new Set<(c: ChangedCells) => void>();
    const r = await runSelfTest(
      wrap(inner, {
        write: async (b, e) => {
          const out = await inner.write(b, e);
          for (const c of b.cells) for (const l of listeners) l({ sheet: c.sheet, cells: [`R${c.row}C${c.col}`] });
          return out;
        },
        onChanged: (l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
      }),
      INFO,
      FAST,
    );
    expect(statusOf(r, 'events')).toMatchObject({ status: 'fail', failure: { code: 'own_write_reported' } });
  });

  it('one that writes outside the scratch sheet', async () => {
    const inner = userHost();
    const r = await runSelfTest(wrap(inner, { write: (b, e) => inner.write({ ...b, cells: [...b.cells, ...(b.cells.length > 0 ? [{ sheet: '基础数据', row: 30, col: 1, value: 'x' }] : [])] }, e) }), INFO, FAST);
    expect(statusOf(r, 'unchanged')).toMatchObject({ status: 'fail', failure: { code: 'workbook_changed', facts: { sheets: ['基础数据'], cells: ['基础数据!A30'], count: 1, reordered: false } } });
    expect(outcomeReason(statusOf(r, 'unchanged'))).toContain('“基础数据”');
  });

  it('one whose marks do not take, or do not clear', async () => {
    const inner = userHost();
    const none = await runSelfTest(wrap(inner, { setMarks: async () => undefined }), INFO, FAST);
    expect(statusOf(none, 'marks')).toMatchObject({ status: 'fail', failure: { code: 'marks_differ', facts: { found: 0 } } });
    const sticky = userHost();
    const kept = await runSelfTest(wrap(sticky, { setMarks: async (m) => (m.length > 0 ? sticky.setMarks(m) : undefined) }), INFO, FAST);
    expect(statusOf(kept, 'marks')).toMatchObject({ status: 'fail', failure: { code: 'marks_not_cleared' } });
  });

  it('one that cannot delete sheets', async () => {
    const inner = userHost();
    const r = await runSelfTest(wrap(inner, { write: (b, e) => inner.write({ ...b, deleteSheets: [] }, e) }), INFO, FAST);
    expect(statusOf(r, 'revert')).toMatchObject({ status: 'fail', failure: { code: 'sheets_left' } });
    expect(statusOf(r, 'cleanup')).toMatchObject({ status: 'fail', failure: { code: 'sheets_left' } });
    expect(statusOf(r, 'unchanged')).toMatchObject({ status: 'fail', failure: { code: 'workbook_changed' } });
  });

  it('one whose clear leaves the cell (revert does not restore)', async () => {
    const inner = userHost();
    const r = await runSelfTest(wrap(inner, { write: (b, e) => inner.write({ ...b, cells: b.cells.filter((c) => !c.clear) }, e) }), INFO, FAST);
    expect(statusOf(r, 'revert')).toMatchObject({ status: 'fail', failure: { code: 'cells_differ' } });
    expect(outcomeReason(statusOf(r, 'revert'))).toContain('E16 应为空');
  });
});

describe('自检 of WANMU.ANNUAL', () => {
  /** The memory host calculating WANMU.ANNUAL with `calc` on write (as Excel with the functions loaded would). */
  function calculating(calc: (formula: string) => number | string | undefined) {
    const inner = userHost();
    return wrap(inner, { write: (b, e) => inner.write(mapCells(b, (c) => (c.formula?.startsWith('WANMU.') ? { ...c, result: calc(c.formula) } : c)), e) });
  }

  it('expects what the engine computes', () => {
    expect(FUNCTION_FORMULA).toBe('WANMU.ANNUAL(2,0.72)');
    expect(functionExpected()).toBe(runFunction('ANNUAL', [2, 0.72]));
  });

  it('passes where the host computes it', async () => {
    const r = await runSelfTest(calculating(() => functionExpected()), INFO, { ...FAST, functions: true });
    expect(statusOf(r, 'functions').status).toBe('pass');
  });

  it('fails where the host computes something else, or nothing (#NAME?)', async () => {
    const wrong = await runSelfTest(calculating(() => functionExpected() + 1), INFO, { ...FAST, functions: true });
    expect(statusOf(wrong, 'functions')).toMatchObject({ status: 'fail', failure: { code: 'function_wrong', facts: { expected: functionExpected() } } });
    const name = await runSelfTest(new MemoryHost(contractWorkbook()), INFO, { ...FAST, functions: true });
    expect(statusOf(name, 'functions')).toMatchObject({ status: 'fail', failure: { code: 'function_wrong' } });
    expect(outcomeReason(statusOf(name, 'functions'))).toContain('WANMU 函数可能未加载');
  });
});

describe('自检 report', () => {
  it('says when, which versions and API sets, and each step with its time and any reason', async () => {
    let t = Date.UTC(2025, 2, 1, 1, 2, 3);
    const inner = userHost();
    const r = await runSelfTest(wrap(inner, { write: (b) => inner.write(b, []) }), INFO, { ...FAST, now: () => (t += 7) });
    const text = selfTestReportText(r);
    expect(text).toMatch(/^万亩千亿评分助手 自检报告\n时间:\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\n/);
    expect(text).toContain(`本工具版本:${WANMU_VERSION}`);
    expect(text).toContain('表格程序:测试宿主 1.2.3(PC)');
    expect(text).toContain('API 集:ExcelApi 1.17、SharedRuntime 1.1');
    expect(text).toContain('结果:未通过(通过 16 项,失败 1 项,跳过 1 项)');
    for (const s of SELF_TEST_STEPS) expect(text).toContain(STEP_NAMES[s.id]);
    expect(text).toContain(`[失败] ${STEP_NAMES.precondition}(7 毫秒)\n   单元格 B12`);
    expect(text).toContain('把报告发给技术支持');
    expect(r.outcomes.every((o) => o.ms === 7)).toBe(true);
  });

  it('reports progress after every step', async () => {
    const seen: number[] = [];
    const r = await runSelfTest(userHost(), INFO, FAST, (p) => seen.push(p.outcomes.length));
    expect(seen).toEqual(SELF_TEST_STEPS.map((_, i) => i + 1));
    expect(r.done).toBe(true);
  });

  it('the scratch sheets are named so that a re-run knows them, and signed', () => {
    expect(SCRATCH_SHEETS.every((n) => n.startsWith('wanmu自检') && n.length <= 31)).toBe(true);
    expect(SCRATCH_SIGNATURE).toContain('可删除');
  });

  it('the add-in’s version is package.json’s and the manifest’s', () => {
    const root = path.resolve(__dirname, '../..');
    expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version).toBe(WANMU_VERSION);
    expect(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8')).toContain(`<Version>${WANMU_VERSION}.0</Version>`);
  });
});
