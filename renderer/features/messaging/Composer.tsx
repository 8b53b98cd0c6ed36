/** The message composer: destination, body, properties, headers; publish once with confirm. */
import { useEffect, useRef, useState } from 'react';
import { prettyJson, bytesToBase64 } from '../../../shared/messaging/codec';
import type { PublishOutcome, TopologyHints } from '../../../shared/messaging/types';
import type { WarrenError } from '../../../shared/errors';
import { Field } from '../../ui/Field';
import { formatBytes } from '../../ui/format';
import { HeadersEditor } from './HeadersEditor';
import { PropertiesFields } from './PropertiesFields';
import { withBodyMode, type BodyMode, type ComposerDraft } from './draft';

interface Props {
  draft: ComposerDraft;
  onChange: (d: ComposerDraft) => void;
  hints?: TopologyHints;
  /** Errors by field: exchange, routingKey, body, headers, and property names. */
  errors: Record<string, string>;
  headerErrorRow?: number;
  /** True while a loaded file is still being read: what the draft holds is not yet the file. */
  onReadingChange?: (reading: boolean) => void;
}

const MODES: { mode: BodyMode; label: string }[] = [
  { mode: 'json', label: 'JSON' },
  { mode: 'text', label: 'Text' },
  { mode: 'base64', label: 'Base64' },
  { mode: 'hex', label: 'Hex' },
];

export function Composer({ draft, onChange, hints, errors, headerErrorRow, onReadingChange }: Props) {
  const keys = hints?.bindingKeys[draft.exchange] ?? (draft.exchange === '' ? hints?.queues : undefined) ?? [];
  const [fileNote, setFileNote] = useState<string>();
  // The draft as it is when a file's read ends: what was typed meanwhile is kept.
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  });
  // A large file takes a moment to read: until it is in the draft, the page says so and holds
  // Publish back, so a click meanwhile cannot send the previous body.
  const loadFile = async (file: File) => {
    setFileNote(`Reading ${file.name}…`);
    onReadingChange?.(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      onChange(withBodyMode(latest.current, 'base64', bytesToBase64(bytes)));
      setFileNote(`Loaded ${file.name} (${formatBytes(bytes.length)}) as Base64`);
    } catch (e) {
      setFileNote(`Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      onReadingChange?.(false);
    }
  };
  return (
    <div className="msg-composer">
      <div className="form-grid">
        <Field label="Exchange" error={errors.exchange ? { message: errors.exchange } : undefined} description="Empty is the default exchange (routing key = queue name).">
          {(control) => (
            <>
              <input {...control} list="msg-exchanges" value={draft.exchange} placeholder="(default exchange)" onChange={(e) => onChange({ ...draft, exchange: e.target.value })} />
              <datalist id="msg-exchanges">
                {hints?.exchanges.filter((x) => x.name !== '').map((x) => <option key={x.name} value={x.name}>{x.type}</option>)}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Routing key" error={errors.routingKey ? { message: errors.routingKey } : undefined}>
          {(control) => (
            <>
              <input {...control} list="msg-keys" value={draft.routingKey} onChange={(e) => onChange({ ...draft, routingKey: e.target.value })} />
              <datalist id="msg-keys">
                {keys.map((k) => <option key={k} value={k} />)}
              </datalist>
            </>
          )}
        </Field>
      </div>

      <div className="msg-body-head">
        <div role="radiogroup" aria-label="Body format" className="msg-segmented">
          {MODES.map((m) => (
            <button key={m.mode} type="button" role="radio" aria-checked={draft.bodyMode === m.mode} className={draft.bodyMode === m.mode ? 'active' : ''} onClick={() => onChange(withBodyMode(draft, m.mode))}>
              {m.label}
            </button>
          ))}
        </div>
        {draft.bodyMode === 'json' ? (
          <button type="button" className="button button-quiet" onClick={() => onChange({ ...draft, body: prettyJson(draft.body) ?? draft.body })}>
            Pretty-print
          </button>
        ) : null}
        <label className="button button-quiet msg-file">
          Load file…
          <input type="file" aria-label="Load body from a file" onChange={(e) => e.target.files?.[0] && void loadFile(e.target.files[0])} />
        </label>
        {fileNote ? (
          <span role="status" className="msg-file-note">
            {fileNote}
          </span>
        ) : null}
      </div>
      <Field label="Body" error={errors.body ? { message: errors.body } : undefined} description={draft.bodyMode === 'json' ? 'Checked as JSON before sending. {{seq}}, {{uuid}} and {{now}} are filled in by Repeat.' : undefined}>
        {(control) => <textarea {...control} className="msg-body" rows={8} spellCheck={false} value={draft.body} onChange={(e) => onChange({ ...draft, body: e.target.value })} />}
      </Field>

      <PropertiesFields draft={draft} onChange={onChange} errors={errors} />
      <HeadersEditor label="Headers" rows={draft.headers} onChange={(headers) => onChange({ ...draft, headers })} errorRow={headerErrorRow} />
      {errors.headers ? <p className="field-error" role="alert">{errors.headers}</p> : null}
    </div>
  );
}

export function OutcomeView({ outcome }: { outcome: PublishOutcome }) {
  if (outcome.status === 'returned' && outcome.returned) {
    return (
      <div role="status" className="notice notice-warning">
        <div className="notice-body">
          <p className="notice-message">
            <strong>Returned by the broker</strong> ({outcome.returned.replyCode} {outcome.returned.replyText}): no queue received it.
          </p>
          <ul className="msg-reasons">
            {outcome.returned.reasons.map((r) => <li key={r}>{r}</li>)}
          </ul>
        </div>
      </div>
    );
  }
  return (
    <div role="status" className={`notice ${outcome.status === 'nacked' ? 'notice-error' : 'msg-ok'}`}>
      <p className="notice-message">
        {outcome.status === 'confirmed' ? `Confirmed by the broker (ack) — ${outcome.bytes} bytes` : outcome.status === 'nacked' ? 'Nacked by the broker: it did not take the message' : 'Sent'}
      </p>
    </div>
  );
}

/** Maps a service BAD_INPUT field ("properties.expiration", "body.data") to the form's field. */
export function formField(error: WarrenError): string {
  const f = error.field ?? '';
  if (f.startsWith('body')) return 'body';
  if (f.startsWith('properties.headers')) return 'headers';
  if (f.startsWith('properties.')) return f.split('.')[1] ?? 'form';
  return f || 'form';
}
