import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bridge } from './app/bridge';
import { createStores, StoresContext } from './app/stores';
import './ui/theme.css';
import './app/shell.css';
import './ui/components.css';
import './features/overview/overview.css';
import './features/connections/connections.css';

/** The browser host opens the page as /?token=… (a one-time link, spent by now): drop it from the address bar. */
function stripToken(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The composition root: the one bridge goes to the stores, the stores go down to the components.
const stores = createStores(bridge);
createRoot(root).render(
  <StrictMode>
    <StoresContext value={stores}>
      <App />
    </StoresContext>
  </StrictMode>,
);
if (document.readyState === 'complete') stripToken();
else window.addEventListener('load', stripToken, { once: true });
