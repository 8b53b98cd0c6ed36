/** Series colours (CSS variables where the theme has them, so dark mode follows). */
import type { SampleField } from '../../../shared/charts/types';

export const FIELD_COLORS: Record<SampleField, string> = {
  ready: '#3b82f6',
  unacked: '#f59e0b',
  total: '#64748b',
  consumers: '#10b981',
  publish: '#8b5cf6',
  deliver: '#06b6d4',
  ack: '#22c55e',
  redeliver: '#ef4444',
  unroutable: '#db2777',
};

export const FIELD_LABELS: Record<SampleField, string> = {
  ready: 'Ready',
  unacked: 'Unacked',
  total: 'Total',
  consumers: 'Consumers',
  publish: 'Publish',
  deliver: 'Deliver',
  ack: 'Ack',
  redeliver: 'Redeliver',
  unroutable: 'Unroutable',
};

/** Colours for queues when several share one chart. */
export const QUEUE_PALETTE = ['#3b82f6', '#f59e0b', '#10b981', '#8b5cf6', '#ef4444', '#06b6d4', '#db2777', '#84cc16'];
