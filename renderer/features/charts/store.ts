/**
 * The Charts feature's store: the sampler's status (fetched while read, then kept by its
 * event), the series feeds of whatever a page draws, and the watch list and marker commands.
 */
import type { ChartsStatus, QueueRef } from '../../../shared/charts/types';
import type { Result } from '../../../shared/errors';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';
import { KnownSeries, SeriesFeed } from './seriesFeed';

export interface ChartsState {
  status?: ChartsStatus;
  /** The connection's queues, for the watch list's suggestions. */
  queueNames?: string[];
}

export class ChartsStore extends StateStore<ChartsState> {
  private readonly known = new KnownSeries();
  private stop?: () => void;

  constructor(private readonly bridge: BridgePort) {
    super({});
  }

  /** A feed of these queues' series (and the broker's when `overview`); it runs while read. */
  series(refs: QueueRef[], overview: boolean): SeriesFeed {
    return new SeriesFeed(this.bridge, this.known, refs, overview);
  }

  async watch(queues: string[], vhost: string | undefined): Promise<Result<ChartsStatus>> {
    const r = await this.bridge.call('charts.watch', { ...(vhost ? { vhost } : {}), queues });
    // The status event follows; the answer is already the new status.
    if (r.ok) this.set({ status: r.value });
    return r;
  }

  /** Asks for the connection's queue names (the watch list suggests them as you type). */
  async loadQueueNames(): Promise<void> {
    const r = await this.bridge.call('messaging.topology', {});
    if (r.ok) this.set({ queueNames: r.value.queues });
  }

  unwatch(ref: QueueRef): Promise<Result<ChartsStatus>> {
    return this.bridge.call('charts.unwatch', { vhost: ref.vhost, queues: [ref.queue] });
  }

  unwatchAll(): Promise<Result<ChartsStatus>> {
    return this.bridge.call('charts.unwatch', { all: true });
  }

  async addMarker(label: string): Promise<Result<void>> {
    const r = await this.bridge.call('charts.marker', { label });
    return r.ok ? { ok: true, value: undefined } : r;
  }

  protected override onFirstSubscriber(): void {
    let active = true;
    const off = this.bridge.on('charts.status', (status) => active && this.set({ status }));
    const load = () =>
      void this.bridge.call('charts.status', {}).then((r) => {
        if (active && r.ok) this.set({ status: r.value });
      });
    const offTransport = this.bridge.onTransport((up) => up && load());
    load();
    this.stop = () => {
      active = false;
      off();
      offTransport();
    };
  }

  protected override onLastUnsubscribe(): void {
    this.stop?.();
    this.stop = undefined;
  }
}

