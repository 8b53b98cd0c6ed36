/**
 * The demo runner of the app: one demo at a time, on the broker Warren is connected to, in its
 * own vhost when the user may create one (a demo that kills a cluster node: on the connected
 * sandbox cluster only, see connected-cluster.ts). Steps and buttons run in the background; progress is
 * pushed as `demos.state` (coalesced, at most every 100 ms). Its queues are charted by the app's
 * one chart sampler (watched while the demo runs, unwatched on reset), with a marker for each
 * step, each button, the failure toggle and the reset.
 */
import path from 'node:path';
import { createDemo } from '../../../demos/registry';
import { demoBroker, isolate, removeVhost, type Isolation } from './isolation';
import type { ActionInput, DemoDefinition } from '../../../demos/definition';
import { DemoRuntime } from '../../../demos/runtime';
import type { DemoName, DemoOptions, DemoState } from '../../../shared/demos/types';
import type { ConnectTarget } from '../broker/target';
import type { ChartsSampler } from '../charts/sampler';
import type { ServiceContext } from '../context';
import { fail, toWarrenError } from '../errors';
import { connectedSandboxCluster, requireSandboxCluster } from './connected-cluster';
import { privateNodes } from './private-node';
import { Throttle } from '../throttle';

/** A demo's state goes to the windows at most this often while its programs run. */
const EMIT_MS = 100;

interface Running {
  def: DemoDefinition;
  rt: DemoRuntime;
  isolation: Isolation;
  target: () => ConnectTarget;
  createdVhost: boolean;
  nextStep: number;
  busy: number;
  /** Broker names of the queues this demo made the chart sampler watch. */
  charted: Set<string>;
  startedAt: number;
  /** The session Warren had when it started: a profile switch away from it resets the demo. */
  session: unknown;
}

const IDLE: DemoState = { status: 'idle', nextStep: 0, stepCount: 0, options: {}, failureOn: false, actors: [], queues: [], charted: [], narration: [], measured: {}, updatedAt: 0 };

export class DemoRunner {
  private running?: Running;
  private status: DemoState['status'] = 'idle';
  private error?: DemoState['error'];
  /** Many changes close together make one event (at most one per EMIT_MS); a lone one goes at once. */
  private readonly emits = new Throttle(EMIT_MS, () => {
    this.syncCharts();
    this.ctx.emit('demos.state', this.state());
  });

  constructor(
    private readonly ctx: ServiceContext,
    /** The app's one chart sampler: the demo's queues are charted where every other chart is. */
    private readonly charts: Pick<ChartsSampler, 'watch' | 'unwatch' | 'recordMarker'>,
  ) {
    // The demo runs on the broker of the profile it started on: a switch away ends it (its
    // programs stop, what it declared is deleted) rather than leave it running out of sight.
    const mine = (session: unknown) => this.running !== undefined && this.running.session === session;
    ctx.connection.describeOnSession(
      (session) => (mine(session) ? [`the running demo ${this.running?.def.title ?? ''}`] : []),
      async (session) => {
        if (mine(session)) await this.reset();
      },
    );
  }

  state(): DemoState {
    const r = this.running;
    if (!r) return { ...IDLE, status: this.status === 'resetting' ? 'resetting' : 'idle', ...(this.error ? { error: this.error } : {}), updatedAt: Date.now() };
    const { rt, def } = r;
    const status = this.status === 'running' && r.busy > 0 ? 'busy' : this.status;
    return {
      name: def.name,
      status,
      startedAt: r.startedAt,
      nextStep: r.nextStep,
      stepCount: def.steps.length,
      isolation: r.isolation,
      broker: rt.broker.describe,
      options: { ...rt.options },
      failureOn: rt.failureOn,
      actors: rt.actorStates(),
      queues: rt.watchedQueues,
      charted: rt.watchedQueues.map((label) => ({ label, ref: { vhost: r.isolation.vhost, queue: rt.name(label) } })),
      narration: rt.narration.slice(-80),
      ...(rt.route ? { route: rt.route } : {}),
      measured: { ...rt.measured },
      ...(rt.reconcile ? { reconcile: rt.reconcile } : {}),
      ...(this.error ? { error: this.error } : {}),
      updatedAt: Date.now(),
    };
  }

