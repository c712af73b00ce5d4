import { makeStyles, tokens } from '@fluentui/react-components';

export const useResultsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '100%' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  missing: { color: tokens.colorNeutralForeground3 },
  differs: { color: tokens.colorPaletteDarkOrangeForeground1 },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export type ResultsStyles = ReturnType<typeof useResultsStyles>;
