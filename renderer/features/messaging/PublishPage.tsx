/** Publish: compose a message, publish it with confirms (returns explained), repeat, templates, history. */
import { useEffect, useState } from 'react';
import { rowsToEntries } from '../../../shared/messaging/codec';
import type { PublishOutcome, TopologyHints } from '../../../shared/messaging/types';
import type { WarrenError } from '../../../shared/errors';
import { bridge } from '../../app/bridge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NotConnected } from '../../ui/NotConnected';
import { CodeDialog } from './CodeDialog';
import { ImportPanel } from './ImportPanel';
import { Composer, formField, OutcomeView } from './Composer';
import { RepeatPanel } from './RepeatPanel';
import { SavedList } from './SavedList';
import { draftToInput, EMPTY_DRAFT, type ComposerDraft } from './draft';
import { takeRepublish } from './republish';
import { useSavedDrafts } from './storage';
import { useWarren } from '../../app/useWarren';
import './messaging.css';

export function PublishPage() {
  const { connection } = useWarren();
  const [draft, setDraft] = useState<ComposerDraft>(() => takeRepublish() ?? EMPTY_DRAFT);
  const [hints, setHints] = useState<TopologyHints>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<WarrenError>();
  const [outcome, setOutcome] = useState<PublishOutcome>();
  const [busy, setBusy] = useState(false);
  const [showCode, setShowCode] = useState(false);
  const saved = useSavedDrafts();
  const connected = connection.status === 'connected';

  useEffect(() => {
    if (!connected) return;
    void bridge.call('messaging.topology', {}).then((r) => r.ok && setHints(r.value));
  }, [connected, connection.since]);

  const invalid = (field: string, message: string) => {
    setErrors({ [field]: message });
    setOutcome(undefined);
  };

  const publish = async (d: ComposerDraft = draft) => {
    setErrors({});
    setFailure(undefined);
    setOutcome(undefined);
    const built = draftToInput(d);
    if (!built.ok) return invalid(built.field, built.message);
    setBusy(true);
    const r = await bridge.call('messaging.publish', built.input);
    setBusy(false);
    // The draft is never cleared: after an error the user fixes it and sends again.
    if (r.ok) {
      setOutcome(r.value);
      saved.remember(d);
    } else if (r.error.code === 'BAD_INPUT' && r.error.field) {
      setErrors({ [formField(r.error)]: `${r.error.message}. ${r.error.hint}` });
    } else setFailure(r.error);
  };

  if (!connected && connection.status !== 'reconnecting') {
    return (
      <div className="page-body">
        <h1>Publish</h1>
        <NotConnected state={connection} />
      </div>
    );
  }
  const headerRow = rowsToEntries(draft.headers);
  const built = draftToInput(draft);
  return (
    <div className="page-body msg-page">
      <div className="page-header">
        <div>
          <h1>Publish</h1>
          <p className="page-subtitle">Send exactly the message you mean: confirmed, and told when nobody receives it.</p>
        </div>
      </div>
      <div className="msg-publish-layout">
        <section className="card" aria-labelledby="composer-title">
          <h2 id="composer-title" className="section-title">Message</h2>
          <Composer draft={draft} onChange={setDraft} hints={hints} errors={errors} headerErrorRow={headerRow.ok ? undefined : headerRow.row} />
          <div className="button-row msg-actions">
            <label className="checkbox-line">
              <input type="checkbox" checked={draft.mandatory} onChange={(e) => setDraft({ ...draft, mandatory: e.target.checked })} />
              Mandatory (report unroutable)
            </label>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void publish()}>
              {busy ? 'Publishing…' : 'Publish'}
            </button>
            <button type="button" className="button" disabled={!built.ok} onClick={() => setShowCode(true)}>
              Copy as code
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                const name = window.prompt('Template name', draft.routingKey || 'message');
                if (name) saved.saveTemplate(name, draft);
              }}
            >
              Save as template
            </button>
          </div>
          {errors.form ? <ErrorNotice error={{ message: errors.form }} /> : null}
          {failure ? <ErrorNotice title="Not published" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
          {outcome ? <OutcomeView outcome={outcome} /> : null}
          <RepeatPanel draft={draft} onInvalid={invalid} />
        </section>
        <aside className="msg-side">
          <SavedList title="Templates" items={saved.templates} onLoad={setDraft} onDelete={saved.deleteTemplate} empty="Save a message to reuse it." />
          <SavedList title="History" items={saved.history} onLoad={setDraft} onSend={(d) => { setDraft(d); void publish(d); }} empty="Messages you publish appear here." />
        </aside>
      </div>
      <ImportPanel
        onEdit={(d) => {
          setDraft(d);
          window.scrollTo({ top: 0 });
        }}
      />
      {showCode && built.ok ? <CodeDialog input={built.input} onClose={() => setShowCode(false)} /> : null}
    </div>
  );
}
