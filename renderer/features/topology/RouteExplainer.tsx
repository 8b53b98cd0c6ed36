/** Pick an exchange, type a routing key (and headers): which queues the message would reach, through which binding, or why none. */
import { useState, type FormEvent } from 'react';
import type { WarrenError } from '../../../shared/errors';
import type { RouteStep } from '../../../shared/topology/routing';
import type { TypedArg } from '../../../shared/topology/arguments';
import type { ExplainResult } from '../../../shared/topology/types';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { ArgumentsEditor, argKeyOf } from './ArgumentsEditor';
import { placeError } from '../../ui/formKit';

interface Props {
  vhost: string;
  exchanges: { name: string; type: string }[];
}

const xName = (name: string) => (name === '' ? '(default exchange)' : name);

function describeStep(step: RouteStep): string {
  if (step.via === 'default-exchange') return 'default exchange: the routing key names the queue';
  if (step.via === 'alternate-exchange') return `${step.exchange} matched nothing → its alternate exchange`;
  const b = step.binding;
  if (!b) return step.exchange;
  const args = Object.keys(b.arguments).length > 0 ? ` ${JSON.stringify(b.arguments)}` : '';
  return `${step.exchange} → ${b.destinationType} ${b.destination} by binding “${b.routingKey}”${args}`;
}

/** The fields a refusal can be shown at. */
const FIELDS: readonly string[] = ['exchange', 'routingKey'];

export function RouteExplainer({ vhost, exchanges }: Props) {
  const { topology } = useStores();
  const [exchange, setExchange] = useState('');
  const [routingKey, setRoutingKey] = useState('');
  const [headers, setHeaders] = useState<TypedArg[]>([]);
  const [result, setResult] = useState<ExplainResult>();
  const [error, setError] = useState<WarrenError>();
  const shown = placeError(error, FIELDS);
  const [busy, setBusy] = useState(false);
  const type = exchanges.find((x) => x.name === exchange)?.type ?? 'direct';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const r = await topology.explain({ vhost, exchange, routingKey, headers });
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      setError(undefined);
    } else {
      setError(r.error);
    }
  };

  return (
    <section className="topo-explainer card" aria-label="Route explainer">
      <form onSubmit={(e) => void submit(e)} noValidate className="topo-form">
        <h2 className="section-title">Where would a message go?</h2>
        <div className="form-grid">
          <Field label="Exchange" error={shown.at('exchange')} description={`A ${type} exchange.`}>
            {(p) => (
              <select {...p} value={exchange} onChange={(e) => setExchange(e.target.value)}>
                {exchanges.map((x) => (
                  <option key={x.name} value={x.name}>
                    {xName(x.name)} ({x.type})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Routing key" error={shown.at('routingKey')}>
            {(p) => <input {...p} type="text" className="mono" value={routingKey} onChange={(e) => setRoutingKey(e.target.value)} />}
          </Field>
          <div className="span-2">
            <ArgumentsEditor legend="Message headers" noun="Header" value={headers} onChange={setHeaders} invalidKey={argKeyOf(error?.field, 'headers')} />
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Explaining…' : 'Explain route'}
          </button>
        </div>
      </form>
      {shown.notice ? <ErrorNotice title="Could not explain the route" error={shown.notice} /> : null}
      {result ? (
        <div className="topo-explain-result" aria-live="polite" aria-label="Route">
          {result.queues.length > 0 ? (
            <>
              <h3 className="topo-result-title">
                Reaches {result.queues.length} queue{result.queues.length === 1 ? '' : 's'}
              </h3>
              <ul className="topo-route-list">
                {result.queues.map((q) => (
                  <li key={q.queue}>
                    <strong className="mono">{q.queue}</strong>
                    <ol className="topo-path">
                      {q.path.map((step, i) => (
                        <li key={i}>{describeStep(step)}</li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <h3 className="topo-result-title is-unroutable">{result.unroutable ? 'Unroutable: no queue would get this message' : 'No queue found (an exchange type on the way is not simulated)'}</h3>
          )}
          {result.reasons.length > 0 ? (
            <ul className="topo-reasons">
              {result.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