  /** Pushes the state soon (see `emits`). */
  changed = (): void => this.emits.request();

  async run(name: DemoName, options: DemoOptions = {}): Promise<DemoState> {
    const def = createDemo(name);
    // Refused before the running demo is reset: a demo that kills a node needs the sandbox cluster.
    if (def.needsCluster) requireSandboxCluster(this.ctx, def.title);
    await this.reset();
    const session = this.ctx.connection.requireSession();
    const profileId = this.ctx.connection.state.profileId;
    if (!session.connection || !profileId) fail('NOT_CONNECTED', 'Not connected to a broker', { hint: 'Connect to a broker first (Connections).' });
    const vhost = this.ctx.connection.state.vhost ?? '/';
    const base = { ...this.ctx.catalog.target(profileId), vhost };
    this.status = 'starting';
    this.error = undefined;
    this.changed();
    try {
      const { isolation, target, created } = await isolate(name, base);
      const targetFn = () => ({ ...this.ctx.catalog.target(profileId), vhost: target.vhost });
      // A step that restarts a broker gets a node of its own: never the one Warren and others use.
      // A step that kills a cluster node runs on the sandbox cluster Warren is connected to, where the charts look.
      const nodesDir = path.join(this.ctx.options.dataDir, 'demo-nodes');
      const cluster = def.needsCluster ? connectedSandboxCluster(this.ctx, name, def.title, isolation.vhost) : undefined;
      const rt = new DemoRuntime(demoBroker(name, targetFn, privateNodes(nodesDir, name), cluster), isolation.prefix, { ...options }, this.changed);
      this.running = { def, rt, isolation, target: targetFn, createdVhost: created, nextStep: 0, busy: 0, charted: new Set(), startedAt: Date.now(), session };
      rt.say(isolation.mode === 'vhost' ? `Running in its own vhost ${isolation.vhost}.` : `No right to create vhosts: running in ${isolation.vhost} with names prefixed ${isolation.prefix}`);
      await def.setup(rt);
      this.syncCharts();
      this.status = 'running';
    } catch (err) {
      this.status = 'failed';
      this.error = toWarrenError(err);
      this.changed();
      throw err;
    }
    this.background(() => this.runStep());
    return this.state();
  }

  step(): DemoState {
    const r = this.require();
    if (r.busy > 0) fail('BAD_INPUT', 'The current step is still running', { hint: 'Wait for it to finish (the narration says when), then press Next.' });
    if (r.nextStep >= r.def.steps.length) fail('BAD_INPUT', 'All steps have run', { hint: 'Use the buttons to keep playing, or Reset and Run again.' });
    this.background(() => this.runStep());
    return this.state();
  }

  action(id: string, input: ActionInput): DemoState {
    const r = this.require();
    const action = r.def.actions.find((a) => a.id === id);
    if (!action) fail('BAD_INPUT', `The ${r.def.title} demo has no action “${id}”`, { field: 'action' });
    if (action.input === 'routingKey' && !input.routingKey) fail('BAD_INPUT', 'Type a routing key first', { field: 'routingKey', hint: 'e.g. kernel.error or auth.info' });
    this.marker(actionLabel(action.label, input));
    this.background(() => action.run(r.rt, input));
    return this.state();
  }

  failure(on?: boolean): DemoState {
    const r = this.require();
    const failure = r.def.failure;
    if (!failure) fail('BAD_INPUT', `The ${r.def.title} demo has no failure to inject`);
    const next = on ?? !r.rt.failureOn;
    r.rt.failureOn = next;
    this.marker(next ? failure.on : failure.off);
    this.background(() => failure.set(r.rt, next));
    return this.state();
  }

  setOptions(options: DemoOptions): DemoState {
    const r = this.require();
    Object.assign(r.rt.options, options);
    if (options.idempotent !== undefined) r.rt.say(options.idempotent ? 'Idempotency on: the email service skips orders it already emailed.' : 'Idempotency off: a redelivered order is emailed again.');
    this.changed();
    return this.state();
  }

