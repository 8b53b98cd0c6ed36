/**
 * The Demos page's one door to the bridge: the list of demos, the running demo as the main
 * process pushes it (`demos.state`), the last refusal, and the operations (run, step, reset,
 * failure, options, actions, code, and the switch to the sandbox cluster a node-failure demo needs). Components read it with useSyncExternalStore and call its
 * methods; none of them calls the bridge. Given the bridge, so unit tests pass a fake one (the
 * app's instance and its hook are in useDemos.ts).
 */
import type { EventName, EventPayload, InputOf, OperationName, OutputOf } from '../../../shared/contract';
import type { DemoCode } from '../../../shared/demos/code';
import type { DemoName, DemoOptions, DemoState, DemoSummary } from '../../../shared/demos/types';
import type { Result, WarrenError } from '../../../shared/errors';
import { CLUSTER_PROFILE_ID } from '../../../shared/connections/types';

/** What the store needs of the bridge. */
export interface DemosBridge {
  call<K extends OperationName>(op: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
}

export interface DemosSnapshot {
  demos: DemoSummary[];
  /** The running demo (or idle); undefined until the first answer. */
  state?: DemoState;
  /** The last refusal of a run, step, reset, failure toggle or option (cleared by the next success). */
  error?: WarrenError;
}

export interface ActionInput {
  routingKey?: string;
  count?: number;
  rate?: number;
}

export interface DemosStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => DemosSnapshot;
  run: (name: DemoName, options: DemoOptions) => Promise<void>;
  step: () => Promise<void>;
  reset: () => Promise<void>;
  failure: () => Promise<void>;
  setOptions: (patch: DemoOptions) => Promise<void>;
  /** A demo button; its refusal goes back to the button's field, not to the page. */
  action: (id: string, input: ActionInput) => Promise<WarrenError | undefined>;
  code: (name: DemoName) => Promise<Result<DemoCode>>;
  /** Connects Warren to its sandbox cluster (started when needed), where a demo that kills a node runs. */
  connectCluster: () => Promise<void>;
  dismissError: () => void;
}

export function createDemosStore(bridge: DemosBridge): DemosStore {
  let snapshot: DemosSnapshot = { demos: [] };
  const listeners = new Set<() => void>();
  let detach: (() => void) | undefined;

  const set = (patch: Partial<DemosSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener();
  };
  const report = (result: Result<unknown>) => set({ error: result.ok ? undefined : result.error });

  /** Listens while someone reads: the first subscriber attaches, the last one detaches. */
  const attach = () => {
    let pushed = 0;
    const off = bridge.on('demos.state', (state) => {
      pushed += 1;
      set({ state });
    });
    const before = pushed;
    void bridge.call('demos.state', {}).then((r) => {
      // An event that arrived meanwhile is newer than this answer.
      if (r.ok && pushed === before && detach) set({ state: r.value });
    });
    if (snapshot.demos.length === 0) void bridge.call('demos.list', {}).then((r) => (r.ok ? set({ demos: r.value }) : set({ error: r.error })));
    detach = off;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!detach) attach();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && detach) {
          detach();
          detach = undefined;
        }
      };
    },
    getSnapshot: () => snapshot,
    run: async (name, options) => report(await bridge.call('demos.run', { name, options })),
    step: async () => report(await bridge.call('demos.step', {})),
    reset: async () => report(await bridge.call('demos.reset', {})),
    failure: async () => report(await bridge.call('demos.failure', {})),
    setOptions: async (patch) => report(await bridge.call('demos.setOptions', patch)),
    action: async (id, input) => {
      const result = await bridge.call('demos.action', { action: id, ...input });
      return result.ok ? undefined : result.error;
    },
    code: (name) => bridge.call('demos.code', { name }),
    connectCluster: async () => {
      const result = await bridge.call('connection.connect', { id: CLUSTER_PROFILE_ID });
      // A connect that did not get through answers with the state and its reason, not a refusal.
      if (result.ok && result.value.status !== 'connected') {
        set({ error: result.value.error ?? { code: 'NOT_CONNECTED', message: `The sandbox cluster is ${result.value.status}`, hint: 'Open Connections → Sandbox cluster to see each node’s state.' } });
      } else report(result);
    },
    dismissError: () => set({ error: undefined }),
  };
}
