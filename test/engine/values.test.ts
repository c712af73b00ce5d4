import { answerOf, errorMessage, parseInput, sheetError, toHalfWidth } from '../../src/engine';
import { vocabulary } from '../../src/rules';

const share = { kind: 'share' as const, label: '主导产业集聚度' };
const amount = { kind: 'amount' as const, label: '工业总产值' };
const yesno = { kind: 'yesno' as const, label: '挂牌' };

describe('parseInput', () => {
  it('blanks are null', () => {
    for (const b of [null, undefined, '', '   ', '\u3000']) expect(parseInput(amount, b as never)).toEqual({ ok: true, value: null });
  });
  it('numbers pass as they are', () => {
    expect(parseInput(amount, 12.5)).toEqual({ ok: true, value: 12.5 });
  });
  it('numeric text is a number with a notice', () => {
    expect(parseInput(amount, ' 123.5 ')).toMatchObject({ ok: true, value: 123.5, notice: { code: 'number_as_text' } });
    expect(parseInput(amount, '1,234.5')).toMatchObject({ ok: true, value: 1234.5 });
  });
  it('full-width digits are understood, with a notice', () => {
    expect(toHalfWidth('１２３．５')).toBe('123.5');
    expect(parseInput(amount, '１２３.５')).toMatchObject({ ok: true, value: 123.5, notice: { code: 'fullwidth' } });
  });
  it('"85%" is 0.85', () => {
    expect(parseInput(share, '85%')).toMatchObject({ ok: true, value: 0.85, notice: { code: 'percent_text' } });
    expect(parseInput(share, '８５％')).toMatchObject({ ok: true, value: 0.85 });
  });
  it('units and words are errors naming the field', () => {
    expect(parseInput(amount, '3.2亿元')).toMatchObject({ ok: false, error: { kind: 'value', reason: { code: 'unit_in_cell', field: '工业总产值' } } });
    expect(parseInput(amount, '约120')).toMatchObject({ ok: false, error: { reason: { code: 'not_number' } } });
  });
  it('yes/no accepts the answer words of the rules’ vocabulary and nothing else', () => {
    for (const y of ['是', 'TRUE', 'true', '1', '√', true, 1, '有', 'Y', 'yes', '✓', '✔', '已设立', '已制定', '已挂牌', '已建成', '已印发', ' 有 ', 'Ｙ', '已 制定', '是\u3000']) expect(parseInput(yesno, y as never)).toMatchObject({ ok: true, value: 1 });
    for (const n of ['否', 'FALSE', '0', '×', false, 0, '无', '没有', 'N', 'no', '✗', '未设立', '未制定', '未挂牌', '未建成', '未印发', '　无']) expect(parseInput(yesno, n as never)).toMatchObject({ ok: true, value: 0 });
    for (const bad of ['2', 2, '是的', '待定', '有无', '已', 'x', '部分设立']) expect(parseInput(yesno, bad as never)).toMatchObject({ ok: false, error: { reason: { code: 'not_yes_no' } } });
  });
  it('every answer word of the vocabulary is read, and no word is both yes and no', () => {
    for (const w of vocabulary.answers.yes) expect(answerOf(w)).toBe(1);
    for (const w of vocabulary.answers.no) expect(answerOf(w)).toBe(0);
    expect(vocabulary.answers.yes.filter((w) => (vocabulary.answers.no as readonly string[]).includes(w))).toEqual([]);
    expect(vocabulary.answers.yes.length).toBeGreaterThan(10);
  });
  it('a refused answer names what is accepted', () => {
    const r = parseInput(yesno, '待定');
    expect(r.ok ? '' : errorMessage(r.error.reason)).toMatch(/待定.*有\/无.*已设立\/未设立/);
  });
  it('spreadsheet errors, as values or as text, pass through with their kind', () => {
    expect(parseInput(amount, sheetError('na'))).toMatchObject({ ok: false, error: { kind: 'na', reason: { code: 'upstream' } } });
    expect(parseInput(amount, '#REF!')).toMatchObject({ ok: false, error: { kind: 'ref' } });
  });
  it('infinite numbers are errors', () => {
    expect(parseInput(amount, Infinity)).toMatchObject({ ok: false });
  });
});
