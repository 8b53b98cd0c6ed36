import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionRow } from '../../../shared/topology/types';
import { testBroker, waitFor } from '../../support/broker';
import { topologyFixture, type TopologyFixture } from '../../support/topology';
import { PYTHON } from '../demos/tutorial-scripts';

/** A pika client as the tutorial writes one, naming its connection; it prints why the broker closed it. */
const PIKA_CLIENT = `
import sys, pika
params = pika.ConnectionParameters(host='127.0.0.1', port=int(sys.argv[1]), virtual_host=sys.argv[2],
                                   client_properties={'connection_name': 'email-worker'})
connection = pika.BlockingConnection(params)
print('connected', flush=True)
try:
    while True:
        connection.process_data_events(time_limit=0.2)
except pika.exceptions.ConnectionClosedByBroker as closed:
    print('closed', closed.reply_code, closed.reply_text, flush=True)
`;

/** Issue 11 point 7: connections are identified and can be closed. */
describe('the Connections table and closing a connection', () => {
  let f: TopologyFixture;
  let pika: ChildProcessWithoutNullStreams | undefined;
  let output = '';

  beforeEach(async () => {
    f = await topologyFixture('conns');
    output = '';
    pika = spawn(PYTHON, ['-c', PIKA_CLIENT, String(testBroker().amqpPort), f.vhost]);
    pika.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    pika.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => (output.includes('connected') ? true : undefined));
  });
  afterEach(async () => {
    pika?.kill();
    await f.close();
  });

  async function rows(): Promise<ConnectionRow[]> {
    return (
      (await waitFor(async () => {
        const list = await f.call('topology.list', { kind: 'connections', vhost: f.vhost });
        const found = list.data.kind === 'connections' ? list.data.rows : [];
        return found.length >= 3 ? found : undefined;
      })) ?? []
    );
  }

  it('the Client column data names the product and connection name each client reports, and marks Warren’s own', async () => {
    const all = await rows();
    const state = await f.call('connection.state', {});
    expect(all.find((r) => r.clientProduct === 'Pika Python Client Library')).toMatchObject({ clientName: 'email-worker', warren: false });
    expect(all.find((r) => r.clientProduct === 'amqplib')).toMatchObject({ clientName: '', warren: false });
    expect(all.find((r) => r.warren)).toMatchObject({ clientProduct: 'Warren', clientName: `Warren — ${state.profileName}` });
  });

  it('closing a connection cuts exactly that client and hands it the reason', async () => {
    const pikaRow = (await rows()).find((r) => r.clientName === 'email-worker');
    if (!pikaRow) throw new Error('no pika connection listed');

    const closed = await f.call('topology.closeConnection', { name: pikaRow.name, reason: 'maintenance window' });

    expect(closed).toEqual({ name: pikaRow.name, reason: 'maintenance window' });
    await waitFor(() => (output.includes('closed') ? true : undefined));
    expect(output).toMatch(/closed 320 .*maintenance window/);
    const left = await waitFor(async () => {
      const list = await f.call('topology.list', { kind: 'connections', vhost: f.vhost });
      const found = list.data.kind === 'connections' ? list.data.rows : [];
      return found.some((r) => r.name === pikaRow.name) ? undefined : found;
    });
    expect(left?.map((r) => r.clientProduct)).not.toContain('Pika Python Client Library');
    expect((await f.call('connection.state', {})).status).toBe('connected');
  });

  it('closing a connection that is gone says so', async () => {
    const error = await f.refused('topology.closeConnection', { name: '127.0.0.1:1 -> 127.0.0.1:2', reason: '' });
    expect(error.message).toBe('Connection 127.0.0.1:1 -> 127.0.0.1:2 is already closed');
  });

  it('a demo’s programs are listed as that demo’s, each by its program’s name; only Warren’s own connection is marked Warren', async () => {
    expect((await f.ctx.dispatch('demos.run', { name: 'ecomnow', options: { emailMs: 20 } })).ok).toBe(true);
    try {
      const demoRows =
        (await waitFor(async () => {
          const list = await f.call('topology.list', { kind: 'connections', vhost: 'warren-demo-ecomnow' });
          const found = list.data.kind === 'connections' ? list.data.rows : [];
          return found.length >= 4 ? found : undefined;
        }, 30_000)) ?? [];
      expect(demoRows.map((r) => r.clientName).sort()).toEqual(
        ['demo ecomnow — Analytics service', 'demo ecomnow — Email service', 'demo ecomnow — Inventory service', 'demo ecomnow — producer'],
      );
      for (const row of demoRows) expect(row).toMatchObject({ demo: 'ecomnow', demoProgram: row.clientName.replace('demo ecomnow — ', ''), warren: false, clientProduct: 'Warren demo' });
      const own = (await rows()).filter((r) => r.warren);
      expect(own.map((r) => ({ product: r.clientProduct, demo: r.demo, program: r.demoProgram }))).toEqual(own.map(() => ({ product: 'Warren', demo: '', program: '' })));
      expect(own.length).toBeGreaterThan(0);
    } finally {
      await f.ctx.dispatch('demos.reset', {});
    }
  });
});
