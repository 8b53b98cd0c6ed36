/** Level 1 — Hello World: send.py and receive.py on a durable `hello` queue. */
import { check, dots, type DemoDefinition } from './definition';
import { sleep } from './runtime';

const MESSAGE = 'Hello World!';

export function helloDemo(): DemoDefinition {
  let persistent: boolean | undefined;
  const dotMs = (ms?: number) => ms ?? 1000;

  return {
    name: 'hello',
    title: 'Hello World',
    summary: 'A producer sends “Hello World!” to the durable queue hello; a consumer receives it, works, and acknowledges.',
    toggles: [],
    async setup(rt) {
      rt.watch(['hello']);
      rt.addActor({
        id: 'receiver',
        label: 'receive.py',
        prefetch: 0,
        // receive.py: channel.queue_declare(queue='hello', durable=True)
        declare: (ch) => rt.declareQueue(ch, rt.name('hello'), { durable: true }),
        work: async (body, message) => {
          persistent = message.properties.deliveryMode === 2;
          await sleep(dots(body) * dotMs(rt.options.dotMs));
          return [' [x] Done'];
        },
      });
    },
    steps: [
      {
        title: 'Start the consumer',
        narration:
          'receive.py connects, declares the durable queue hello (idempotent: created only if missing) and waits. ' +
          'Look at the queue: it exists, empty, with one consumer.',
        run: async (rt) => {
          await rt.actor('receiver').start();
          rt.say('receive.py: [*] Waiting for messages. To exit press CTRL+C');
        },
      },
      {
        title: 'Send “Hello World!”',
        narration:
          'send.py publishes through the default exchange (exchange "") with routing key hello: the default exchange ' +
          'delivers to the queue whose name equals the key. delivery_mode=2 makes the message persistent.',
        run: async (rt) => {
          const ms = await rt.publish('', rt.name('hello'), MESSAGE, { persistent: true });
          rt.say(`send.py: [x] Sent '${MESSAGE}' (confirmed by the broker in ${ms.toFixed(1)} ms)`);
          const done = await rt.until(() => rt.actor('receiver').ackedCount >= 1, 10_000);
          rt.say(done ? 'receive.py: [x] Received Hello World! — [x] Done (acknowledged)' : 'The consumer did not finish in 10 s', done ? 'good' : 'bad');
        },
      },
      {
        title: 'The queue is empty again',
        narration: 'The ack told RabbitMQ it can discard the message. Without it the message would stay “unacked” and come back if the consumer died.',
        run: async (rt) => {
          const depth = await rt.depthOf('hello');
          rt.say(`hello holds ${depth ?? 'no'} message(s) after the ack.`, depth === 0 ? 'good' : 'bad');
        },
      },
    ],
    actions: [
      {
        id: 'send',
        label: 'Send “Hello World!”',
        help: 'Runs send.py once more',
        run: async (rt) => {
          const ms = await rt.publish('', rt.name('hello'), MESSAGE, { persistent: true });
          rt.say(`send.py: [x] Sent '${MESSAGE}' (${ms.toFixed(1)} ms)`);
        },
      },
    ],
    failure: {
      on: 'Stop receive.py',
      off: 'Start receive.py',
      set: async (rt, on) => {
        if (on) {
          await rt.actor('receiver').stop('receive.py stopped (Ctrl+C)');
          rt.say('receive.py is stopped: messages sent now wait in hello.', 'bad');
        } else {
          await rt.actor('receiver').start();
          rt.say('receive.py is back: it receives what waited.', 'good');
        }
      },
    },
    outcome(rt) {
      const receiver = rt.actor('receiver');
      const last = rt.stepDepths.at(-1)?.depths.hello;
      return {
        checks: [
          check('receive.py received “Hello World!”', receiver.allReceived.some((r) => r.body === MESSAGE), `received ${JSON.stringify(receiver.allReceived.map((r) => r.body))}`),
          check('and acknowledged it', receiver.allAcked.includes(MESSAGE), `acked ${receiver.ackedCount}`),
          check('the message was persistent (delivery_mode=2)', persistent === true, `delivery_mode ${persistent ? 2 : 'not 2'}`),
          check('hello is empty after the ack', last === 0, `hello depth ${String(last)}`),
        ],
        facts: { received: receiver.allReceived.map((r) => r.body), log: receiver.state((n) => n).log },
      };
    },
  };
}
