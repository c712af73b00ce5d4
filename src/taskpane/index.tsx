import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { waitForOffice, type HostStatus } from './officeReady';

const OFFICE_READY_TIMEOUT_MS = 5000;

function render(status: HostStatus | null): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App status={status} />
    </FluentProvider>,
  );
}

const root = createRoot(document.getElementById('root') as HTMLElement);
render(null);
void waitForOffice(OFFICE_READY_TIMEOUT_MS, typeof Office === 'undefined' ? undefined : Office).then(render);
