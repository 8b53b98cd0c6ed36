/** Demos: every scenario of the tutorial, one click to run, narrated, with failure injection and presenter mode. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CLUSTER_PROFILE_ID } from '../../../shared/connections/types';
import type { DemoName, DemoOptions } from '../../../shared/demos/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NotConnected } from '../../ui/NotConnected';
import { ActorsPanel } from './ActorsPanel';
import { ClusterOffer } from './ClusterOffer';
import { CodePanel } from './CodePanel';
import { DemoActions } from './DemoActions';
import { DemoCharts } from './DemoCharts';
import { DemoControls } from './DemoControls';
import { DemoGraph } from './DemoGraph';
import { FactsPanel } from './FactsPanel';
import { NarrationPanel } from './NarrationPanel';
import { useDemoKeys } from './useKeys';
import { useDemos, useDemosStore } from './useDemos';
import { useWarren } from '../../app/useWarren';
import '../topology/topology.css';
import './demos.css';

const AUTO_DELAY_MS = 2500;

export function DemosPage() {
  const { connection } = useWarren();
  // Until the user picks one, follow the running demo (e.g. started in another window).
  const [choice, setSelected] = useState<DemoName>();
  const [options, setOptions] = useState<Partial<Record<DemoName, DemoOptions>>>({});
  const [auto, setAuto] = useState(false);
  const [presenter, setPresenter] = useState(false);
  // R and Reset ask first while a run is in progress: one stray key must not end a talk's demo.
  const [confirmReset, setConfirmReset] = useState(false);
  const store = useDemosStore();
  const { demos, state, error } = useDemos();
  const selected: DemoName = choice ?? state?.name ?? 'hello';
  const demo = demos.find((d) => d.name === selected);
  const running = !!state && state.name === selected && state.status !== 'idle' && state.status !== 'failed';
  const demoOptions = useMemo(() => options[selected] ?? {}, [options, selected]);

  const run = useCallback(() => store.run(selected, demoOptions), [store, selected, demoOptions]);
  const next = store.step;
  const reset = useCallback(async () => {
    setConfirmReset(false);
    await store.reset();
  }, [store]);
  const askReset = useCallback(() => (running ? setConfirmReset(true) : void reset()), [running, reset]);
  const failure = store.failure;
  const keys = useMemo(
    () =>
      confirmReset
        ? // While the question is open: R again confirms, Esc keeps the run (the dialog cancels on Esc itself).
          { next: () => undefined, reset: () => void reset(), failure: () => undefined, exit: () => undefined }
        : { next: () => void (running ? next() : run()), reset: askReset, failure: () => void failure(), exit: () => setPresenter(false) },
    [confirmReset, running, next, run, reset, askReset, failure],
  );
  useDemoKeys(presenter, keys);

  // Auto-advance: the next step a little after the previous one finished.
  const idle = running && state?.status === 'running';
  const remaining = running && state ? state.nextStep < state.stepCount : false;
  useEffect(() => {
    if (!auto || !idle || !remaining) return;
    const timer = setTimeout(() => void next(), AUTO_DELAY_MS);
    return () => clearTimeout(timer);
  }, [auto, idle, remaining, state?.nextStep, next]);

  const onOption = (patch: DemoOptions) => {
    setOptions((o) => ({ ...o, [selected]: { ...o[selected], ...patch } }));
    if (running && patch.idempotent !== undefined) void store.setOptions(patch);
  };

  const live = connection.status === 'connected';
  const onCluster = live && connection.profileId === CLUSTER_PROFILE_ID;
  return (
    <div className={presenter ? 'demo-presenter' : 'page-body'} aria-label={presenter ? 'Presenter mode' : undefined}>
      <div className="page-header">
        <div>
          <h1>{presenter && demo ? demo.title : 'Demos'}</h1>
          <p className="page-subtitle">
            {presenter ? 'Space: next step · R: reset · F: failure · Esc: leave' : 'Every scenario of the RabbitMQ tutorial, run for real on this broker'}
          </p>
        </div>
      </div>
      {!live && !running ? (
        <NotConnected state={connection} />
      ) : (
        <>
          {presenter ? null : (
            <div role="tablist" aria-label="Scenario" className="demo-tabs demo-picker">
              {demos.map((d) => (
                <button key={d.name} role="tab" aria-selected={d.name === selected} className={`button button-quiet${d.name === selected ? ' is-active' : ''}`} onClick={() => setSelected(d.name)}>
                  {d.title}
                </button>
              ))}
            </div>
          )}
          {demo ? (
            <>
              {presenter ? null : <p className="demo-summary">{demo.summary}</p>}
              {demo.needsCluster && !running && !onCluster ? <ClusterOffer connection={connection} onConnect={store.connectCluster} /> : null}
              <DemoControls
                demo={demo}
                runBlocked={demo.needsCluster && !running && !onCluster}
                state={running ? state : undefined}
                running={running}
                options={demoOptions}
                auto={auto}
                presenter={presenter}
                onRun={() => void run()}
                onNext={() => void next()}
                onReset={askReset}
                onFailure={() => void failure()}
                onAuto={setAuto}
                onPresenter={setPresenter}
                onOption={onOption}
              />
              <div className="demo-notices">
                {error ? <ErrorNotice error={error} onDismiss={store.dismissError} /> : null}
                {running && state?.error ? <ErrorNotice tone="warning" title="The demo hit a problem" error={state.error} /> : null}
              </div>
              {running && state?.isolation ? (
                <p className="muted demo-where">
                  {state.isolation.mode === 'vhost' ? `In its own vhost ${state.isolation.vhost}` : `In vhost ${state.isolation.vhost}, names prefixed ${state.isolation.prefix}`} · Reset deletes what it declared
                </p>
              ) : null}
              <div className="demo-stage">
                <NarrationPanel steps={demo.steps} state={running ? state : undefined} results={presenter && running && state ? <FactsPanel state={state} /> : undefined} />
                <div className="demo-live">
                  {running && state ? (
                    <>
                      <div className="demo-picture">
                        <DemoGraph state={state} />
                        <DemoCharts state={state} presenter={presenter} presenterChart={demo.presenterChart} />
                      </div>
                      <DemoActions actions={demo.actions} disabled={!running} onAction={store.action} />
                      {presenter ? null : <FactsPanel state={state} />}
                      <ActorsPanel actors={state.actors} />
                    </>
                  ) : (
                    <p className="muted">Nothing running. Run declares the scenario’s queues and starts its programs.</p>
                  )}
                </div>
              </div>
              {presenter ? null : <CodePanel name={selected} refreshKey={`${state?.name ?? ''}|${state?.isolation?.vhost ?? ''}|${connection.profileId ?? ''}`} />}
            </>
          ) : null}
        </>
      )}
      {confirmReset && running && demo ? (
        <ConfirmDialog
          title={`Reset ${demo.title}?`}
          message={`The run is in progress (step ${state?.nextStep ?? 0} of ${state?.stepCount ?? 0}): its programs stop, what it declared is deleted and its charts start over.${presenter ? ' R again resets; Esc keeps it running.' : ''}`}
          confirmLabel="Reset the run"
          onConfirm={() => void reset()}
          onCancel={() => setConfirmReset(false)}
        />
      ) : null}
    </div>
  );
}
