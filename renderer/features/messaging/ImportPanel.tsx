/**
 * Import a `warren.messages` export and re-publish the selected (or all) messages, to their own
 * exchange and routing key or to others, with their properties kept — or open one in the
 * composer to edit it first.
 */
import { useState } from 'react';
import { parseExport, toPublishInput } from './export-file';
import type { ExportedMessage } from '../../../shared/messaging/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { invalid } from '../../ui/invalid';
import { CheckboxField, Field } from '../../ui/Field';
import type { ComposerDraft } from './draft';
import { republishDraft } from './republish';

const SHOWN = 200;

interface Outcome {
  confirmed: number;
  returned: number;
  nacked: number;
  failed: number;
  firstError?: WarrenError;
}

function preview(m: ExportedMessage): string {
  if (m.body.encoding === 'utf8') return m.body.data.slice(0, 60);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(m.body.data.slice(0, 120)), (c) => c.charCodeAt(0)));
    return text.slice(0, 60);
  } catch {
    return `(binary) ${m.body.data.slice(0, 24)}…`;
  }
}

export function ImportPanel({ onEdit }: { onEdit: (draft: ComposerDraft) => void }) {
  const { messaging } = useStores();
  const [file, setFile] = useState<string>();
  const [messages, setMessages] = useState<ExportedMessage[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [exchange, setExchange] = useState('');
  const [routingKey, setRoutingKey] = useState('');
  const [override, setOverride] = useState(false);
  const [keepProperties, setKeepProperties] = useState(true);
  const [error, setError] = useState<WarrenError>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [outcome, setOutcome] = useState<Outcome>();

  const load = async (f: File) => {
    setError(undefined);
    setOutcome(undefined);
    const parsed = parseExport(await f.text());
    if (!parsed.ok) {
      setError(invalid(`${f.name}: ${parsed.message}`, { field: 'file', hint: 'Choose a file exported from a consumer’s list (Export … (JSON)).' }));
      return;
    }
    setFile(f.name);
    setMessages(parsed.messages);
    setSelected(new Set());
  };

  const republish = async (indexes: number[]) => {
    setError(undefined);
    const target = override ? { exchange, routingKey, keepProperties } : { keepProperties };
    const result: Outcome = { confirmed: 0, returned: 0, nacked: 0, failed: 0 };
    setProgress({ done: 0, total: indexes.length });
    for (const [n, i] of indexes.entries()) {
      const r = await messaging.publishOnly(toPublishInput(messages[i]!, target));
      if (!r.ok) {
        result.failed++;
        result.firstError ??= r.error;
        // A missing exchange or a refused message will fail the same way for the rest: stop.
        if (r.error.code !== 'BAD_INPUT') break;
      } else if (r.value.status === 'returned') result.returned++;
      else if (r.value.status === 'nacked') result.nacked++;
      else result.confirmed++;
      if (n % 20 === 0) setProgress({ done: n + 1, total: indexes.length });
    }
    setProgress(undefined);
    setOutcome(result);
  };

  const all = messages.map((_, i) => i);
  const chosen = selected.size > 0 ? [...selected].sort((a, b) => a - b) : all;
  return (
    <section className="card msg-import" aria-labelledby="import-title">
      <h2 id="import-title" className="section-title">Import exported messages</h2>
      <p className="section-note">Reads a file exported from a consumer’s list (format warren.messages, version 1) and sends its messages again, bodies byte for byte.</p>
      <Field label="Export file">{(c) => <input {...c} type="file" accept="application/json,.json" onChange={(e) => { const f = e.target.files?.[0]; if (f) void load(f); }} />}</Field>
      {error ? <ErrorNotice title="Could not import" error={error} onDismiss={() => setError(undefined)} /> : null}
      {file ? (
        <>
          <p className="section-note" data-testid="import-count">{messages.length.toLocaleString()} message{messages.length === 1 ? '' : 's'} in {file}</p>
          <div className="table-scroll msg-import-list">
            <table className="table">
              <thead>
                <tr><th><span className="visually-hidden">Select</span></th><th>Exchange</th><th>Routing key</th><th>Body</th><th><span className="visually-hidden">Edit</span></th></tr>
              </thead>
              <tbody>
                {messages.slice(0, SHOWN).map((m, i) => (
                  <tr key={i}>
                    <td>
                      <input type="checkbox" aria-label={`Select imported message ${i + 1}`} checked={selected.has(i)} onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(i);
                        else next.delete(i);
                        setSelected(next);
                      }} />
                    </td>
                    <td>{m.exchange || '(default)'}</td>
                    <td>{m.routingKey}</td>
                    <td className="mono msg-preview">{preview(m)}</td>
                    <td>
                      <button type="button" className="button button-quiet" aria-label={`Edit imported message ${i + 1} in the composer`} onClick={() => onEdit(republishDraft({ ...m, id: 0, deliveryTag: 0, size: 0, truncated: false, settled: 'acked' }))}>Edit</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {messages.length > SHOWN ? <p className="section-note">The first {SHOWN} are listed; “all” sends every one.</p> : null}
          </div>
          <div className="msg-attach-options">
            <CheckboxField label="Send to another exchange / routing key" checked={override} onChange={setOverride} />
            {override ? (
              <>
                <Field label="Target exchange" description="Blank is the default exchange.">{(c) => <input {...c} value={exchange} onChange={(e) => setExchange(e.target.value)} />}</Field>
                <Field label="Target routing key">{(c) => <input {...c} value={routingKey} onChange={(e) => setRoutingKey(e.target.value)} />}</Field>
              </>
            ) : null}
            <CheckboxField label="Keep properties and headers" checked={keepProperties} onChange={setKeepProperties} />
          </div>
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={progress !== undefined || messages.length === 0} onClick={() => void republish(chosen)}>
              Re-publish {selected.size > 0 ? `${selected.size} selected` : `all ${messages.length.toLocaleString()}`}
            </button>
            {progress ? <span role="status">Sent {progress.done} of {progress.total}…</span> : null}
          </div>
          {outcome ? (
            <p role="status" data-testid="import-outcome">
              {outcome.confirmed} confirmed{outcome.returned ? `, ${outcome.returned} returned (unroutable)` : ''}{outcome.nacked ? `, ${outcome.nacked} nacked` : ''}{outcome.failed ? `, ${outcome.failed} failed` : ''}
            </p>
          ) : null}
          {outcome?.firstError ? <ErrorNotice title="Some were not sent" error={outcome.firstError} /> : null}
        </>
      ) : null}
    </section>
  );
}
