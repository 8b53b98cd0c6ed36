/** The scenario's programs: status, counts, and what each printed (like its terminal). */
import type { ActorState } from '../../../shared/demos/types';
import { Badge } from '../../ui/Badge';

const TONE = { up: 'ok', busy: 'info', down: 'error' } as const;

export function ActorsPanel({ actors }: { actors: ActorState[] }) {
  if (actors.length === 0) return null;
  return (
    <section className="demo-actors" aria-label="Programs">
      {actors.map((a) => (
        <article key={a.id} className={`demo-actor demo-actor-${a.status}`} aria-label={a.label}>
          <header>
            <h3>{a.label}</h3>
            <Badge tone={TONE[a.status]}>{a.status}</Badge>
          </header>
          <p className="demo-actor-counts">
            <span>received <strong>{a.receivedCount}</strong></span>
            <span>acked <strong>{a.ackedCount}</strong></span>
            <span>unacked <strong>{a.unacked}</strong></span>
            {a.queue ? <span className="demo-actor-queue" title="queue">{a.queue}</span> : null}
          </p>
          <pre className="demo-terminal" aria-label={`${a.label} output`}>{a.log.slice(-8).join('\n')}</pre>
        </article>
      ))}
    </section>
  );
}
