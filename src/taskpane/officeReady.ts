/**
 * Waits for Office.onReady, but not forever: outside Office (or when office.js cannot load)
 * onReady never settles, so a timeout reports that instead.
 */
export type HostStatus = { readonly kind: 'office'; readonly host: string } | { readonly kind: 'none'; readonly reason: 'no-office-js' | 'timeout' };

export function waitForOffice(timeoutMs: number, office: { onReady?: () => Promise<{ host: unknown }> } | undefined): Promise<HostStatus> {
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ kind: 'none', reason: 'no-office-js' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'none', reason: 'timeout' }), timeoutMs);
    office.onReady!().then(
      (info) => {
        clearTimeout(timer);
        resolve(info.host ? { kind: 'office', host: String(info.host) } : { kind: 'none', reason: 'timeout' });
      },
      () => {
        clearTimeout(timer);
        resolve({ kind: 'none', reason: 'no-office-js' });
      },
    );
  });
}
