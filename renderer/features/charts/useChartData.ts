/** The Charts store read from components: the sampler's status, and the series of the queues a page draws. */
import { useDeferredValue, useEffect, useMemo } from 'react';
import { refKey, type ChartsStatus, type QueueRef } from '../../../shared/charts/types';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import type { ChartSeriesState } from './seriesFeed';

export { OVERVIEW_KEY, type ChartSeriesState, type SeriesData } from './seriesFeed';

export function useChartsStatus(): ChartsStatus | undefined {
  return useStore(useStores().charts).status;
}

/**
 * History + live samples for `refs` (and the overview when asked).
 * @param keepMs how far back the page keeps samples (its window while live); undefined keeps all
 */
export function useChartSeries(refs: QueueRef[], overview: boolean, keepMs?: number): ChartSeriesState {
  const { charts } = useStores();
  const key = JSON.stringify([refs.map(refKey).sort(), overview]);
  // One feed per set of queues (the key is the set's content, not the array's identity).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const feed = useMemo(() => charts.series(refs, overview), [charts, key]);
  useEffect(() => feed.keepOnly(keepMs), [feed, keepMs]);
  // Redrawing a page of charts each second may be interrupted by input and animation frames.
  return useDeferredValue(useStore(feed));
}
