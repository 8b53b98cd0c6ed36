/** Time window, pause/scrub and layout for the charts page. */
import { TIME_WINDOWS, type TimeWindowId } from './points';
import { chartClock } from './chartTime';

export type Layout = 'multiples' | 'combined';

interface Props {
  windowId: TimeWindowId;
  onWindow: (id: TimeWindowId) => void;
  paused: boolean;
  onPause: (paused: boolean) => void;
  /** While paused: the end of the shown window, between `oldest` and `pausedAt`. */
  scrubEnd?: number;
  oldest?: number;
  pausedAt?: number;
  onScrub: (end: number) => void;
  layout: Layout;
  onLayout: (layout: Layout) => void;
}

export function ChartToolbar({ windowId, onWindow, paused, onPause, scrubEnd, oldest, pausedAt, onScrub, layout, onLayout }: Props) {
  return (
    <div className="charts-toolbar">
      <div role="radiogroup" aria-label="Time window" className="charts-segmented">
        {TIME_WINDOWS.map((w) => (
          <button key={w.id} type="button" role="radio" aria-checked={windowId === w.id} className={windowId === w.id ? 'is-on' : ''} onClick={() => onWindow(w.id)}>
            {w.label}
          </button>
        ))}
      </div>
      <button type="button" className={`button${paused ? ' button-primary' : ''}`} onClick={() => onPause(!paused)} aria-pressed={paused}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      {paused && oldest !== undefined && pausedAt !== undefined && pausedAt > oldest ? (
        <label className="charts-scrub">
          <span>Scrub</span>
          <input
            type="range"
            min={oldest}
            max={pausedAt}
            step={1000}
            value={scrubEnd ?? pausedAt}
            onChange={(e) => onScrub(Number(e.target.value))}
            aria-valuetext={chartClock(scrubEnd ?? pausedAt)}
          />
          <span className="muted">{chartClock(scrubEnd ?? pausedAt)}</span>
        </label>
      ) : null}
      <div role="radiogroup" aria-label="Layout" className="charts-segmented">
        <button type="button" role="radio" aria-checked={layout === 'multiples'} className={layout === 'multiples' ? 'is-on' : ''} onClick={() => onLayout('multiples')}>
          Side by side
        </button>
        <button type="button" role="radio" aria-checked={layout === 'combined'} className={layout === 'combined' ? 'is-on' : ''} onClick={() => onLayout('combined')}>
          One chart
        </button>
      </div>
    </div>
  );
}
