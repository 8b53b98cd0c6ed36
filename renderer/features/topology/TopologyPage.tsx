/** Topology: tables of exchanges, queues, bindings, connections, channels and consumers; declare, bind, delete, purge; the graph and the route explainer. */
import { useDeferredValue, useEffect, useLayoutEffect, useState } from 'react';
import type { TableKind } from '../../../shared/topology/types';
import { PageShell } from '../../ui/PageShell';
import { VhostPicker } from '../overview/VhostPicker';
import { BindForm } from './BindForm';
import { TABLES } from './columns';
import { DeclareExchangeForm } from './DeclareExchangeForm';
import { DeclareQueueForm } from './DeclareQueueForm';
import { RouteExplainer } from './RouteExplainer';
import { TopologyGraph } from './TopologyGraph';
import { TopologyTable } from './TopologyTable';
import { usePageVisible } from '../../ui/usePageVisible';
import { useTopologySnapshot } from './useSnapshot';
import { pausedView, tableKey, tableView } from './tableFeed';
import { sessionKey as keyOf } from '../../app/sessionStore';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { BrokerPicker } from '../brokers/BrokerPicker';
import { usePageBroker } from '../brokers/usePageBroker';
import './topology.css';

type Tab = TableKind | 'graph' | 'route';
type Form = 'queue' | 'exchange' | 'bind' | undefined;
const TABS: { id: Tab; label: string }[] = [
  ...(Object.keys(TABLES) as TableKind[]).map((kind) => ({ id: kind, label: TABLES[kind].label })),
  { id: 'graph', label: 'Graph' },
  { id: 'route', label: 'Route explainer' },
];

export function TopologyPage() {
  const { connection } = usePageBroker('topology');
  const visible = usePageVisible();
  const live = connection.status === 'connected';
  const { topology } = useStores();
  const sessionKey = keyOf(connection);
  const [tab, setTab] = useState<Tab>('queues');
  const [form, setForm] = useState<Form>();
  const [done, setDone] = useState<string>();
  // undefined = the connection's vhost; '' = every vhost.
  const [choice, setChoice] = useState<{ profileId?: string; vhost?: string }>({});
  const chosen = choice.profileId === connection.profileId ? choice.vhost : undefined;
  const all = chosen === '';
  const vhost = all ? undefined : (chosen ?? connection.vhost);
  const canChange = live && !all && vhost === connection.vhost;

  const { vhosts } = useStore(topology);
  useEffect(() => void topology.loadVhosts(), [topology]);
  const tableKind: TableKind = tab === 'graph' || tab === 'route' ? 'queues' : tab;
  const tableOn = live && visible && tab !== 'graph' && tab !== 'route';
  // A layout effect, not a passive one: the request leaves before the new page is laid out
  // and painted (a passive effect waited for that: ~400 ms between the click and the request).
  useLayoutEffect(
    () => (tableOn ? topology.table.watch(tableKind, { vhost, all }, sessionKey) : undefined),
    [topology, tableOn, tableKind, vhost, all, sessionKey],
  );
  const answer = useStore(topology.table);
  const deferred = useDeferredValue(answer);
  const key = tableKey(tableKind, { vhost, all }, sessionKey);
  // Re-sorting 10,000 refreshed rows must not hold up a keystroke in the filter: a complete
  // list of the table shown renders deferred (React interrupts that for input); a first page,
  // an error or another table is urgent.
  const defer = answer.result?.complete === true && deferred.key === key && deferred.result?.data.kind === tableKind;
  const table = connection.status === 'reconnecting' ? pausedView(answer, tableKind) : tableView(defer ? deferred : answer, topology.table.remembered(key), tableKind, key);
  const needSnapshot = live && visible && (tab === 'graph' || tab === 'route' || form === 'bind') && vhost !== undefined;
  const { snapshot, error: snapshotError } = useTopologySnapshot(vhost, needSnapshot, sessionKey);

  const finished = (message: string) => {
    setDone(message);
    setForm(undefined);
  };

  return (
    <PageShell
      className="topo-page"
      title="Topology"
      subtitle={`${all ? 'Every virtual host' : `Virtual host ${vhost ?? '—'}`}${live && !canChange ? ' · changes are made in the connection’s virtual host only' : ''}`}
      needs="reachable"
      connection={connection}
      actions={
        <>
          <BrokerPicker page="topology" />
          <VhostPicker vhosts={vhosts ?? []} value={all ? undefined : vhost} onChange={(next) => setChoice({ profileId: connection.profileId, vhost: next ?? '' })} />
        </>
      }
    >

          <div className="topo-tabs-row">
            <div role="tablist" aria-label="Topology views" className="topo-tabs">
              {TABS.map((t) => (
                <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className="topo-tab" onClick={() => setTab(t.id)}>
                  {t.label}
                </button>
              ))}
            </div>
            {canChange ? (
              <div className="button-row topo-make">
                <button type="button" className="button" aria-pressed={form === 'exchange'} onClick={() => setForm(form === 'exchange' ? undefined : 'exchange')}>
                  Declare exchange
                </button>
                <button type="button" className="button" aria-pressed={form === 'queue'} onClick={() => setForm(form === 'queue' ? undefined : 'queue')}>
                  Declare queue
                </button>
                <button type="button" className="button" aria-pressed={form === 'bind'} onClick={() => setForm(form === 'bind' ? undefined : 'bind')}>
                  Add binding
                </button>
              </div>
            ) : null}
          </div>

          {done ? (
            <p role="status" className="topo-done">
              {done}{' '}
              <button type="button" className="link-button" onClick={() => setDone(undefined)}>
                Dismiss
              </button>
            </p>
          ) : null}

          {form && vhost !== undefined ? (
            <div className="card topo-form-card">
              {form === 'queue' ? <DeclareQueueForm vhost={vhost} onDone={finished} /> : null}
              {form === 'exchange' ? <DeclareExchangeForm vhost={vhost} onDone={finished} /> : null}
              {form === 'bind' ? (
                <BindForm
                  vhost={vhost}
                  exchanges={snapshot?.exchanges ?? []}
                  queues={snapshot?.queues.map((q) => q.name) ?? []}
                  onDone={finished}
                />
              ) : null}
            </div>
          ) : null}

          <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label} className="topo-panel">
            {tab === 'graph' || tab === 'route' ? (
              vhost === undefined ? (
                <p className="muted">Pick one virtual host to see its graph and explain routes.</p>
              ) : snapshot ? (
                tab === 'graph' ? (
                  <TopologyGraph snapshot={snapshot} />
                ) : (
                  <RouteExplainer vhost={vhost} exchanges={snapshot.exchanges.map((x) => ({ name: x.name, type: x.type }))} />
                )
              ) : snapshotError ? (
                <p className="field-error">{snapshotError.message}</p>
              ) : (
                <p className="muted">Loading the topology…</p>
              )
            ) : (
              <TopologyTable key={`${tab}|${all ? '*' : vhost}`} kind={tab} scope={{ vhost, all }} table={table} canChange={canChange} onDone={setDone} />
            )}
          </div>
    </PageShell>
  );
}
