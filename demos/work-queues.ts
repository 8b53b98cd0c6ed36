/** Level 2 — Work Queues: new_task.py and two worker.py with prefetch 1, fair dispatch, redelivery. */
import { check, dots, type DemoDefinition } from './definition';
import type { DemoRuntime } from './runtime';
import { sleep } from './runtime';

export const TUTORIAL_TASKS = ['First task.', 'Second task..', 'Third task...', 'Fourth task....'];
const KILL_TASKS = ['Fifth task.....', 'Sixth task.....'];

export function workQueuesDemo(): DemoDefinition {
  let killed: { body: string; redeliveredTo?: string; redeliveredFlag?: boolean } | undefined;
  let tutorialMs: number | undefined;
  const prefetchOf = (rt: DemoRuntime) => rt.options.prefetch ?? 1;
  const perDot = (rt: DemoRuntime) => rt.options.dotMs ?? 1000;

  const sendTask = async (rt: DemoRuntime, task: string) => {
    await rt.publish('', rt.name('task_queue'), task, { persistent: true });
    rt.say(`new_task.py: [x] Sent '${task}'`);
  };
  const worker = (rt: DemoRuntime, id: string, label: string) =>
    rt.addActor({
      id,
      label,
      prefetch: prefetchOf(rt),
      // worker.py: channel.queue_declare(queue='task_queue', durable=True)
      declare: (ch) => rt.declareQueue(ch, rt.name('task_queue'), { durable: true }),
      receivedLine: (body) => ` [x] Received task: ${body}`,
      work: async (body) => {
        await sleep(dots(body) * perDot(rt));
        return [' [x] Task finished.'];
      },
    });
  const ackedBy = (rt: DemoRuntime, body: string) => ['worker1', 'worker2'].filter((id) => rt.actor(id).allAcked.includes(body));

  return {
    name: 'work-queues',
    title: 'Work Queues',
    summary: 'Two workers share the durable task_queue. With prefetch 1 a busy worker gets no new task; a task a dead worker did not ack goes to the other one.',
    toggles: [
      { option: 'prefetch', label: 'Prefetch', choices: [{ value: '1', label: 'prefetch 1 (fair)' }, { value: '0', label: 'unlimited' }] },
    ],
    async setup(rt) {
      rt.watch(['task_queue']);
      worker(rt, 'worker1', 'worker.py #1');
      worker(rt, 'worker2', 'worker.py #2');
    },
    steps: [
      {
        title: 'Start two workers',
        narration:
          'Two worker.py processes declare the durable task_queue and consume with manual acks. ' +
          'basic_qos(prefetch_count=1) tells RabbitMQ: never give a worker a new task before it acked the current one.',
        run: async (rt) => {
          await rt.actor('worker1').start();
          await rt.actor('worker2').start();
          rt.say(`Two workers consuming task_queue with ${prefetchOf(rt) === 0 ? 'unlimited prefetch' : `prefetch ${prefetchOf(rt)}`}.`);
        },
      },
      {
        title: 'Send the four tasks',
        narration:
          'new_task.py sends "First task." … "Fourth task....", persistent. Each dot is a second of work. ' +
          'Watch who gets what: whoever finishes first takes the next task.',
        run: async (rt) => {
          const started = Date.now();
          for (const task of TUTORIAL_TASKS) await sendTask(rt, task);
          await rt.until(() => TUTORIAL_TASKS.every((t) => ackedBy(rt, t).length > 0), 30 * perDot(rt) + 10_000);
          tutorialMs = Date.now() - started;
          rt.measured['four tasks ms'] = tutorialMs;
          for (const id of ['worker1', 'worker2']) {
            const a = rt.actor(id);
            rt.say(`${a.spec.label} did ${TUTORIAL_TASKS.filter((t) => a.allAcked.includes(t)).join(', ') || 'nothing'} (at most ${a.maxInFlight} task(s) held at once).`);
          }
          rt.say(`All four tasks done in ${(tutorialMs / 1000).toFixed(1)} s.`, 'good');
        },
      },
      {
        title: 'Kill worker 1 mid-task',
        narration:
          'Two long tasks are sent; while worker 1 is in the middle of its task, it is killed. It never acked, so ' +
          'RabbitMQ redelivers the task to worker 2, with the redelivered flag set. Nothing is lost.',
        run: async (rt) => {
          for (const task of KILL_TASKS) await sendTask(rt, task);
          const w1 = rt.actor('worker1');
          await rt.until(() => w1.status === 'busy' && w1.unacked > 0, 10_000);
          await sleep(perDot(rt));
          const held = [...w1.allReceived].reverse().find((r) => !w1.allAcked.includes(r.body));
          await w1.kill('worker 1 killed mid-task (no ack sent)');
          if (!held) {
            rt.say('Worker 1 held no task when it was killed.', 'bad');
            return;
          }
          killed = { body: held.body };
          rt.say(`Killed worker 1 while it worked on '${held.body}'.`, 'bad');
          const w2 = rt.actor('worker2');
          await rt.until(() => w2.allAcked.includes(held.body), 20 * perDot(rt) + 10_000);
          const again = w2.allReceived.find((r) => r.body === held.body);
          killed = { body: held.body, redeliveredTo: again ? 'worker2' : undefined, redeliveredFlag: again?.redelivered };
          rt.say(
            again ? `Worker 2 received '${held.body}' with redelivered=${String(again.redelivered)} and acked it.` : 'Worker 2 never got the task.',
            again?.redelivered ? 'good' : 'bad',
          );
          await w1.start();
        },
      },
    ],
    actions: [
      {
        id: 'tasks',
        label: 'Send the four tasks',
        run: async (rt) => {
          for (const task of TUTORIAL_TASKS) await sendTask(rt, task);
        },
      },
      {
        id: 'uneven',
        label: 'Send an uneven batch',
        help: 'Long and short tasks alternate: with unlimited prefetch one worker gets all the long ones',
        run: async (rt) => {
          for (let i = 1; i <= 8; i++) await sendTask(rt, i % 2 ? `Heavy ${i}.....` : `Light ${i}.`);
        },
      },
    ],
    failure: {
      on: 'Kill worker 1',
      off: 'Restart worker 1',
      set: async (rt, on) => {
        const w1 = rt.actor('worker1');
        if (on) await w1.kill('worker 1 killed (no ack sent)');
        else await w1.start();
        rt.say(on ? 'Worker 1 is dead: whatever it held goes back to the queue.' : 'Worker 1 is back.', on ? 'bad' : 'good');
      },
    },
    outcome(rt) {
      const w1 = rt.actor('worker1');
      const w2 = rt.actor('worker2');
      const prefetch = prefetchOf(rt);
      const eachOnce = TUTORIAL_TASKS.every((t) => ackedBy(rt, t).length === 1);
      const maxHeld = Math.max(w1.maxInFlight, w2.maxInFlight);
      return {
        checks: [
          check('every task done exactly once', eachOnce, TUTORIAL_TASKS.map((t) => `${t} → ${ackedBy(rt, t).join('+') || 'nobody'}`).join('; ')),
          check('both workers got work', w1.ackedCount > 0 && w2.ackedCount > 0, `worker1 ${w1.ackedCount}, worker2 ${w2.ackedCount}`),
          prefetch === 1
            ? check('fair dispatch: a busy worker never held a second task', maxHeld === 1, `most held at once: ${maxHeld}`)
            : check('unlimited prefetch: a busy worker was handed more tasks', maxHeld > 1, `most held at once: ${maxHeld}`),
          check(
            'the killed worker’s task was redelivered to worker 2 (redelivered flag)',
            killed?.redeliveredTo === 'worker2' && killed.redeliveredFlag === true && w2.allAcked.includes(killed.body),
            killed ? `${killed.body} → ${killed.redeliveredTo ?? 'nobody'}, redelivered=${String(killed.redeliveredFlag)}` : 'no task killed',
          ),
        ],
        facts: {
          prefetch,
          worker1: TUTORIAL_TASKS.filter((t) => w1.allAcked.includes(t)),
          worker2: TUTORIAL_TASKS.filter((t) => w2.allAcked.includes(t)),
          maxInFlight: { worker1: w1.maxInFlight, worker2: w2.maxInFlight },
          fourTasksMs: tutorialMs,
          killed,
        },
      };
    },
  };
}
