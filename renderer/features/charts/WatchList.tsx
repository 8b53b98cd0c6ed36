/**
 * The watch list: pin queues (names, comma-separated), choose which are drawn, unwatch.
 * It may hold hundreds of queues while samples arrive every second, so the list and its rows are
 * memoized (a tick re-renders none of them), and a long list shows a filter and its first LIST_LIMIT
 * matches instead of hundreds of rows nobody scrolls through.
 */
import { memo, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useStore } from '../../app/store';
import { refKey, type QueueRef } from '../../../shared/charts/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';

/** Rows listed at once; the rest are found with the filter. */
export const LIST_LIMIT = 100;
/** From this many watched queues on, the list offers a filter. */
const FILTER_FROM = 20;

interface Props {
  watched: QueueRef[];
  missing?: QueueRef[];
  vhost?: string;
  shown: ReadonlySet<string>;
  onToggle: (ref: QueueRef, shown: boolean) => void;
  onWatched: (refs: QueueRef[]) => void;
}

export const WatchList = memo(function WatchList({ watched, missing, vhost, shown, onToggle, onWatched }: Props) {
  const { charts } = useStores();
  const { queueNames } = useStore(charts);
  useEffect(() => void charts.loadQueueNames(), [charts]);
  // Suggested as you type: the connection's queues not watched yet.
  const suggestions = useMemo(() => {
    const watchedNames = new Set(watched.filter((r) => r.vhost === (vhost ?? '/')).map((r) => r.queue));
    return (queueNames ?? []).filter((q) => !watchedNames.has(q)).slice(0, 500);
  }, [queueNames, watched, vhost]);
  const [names, setNames] = useState('');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<WarrenError>();
  const [listError, setListError] = useState<WarrenError>();
  const [busy, setBusy] = useState(false);
  const missingKeys = useMemo(() => new Set((missing ?? []).map(refKey)), [missing]);
  const listed = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = needle === '' ? watched : watched.filter((r) => r.queue.toLowerCase().includes(needle));
    return { rows: matching.slice(0, LIST_LIMIT), matching: matching.length };
  }, [watched, filter]);

  const watch = async (event: FormEvent) => {
    event.preventDefault();
    const queues = names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    setBusy(true);
    const result = await charts.watch(queues, vhost);
    setBusy(false);
    // The typed names stay after an error so they can be corrected.
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setNames('');
    onWatched(queues.map((queue) => ({ vhost: vhost ?? '/', queue })));
  };
  const unwatch = useCallback(
    async (ref: QueueRef) => {
      const result = await charts.unwatch(ref);
      if (!result.ok) setListError(result.error);
      else onToggle(ref, false);
    },
    [charts, onToggle],
  );
  const unwatchAll = async () => {
    const result = await charts.unwatchAll();
    setListError(result.ok ? undefined : result.error);
  };

  return (
    <section className="card charts-watchlist" aria-labelledby="charts-watch-heading">
      <h2 id="charts-watch-heading" className="section-title">
        Watch list
      </h2>
      <form className="charts-watch-form" onSubmit={(e) => void watch(e)}>
        <Field label="Queues to watch" error={error ? { message: error.message, hint: error.hint } : undefined} description="One or more names, separated by commas">
          {(control) => (
            <>
              <input {...control} type="text" list="charts-queue-names" value={names} onChange={(e) => setNames(e.target.value)} placeholder="orders, payments" maxLength={300_000} />
              <datalist id="charts-queue-names">
                {suggestions.map((q) => (
                  <option key={q} value={q} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={busy || names.trim() === ''}>
          Watch
        </button>
      </form>
      {listError ? <ErrorNotice error={listError} onDismiss={() => setListError(undefined)} /> : null}
      {watched.length === 0 ? (
        <p className="muted">No queues watched yet. Add one above; Warren samples it every second from then on.</p>
      ) : (
        <>
          <div className="charts-watched-head">
            <span className="muted">
              {watched.length} watched · {shown.size} drawn
            </span>
            <button type="button" className="button button-quiet button-small" onClick={() => void unwatchAll()}>
              Unwatch all
            </button>
          </div>
          {watched.length >= FILTER_FROM ? (
            <Field label="Filter watched queues">
              {(control) => <input {...control} type="text" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="part of a name" maxLength={255} />}
            </Field>
          ) : null}
          <ul className="charts-watched" aria-label="Watched queues">
            {listed.rows.map((ref) => {
              const key = refKey(ref);
              return (
                <WatchRow
                  key={key}
                  queue={ref}
                  drawn={shown.has(key)}
                  missing={missingKeys.has(key)}
                  foreign={ref.vhost !== vhost}
                  onToggle={onToggle}
                  onUnwatch={unwatch}
                />
              );
            })}
          </ul>
          {listed.matching > listed.rows.length ? (
            <p className="muted charts-watched-more">
              {listed.rows.length} of {listed.matching} listed; filter to find the others.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
});

interface RowProps {
  queue: QueueRef;
  drawn: boolean;
  missing: boolean;
  foreign: boolean;
  onToggle: (ref: QueueRef, shown: boolean) => void;
  onUnwatch: (ref: QueueRef) => Promise<void>;
}

const WatchRow = memo(function WatchRow({ queue, drawn, missing, foreign, onToggle, onUnwatch }: RowProps) {
  return (
    <li>
      <label>
        <input type="checkbox" checked={drawn} onChange={(e) => onToggle(queue, e.target.checked)} />
        <span>{queue.queue}</span>
        {foreign ? <span className="muted"> ({queue.vhost})</span> : null}
        {missing ? <span className="charts-missing"> not found</span> : null}
      </label>
      <button type="button" className="button button-quiet button-small" onClick={() => void onUnwatch(queue)} aria-label={`Unwatch ${queue.queue}`}>
        Unwatch
      </button>
    </li>
  );
});
