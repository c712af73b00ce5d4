/** The pane's theme, filling the whole pane (not only the content); shared by the Excel and WPS entries. */
import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type React from 'react';

const useRootStyles = makeStyles({ root: { minHeight: '100vh' } });

export function Themed({ dark, children }: { dark: boolean; children: React.ReactNode }) {
  const styles = useRootStyles();
  return (
    <FluentProvider className={styles.root} theme={dark ? webDarkTheme : webLightTheme}>
      {children}
    </FluentProvider>
  );
}
