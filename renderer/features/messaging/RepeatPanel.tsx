/** Repeat: N messages at R/s (0 = as fast as possible), progress bar, live rate, Cancel. */
import { useState } from 'react';
import type { WarrenError } from '../../../shared/errors';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { invalid } from '../../ui/invalid';
import { CheckboxField, Field } from '../../ui/Field';
import { draftToInput, type ComposerDraft } from './draft';

export function RepeatPanel({ draft, onInvalid }: { draft: ComposerDraft; onInvalid: (error: WarrenError) => void }) {
  const [count, setCount] = useState('1000');
  const [rate, setRate] = useState('0');
  const [confirm, setConfirm] = useState(true);
  const [runId, setRunId] = useState<string>();
  const [error, setError] = useState<WarrenError>();
  const { messaging } = useStores();
  const latest = useStore(messaging).repeat;
  const progress = latest && latest.runId === runId ? latest : undefined;
  const running = progress ? progress.state === 'running' : runId !== undefined && !error;

  const start = async () => {
    setError(undefined);
    const built = draftToInput(draft);
    if (!built.ok) return onInvalid(built.errors[0]);
    const n = Number(count);
    const r = Number(rate);
    if (!Number.isInteger(n) || n < 1) return setError(invalid('Count is a whole number of at least 1', { field: 'count', hint: 'e.g. 1000' }));
    if (!Number.isFinite(r) || r < 0) return setError(invalid('Rate is messages per second, 0 for as fast as possible', { field: 'ratePerSecond', hint: 'e.g. 100' }));
    setRunId(undefined);
    const res = await messaging.repeat({ ...built.value, count: n, ratePerSecond: r, confirm });
    if (res.ok) setRunId(res.value.runId);
    else setError(res.error);
  };
  const pct = progress ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <fieldset className="fieldset msg-repeat">
      <legend>Repeat</legend>
      <div className="msg-repeat-row">
        <Field label="Count">{(c) => <input {...c} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />}</Field>
        <Field label="Rate (msg/s, 0 = max)">{(c) => <input {...c} inputMode="numeric" value={rate} onChange={(e) => setRate(e.target.value)} />}</Field>
        <CheckboxField label="Confirms" checked={confirm} onChange={setConfirm} />
        {running && runId ? (
          <button type="button" className="button button-danger" onClick={() => void messaging.cancelRepeat(runId)}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void start()}>
            Repeat
          </button>
        )}
      </div>
      {error ? <ErrorNotice title="Could not repeat" error={error} /> : null}
      {progress ? (
        <div className="msg-progress">
          <progress aria-label="Repeat progress" max={progress.total} value={progress.sent} />
          <p role="status" aria-label="Repeat status">
            {progress.state === 'running' ? 'Sending' : progress.state === 'done' ? 'Done' : progress.state === 'cancelled' ? 'Cancelled' : 'Failed'}: {progress.sent.toLocaleString()} / {progress.total.toLocaleString()} sent ({pct}%)
            {confirm ? ` · ${progress.confirmed.toLocaleString()} confirmed` : ''}
            {progress.nacked ? ` · ${progress.nacked} nacked` : ''}
            {progress.returned ? ` · ${progress.returned} returned` : ''} · {progress.rate.toLocaleString()} msg/s
          </p>
          {progress.firstReturn ? <p className="section-note">First return: {progress.firstReturn.replyText}. {progress.firstReturn.reasons.join('; ')}</p> : null}
          {progress.error ? <ErrorNotice title="The run stopped" error={progress.error} /> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
