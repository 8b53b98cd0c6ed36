/** Browser host only: the WebSocket to the main process is down (the bridge retries by itself). */
export function TransportBanner({ up }: { up: boolean }) {
  if (up) return null;
  return (
    <div role="alert" className="notice notice-error banner banner-transport">
      <div className="notice-body">
        <p className="notice-message">
          <strong>Lost the link to Warren's main process</strong>
        </p>
        <p className="notice-hint">Warren retries every 2 s. If it does not come back, restart `npm start` and reload this page.</p>
      </div>
    </div>
  );
}
