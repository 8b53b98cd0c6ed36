/** What happens, why, and what to look at: the current step, then what the demo measured. */
import { useEffect, useRef, type ReactNode } from 'react';
import type { DemoState, DemoStepInfo } from '../../../shared/demos/types';

/** `results` (presenter mode) sit under the step's text, above the log, which gives up its height first. */
export function NarrationPanel({ steps, state, results }: { steps: DemoStepInfo[]; state?: DemoState; results?: ReactNode }) {
  const log = useRef<HTMLOListElement>(null);
  const lines = state?.narration ?? [];
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [lines.length]);
  const current = state && state.nextStep > 0 ? steps[state.nextStep - 1] : undefined;
  return (
    <section className="demo-narration" aria-label="Narration">
      <ol className="demo-steps">
        {steps.map((s, i) => (
          <li key={s.title} className={state && i < state.nextStep ? (i === state.nextStep - 1 ? 'is-current' : 'is-done') : undefined}>
            {s.title}
          </li>
        ))}
      </ol>
      {current ? (
        <div className="demo-now" aria-live="polite">
          {/* The step's number is the tag of its marker on the charts. */}
          <h3>
            <span className="demo-now-n">{state?.nextStep}</span> {current.title}
          </h3>
          <p>{current.narration}</p>
        </div>
      ) : (
        <p className="demo-now muted">Press Run to start; each step explains what happens and what to look at.</p>
      )}
      {results}
      <ol className="demo-log" ref={log} aria-label="What happened">
        {lines.map((l, i) => (
          <li key={`${l.at}-${i}`} className={`tone-${l.tone ?? 'info'}`}>
            {l.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
