/** The watch list: pin queues (names, comma-separated), choose which are drawn, unwatch. */
import { useState, type FormEvent } from 'react';
import { refKey, type ChartsStatus, type QueueRef } from '../../../shared/charts-types';
import type { WarrenError } from '../../../shared/errors';
import { bridge } from '../../bridge';
import { Field } from '../Field';

interface Props {
  status?: ChartsStatus;
  vhost?: string;
  shown: Set<string>;
  onToggle: (ref: QueueRef, shown: boolean) => void;
}

export function WatchList({ status, vhost, shown, onToggle }: Props) {
  const [names, setNames] = useState('');
  const [error, setError] = useState<WarrenError>();
  const [busy, setBusy] = useState(false);
  const missing = new Set((status?.missing ?? []).map(refKey));

  const watch = async (event: FormEvent) => {
    event.preventDefault();
    const queues = names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    setBusy(true);
    const result = await bridge.call('charts.watch', { ...(vhost ? { vhost } : {}), queues });
    setBusy(false);
    // The typed names stay after an error so they can be corrected.
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setNames('');
    for (const queue of queues) onToggle({ vhost: vhost ?? '/', queue }, true);
  };
  const unwatch = async (ref: QueueRef) => {
    const result = await bridge.call('charts.unwatch', { vhost: ref.vhost, queues: [ref.queue] });
    if (!result.ok) setError(result.error);
    onToggle(ref, false);
  };

  const watched = status?.watched ?? [];
  return (
    <section className="card charts-watchlist" aria-labelledby="charts-watch-heading">
      <h2 id="charts-watch-heading" className="section-title">
        Watch list
      </h2>
      <form className="charts-watch-form" onSubmit={(e) => void watch(e)}>
        <Field label="Queues to watch" error={error ? { message: error.message, hint: error.hint } : undefined} description="One or more names, separated by commas">
          {(control) => <input {...control} value={names} onChange={(e) => setNames(e.target.value)} placeholder="orders, payments" maxLength={300_000} />}
        </Field>
        <button type="submit" className="button button-primary" disabled={busy || names.trim() === ''}>
          Watch
        </button>
      </form>
      {watched.length === 0 ? (
        <p className="muted">No queues watched yet. Add one above; Warren samples it every second from then on.</p>
      ) : (
        <ul className="charts-watched" aria-label="Watched queues">
          {watched.map((ref) => {
            const key = refKey(ref);
            return (
              <li key={key}>
                <label>
                  <input type="checkbox" checked={shown.has(key)} onChange={(e) => onToggle(ref, e.target.checked)} />
                  <span>{ref.queue}</span>
                  {ref.vhost !== vhost ? <span className="muted"> ({ref.vhost})</span> : null}
                  {missing.has(key) ? <span className="charts-missing"> not found</span> : null}
                </label>
                <button type="button" className="button button-quiet button-small" onClick={() => void unwatch(ref)} aria-label={`Unwatch ${ref.queue}`}>
                  Unwatch
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
