/**
 * A real TCP proxy a test puts between Warren and the broker, to cut the network the ways it
 * breaks: `blackhole()` keeps every socket open but silently drops what crosses it (a pulled
 * cable, a stateful firewall forgetting the flow), `reset()` sends RST on every socket and lets
 * traffic through again, `restore()` lets traffic through on the sockets that are open.
 */
import net from 'node:net';

export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private dropping = false;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(): Promise<number> {
    this.server = net.createServer((client) => this.pair(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  blackhole(): void {
    this.dropping = true;
  }

  restore(): void {
    this.dropping = false;
  }

  reset(): void {
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    this.dropping = false;
  }

  async close(): Promise<void> {
    this.reset();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private pair(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => {
      if (!this.dropping) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!this.dropping) client.write(chunk);
    });
  }
}
