/**
 * The brokers Warren is connected to at once. The main connection (the top bar's, the one
 * publishing, consumers, charts and demos use) is one; any profile can be opened beside it, each
 * with its own AMQP session and management client, for the pages with a broker picker. A broker
 * beside follows its own restarts like the main one (same BrokerConnection, same backoff).
 */
import type { OpenBroker } from '../../../shared/brokers/types';
import { warrenError } from '../../../shared/errors';
import { BrokerConnection } from '../broker/connection';
import type { ProfileCatalog } from '../connections/profiles/catalog';
import { fail, WarrenFailure } from '../errors';

export class BrokerSet {
  private readonly beside = new Map<string, BrokerConnection>();
  private readonly opening = new Map<string, Promise<OpenBroker[]>>();

  constructor(
    readonly main: BrokerConnection,
    private readonly catalog: ProfileCatalog,
    private readonly onChange: (brokers: OpenBroker[]) => void,
    private readonly backoffMs?: number[],
  ) {}

  list(): OpenBroker[] {
    const mainId = this.main.state.profileId;
    const open: OpenBroker[] = [];
    if (mainId !== undefined) open.push({ id: mainId, name: this.main.state.profileName ?? mainId, main: true, state: this.main.state });
    for (const [id, connection] of this.beside) {
      if (id !== mainId) open.push({ id, name: connection.state.profileName ?? id, main: false, state: connection.state });
    }
    return open;
  }

  /** Says what changed to every window (the main connection's changes too: it heads the list). */
  changed(): void {
    this.onChange(this.list());
  }

  /**
   * Connects to a profile beside the main connection. Nothing is kept when it fails: the error
   * says why, in the words of a failed connect.
   */
  open(id: string): Promise<OpenBroker[]> {
    if (id === this.main.state.profileId || this.beside.has(id)) return Promise.resolve(this.list());
    // A second open of the same profile while the first connects (a double click) shares it: one connection each.
    let opening = this.opening.get(id);
    if (!opening) {
      this.opening.set(id, (opening = this.connectBeside(id).finally(() => this.opening.delete(id))));
    }
    return opening;
  }

  private async connectBeside(id: string): Promise<OpenBroker[]> {
    const target = this.catalog.target(id);
    const connection = new BrokerConnection(() => this.changed(), this.backoffMs);
    const state = await connection.connect(target);
    if (state.status !== 'connected') {
      await connection.disconnect().catch(() => undefined);
      throw new WarrenFailure({
        ...(state.error ?? warrenError('UNREACHABLE', 'the connection failed')),
        message: `${target.profileName}: ${state.error?.message ?? 'the connection failed'}`,
      });
    }
    this.beside.set(id, connection);
    this.changed();
    return this.list();
  }

  async close(id: string): Promise<OpenBroker[]> {
    const connection = this.beside.get(id);
    if (!connection) {
      if (id === this.main.state.profileId) fail('BAD_INPUT', 'This is the main connection', { field: 'id', hint: 'Disconnect it (or switch to another profile) on the Connections page.' });
      return this.list();
    }
    this.beside.delete(id);
    await connection.disconnect().catch(() => undefined);
    this.changed();
    return this.list();
  }

  /** The connection that answers for `broker` (the main one when none is named). */
  connectionFor(broker: string | undefined): BrokerConnection {
    if (broker === undefined || broker === this.main.state.profileId) return this.main;
    const connection = this.beside.get(broker);
    if (!connection) {
      fail('NOT_CONNECTED', `Warren is not connected to the broker “${broker}”`, {
        field: 'broker',
        hint: 'Open it beside the main connection on the Connections page, or pick another broker.',
      });
    }
    return connection;
  }

  /** The main connection now is a profile that was open beside it: one connection to it is enough. */
  async promoted(id: string): Promise<void> {
    if (this.beside.has(id)) await this.close(id);
  }

  async shutdown(): Promise<void> {
    const all = [...this.beside.values()];
    this.beside.clear();
    await Promise.all(all.map((c) => c.disconnect().catch(() => undefined)));
  }
}
