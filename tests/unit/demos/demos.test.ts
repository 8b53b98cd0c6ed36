/** Pure parts of the demos: the code panel's text, the topic table against the route explainer, the summaries. */
import { describe, expect, it } from 'vitest';
import { summarize, createDemo } from '../../../demos/registry';
import { expectedRoutes, TOPIC_CONSUMERS, TUTORIAL_LOGS } from '../../../demos/topics';
import { demoCode } from '../../../shared/demos/code';
import { DEMO_NAMES } from '../../../shared/demos/types';
import { explainRoute } from '../../../shared/topology/routing';

const conn = { host: 'rabbit.example', port: 5679, vhost: 'warren-demo-hello', username: 'ann', tls: false, prefix: '' };

describe('demo code panel', () => {
  it.each(DEMO_NAMES)('%s: Python and TypeScript with the broker’s host, port, vhost and user, never a password', (name) => {
    const code = demoCode(name, conn);
    expect(code.python.length).toBeGreaterThan(0);
    expect(code.typescript.length).toBe(code.python.length);
    for (const f of code.python) {
      expect(f.code).toContain("host='rabbit.example', port=5679, virtual_host='warren-demo-hello'");
      expect(f.code).toContain("pika.PlainCredentials('ann', os.environ.get('RABBITMQ_PASSWORD'");
    }
    for (const f of code.typescript) {
      expect(f.code).toContain("hostname: 'rabbit.example'");
      expect(f.code).toContain('port: 5679');
      expect(f.code).toContain("vhost: 'warren-demo-hello'");
      expect(f.code).toContain('process.env.RABBITMQ_PASSWORD');
    }
  });

  it('prefixed names appear in the code when the demo runs with prefixes', () => {
    const code = demoCode('ecomnow', { ...conn, vhost: '/', prefix: 'warren-demo-ecomnow.' });
    expect(code.python.map((f) => f.code).join('')).toContain("queue='warren-demo-ecomnow.email_queue'");
    expect(code.typescript.map((f) => f.code).join('')).toContain("'warren-demo-ecomnow.order_events'");
  });

  it('EcomNow’s code declares order_events as the tutorial does (non-durable), like the demo', () => {
    const code = demoCode('ecomnow', { ...conn, vhost: '/', prefix: '' });
    const python = code.python.map((f) => f.code).join('');
    expect(python.match(/exchange_declare\(exchange='order_events', exchange_type='fanout'\)/g)).toHaveLength(2);
    expect(python).not.toContain("exchange_type='fanout', durable=True");
    expect(code.typescript.map((f) => f.code).join('').match(/assertExchange\('order_events', 'fanout', \{ durable: false \}\)/g)).toHaveLength(2);
  });

  it('quotes survive in names', () => {
    const code = demoCode('hello', { ...conn, vhost: "it's" });
    expect(code.python[0]!.code).toContain("virtual_host='it\\'s'");
  });
});

describe('the topic table', () => {
  it.each(['topic', 'direct', 'fanout'] as const)('the route explainer predicts the %s table the demo asserts', (variant) => {
    const topology = {
      exchanges: [{ name: 'x', type: variant }],
      queues: TOPIC_CONSUMERS.map((c) => ({ name: c.id })),
      bindings: TOPIC_CONSUMERS.map((c) => ({ source: 'x', destination: c.id, destinationType: 'queue' as const, routingKey: c.bindingKey, arguments: {} })),
    };
    const expected = expectedRoutes(variant);
    for (const m of TUTORIAL_LOGS) {
      const reached = explainRoute(topology, 'x', m.key).queues.map((q) => TOPIC_CONSUMERS.findIndex((c) => c.id === q.queue) + 1).sort();
      expect(reached).toEqual(expected[m.key]);
    }
  });

  it('the tutorial’s table: kernel.error {1,2,3}, auth.info {3}, payment.error {1,3}', () => {
    expect(expectedRoutes('topic')).toEqual({ 'kernel.error': [1, 2, 3], 'auth.info': [3], 'payment.error': [1, 3] });
  });
});

describe('demo summaries', () => {
  it.each(DEMO_NAMES)('%s has narrated steps and a title', (name) => {
    const s = summarize(createDemo(name));
    expect(s.name).toBe(name);
    expect(s.steps.length).toBeGreaterThan(1);
    for (const step of s.steps) expect(step.narration.length).toBeGreaterThan(20);
  });
});
