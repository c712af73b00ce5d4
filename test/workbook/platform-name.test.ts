/**
 * The rules that read a one-platform table's platform name out of a title or a workbook's file
 * name (src/workbook/read/platform-name.ts), with cases that must give no name.
 */
import { fileBaseName, isPlatformName, platformInFileName, platformInTitle } from '../../src/workbook/read/platform-name';

describe('platformInFileName', () => {
  it.each([
    ['衢州智造新城2024年度评价.xlsx', '衢州智造新城'],
    ['XX高新区新产业平台-验收.xlsx', 'XX高新区新产业平台'],
    ['2024年度衢州智造新城验收评价表.xlsx', '衢州智造新城'],
    ['湖州南太湖新材料平台.xlsx', '湖州南太湖新材料平台'],
    ['衢州高端电子材料平台数据表.xlsx', '衢州高端电子材料平台'],
    ['附件2-湖州南太湖新材料平台数据表 - 副本 (2).xlsx', '湖州南太湖新材料平台'],
    ['绍兴滨海集成电路平台(1).xlsm', '绍兴滨海集成电路平台'],
    ['杭州大数据平台验收.xlsx', '杭州大数据平台'],
    ['金华经济技术开发区_2023年度“万亩千亿”新产业平台年度评价.et', '金华经济技术开发区'],
    ['ＸＸ高新区 新产业平台 验收.xlsx', 'XX高新区新产业平台'],
  ])('%s names %s', (file, name) => {
    expect(platformInFileName(file)).toBe(name);
  });

  it.each([
    '年度评价.xlsx',
    'Book1.xlsx',
    '评分表(1).xlsx',
    '工作簿1',
    'test.xlsx',
    '验收评价-平台自评.xlsx',
    '新产业平台年度评价.xlsx',
    '万亩千亿新产业平台评价表.xlsx',
    '全省平台评分表.xlsx',
    '各平台得分汇总.xlsx',
    '2024年度评价数据 - 副本.xlsx',
    '平台.xlsx',
    '',
  ])('%s names no platform', (file) => {
    expect(platformInFileName(file)).toBeUndefined();
  });

  it('reads a path or an address as its last part, decoded', () => {
    expect(platformInFileName('C:\\数据\\2024\\衢州智造新城2024年度评价.xlsx')).toBe('衢州智造新城');
    expect(platformInFileName('https://x.sharepoint.com/Shared%20Documents/%E8%A1%A2%E5%B7%9E%E6%99%BA%E9%80%A0%E6%96%B0%E5%9F%8E2024%E5%B9%B4%E5%BA%A6%E8%AF%84%E4%BB%B7.xlsx?web=1')).toBe('衢州智造新城');
    // a folder that names a platform is not the file's name
    expect(platformInFileName('/home/u/衢州智造新城/年度评价.xlsx')).toBeUndefined();
  });
});

describe('fileBaseName', () => {
  it('is a path’s or an address’s last part, decoded; a name with a lone % stays as written', () => {
    expect(fileBaseName('/a/b/评价.xlsx')).toBe('评价.xlsx');
    expect(fileBaseName('C:\\a\\评价.xlsx')).toBe('评价.xlsx');
    expect(fileBaseName('https://h/d/%E8%AF%84%E4%BB%B7.xlsx#x')).toBe('评价.xlsx');
    expect(fileBaseName('完成率%E0%A4%A.xlsx')).toBe('完成率%E0%A4%A.xlsx');
    expect(fileBaseName('')).toBe('');
  });
});

describe('platformInTitle', () => {
  it('the words before the programme’s or the evaluation’s name, ending as a platform’s name does', () => {
    expect(platformInTitle('衢州智造新城高端电子材料平台2024年度“万亩千亿”新产业平台验收评价表')).toBe('衢州智造新城高端电子材料平台');
    expect(platformInTitle('衢州智造新城2024年度“万亩千亿”新产业平台年度评价表')).toBe('衢州智造新城');
    expect(platformInTitle('2024年度“万亩千亿”新产业平台年度评价指标完成情况表')).toBeUndefined();
    expect(platformInTitle('全省新产业平台“万亩千亿”验收评价表')).toBeUndefined();
    expect(platformInTitle('某市发改委2024年度评价表')).toBeUndefined();
  });
});

describe('isPlatformName', () => {
  it('a platform, or the area hosting it; not a column’s header', () => {
    expect(['衢州高端电子材料平台', '衢州智造新城', 'XX高新区', '金华经济技术开发区', '某某产业园'].every(isPlatformName)).toBe(true);
    expect(['2024年完成值', '完成值', '数据'].some(isPlatformName)).toBe(false);
  });
});
