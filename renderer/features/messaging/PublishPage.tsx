/** Publish: compose a message, publish it with confirms (returns explained), repeat, templates, history. */
import { useEffect, useState } from 'react';
import { rowsToEntries } from '../../../shared/messaging/codec';
import type { PublishOutcome } from '../../../shared/messaging/types';
import type { WarrenError } from '../../../shared/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageShell } from '../../ui/PageShell';
import { CodeDialog } from './CodeDialog';
import { WatchButton } from '../charts/WatchButton';
import { ImportPanel } from './ImportPanel';
import { Composer, formField, OutcomeView } from './Composer';
import { RepeatPanel } from './RepeatPanel';
import { SavedList } from './SavedList';
import { draftToInput, type ComposerDraft } from './draft';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { useWarren } from '../../app/useWarren';
import './messaging.css';

export function PublishPage() {
  const { connection } = useWarren();
  const { messaging } = useStores();
  // The draft lives in the store: leaving the page and coming back finds it as it was.
  const { draft, hints, templates, history } = useStore(messaging);
  const setDraft = (d: ComposerDraft) => messaging.setDraft(d);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<WarrenError>();
  const [outcome, setOutcome] = useState<PublishOutcome>();
  const [busy, setBusy] = useState(false);
  const [readingFile, setReadingFile] = useState(false);
  const [showCode, setShowCode] = useState(false);
  const connected = connection.status === 'connected';

  useEffect(() => {
    if (connected) void messaging.loadHints();
  }, [messaging, connected, connection.since]);

  /** A local validation failure, shown at its field. */
  const showInvalid = (error: WarrenError) => {
    setErrors({ [formField(error)]: error.message });
    setOutcome(undefined);
  };

  const publish = async (d: ComposerDraft = draft) => {
    setErrors({});
    setFailure(undefined);
    setOutcome(undefined);
    const built = draftToInput(d);
    if (!built.ok) return showInvalid(built.errors[0]);
    setBusy(true);
    const r = await messaging.publish(built.value, d);
    setBusy(false);
    // The draft is never cleared: after an error the user fixes it and sends again.
    if (r.ok) setOutcome(r.value);
    else if (r.error.code === 'BAD_INPUT' && r.error.field) {
      setErrors({ [formField(r.error)]: `${r.error.message}. ${r.error.hint}` });
    } else setFailure(r.error);
  };

  const headerRow = rowsToEntries(draft.headers);
  const built = draftToInput(draft);
  return (
    <PageShell className="msg-page" title="Publish" subtitle="Send exactly the message you mean: confirmed, and told when nobody receives it." needs="reachable">
      <div className="msg-publish-layout">
        <section className="card" aria-labelledby="composer-title">
          <h2 id="composer-title" className="section-title">Message</h2>
          <Composer draft={draft} onChange={setDraft} hints={hints} errors={errors} headerErrorRow={headerRow.ok ? undefined : headerRow.row} onReadingChange={setReadingFile} />
          <div className="button-row msg-actions">
            <label className="checkbox-line">
              <input type="checkbox" checked={draft.mandatory} onChange={(e) => setDraft({ ...draft, mandatory: e.target.checked })} />
              Mandatory (report unroutable)
            </label>
            <button type="button" className="button button-primary" disabled={busy || readingFile} onClick={() => void publish()}>
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
                if (name) messaging.saveTemplate(name, draft);
              }}
            >
              Save as template
            </button>
          </div>
          {errors.form ? <ErrorNotice error={{ message: errors.form }} /> : null}
          {failure ? <ErrorNotice title="Not published" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
          {outcome ? <OutcomeView outcome={outcome} /> : null}
          {outcome?.status === 'confirmed' && draft.exchange === '' && draft.routingKey && connection.vhost !== undefined ? (
            <div className="button-row">
              <WatchButton queue={draft.routingKey} vhost={connection.vhost} />
            </div>
          ) : null}
          <RepeatPanel draft={draft} onInvalid={showInvalid} />
        </section>
        <aside className="msg-side">
          <SavedList title="Templates" items={templates} onLoad={setDraft} onDelete={(name) => messaging.deleteTemplate(name)} empty="Save a message to reuse it." />
          <SavedList title="History" items={history} onLoad={setDraft} onSend={(d) => { setDraft(d); void publish(d); }} empty="Messages you publish appear here." />
        </aside>
      </div>
      <ImportPanel
        onEdit={(d) => {
          setDraft(d);
          window.scrollTo({ top: 0 });
        }}
      />
      {showCode && built.ok ? <CodeDialog input={built.value} onClose={() => setShowCode(false)} /> : null}
    </PageShell>
  );
}
