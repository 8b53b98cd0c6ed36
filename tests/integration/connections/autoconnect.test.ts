import { afterEach, describe, expect, it } from 'vitest';
import { testBroker } from '../../support/broker';
import { makeService } from '../../support/service';

describe('start-up without a profile', () => {
  let ctx: ReturnType<typeof makeService> | undefined;
  afterEach(async () => {
    await ctx?.service.shutdown();
  });

  it('offers a broker already answering guest/guest on this machine instead of starting a second one', async () => {
    // The run's broker plays "a RabbitMQ the user already has on localhost".
    ctx = makeService({ localProbePort: testBroker().amqpPort });
    const state = await ctx.service.autoConnect();
    expect(state.status).toBe('connected');
    expect(state.profileName).toBe('RabbitMQ on localhost');
    expect(ctx.service.sandbox.state.status).not.toBe('ready');
    const profiles = await ctx.dispatch('profiles.list', {});
    expect(profiles.ok && profiles.value.find((p) => p.kind === 'detected')).toMatchObject({ port: testBroker().amqpPort });
  });

  it('connects to the broker of WARREN_BROKER_URL when one is given', async () => {
    const b = testBroker();
    ctx = makeService({ brokerUrl: `amqp://guest:guest@127.0.0.1:${b.amqpPort}/`, managementUrl: b.managementUrl });
    const state = await ctx.service.autoConnect();
    expect(state).toMatchObject({ status: 'connected', profileId: 'environment', vhost: '/' });
  });
});
