/**
 * Operations and events of the live charts: a watch list of queues sampled every second by the
 * main process (one management API request per interval for all of them), their history from
 * bounded ring buffers, and markers (vertical lines with a label).
 */
import { z } from 'zod';
import type { ChartMarker, ChartsHistory, ChartsStatus, ChartTick } from './types';
import { empty, vhostName } from '../schemas';
import { requiredAmqpName } from '../validation/name-schemas';
import { op, stateEvent, streamEvent } from '../spec';

/** Most queues one watch list holds (the benchmark's 500 with room to spare). */
export const MAX_WATCHED_QUEUES = 1000;
/** All chart history together (the main process' rings) stays within this (docs/charts.md). */
export const CHART_MEMORY_CAP_BYTES = 64 * 1024 * 1024;

const queueName = requiredAmqpName('Queue name', 'a queue name cannot be empty');
const queueRef = z.object({ vhost: vhostName, queue: queueName });

export const chartsOperations = {
  'charts.watch': op<ChartsStatus>()(
    z.object({
      /** The current connection's vhost when omitted. */
      vhost: vhostName.optional(),
      queues: z.array(queueName).min(1, 'name at least one queue').max(MAX_WATCHED_QUEUES),
    }),
    'Add queues to the chart watch list (sampled every second)',
  ),
  'charts.unwatch': op<ChartsStatus>()(
    z.object({
      vhost: vhostName.optional(),
      queues: z.array(queueName).max(MAX_WATCHED_QUEUES).optional(),
      /** Unwatch every queue. */
      all: z.boolean().optional(),
    }),
    'Remove queues from the chart watch list',
  ),
  'charts.status': op<ChartsStatus>()(empty, 'What the chart sampler is doing: watch list, source, interval, warnings'),
  'charts.history': op<ChartsHistory>()(
    z.object({
      /** Which queues' history; none means only the overview series. */
      queues: z.array(queueRef).max(50).default([]),
      /** Only samples at or after this time (epoch ms). */
      since: z.number().int().min(0).optional(),
      /** Downsample each series to at most this many points (long windows). */
      maxPoints: z.number().int().min(10).max(20_000).optional(),
      overview: z.boolean().default(false),
    }),
    'The samples kept so far (ring buffers in the main process) and the markers',
  ),
  'charts.marker': op<ChartMarker>()(
    z.object({
      label: z.string().trim().min(1, 'give the marker a label').max(120),
      vhost: vhostName.optional(),
      queue: queueName.optional(),
    }),
    'Add a labelled marker to the charts (now)',
  ),
} as const;

export const chartsEvents = {
  /** One per sampler tick: rows for every watched queue and the overview (EventHub batches them). */
  'charts.samples': streamEvent<ChartTick>(),
  'charts.markers': streamEvent<ChartMarker[]>(),
  'charts.status': stateEvent<ChartsStatus>(),
} as const;
