/** The shell: sidebar, top bar with the connection status, banners, and the current page. */
import { useMemo } from 'react';
import { ChannelErrorBanner } from './ChannelErrorBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { TransportBanner } from './TransportBanner';
import { useResult } from './useCall';
import { useHashRoute } from './useHashRoute';
import { useConnectionStateLive, useSandboxState } from './useLive';
import { useTransportUp } from './useTransport';
import { WarrenContext, type WarrenContextValue } from './useWarren';
import { DEFAULT_PAGE, PAGES } from './pages';

export function App() {
  const route = useHashRoute(DEFAULT_PAGE);
  const page = PAGES.find((entry) => entry.id === route) ?? PAGES.find((entry) => entry.id === DEFAULT_PAGE) ?? PAGES[0]!;
  const connection = useConnectionStateLive();
  const sandbox = useSandboxState();
  const transportUp = useTransportUp();
  const appInfo = useResult('app.info', {});

  const context = useMemo<WarrenContextValue>(
    () => ({ connection, sandbox, appInfo: appInfo.value, transportUp }),
    [connection, sandbox, appInfo.value, transportUp],
  );

  const Page = page.component;
  return (
    <WarrenContext.Provider value={context}>
      <div className="shell">
        <Sidebar pages={PAGES} current={page.id} appInfo={appInfo.value} />
        <div className="workspace">
          <TopBar title={page.label} connection={connection} sandbox={sandbox} transportUp={transportUp} />
          <div className="banners">
            <TransportBanner up={transportUp} />
            <ChannelErrorBanner error={connection.lastChannelError} at={connection.lastChannelErrorAt} />
          </div>
          <main className="page" id="main">
            <Page key={page.id} />
          </main>
        </div>
      </div>
    </WarrenContext.Provider>
  );
}
