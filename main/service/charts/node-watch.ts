/**
 * Which nodes of the broker went down or came back between two readings of /api/nodes: each
 * change becomes a marker on every chart ("rabbit-2 down"), so a chart of a cluster shows when a
 * node failed next to what the queues did. The first reading only sets what is known.
 */
export interface NodeReading {
  name: string;
  running?: boolean;
}

export class NodeWatch {
  private known?: Map<string, boolean>;

  /** The markers' labels for what changed since the last reading. */
  changes(nodes: readonly NodeReading[]): string[] {
    const now = new Map(nodes.map((n) => [n.name, n.running === true]));
    const before = this.known;
    this.known = now;
    if (!before) return [];
    const labels: string[] = [];
    for (const [name, running] of now) {
      const was = before.get(name);
      if (was !== undefined && was !== running) labels.push(`${name.split('@')[0]} ${running ? 'up' : 'down'}`);
    }
    return labels;
  }

  /** Another broker: its nodes are not the last one's. */
  forget(): void {
    this.known = undefined;
  }
}
