import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
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
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
if (document.readyState === 'complete') stripToken();
else window.addEventListener('load', stripToken, { once: true });
