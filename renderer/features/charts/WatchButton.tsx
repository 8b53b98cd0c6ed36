/** One click watches a queue on the Charts page, from wherever the queue appears (a table row, a consumer card, a publish result). */
import { refKey } from '../../../shared/charts/types';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { hrefFor } from '../../app/useHashRoute';
import { useAction } from '../../ui/useAction';

export function WatchButton({ queue, vhost }: { queue: string; vhost: string }) {
  const { charts } = useStores();
  const { status } = useStore(charts);
  const watch = useAction((q: string) => charts.watch([q], vhost));
  const watched = status?.watched.some((r) => refKey(r) === refKey({ vhost, queue })) ?? false;
  if (watched) {
    return (
      <a className="button button-quiet button-small" href={hrefFor('charts')} aria-label={`${queue} is watched: open Charts`}>
        Watched · Charts
      </a>
    );
  }
  return (
    <>
      <button type="button" className="button button-quiet button-small" disabled={watch.loading} aria-label={`Watch ${queue} on Charts`} title="Sample it every second on the Charts page" onClick={() => void watch.run(queue)}>
        Watch on Charts
      </button>
      {watch.error ? (
        <span className="field-error" role="alert">
          {watch.error.message}. {watch.error.hint}
        </span>
      ) : null}
    </>
  );
}
