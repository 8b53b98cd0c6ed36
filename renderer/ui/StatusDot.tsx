/** A coloured dot for a status; purely decorative (the text next to it carries the meaning). */
import type { Tone } from '../features/connections/connectionText';

export function StatusDot({ tone }: { tone: Tone }) {
  return <span className={`status-dot status-dot-${tone}`} aria-hidden="true" />;
}
