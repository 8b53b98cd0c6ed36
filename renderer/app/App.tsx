/** The shell: sidebar, top bar with the connection status, banners, and the current page. */
import { Suspense } from 'react';
import { ChannelErrorBanner } from './ChannelErrorBanner';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { TransportBanner } from './TransportBanner';
import { useHashRoute } from './useHashRoute';
import { useWarren } from './useWarren';
import { DEFAULT_PAGE, PAGES } from './pages';

export function App() {
  const route = useHashRoute(DEFAULT_PAGE);
  const page = PAGES.find((entry) => entry.id === route) ?? PAGES.find((entry) => entry.id === DEFAULT_PAGE) ?? PAGES[0]!;
  const { connection, sandbox, transportUp, appInfo } = useWarren();

  const Page = page.component;
  return (
    <div className="shell">
      <Sidebar pages={PAGES} current={page.id} appInfo={appInfo} />
      <div className="workspace">
        <TopBar title={page.label} connection={connection} sandbox={sandbox} transportUp={transportUp} />
        <div className="banners">
          <TransportBanner up={transportUp} />
          <ChannelErrorBanner />
        </div>
        <main className="page" id="main">
          <Suspense fallback={<p className="muted page-loading">Opening {page.label}…</p>}>
            <Page key={page.id} />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
