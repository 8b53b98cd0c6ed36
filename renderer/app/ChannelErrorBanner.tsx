/** A non-fatal channel error (the broker closed a channel; Warren opened a new one), dismissible. */
import { useState } from 'react';
import type { WarrenError } from '../../shared/errors';
import { ErrorNotice } from '../ui/ErrorNotice';

export function ChannelErrorBanner({ error, at }: { error?: WarrenError; at?: number }) {
  // Keyed by time as well, so dismissing one error does not hide the same error happening again.
  const key = error ? `${at ?? 0}|${error.code}|${error.message}` : undefined;
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
