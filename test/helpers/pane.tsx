/** The pane as a host page mounts it (theme, store, environment), for component tests: returns its store. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { SessionProvider, type Environment } from '../../src/taskpane/state/context';
import { PaneStore } from '../../src/taskpane/state/store';

export function renderPane(env: Environment, statusText: string): PaneStore {
  const store = new PaneStore();
  render(
    <FluentProvider theme={webLightTheme}>
      <SessionProvider store={store} env={env}>
        <App statusText={statusText} />
      </SessionProvider>
    </FluentProvider>,
  );
  return store;
}
