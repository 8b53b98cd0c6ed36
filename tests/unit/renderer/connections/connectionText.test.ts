import { describe, expect, it } from 'vitest';
import { describeConnection } from '../../../../renderer/features/connections/connectionText';

describe('the connection text', () => {
  it('names the node Warren is on for a profile with several hosts, and nothing more for one host', () => {
    const server = { product: 'RabbitMQ', version: '3.10.8', node: 'warren-c2-abc@localhost' };
    expect(describeConnection({ status: 'connected', profileName: 'Sandbox cluster', endpoint: '127.0.0.1:5673', server, since: 0 }).text).toBe(
      'Connected to Sandbox cluster on warren-c2-abc@localhost — RabbitMQ 3.10.8',
    );
    expect(describeConnection({ status: 'connected', profileName: 'Cluster', endpoint: '127.0.0.1:5673', server: { product: 'RabbitMQ', version: '3.10.8' }, since: 0 }).text).toBe(
      'Connected to Cluster on 127.0.0.1:5673 — RabbitMQ 3.10.8',
    );
    expect(describeConnection({ status: 'connected', profileName: 'One', server: { product: 'RabbitMQ', version: '3.10.8' }, since: 0 }).text).toBe('Connected to One — RabbitMQ 3.10.8');
  });
});
