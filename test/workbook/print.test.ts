/**
 * The result sheet as it is printed: LibreOffice renders the filled workbook to PDF
 * (`soffice --convert-to pdf`), and the pages of 评分结果 (those with its footer) are read back as
 * text with poppler's pdftotext: no cell shows "###", every page is landscape, every column fits
 * one page wide (the last columns, 排名 and 说明, are on the first page), the header rows head every
 * page, and a score that cannot be computed shows "—" with its reason.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { annualRows, annualWideWorkbook, WIDE_FIRST_ROW } from '../fixtures/workbooks';
import { fill, libreOfficeProfile } from '../helpers/workbook';

let profile: string;
beforeAll(() => {
  execFileSync('soffice', ['--version'], { stdio: 'pipe' }); // fails loudly when LibreOffice is missing
  execFileSync('pdftotext', ['-v'], { stdio: 'pipe' }); // poppler-utils
  profile = libreOfficeProfile();
});

function pdfOf(file: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-pdf-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'pipe', timeout: 180000 });
  return path.join(out, path.basename(file).replace(/\.xlsx$/, '.pdf'));
}

/** Each page's text, and each page's size in points. */
function pages(pdf: string): { text: string; width: number; height: number }[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[2]), height: Number(m[3]) }));
  return sizes.map((s, i) => ({ text: text[i] ?? '', ...s }));
}

const FOOTER = /第 (\d+) 页,共 (\d+) 页/;

describe('the 评分结果 sheet printed (LibreOffice → PDF)', () => {
  it('fits one landscape page wide, repeats its header, shows no ###, and says why a score is missing', async () => {
    const rows = annualRows(240);
    const wb = annualWideWorkbook(rows);
    const ws = wb.getWorksheet('培育名单数据') as ExcelJS.Worksheet;
    // amounts in 万元 with thousands separators: the min/max rows show them in this format, whole
    ws.getCell('C3').value = '年度工业产值或者营业收入(万元)';
    rows.forEach((r, i) => {
      const c = ws.getCell(`C${WIDE_FIRST_ROW + i}`);
      c.value = Math.round((r.values[0] as number) * 10000 * 37.3);
      c.numFmt = '#,##0.00';
    });
    ws.getCell(`D${WIDE_FIRST_ROW + 1}`).value = 85; // a share above 100 %: indicator 2 cannot be scored
    const { file } = await fill(wb);
    const all = pages(pdfOf(file));
    const result = all.filter((p) => FOOTER.test(p.text));
    // 240 platforms do not fit one page: several pages, numbered (LibreOffice numbers the pages of the whole print)
    expect(result.length).toBeGreaterThan(1);
    const numbers = result.map((p) => Number(FOOTER.exec(p.text)?.[1]));
    numbers.forEach((n, i) => expect(n).toBe(numbers[0] + i));
    for (const p of result) {
      expect(p.text).not.toContain('###');
      expect(p.width).toBeGreaterThan(p.height);
      // the header rows on every page
      expect(p.text).toContain('平台名称');
      expect(p.text).toContain('总分');
    }
    // one page wide: the last columns are on the first page, and every page starts a new set of rows
    expect(result[0].text).toContain('排名');
    expect(result[0].text).toContain('说明');
    expect(result[0].text).toContain('1 项指标无法计分');
    expect(result[0].text).toContain('—');
    const last = result[result.length - 1].text;
    expect(last).toContain('培育名单最小值');
    expect(last).toMatch(/\d{1,3}(,\d{3})+\.\d{2}/);
  }, 240000);
});
