/** The "Read a stream" panel's store: one read at a time, the page on screen, and Older / Newer by offset. */
import type { WarrenError } from '../../../shared/errors';
import { newerRequest, olderRequest, type StreamRequest } from '../../../shared/streams/paging';
import type { StreamPage } from '../../../shared/streams/types';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

export interface StreamsSnapshot {
  page?: StreamPage;
  /** How many messages a page holds (the count of the read that made it). */
  count: number;
  error?: WarrenError;
  busy: boolean;
}

export class StreamsStore extends StateStore<StreamsSnapshot> {
  /** Numbers the reads: an answer to an older read never replaces a newer one. */
  private latest = 0;

  constructor(private readonly bridge: BridgePort) {
    super({ count: 100, busy: false });
  }

  async read(request: StreamRequest): Promise<void> {
    const id = ++this.latest;
    this.set({ busy: true, error: undefined });
    const result = await this.bridge.call('streams.read', request);
    if (id !== this.latest) return;
    if (result.ok) this.set({ page: result.value, count: request.count, busy: false });
    else this.set({ error: result.error, busy: false });
  }

  older(): Promise<void> {
    const { page, count } = this.current;
    return page ? this.read(olderRequest(page, count)) : Promise.resolve();
  }

  newer(): Promise<void> {
    const { page, count } = this.current;
    return page ? this.read(newerRequest(page, count)) : Promise.resolve();
  }
}
