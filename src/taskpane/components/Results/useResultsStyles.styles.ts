import { makeStyles, tokens } from '@fluentui/react-components';

export const useResultsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  // the table keeps its columns' natural widths and scrolls sideways in a narrow pane (320 px)
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  name: { minWidth: '8em', maxWidth: '14em' },
  head: { whiteSpace: 'nowrap' },
  why: { display: 'block', fontSize: tokens.fontSizeBase100, whiteSpace: 'normal' },
  missing: { color: tokens.colorNeutralForeground3 },
  differs: { color: tokens.colorPaletteDarkOrangeForeground1 },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export type ResultsStyles = ReturnType<typeof useResultsStyles>;
