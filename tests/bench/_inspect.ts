/**
 * Bench helper: talks to Warren's main process over the V8 inspector (started with
 * NODE_OPTIONS=--inspect=127.0.0.1:0) to force a garbage collection, read its heap and take a
 * CPU profile. Benchmarks only; the product never opens an inspector.
 */
import WebSocket from 'ws';

export class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id !== undefined) {
        this.pending.get(msg.id)?.(msg.error ? { error: msg.error } : msg.result);
        this.pending.delete(msg.id);
      }
    });
  }

  /** Connects to whichever of the printed inspector URLs belongs to the process running `scriptPart`. */
  static async find(output: string, scriptPart: string): Promise<Inspector> {
    const urls = [...output.matchAll(/Debugger listening on (ws:\/\/\S+)/g)].map((m) => m[1]!);
    for (const url of urls) {
      const ws = new WebSocket(url);
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      const inspector = new Inspector(ws);
      const argv = await inspector.evaluate<string>('process.argv.join(" ")');
      if (argv.includes(scriptPart)) return inspector;
      ws.close();
    }
    throw new Error(`no inspector for ${scriptPart} among ${urls.length} printed`);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (result: unknown) => void);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value: T } }>('Runtime.evaluate', { expression, returnByValue: true });
    return r.result.value;
  }

  async gc(): Promise<void> {
    await this.send('HeapProfiler.collectGarbage');
  }

  /** Heap used, in MiB. */
  async heapMiB(): Promise<number> {
    return Math.round((await this.evaluate<number>('process.memoryUsage().heapUsed')) / 2 ** 20);
  }

  close(): void {
    this.ws.close();
  }
}

/** The functions with the most self time in a V8 CPU profile, as "ms  name (file:line)". */
export function topSelf(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; startTime: number; endTime: number; samples?: number[] }, n = 25): string[] {
  const total = profile.nodes.reduce((s, x) => s + (x.hitCount ?? 0), 0) || 1;
  const ms = (profile.endTime - profile.startTime) / 1000;
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} (${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1})`;
    byName.set(key, (byName.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, hits]) => `${((hits / total) * ms).toFixed(0).padStart(7)} ms  ${k}`);
}
