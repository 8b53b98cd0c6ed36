/**
 * The brokers Warren is connected to (the main connection first, then those opened beside it)
 * and, for each page with a broker picker, which one it works on — remembered per page in this
 * window's storage. A page's store calls through `port(page)`, which names the page's broker in
 * every operation that takes one; the main connection is named by leaving it out.
 */
import type { OpenBroker } from '../../../shared/brokers/types';
import type { InputOf, OperationName } from '../../../shared/contract';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

/** The pages that work on one broker of several. */
export type BrokerPage = 'overview' | 'topology' | 'access' | 'definitions' | 'policies';

export interface BrokersState {
  open: OpenBroker[];
  /** Per page, the profile id chosen there (absent: the main connection). */
  choice: Partial<Record<BrokerPage, string>>;
}

const STORAGE_KEY = 'warren.brokerPerPage';

/**
 * Which operations take a broker comes from the contract's operation table, built of every
 * operation's schema: ~0.1 s of the page's start, before it could open its socket. It is only
 * needed once a page works on a broker beside the main one, so it is loaded then (and at once
 * when this window remembers such a choice).
 */
let takesBroker: ((op: OperationName) => boolean) | undefined;
let loadingScope: Promise<(op: OperationName) => boolean> | undefined;
function loadScope(): Promise<(op: OperationName) => boolean> {
  loadingScope ??= import('../../../shared/contract').then((contract) => (takesBroker = contract.takesBroker));
  return loadingScope;
}

export class BrokersStore extends StateStore<BrokersState> {
  constructor(private readonly bridge: BridgePort) {
    super({ open: [], choice: readChoices() });
    if (Object.keys(this.current.choice).length > 0) void loadScope();
    bridge.on('brokers.state', (open) => this.set({ open }));
  }

  /** Connects to a profile beside the main connection; the answer says why when it cannot. */
  readonly open = (input: { id: string }) => this.bridge.call('brokers.open', input);

  readonly close = (input: { id: string }) => this.bridge.call('brokers.close', input);

  choose(page: BrokerPage, id: string | undefined): void {
    const choice = { ...this.current.choice };
    if (id === undefined) delete choice[page];
    else {
      choice[page] = id;
      void loadScope();
    }
    this.set({ choice });
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(choice));
    } catch {
      // Storage full or refused: the choice holds for this window's life.
    }
  }

  /** The broker beside the main connection a page works on, or undefined for the main one (also when its choice is closed). */
  besideFor(page: BrokerPage, state: BrokersState = this.current): OpenBroker | undefined {
    const id = state.choice[page];
    return state.open.find((b) => b.id === id && !b.main);
  }

  /** The bridge as the page's store uses it: its broker named in each operation that takes one. */
  port(page: BrokerPage, through: BridgePort): BridgePort {
    const call = <K extends OperationName>(op: K, input: InputOf<K>) => {
      const broker = this.besideFor(page)?.id;
      // An input that names its broker (a comparison with another one) keeps it.
      if (broker === undefined || 'broker' in (input as object)) return through.call(op, input);
      const named = (takes: (op: OperationName) => boolean) => through.call(op, takes(op) ? { ...input, broker } : input);
      return takesBroker ? named(takesBroker) : loadScope().then(named);
    };
    return { call, on: (event, listener) => through.on(event, listener), onTransport: (listener) => through.onTransport(listener) };
  }
}

function readChoices(): BrokersState['choice'] {
  try {
    const parsed = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}') as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as BrokersState['choice'];
  } catch {
    return {};
  }
}
