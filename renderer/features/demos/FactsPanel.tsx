/** The route explainer's answer vs the real delivery, measured numbers, and the order reconciliation. */
import type { DemoState } from '../../../shared/demos/types';

export function FactsPanel({ state }: { state: DemoState }) {
  const { route, measured, reconcile } = state;
  const numbers = Object.entries(measured);
  if (!route && numbers.length === 0 && !reconcile) return null;
  return (
    <section className="demo-facts" aria-label="Results">
      {route ? (
        <section className="demo-route" aria-label="Route explainer">
          <h3>
            <code>{route.routingKey}</code> on {route.exchangeType} <code>{route.exchange}</code>
          </h3>
          <p>
            Explainer predicts: <strong>{route.predicted.map((p) => (p.queue.includes(`(${p.bindingKey})`) ? p.queue : `${p.queue} (${p.bindingKey})`)).join(', ') || 'no queue — dropped'}</strong>
          </p>
          {route.reasons.length > 0 ? <p className="muted">{route.reasons.join(' · ')}</p> : null}
          <p>
            Delivered to: <strong>{route.delivered ? route.delivered.join(', ') || 'nobody' : 'sending…'}</strong>
          </p>
        </section>
      ) : null}
      {numbers.length > 0 ? (
        <dl className="demo-measured" aria-label="Measured">
          {numbers.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {reconcile ? (
        <dl className="demo-measured" aria-label="Order reconciliation">
          <div>
            <dt>orders placed</dt>
            <dd>{reconcile.placed}</dd>
          </div>
          <div>
            <dt>emailed once</dt>
            <dd>{reconcile.emailedOnce}</dd>
          </div>
          <div>
            <dt>not emailed yet</dt>
            <dd>{reconcile.missing.length}</dd>
          </div>
          <div>
            <dt>duplicates</dt>
            <dd title={reconcile.duplicates.join(', ')}>{reconcile.duplicates.length}</dd>
          </div>
          <div>
            <dt>skipped (idempotent)</dt>
            <dd>{reconcile.skipped}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
