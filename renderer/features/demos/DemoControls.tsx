/** Run, next step, auto-advance, reset, the failure toggle, presenter mode, and the demo's options. */
import type { DemoOptions, DemoState, DemoSummary } from '../../../shared/demos/types';

interface Props {
  demo: DemoSummary;
  state?: DemoState;
  running: boolean;
  options: DemoOptions;
  auto: boolean;
  presenter: boolean;
  /** Run waits for something the page offers first (the sandbox cluster of a node-failure demo). */
  runBlocked?: boolean;
  onRun: () => void;
  onNext: () => void;
  onReset: () => void;
  onFailure: () => void;
  onAuto: (auto: boolean) => void;
  onPresenter: (on: boolean) => void;
  onOption: (patch: DemoOptions) => void;
}

export function DemoControls(p: Props) {
  const { demo, state, running } = p;
  const busy = state?.status === 'busy' || state?.status === 'starting' || state?.status === 'resetting';
  const done = running && state !== undefined && state.nextStep >= state.stepCount;
  return (
    <div className="demo-controls">
      <div className="button-row">
        <button className="button button-primary" onClick={p.onRun} disabled={(busy && running) || p.runBlocked}>
          {running ? 'Run again' : 'Run'}
        </button>
        <button className="button" onClick={p.onNext} disabled={!running || busy || done} aria-keyshortcuts="Space">
          Next step{state && running ? ` (${Math.min(state.nextStep + 1, state.stepCount)}/${state.stepCount})` : ''}
        </button>
        <label className="checkbox-line">
          <input type="checkbox" checked={p.auto} onChange={(e) => p.onAuto(e.target.checked)} aria-label="Auto-advance" /> {p.presenter ? 'Auto' : 'Auto-advance'}
        </label>
        {demo.failure ? (
          <button className={`button${state?.failureOn ? ' button-danger' : ''}`} onClick={p.onFailure} disabled={!running} aria-keyshortcuts="F" aria-pressed={state?.failureOn ?? false}>
            {state?.failureOn ? demo.failure.off : demo.failure.on}
          </button>
        ) : null}
        <button className="button button-danger-quiet" onClick={p.onReset} disabled={!running} aria-keyshortcuts="R">
          Reset
        </button>
        {/* In presenter mode the row shares the title's line: short words, the same names for assistive technology. */}
        <button className="button button-quiet" onClick={() => p.onPresenter(!p.presenter)} aria-pressed={p.presenter} aria-label={p.presenter ? 'Leave presenter mode' : 'Presenter mode'} aria-keyshortcuts={p.presenter ? 'Escape' : undefined}>
          {p.presenter ? 'Leave' : 'Presenter mode'}
        </button>
      </div>
      {demo.toggles.length > 0 ? (
        <div className="demo-toggles">
          {demo.toggles.map((t) => (
            <label key={t.option} className="demo-toggle">
              {t.label}
              <select
                value={String(p.options[t.option] ?? t.choices[0]?.value)}
                onChange={(e) => {
                  const v = e.target.value;
                  p.onOption(
                    t.option === 'prefetch'
                      ? { prefetch: Number(v) }
                      : t.option === 'variant'
                        ? { variant: v as 'topic' | 'direct' | 'fanout' }
                        : { [t.option]: v === 'true' },
                  );
                }}
              >
                {t.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
