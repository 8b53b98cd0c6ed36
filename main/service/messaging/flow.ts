/**
 * Delivery flow control. A page that stops reading (a frozen tab, a slow link) would otherwise
 * make main buffer every delivery for it (~160 MB per 200,000). Each sink (a WebSocket client)
 * reports when it is behind; while any is, Warren's consumers stop consuming (basic.cancel: the
 * broker keeps the messages, unacked ones stay unacked) and they start again when all caught up.
 */
export class DeliveryFlow {
  private readonly behind = new Set<object>();
  private readonly listeners = new Set<(paused: boolean) => void>();

  get paused(): boolean {
    return this.behind.size > 0;
  }

  /** A sink says whether it is behind; a sink that went away reports `false`. */
  report(sink: object, isBehind: boolean): void {
    const was = this.paused;
    if (isBehind) this.behind.add(sink);
    else this.behind.delete(sink);
    if (was !== this.paused) for (const listener of this.listeners) listener(this.paused);
  }

  onChange(listener: (paused: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
