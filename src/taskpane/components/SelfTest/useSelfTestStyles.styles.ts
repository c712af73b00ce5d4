import { makeStyles, tokens } from '@fluentui/react-components';

export const useSelfTestStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  list: { margin: 0, paddingInlineStart: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  step: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  head: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  badge: { flexShrink: 0 },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  ms: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: '12em' },
});

export type SelfTestStyles = ReturnType<typeof useSelfTestStyles>;
