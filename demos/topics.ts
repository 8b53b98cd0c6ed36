/**
 * Level 3 — Topic routing: emit_log_topic.py and three receive_logs_topic.py bound with
 * `*.error`, `kernel.*` and `#`. Each key is first explained (shared/routing) then sent for real.
 * The direct and fanout variants run the same logging example on the other exchange types.
 */
import { explainRoute, type Topology } from '../shared/topology/routing';
import type { RouteExplanation } from '../shared/demos/types';
import { check, type DemoDefinition } from './definition';
import type { DemoRuntime } from './runtime';
import { sleep } from './runtime';

export const TOPIC_CONSUMERS = [
  { id: 'c1', label: 'Consumer 1 (*.error)', bindingKey: '*.error' },
  { id: 'c2', label: 'Consumer 2 (kernel.*)', bindingKey: 'kernel.*' },
  { id: 'c3', label: 'Consumer 3 (#)', bindingKey: '#' },
] as const;

export const TUTORIAL_LOGS = [
  { key: 'kernel.error', body: 'A critical kernel error' },
  { key: 'auth.info', body: 'User logged in' },
  { key: 'payment.error', body: 'Payment failed' },
];

/** What the tutorial says each message reaches (consumer numbers), per exchange type. */
export function expectedRoutes(variant: 'topic' | 'direct' | 'fanout'): Record<string, number[]> {
  if (variant === 'fanout') return { 'kernel.error': [1, 2, 3], 'auth.info': [1, 2, 3], 'payment.error': [1, 2, 3] };
  // A direct exchange compares binding keys literally: no pattern is a pattern.
  if (variant === 'direct') return { 'kernel.error': [], 'auth.info': [], 'payment.error': [] };
  return { 'kernel.error': [1, 2, 3], 'auth.info': [3], 'payment.error': [1, 3] };
}

const EXCHANGE = { topic: 'topic_logs', direct: 'direct_logs', fanout: 'logs' } as const;

