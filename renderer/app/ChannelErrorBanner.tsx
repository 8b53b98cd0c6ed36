/**
 * A non-fatal channel error (the broker closed a channel; Warren opened a new one), dismissible.
 * Not shown when the action that caused it shows the refusal itself, and gone after a while.
 */
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useWarren } from './useWarren';
import { bannerChannelError, CHANNEL_BANNER_MS } from './sessionStore';

/** The caller's answer may come a moment after the channel-error event: wait that long before showing. */
const GRACE_MS = 600;

export function ChannelErrorBanner() {
  const { connection, answered } = useWarren();
  const at = connection.lastChannelErrorAt ?? 0;
  const [now, setNow] = useState(() => Date.now());
  // Look again once the grace has passed, and when the banner's time is up.
  useEffect(() => {
    if (!connection.lastChannelError) return;
    const timers = [GRACE_MS, CHANNEL_BANNER_MS + 1].map((ms) => setTimeout(() => setNow(Date.now()), Math.max(0, at + ms - Date.now())));
    return () => timers.forEach(clearTimeout);
  }, [connection.lastChannelError, at]);
  const error = now - at >= GRACE_MS ? bannerChannelError(connection, answered, now) : undefined;
  // Keyed by time as well, so dismissing one error does not hide the same error happening again.
  const key = error ? `${at}|${error.code}|${error.message}` : undefined;
  const [dismissed, setDismissed] = useState<string>();
  if (!error || dismissed === key) return null;
  return (
    <ErrorNotice
      className="banner"
      tone="warning"
      error={{ message: `The broker closed a channel: ${error.message} — Warren opened a new one`, hint: error.hint }}
      onDismiss={() => setDismissed(key)}
    />
  );
}
