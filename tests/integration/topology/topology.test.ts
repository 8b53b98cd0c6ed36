import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../shared/topology/rows';
import axios from 'axios';
import { putPolicy, testBroker, waitFor } from '../../support/broker';
import { topologyFixture, type TopologyFixture } from '../../support/topology';

const enc = encodeURIComponent;

describe('topology: declare, bind, delete, purge against the real broker', () => {
  let f: TopologyFixture;
  beforeEach(async () => {
    f = await topologyFixture('topo');
  });
  afterEach(async () => {
    await f.close();
  });

  it('declares a queue with every named option and typed free-form arguments, exactly as asked', async () => {
    const result = await f.call('topology.declareQueue', {
      name: 'email_queue',
      durable: true,
      messageTtl: 60000,
      expires: 3_600_000,
      maxLength: 1000,
      maxLengthBytes: 1_000_000,
      overflow: 'reject-publish',
      deadLetterExchange: 'dlx',
      deadLetterRoutingKey: 'dead',
      singleActiveConsumer: true,
      lazy: true,
      maxPriority: 5,
      arguments: [
        { key: 'x-custom-text', type: 'string', value: '42' },
        { key: 'x-custom-number', type: 'number', value: '42' },
        { key: 'x-custom-flag', type: 'boolean', value: 'true' },
      ],
    });
    expect(result).toMatchObject({ kind: 'queue', name: 'email_queue', vhost: f.vhost, messageCount: 0 });
    const q = await f.api<{ durable: boolean; arguments: Record<string, unknown> }>(`/queues/${enc(f.vhost)}/email_queue`);
    expect(q.durable).toBe(true);
    expect(q.arguments).toEqual({
      'x-message-ttl': 60000,
      'x-expires': 3_600_000,
      'x-max-length': 1000,
      'x-max-length-bytes': 1_000_000,
      'x-overflow': 'reject-publish',
      'x-dead-letter-exchange': 'dlx',
      'x-dead-letter-routing-key': 'dead',
      'x-single-active-consumer': true,
      'x-queue-mode': 'lazy',
      'x-max-priority': 5,
      'x-custom-text': '42',
      'x-custom-number': 42,
      'x-custom-flag': true,
    });
  });

  it('declares quorum and stream queues, and a server-named exclusive queue', async () => {
    await f.call('topology.declareQueue', { name: 'orders.q', type: 'quorum' });
    await f.call('topology.declareQueue', { name: 'events.s', type: 'stream' });
    const named = await f.call('topology.declareQueue', { name: '', durable: false, exclusive: true });
    expect(named.name).toMatch(/^amq\.gen-/);
    const list = await f.call('topology.list', { kind: 'queues' });
    expect(list.data.kind).toBe('queues');
    const types = Object.fromEntries(rowsOf(list.data, 'queues').map((r) => [r.name, r.type]));
    expect(types).toMatchObject({ 'orders.q': 'quorum', 'events.s': 'stream', [named.name]: 'classic' });
  });

  it('declares a quorum queue with group size, delivery limit and at-least-once dead-lettering, and a stream with max age and segment size', async () => {
    await f.call('topology.declareQueue', { name: 'orders.qq', type: 'quorum', initialGroupSize: 1, deliveryLimit: 3, deadLetterStrategy: 'at-least-once', overflow: 'reject-publish', deadLetterExchange: 'dlx' });
    await f.call('topology.declareQueue', { name: 'orders.log', type: 'stream', maxAge: '7D', maxLengthBytes: 20_000_000, streamMaxSegmentSizeBytes: 1_000_000 });
    const qq = await f.api<{ arguments: Record<string, unknown> }>(`/queues/${enc(f.vhost)}/orders.qq`);
    expect(qq.arguments).toEqual({ 'x-queue-type': 'quorum', 'x-quorum-initial-group-size': 1, 'x-delivery-limit': 3, 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish', 'x-dead-letter-exchange': 'dlx' });
    const stream = await f.api<{ arguments: Record<string, unknown> }>(`/queues/${enc(f.vhost)}/orders.log`);
    expect(stream.arguments).toEqual({ 'x-queue-type': 'stream', 'x-max-age': '7D', 'x-max-length-bytes': 20_000_000, 'x-stream-max-segment-size-bytes': 1_000_000 });
    expect(await f.refused('topology.declareQueue', { name: 'orders.log2', type: 'stream', maxAge: 'a week' })).toMatchObject({ code: 'BAD_INPUT', field: 'maxAge' });
  });

  it('a queue row names its policy and operator policy and what they set together', async () => {
    await f.call('topology.declareQueue', { name: 'limited', durable: false });
    await putPolicy(f.vhost, 'ttl', { pattern: '^limited$', 'apply-to': 'queues', definition: { 'message-ttl': 60_000, 'max-length': 1000 } });
    const b = testBroker();
    await axios.put(`${b.managementUrl}/api/operator-policies/${enc(f.vhost)}/cap`, { pattern: '^limited$', 'apply-to': 'queues', definition: { 'max-length': 10 } }, { auth: { username: b.username, password: b.password } });
    const row = await waitFor(async () => {
      const list = await f.call('topology.list', { kind: 'queues' });
      const found = rowsOf(list.data, 'queues').find((r) => r.name === 'limited');
      return found?.operatorPolicy ? found : undefined;
    });
    expect(row).toMatchObject({ policy: 'ttl', operatorPolicy: 'cap', policyDefinition: { 'message-ttl': 60_000, 'max-length': 10 } });
  });

  it('declares every exchange type with durable/auto-delete/internal and an alternate exchange', async () => {
    const types = await f.call('topology.exchangeTypes', {});
    expect(types).toEqual(expect.arrayContaining(['direct', 'fanout', 'headers', 'topic']));
    for (const type of ['direct', 'fanout', 'topic', 'headers']) {
      await f.call('topology.declareExchange', { name: `x.${type}`, type, durable: false, autoDelete: type === 'fanout', internal: type === 'headers' });
    }
    await f.call('topology.declareExchange', { name: 'with-ae', type: 'direct', alternateExchange: 'x.fanout', arguments: [{ key: 'x-note', type: 'string', value: 'hi' }] });
    const list = await f.call('topology.list', { kind: 'exchanges' });
    const byName = new Map(rowsOf(list.data, 'exchanges').map((r) => [r.name, r]));
    expect(byName.get('x.topic')).toMatchObject({ type: 'topic', durable: false });
    expect(byName.get('x.fanout')).toMatchObject({ autoDelete: true });
    expect(byName.get('x.headers')).toMatchObject({ internal: true, type: 'headers' });
    expect(byName.get('with-ae')?.arguments).toEqual({ 'alternate-exchange': 'x.fanout', 'x-note': 'hi' });
  });

  it('binds queue→exchange and exchange→exchange, headers with x-match and a void argument, and unbinds', async () => {
    await f.call('topology.declareExchange', { name: 'logs', type: 'topic' });
    await f.call('topology.declareExchange', { name: 'h', type: 'headers' });
    await f.call('topology.declareExchange', { name: 'downstream', type: 'fanout' });
    await f.call('topology.declareQueue', { name: 'errors' });
    await f.call('topology.bind', { source: 'logs', destination: 'errors', destinationType: 'queue', routingKey: '*.error' });
    await f.call('topology.bind', { source: 'logs', destination: 'downstream', destinationType: 'exchange', routingKey: '#' });
    await f.call('topology.bind', {
      source: 'h',
      destination: 'errors',
      destinationType: 'queue',
      xMatch: 'any',
      arguments: [
        { key: 'format', type: 'string', value: 'pdf' },
        { key: 'present', type: 'null', value: '' },
      ],
    });
    const snapshot = await f.call('topology.snapshot', {});
    const own = snapshot.bindings.filter((b) => b.source !== '');
    expect(own).toHaveLength(3);
    const headers = own.find((b) => b.source === 'h');
    // The management API shows a void argument as "undefined"; the snapshot gives it back as null.
    expect(headers?.arguments).toEqual({ 'x-match': 'any', format: 'pdf', present: null });
    expect(own.find((b) => b.destination === 'downstream')).toMatchObject({ destinationType: 'exchange', routingKey: '#' });

    await f.call('topology.unbind', { source: 'logs', destination: 'errors', destinationType: 'queue', routingKey: '*.error' });
    await f.call('topology.unbind', { source: 'h', destination: 'errors', destinationType: 'queue', propertiesKey: headers!.propertiesKey });
    const after = await f.call('topology.list', { kind: 'bindings' });
    expect(rowsOf(after.data, 'bindings').filter((b) => b.source !== '').map((b) => b.destination)).toEqual(['downstream']);
  });

  it('purges and deletes with confirmation figures, honouring if-unused and if-empty', async () => {
    await f.call('topology.declareQueue', { name: 'work' });
    const ch = await f.other.createConfirmChannel();
    for (let i = 0; i < 7; i++) ch.sendToQueue('work', Buffer.from(`m${i}`));
    await ch.waitForConfirms();

    const notEmpty = await f.refused('topology.delete', { kind: 'queue', name: 'work', ifEmpty: true });
    expect(notEmpty).toMatchObject({ code: 'PRECONDITION_FAILED', message: "Queue 'work' is not empty" });
    expect(notEmpty.hint).toMatch(/Purge it first/);

    const consumer = await ch.consume('work', () => undefined, { noAck: false, prefetch: 0 } as never);
    await waitFor(async () => (await f.api<{ consumers: number }>(`/queues/${enc(f.vhost)}/work?columns=consumers`)).consumers === 1);
    const inUse = await f.refused('topology.delete', { kind: 'queue', name: 'work', ifUnused: true });
    expect(inUse).toMatchObject({ code: 'PRECONDITION_FAILED', message: "Queue 'work' is still in use (it has consumers)" });
    await ch.cancel(consumer.consumerTag);
    await ch.recover();
    await ch.close();

    await waitFor(async () => (await f.api<{ messages_ready: number }>(`/queues/${enc(f.vhost)}/work?columns=messages_ready`)).messages_ready === 7);
    const purged = await f.call('topology.purge', { queue: 'work' });
    expect(purged).toEqual({ queue: 'work', vhost: f.vhost, purged: 7 });
    const deleted = await f.call('topology.delete', { kind: 'queue', name: 'work', ifUnused: true, ifEmpty: true });
    expect(deleted).toMatchObject({ kind: 'queue', name: 'work', messagesDeleted: 0 });
    expect(await f.api(`/queues/${enc(f.vhost)}/work`)).toBeUndefined();

    await f.call('topology.declareExchange', { name: 'busy', type: 'direct' });
    await f.call('topology.declareQueue', { name: 'bound' });
    await f.call('topology.bind', { source: 'busy', destination: 'bound', destinationType: 'queue', routingKey: 'k' });
    const busy = await f.refused('topology.delete', { kind: 'exchange', name: 'busy', ifUnused: true });
    expect(busy).toMatchObject({ code: 'PRECONDITION_FAILED', message: "Exchange 'busy' is still in use (it has bindings)" });
    await f.call('topology.delete', { kind: 'exchange', name: 'busy' });
    expect(await f.api(`/exchanges/${enc(f.vhost)}/busy`)).toBeUndefined();
    expect(f.ctx.events.some((e) => e.event === 'topology.changed')).toBe(true);
  });

  it('lists the first page fast, then everything in one request; connections, channels and consumers too', async () => {
    const ch = await f.other.createChannel();
    // Declared in reverse: the first page must still be the first 100 names (the broker's default order, no sort= asked).
    for (let i = 129; i >= 0; i--) await ch.assertQueue(`q-${String(i).padStart(3, '0')}`, { durable: false });
    await ch.consume('q-000', () => undefined);
    const first = await f.call('topology.list', { kind: 'queues', firstPage: true });
    expect(first.data.rows).toHaveLength(100);
    expect(first.total).toBe(130);
    expect(first.complete).toBe(false);
    expect(first.data.rows[0]?.vhost).toBe(f.vhost);
    expect(rowsOf(first.data, 'queues').map((r) => r.name)).toEqual(Array.from({ length: 100 }, (_, i) => `q-${String(i).padStart(3, '0')}`));
    const all = await f.call('topology.list', { kind: 'queues' });
    expect(all.data.rows).toHaveLength(130);
    expect(all.complete).toBe(true);
    const everywhere = await f.call('topology.list', { kind: 'queues', all: true });
    expect(everywhere.data.rows.length).toBeGreaterThanOrEqual(130);

    const connections = await waitFor(async () => {
      const l = await f.call('topology.list', { kind: 'connections' });
      return l.data.rows.length >= 2 ? l : undefined;
    });
    expect(connections!.data.rows[0]).toMatchObject({ vhost: f.vhost, user: 'guest' });
    const channels = await waitFor(async () => {
      const l = await f.call('topology.list', { kind: 'channels' });
      return rowsOf(l.data, 'channels').some((r) => r.consumers === 1) ? l : undefined;
    });
    expect(channels!.data.rows.length).toBeGreaterThanOrEqual(1);
    const consumers = await waitFor(async () => {
      const l = await f.call('topology.list', { kind: 'consumers' });
      return l.data.rows.length === 1 ? l : undefined;
    });
    expect(consumers!.data.rows[0]).toMatchObject({ queue: 'q-000', vhost: f.vhost, ackRequired: true });
  });
});

describe('topology: bad input gets the broker’s reason in the user’s terms, and nothing half-created', () => {
  let f: TopologyFixture;
  beforeEach(async () => {
    f = await topologyFixture('topobad');
  });
  afterEach(async () => {
    await f.close();
  });

  const queueNames = async () => rowsOf((await f.call('topology.list', { kind: 'queues' })).data, 'queues').map((r) => r.name);
  const exchangeNames = async () => rowsOf((await f.call('topology.list', { kind: 'exchanges' })).data, 'exchanges').map((r) => r.name);

  it('406 on redeclare shows existing vs requested settings and a fix, and leaves the queue as it was', async () => {
    await f.call('topology.declareQueue', { name: 'email_queue', messageTtl: 60000 });
    const ch = await f.other.createChannel();
    ch.sendToQueue('email_queue', Buffer.from('x'));
    await waitFor(async () => (await f.api<{ messages: number }>(`/queues/${enc(f.vhost)}/email_queue?columns=messages`)).messages === 1);
    const error = await f.refused('topology.declareQueue', { name: 'email_queue', durable: false, messageTtl: 30000, maxLength: 10 });
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toContain("Queue 'email_queue' already exists with different settings");
    expect(error.message).toContain('durable: existing true, requested false');
    expect(error.message).toContain('x-message-ttl: existing 60000, requested 30000');
    expect(error.message).toContain('x-max-length: existing none, requested 10');
    expect(error.hint).toContain("delete 'email_queue' (its 1 message would be lost)");
    const q = await f.api<{ arguments: Record<string, unknown>; durable: boolean }>(`/queues/${enc(f.vhost)}/email_queue`);
    expect(q).toMatchObject({ durable: true, arguments: { 'x-message-ttl': 60000 } });
    // The service carries on (the closed channel was replaced).
    await f.call('topology.declareQueue', { name: 'still-fine' });
  });

  it('406 on an exchange redeclared with another type', async () => {
    await f.call('topology.declareExchange', { name: 'orders', type: 'direct' });
    const error = await f.refused('topology.declareExchange', { name: 'orders', type: 'topic' });
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toContain('type: existing "direct", requested "topic"');
    expect(error.hint).toMatch(/Declare it with the existing settings/);
  });

  it('names longer than 255 bytes are refused before the broker, counted in UTF-8 bytes', async () => {
    const long = 'é'.repeat(128); // 128 characters, 256 bytes
    const error = await f.refused('topology.declareQueue', { name: long });
    expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'name' });
    expect(error.message).toContain('256 bytes');
    const exchange = await f.refused('topology.declareExchange', { name: 'x'.repeat(256), type: 'direct' });
    expect(exchange).toMatchObject({ code: 'BAD_INPUT', field: 'name' });
    const key = await f.refused('topology.bind', { source: 'amq.direct', destination: 'q', destinationType: 'queue', routingKey: 'k'.repeat(300) });
    expect(key).toMatchObject({ code: 'BAD_INPUT', field: 'routingKey' });
    expect(await queueNames()).toEqual([]);
  });

  it('reserved amq. names are refused by the broker with 403 and a fix', async () => {
    const q = await f.refused('topology.declareQueue', { name: 'amq.mine' });
    expect(q).toMatchObject({ code: 'ACCESS_REFUSED', status: 403, field: 'name' });
    expect(q.message).toMatch(/reserved/);
    expect(q.hint).toContain('does not start with "amq."');
    const x = await f.refused('topology.declareExchange', { name: 'amq.custom', type: 'topic' });
    expect(x).toMatchObject({ code: 'ACCESS_REFUSED', status: 403 });
    expect(await queueNames()).toEqual([]);
    expect(await exchangeNames()).not.toContain('amq.custom');
  });

  it('binding to a missing exchange or queue is 404 naming which one, and creates nothing', async () => {
    await f.call('topology.declareQueue', { name: 'present' });
    const noExchange = await f.refused('topology.bind', { source: 'ghost', destination: 'present', destinationType: 'queue', routingKey: 'k' });
    expect(noExchange).toMatchObject({ code: 'NOT_FOUND', status: 404, field: 'source' });
    expect(noExchange.message).toBe("The exchange 'ghost' does not exist in this virtual host");
    expect(noExchange.hint).toMatch(/Declare the exchange first/);
    const noQueue = await f.refused('topology.bind', { source: 'amq.direct', destination: 'absent', destinationType: 'queue', routingKey: 'k' });
    expect(noQueue).toMatchObject({ code: 'NOT_FOUND', field: 'destination' });
    expect(noQueue.message).toBe("The queue 'absent' does not exist in this virtual host");
    const noDest = await f.refused('topology.bind', { source: 'amq.direct', destination: 'nowhere', destinationType: 'exchange' });
    expect(noDest.code).toBe('NOT_FOUND');
    const bindings = await f.call('topology.list', { kind: 'bindings' });
    expect(rowsOf(bindings.data, 'bindings').filter((b) => b.source !== '')).toEqual([]);
    expect(await queueNames()).toEqual(['present']);
    const missingDelete = await f.refused('topology.delete', { kind: 'queue', name: 'absent' });
    expect(missingDelete.code).toBe('NOT_FOUND');
    const missingPurge = await f.refused('topology.purge', { queue: 'absent' });
    expect(missingPurge.code).toBe('NOT_FOUND');
    const missingExchange = await f.refused('topology.delete', { kind: 'exchange', name: 'absent' });
    expect(missingExchange.code).toBe('NOT_FOUND');
  });

  it('an exclusive queue of another connection is 405 RESOURCE_LOCKED for declare, purge, bind and delete', async () => {
    const ch = await f.other.createChannel();
    await ch.assertQueue('theirs', { exclusive: true });
    for (const error of [
      await f.refused('topology.declareQueue', { name: 'theirs', exclusive: true, durable: false }),
      await f.refused('topology.purge', { queue: 'theirs' }),
      await f.refused('topology.bind', { source: 'amq.fanout', destination: 'theirs', destinationType: 'queue' }),
      await f.refused('topology.delete', { kind: 'queue', name: 'theirs' }),
    ]) {
      expect(error).toMatchObject({ code: 'RESOURCE_LOCKED', status: 405 });
      expect(error.message).toBe("Queue 'theirs' is exclusive to another connection");
      expect(error.hint).toMatch(/close that connection/);
    }
    expect(await queueNames()).toEqual(['theirs']);
  });

  it('invalid argument types are refused with the field named, before the broker', async () => {
    const asString = await f.refused('topology.declareQueue', { name: 'ttl', arguments: [{ key: 'x-message-ttl', type: 'string', value: '60000' }] });
    expect(asString).toMatchObject({ code: 'BAD_INPUT', field: 'arguments.x-message-ttl' });
    expect(asString.message).toContain('x-message-ttl must be a whole number');
    expect(asString.hint).toMatch(/Type it as a number/);
    const notNumber = await f.refused('topology.declareQueue', { name: 'ttl', arguments: [{ key: 'x-max-length', type: 'number', value: 'ten' }] });
    expect(notNumber).toMatchObject({ code: 'BAD_INPUT', field: 'arguments.x-max-length' });
    const badOverflow = await f.refused('topology.declareQueue', { name: 'ttl', arguments: [{ key: 'x-overflow', type: 'string', value: 'explode' }] });
    expect(badOverflow).toMatchObject({ code: 'BAD_INPUT', field: 'arguments.x-overflow' });
    const badBool = await f.refused('topology.bind', { source: 'amq.headers', destination: 'q', destinationType: 'queue', arguments: [{ key: 'a', type: 'boolean', value: 'yes' }] });
    expect(badBool).toMatchObject({ code: 'BAD_INPUT', field: 'arguments.a' });
    const twice = await f.refused('topology.declareQueue', { name: 'ttl', messageTtl: 5, arguments: [{ key: 'x-message-ttl', type: 'number', value: '6' }] });
    expect(twice).toMatchObject({ code: 'BAD_INPUT', field: 'arguments.x-message-ttl' });
    const quorumExclusive = await f.refused('topology.declareQueue', { name: 'qq', type: 'quorum', exclusive: true });
    expect(quorumExclusive).toMatchObject({ code: 'BAD_INPUT', field: 'type' });
    const negative = await f.refused('topology.declareQueue', { name: 'ttl', messageTtl: -1 });
    expect(negative).toMatchObject({ code: 'BAD_INPUT', field: 'messageTtl' });
    const unknownType = await f.refused('topology.declareExchange', { name: 'odd', type: 'x-no-such-type' });
    expect(unknownType.code).not.toBe('INTERNAL');
    expect(unknownType.field).toBe('type');
    expect(await queueNames()).toEqual([]);
    expect(await exchangeNames()).not.toContain('odd');
  });

  it('operations without a connection say NOT_CONNECTED', async () => {
    await f.ctx.dispatch('connection.disconnect', {});
    const error = await f.refused('topology.declareQueue', { name: 'x' });
    expect(error.code).toBe('NOT_CONNECTED');
    const list = await f.refused('topology.list', { kind: 'queues' });
    expect(list.code).toBe('NOT_CONNECTED');
  });
});