export function topicsDemo(): DemoDefinition {
  const queueOf = new Map<string, string>();
  const variantOf = (rt: DemoRuntime) => rt.options.variant ?? 'topic';
  const exchangeOf = (rt: DemoRuntime) => rt.name(EXCHANGE[variantOf(rt)]);

  /** Which consumers (1-based) got a message with this routing key. */
  const reached = (rt: DemoRuntime, key: string) =>
    TOPIC_CONSUMERS.map((c, i) => (rt.actor(c.id).allReceived.some((r) => r.routingKey === key) ? i + 1 : 0)).filter((n) => n > 0);
  const totalReceived = (rt: DemoRuntime) => TOPIC_CONSUMERS.reduce((sum, c) => sum + rt.actor(c.id).receivedCount, 0);

  const topology = (rt: DemoRuntime): Topology => ({
    exchanges: [{ name: exchangeOf(rt), type: variantOf(rt) }],
    queues: TOPIC_CONSUMERS.map((c) => ({ name: queueOf.get(c.id) ?? c.id })),
    bindings: TOPIC_CONSUMERS.map((c) => ({
      source: exchangeOf(rt),
      destination: queueOf.get(c.id) ?? c.id,
      destinationType: 'queue' as const,
      routingKey: c.bindingKey,
      arguments: {},
    })),
  });

  /** Explains the key, publishes it, and fills in where it really went. */
  const send = async (rt: DemoRuntime, key: string, body: string) => {
    const result = explainRoute(topology(rt), exchangeOf(rt), key);
    const label = (queue: string) => TOPIC_CONSUMERS.find((c) => queueOf.get(c.id) === queue)?.label ?? queue;
    const route: RouteExplanation = {
      exchange: rt.display(exchangeOf(rt)),
      exchangeType: variantOf(rt),
      routingKey: key,
      predicted: result.queues.map((q) => ({ queue: label(q.queue), bindingKey: q.path.at(-1)?.binding?.routingKey ?? '' })),
      reasons: result.reasons,
    };
    rt.route = route;
    rt.say(`Explainer: ${key} → ${route.predicted.map((p) => p.queue).join(', ') || 'no queue (dropped)'}`);
    const before = totalReceived(rt);
    await rt.publish(exchangeOf(rt), key, body);
    rt.say(`emit_log_topic.py: [x] Sent ${key}:${body}`);
    // Deliveries are asynchronous: wait for the predicted count, then a short quiet period for surprises.
    await rt.until(() => totalReceived(rt) >= before + route.predicted.length, 3000);
    await sleep(150);
    const delivered = TOPIC_CONSUMERS.filter((c) => rt.actor(c.id).allReceived.some((r) => r.routingKey === key && r.body === body)).map((c) => c.label);
    rt.route = { ...route, delivered };
    rt.say(`Delivered: ${key} → ${delivered.join(', ') || 'nobody'}`, delivered.length === route.predicted.length ? 'good' : 'bad');
  };

  return {
    name: 'topics',
    title: 'Topic routing',
    summary: 'A logging system: three consumers bound with *.error, kernel.* and #. Type any routing key to see where it would go, then where it went.',
    toggles: [
      {
        option: 'variant',
        label: 'Exchange type',
        choices: [
          { value: 'topic', label: 'topic' },
          { value: 'direct', label: 'direct' },
          { value: 'fanout', label: 'fanout' },
        ],
      },
    ],
    async setup(rt) {
      for (const c of TOPIC_CONSUMERS) {
        rt.addActor({
          id: c.id,
          label: c.label,
          prefetch: 0,
          noAck: true,
          // receive_logs_topic.py: an exclusive, server-named queue bound with the key.
          declare: async (ch) => {
            // exchange_declare(exchange='topic_logs', exchange_type='topic'): pika's default is durable=False.
            const exchange = await rt.declareExchange(ch, exchangeOf(rt), variantOf(rt), { durable: false });
            const queue = await rt.declareQueue(ch, '', { exclusive: true });
            await ch.bindQueue(queue, exchange, c.bindingKey);
            queueOf.set(c.id, queue);
            return queue;
          },
          receivedLine: (body, message) => ` [x] ${message.fields.routingKey}:${body}`,
          work: async () => undefined,
        });
      }
    },
    steps: [
      {
        title: 'Start three consumers',
        narration:
          'Each receive_logs_topic.py declares the exchange, gets an exclusive server-named queue and binds it: ' +
          'consumer 1 with *.error (any facility, severity error), consumer 2 with kernel.* (everything from the kernel), ' +
          'consumer 3 with # (everything). * matches exactly one word, # zero or more.',
        run: async (rt) => {
          for (const c of TOPIC_CONSUMERS) await rt.actor(c.id).start();
          rt.say(`Exchange ${rt.display(exchangeOf(rt))} (${variantOf(rt)}) with three bound consumers.`);
        },
      },
      {
        title: 'kernel.error "A critical kernel error"',
        narration: 'kernel.error matches *.error, kernel.* and #: consumers 1, 2 and 3 get it.',
        run: (rt) => send(rt, TUTORIAL_LOGS[0]!.key, TUTORIAL_LOGS[0]!.body),
      },
      {
        title: 'auth.info "User logged in"',
        narration: 'auth.info is not an error and not from the kernel: only # (consumer 3) matches.',
        run: (rt) => send(rt, TUTORIAL_LOGS[1]!.key, TUTORIAL_LOGS[1]!.body),
      },
      {
        title: 'payment.error "Payment failed"',
        narration: 'payment.error matches *.error and #: consumers 1 and 3.',
        run: (rt) => send(rt, TUTORIAL_LOGS[2]!.key, TUTORIAL_LOGS[2]!.body),
      },
    ],
    actions: [
      {
        id: 'send-key',
        label: 'Explain and send',
        input: 'routingKey',
        help: 'Type any routing key, e.g. auth.error or kernel.disk.full',
        run: async (rt, input) => {
          const key = (input.routingKey ?? '').trim();
          await send(rt, key, `A log with key ${key}`);
        },
      },
    ],
    outcome(rt) {
      const variant = variantOf(rt);
      const expected = expectedRoutes(variant);
      const actual = Object.fromEntries(TUTORIAL_LOGS.map((m) => [m.key, reached(rt, m.key)]));
      return {
        checks: TUTORIAL_LOGS.map((m) =>
          check(
            `${m.key} reaches consumers {${expected[m.key]!.join(',')}}`,
            JSON.stringify(actual[m.key]) === JSON.stringify(expected[m.key]),
            `reached {${actual[m.key]!.join(',')}}`,
          ),
        ),
        facts: {
          variant,
          routes: actual,
          received: Object.fromEntries(TOPIC_CONSUMERS.map((c) => [c.bindingKey, rt.actor(c.id).allReceived.map((r) => r.routingKey)])),
        },
      };
    },
  };
}
