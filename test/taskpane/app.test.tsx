import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { App } from '../../src/taskpane/App';
import { waitForOffice } from '../../src/taskpane/officeReady';

describe('task pane', () => {
  it('renders in Chinese, with the host status', () => {
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <App status={{ kind: 'none', reason: 'timeout' }} />
      </FluentProvider>,
    );
    expect(html).toContain('万亩千亿评分助手');
    expect(html).toContain('未在 Office 中运行');
    expect(html).toContain('WANMU.ACCEPTANCE');
  });

  it('reports the Office host once Office.onReady settles', async () => {
    await expect(waitForOffice(1000, { onReady: async () => ({ host: 'Excel' }) })).resolves.toEqual({ kind: 'office', host: 'Excel' });
  });

  it('does not wait forever when office.js never becomes ready', async () => {
    await expect(waitForOffice(20, { onReady: () => new Promise(() => undefined) })).resolves.toEqual({ kind: 'none', reason: 'timeout' });
    await expect(waitForOffice(20, undefined)).resolves.toEqual({ kind: 'none', reason: 'no-office-js' });
  });
});