  async reset(): Promise<DemoState> {
    const r = this.running;
    if (!r) {
      this.error = undefined;
      return this.state();
    }
    this.status = 'resetting';
    this.changed();
    this.running = undefined;
    this.marker(`${r.def.title} reset`, r);
    this.unwatchCharts(r);
    try {
      await r.def.teardown?.(r.rt).catch(() => undefined);
      const deleted = await r.rt.cleanup();
      if (r.createdVhost) await removeVhost(r.target(), r.isolation.vhost).catch(() => undefined);
      this.ctx.log(`Demo ${r.def.name} reset: deleted ${r.createdVhost ? `vhost ${r.isolation.vhost}` : deleted.join(', ') || 'nothing'}.`);
    } finally {
      this.status = 'idle';
      this.error = undefined;
      this.changed();
    }
    return this.state();
  }

  private require(): Running {
    if (!this.running || this.status !== 'running') fail('BAD_INPUT', 'No demo is running', { hint: 'Press Run on a demo first.' });
    return this.running;
  }

  private async runStep(): Promise<void> {
    const r = this.running;
    if (!r) return;
    const index = r.nextStep;
    const step = r.def.steps[index];
    if (!step) return;
    r.nextStep += 1;
    r.rt.say(`Step ${index + 1}/${r.def.steps.length}: ${step.title}`, 'step');
    this.marker(`Step ${index + 1}: ${step.title}`);
    await step.run(r.rt);
    r.rt.stepDepths.push({ step: step.title, depths: await r.rt.depths() });
    if (r.nextStep === r.def.steps.length) {
      const { checks } = r.def.outcome(r.rt);
      for (const c of checks) r.rt.say(`${c.ok ? '✔' : '✘'} ${c.name}: ${c.detail}`, c.ok ? 'good' : 'bad');
    }
  }

  /** Makes the chart sampler watch the queues the demo charts (some appear in later steps). */
  private syncCharts(): void {
    const r = this.running;
    if (!r) return;
    const fresh = r.rt.watchedQueues.map((q) => r.rt.name(q)).filter((q) => !r.charted.has(q));
    if (fresh.length === 0) return;
    for (const q of fresh) r.charted.add(q);
    this.charts.watch(r.isolation.vhost, fresh);
  }

  private unwatchCharts(r: Running): void {
    if (r.charted.size === 0) return;
    // Only the demo's own queues: in prefix mode the vhost holds the user's queues too.
    this.charts.unwatch(r.isolation.vhost, [...r.charted]);
    r.charted.clear();
  }

  /** A labelled line on each of the demo's charts (per queue, so other pages' charts stay clean). */
  private marker(label: string, r = this.running): void {
    if (!r) return;
    // One moment for every queue's copy: the page merges copies by (time, label) into one event.
    const t = Date.now();
    for (const queue of r.charted) this.charts.recordMarker(label, { kind: 'demo', ref: { vhost: r.isolation.vhost, queue }, t });
  }

  /** Runs work without holding the caller; its failure is shown in the state. */
  private background(work: () => Promise<void>): void {
    const r = this.running;
    if (!r) return;
    r.busy += 1;
    this.changed();
    void work()
      .catch((err: unknown) => {
        if (this.running !== r) return;
        const error = toWarrenError(err);
        this.error = error;
        r.rt.say(`Failed: ${error.message}`, 'bad');
      })
      .finally(() => {
        r.busy -= 1;
        this.changed();
      });
  }

  async shutdown(): Promise<void> {
    await this.reset().catch(() => undefined);
    this.emits.stop();
  }
}

/** "Place a burst (5)", "Send a key (kernel.error)": what the marker says about a button press. */
function actionLabel(label: string, input: ActionInput): string {
  const detail = input.routingKey ?? (input.count !== undefined ? String(input.count) : input.rate !== undefined ? `${input.rate}/s` : undefined);
  return detail === undefined ? label : `${label} (${detail})`;
}
