/** One small chart per queue of the demo, side by side: ready messages over the last minute. */
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { QueueDepthSample } from '../../../shared/demo-types';

const COLORS = ['var(--accent)', 'var(--info)', 'var(--ok)', 'var(--warn)', 'var(--error)'];

export function DepthCharts({ queues, samples }: { queues: string[]; samples: QueueDepthSample[] }) {
  if (queues.length === 0) return null;
  const first = samples[0]?.at ?? 0;
  const data = samples.map((s) => ({ t: Math.round((s.at - first) / 100) / 10, ...s.depths }));
  const latest = samples.at(-1)?.depths ?? {};
  return (
    <section className="demo-charts" aria-label="Queue depths">
      {queues.map((queue, i) => {
        const now = latest[queue];
        return (
          <figure key={queue} className="demo-chart" data-testid={`depth-${queue}`}>
            <figcaption>
              <span className="demo-chart-name">{queue}</span>
              <strong className="demo-chart-value" aria-label={`${queue} ready messages`}>
                {now === undefined ? '–' : now === null ? 'gone' : now}
              </strong>
            </figcaption>
            <div className="demo-chart-plot">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -24 }}>
                  <XAxis dataKey="t" hide />
                  <YAxis allowDecimals={false} domain={[0, (max: number) => Math.max(5, max)]} stroke="var(--muted)" fontSize={11} />
                  <Tooltip
                    contentStyle={{ background: 'var(--surface-2)', border: '1px solid var(--border)' }}
                    labelFormatter={(t) => `${String(t)} s`}
                  />
                  <Line type="stepAfter" dataKey={queue} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </figure>
        );
      })}
    </section>
  );
}
