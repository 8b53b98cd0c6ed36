/** The sandbox broker: its state, where it lives, Start/Stop and "keep running". */
import { useState } from 'react';
import type { SandboxState, SandboxStatus } from '../../../shared/connections/types';
import { DEFAULT_HINTS } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { useAction } from '../../ui/useAction';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckboxField } from '../../ui/Field';
import { KeyValueList, type KeyValue } from '../../ui/KeyValueList';

const STATUS: Record<SandboxStatus, { label: string; tone: BadgeTone }> = {
  unavailable: { label: 'Unavailable', tone: 'neutral' },
  stopped: { label: 'Stopped', tone: 'neutral' },
  starting: { label: 'Starting…', tone: 'info' },
  ready: { label: 'Ready', tone: 'ok' },
  stopping: { label: 'Stopping…', tone: 'info' },
  failed: { label: 'Failed', tone: 'error' },
};

export function SandboxCard({ state }: { state: SandboxState | undefined }) {
  const { connections } = useStores();
  const start = useAction(connections.startSandbox);
  const stop = useAction(connections.stopSandbox);
  const keep = useAction(connections.setKeepRunning);
  // The box shows what the user asked for until the main process answers.
  const [wantKeep, setWantKeep] = useState<boolean>();

  if (!state) {
    return (
      <section className="card" aria-labelledby="sandbox-heading">
        <h2 id="sandbox-heading" className="section-title">
          Sandbox
        </h2>
        <p className="muted">Asking Warren about the sandbox broker…</p>
      </section>
    );
  }

  const status = STATUS[state.status];
  const busy = state.status === 'starting' || state.status === 'stopping';
  const canStart = state.status === 'stopped' || state.status === 'failed' || state.status === 'unavailable';
  const canStop = state.status === 'ready' || state.status === 'starting' || state.status === 'failed';
  const keepChecked = wantKeep ?? state.keepRunning;
  const callError = start.error ?? stop.error ?? keep.error;

  const facts: KeyValue[] = [];
  if (state.amqpPort) facts.push({ label: 'AMQP port', value: state.amqpPort, mono: true, testId: 'sandbox-amqp-port' });
  if (state.managementPort) {
    facts.push({ label: 'Management port', value: state.managementPort, mono: true, testId: 'sandbox-management-port' });
  }
  if (state.nodeName) facts.push({ label: 'Node name', value: state.nodeName, mono: true, testId: 'sandbox-node' });
  facts.push({ label: 'Data folder', value: state.dataDir, mono: true, testId: 'sandbox-data-dir' });

  return (
    <section className="card sandbox-card" aria-labelledby="sandbox-heading">
      <div className="card-header">
        <h2 id="sandbox-heading" className="section-title">
          Sandbox
        </h2>
        <span data-testid="sandbox-status" data-status={state.status}>
          <Badge tone={status.tone}>{status.label}</Badge>
        </span>
      </div>
      <p className="muted">
        A private RabbitMQ node that Warren runs from the rabbitmq-server installed on this machine, with its own data
        folder and ports.
        {state.reused ? ' It was already running from an earlier launch, so Warren reused it.' : ''}
      </p>

      <KeyValueList items={facts} className="kv-grid" />

      {state.status === 'unavailable' ? (
        <ErrorNotice
          tone="warning"
          error={{
            message: state.error?.message ?? 'rabbitmq-server is not installed on this machine',
            hint: state.error?.hint ?? DEFAULT_HINTS.SANDBOX_UNAVAILABLE,
          }}
        />
      ) : null}
      {state.status === 'failed' && state.error ? (
        <ErrorNotice error={state.error}>
          {state.logTail && state.logTail.length > 0 ? (
            <pre className="log-tail" aria-label="Sandbox log">
              {state.logTail.join('\n')}
            </pre>
          ) : null}
        </ErrorNotice>
      ) : null}
      {callError ? <ErrorNotice error={callError} /> : null}

      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={!canStart || busy || start.loading}
          onClick={() => {
            stop.reset();
            void start.run({});
          }}
        >
          {state.status === 'starting' ? 'Starting…' : 'Start'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!canStop || stop.loading || state.status === 'stopping'}
          onClick={() => {
            start.reset();
            void stop.run({});
          }}
        >
          {state.status === 'stopping' ? 'Stopping…' : 'Stop'}
        </button>
      </div>
      <CheckboxField
        label="Keep the sandbox running after Warren quits"
        checked={keepChecked}
        disabled={keep.loading || state.status === 'unavailable'}
        onChange={(checked) => {
          setWantKeep(checked);
          void keep.run({ keepRunning: checked }).finally(() => setWantKeep(undefined));
        }}
        description="Then the next launch finds it ready at once, with its queues and messages."
      />
    </section>
  );
}
