/** Which broker this is: versions and cluster from the management API, or the AMQP handshake. */
import type { Overview } from '../../../shared/overview/types';
import { KeyValueList, type KeyValue } from '../../ui/KeyValueList';

export function BrokerInfo({ overview }: { overview: Overview }) {
  const { management, server } = overview;
  const items: KeyValue[] = [];
  if (management.available) {
    items.push(
      { label: 'RabbitMQ version', value: management.rabbitmqVersion, mono: true, testId: 'rabbitmq-version' },
      { label: 'Erlang version', value: management.erlangVersion, mono: true, testId: 'erlang-version' },
      { label: 'Cluster name', value: management.clusterName, mono: true, testId: 'cluster-name' },
    );
  }
  if (server) {
    items.push({ label: 'AMQP server', value: `${server.product} ${server.version}`, mono: true, testId: 'amqp-server' });
    if (!management.available && server.clusterName) {
      items.push({ label: 'Cluster name', value: server.clusterName, mono: true, testId: 'cluster-name' });
    }
    if (server.node) items.push({ label: 'Node', value: server.node, mono: true });
  }
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="broker-heading">
      <h2 id="broker-heading" className="section-title">
        Broker
      </h2>
      <KeyValueList items={items} className="kv-inline" labelValues />
    </section>
  );
}
