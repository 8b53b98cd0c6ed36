import { describe, expect, it } from 'vitest';
import { LOOPBACK_DISTRIBUTION, nodeEnvironment, renderConfig, sandboxLayout } from '../../../../main/service/connections/sandbox/node-files';

describe('the sandbox node files', () => {
  const layout = sandboxLayout('/data/sandbox');
  const ports = { amqp: 1001, management: 1002, dist: 1003 };

  it('keep Erlang distribution (node and rabbitmqctl) and a new epmd on loopback, whatever the environment says', () => {
    process.env.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS = '-kernel inet_dist_use_interface {0,0,0,0}';
    try {
      const env = nodeEnvironment(layout, ports);
      expect(LOOPBACK_DISTRIBUTION).toBe('-kernel inet_dist_use_interface {127,0,0,1}');
      expect(env.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS).toBe(LOOPBACK_DISTRIBUTION);
      expect(env.RABBITMQ_CTL_ERL_ARGS).toBe(LOOPBACK_DISTRIBUTION);
      expect(env.ERL_EPMD_ADDRESS).toBe('127.0.0.1');
      expect(env.RABBITMQ_NODENAME).toBe(layout.nodeName);
      expect(env.RABBITMQ_DIST_PORT).toBe('1003');
    } finally {
      delete process.env.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS;
    }
  });

  it('listen on 127.0.0.1 only; TLS adds amqps and https management on loopback with the given files', () => {
    const plain = renderConfig(ports);
    expect(plain).toContain('listeners.tcp.1 = 127.0.0.1:1001');
    expect(plain).not.toContain('ssl');
    const tls = renderConfig({ ...ports, amqps: 1004, managementTls: 1005 }, { caFile: '/c/ca.pem', certFile: '/c/s.pem', keyFile: '/c/s.key', requireClientCert: true });
    expect(tls).toContain('listeners.ssl.1 = 127.0.0.1:1004');
    expect(tls).toContain('ssl_options.verify = verify_peer');
    expect(tls).toContain('ssl_options.fail_if_no_peer_cert = true');
    expect(tls).toContain('management.ssl.ip = 127.0.0.1');
    expect(tls).toContain('management.ssl.port = 1005');
    expect(tls).toContain('management.ssl.cacertfile = /c/ca.pem');
  });
});
