/**
 * A mapping's platform names: set and taken back without touching the rest of the mapping, a
 * blank name refused in Chinese, and mappings saved before platform names existed still read.
 */
import { MappingSchema, withPlatformName, type Mapping } from '../../src/workbook/check/mapping';
import { checkPlatformName } from '../../src/workbook/session/mapping';

describe('withPlatformName', () => {
  const base: Mapping = { sheets: { 验收评价: { evaluation: 'acceptance', columns: { I: 'ignore' } }, 第二批: { cohort: 'own' } } };

  it('names a sheet’s platform (trimmed), keeping the sheet’s other settings and the other sheets', () => {
    const next = withPlatformName(base, '验收评价', ' 衢州智造新城 ');
    expect(next).toEqual({ sheets: { 验收评价: { evaluation: 'acceptance', columns: { I: 'ignore' }, platform: '衢州智造新城' }, 第二批: { cohort: 'own' } } });
    expect(base.sheets.验收评价).not.toHaveProperty('platform');
    expect(withPlatformName(base, '自评表', '衢州智造新城').sheets.自评表).toEqual({ platform: '衢州智造新城' });
  });

  it('back to the recognized name: the entry goes, and a sheet left with nothing goes too', () => {
    expect(withPlatformName(withPlatformName(base, '验收评价', '衢州智造新城'), '验收评价', null)).toEqual(base);
    expect(withPlatformName(withPlatformName(base, '自评表', '衢州智造新城'), '自评表', null)).toEqual(base);
  });
});

describe('checkPlatformName', () => {
  it('refuses an empty or blank name in Chinese, naming the sheet; a name is fine', () => {
    for (const n of ['', '  ', '\u3000', '\t']) expect(checkPlatformName('验收评价', n)).toMatch(/^工作表“验收评价”的平台名称不能为空/);
    expect(checkPlatformName('验收评价', '衢州智造新城')).toBeNull();
  });
});

describe('MappingSchema', () => {
  it('reads a mapping saved before platform names, and one with them', () => {
    expect(MappingSchema.safeParse({ sheets: { 数据: { evaluation: 'annual', columns: { A: 'platform' } } } }).success).toBe(true);
    expect(MappingSchema.safeParse({ sheets: { 数据: { platform: '衢州智造新城' } } }).success).toBe(true);
    expect(MappingSchema.safeParse({ sheets: { 数据: { platform: 3 } } }).success).toBe(false);
  });
});
