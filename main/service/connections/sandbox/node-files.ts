/**
 * The files that make a private RabbitMQ node: its config, plugin list, environment and
 * the ports it was given. Everything lives in one data folder so the node survives restarts.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SandboxPorts {
  amqp: number;
  management: number;
  dist: number;
  /** With TLS: AMQP over TLS, and the management API over https. */
  amqps?: number;
  managementTls?: number;
}

/** A node that also speaks TLS (tests of Warren's TLS; the product sandbox is plain loopback). */
export interface SandboxTls {
  certFile: string;
  keyFile: string;
  caFile: string;
  /** Peers must present a certificate signed by caFile (verify_peer + fail_if_no_peer_cert). */
  requireClientCert: boolean;
}

export interface SandboxLayout {
  dir: string;
  nodeName: string;
  configFile: string;
  pluginsFile: string;
  envFile: string;
  pidFile: string;
  portsFile: string;
  consoleLog: string;
  logDir: string;
  mnesiaDir: string;
  settingsFile: string;
  /** The Erlang cookie, under the node's HOME (which is its folder). */
  cookieFile: string;
}

/** A short tag unique to a folder, so two Warren data folders never fight over one node name. */
export function folderTag(dir: string): string {
  return createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 8);
}

/** The files of a node in `dir`; a cluster names its nodes itself, a lone sandbox by its folder. */
export function sandboxLayout(dir: string, nodeName = `warren-${folderTag(dir)}@localhost`): SandboxLayout {
  return {
    dir,
    nodeName,
    configFile: path.join(dir, 'rabbitmq.conf'),
    pluginsFile: path.join(dir, 'enabled_plugins'),
    envFile: path.join(dir, 'rabbitmq-env.conf'),
    pidFile: path.join(dir, 'rabbitmq.pid'),
    portsFile: path.join(dir, 'ports.json'),
    consoleLog: path.join(dir, 'log', 'console.log'),
    logDir: path.join(dir, 'log'),
    mnesiaDir: path.join(dir, 'mnesia'),
    settingsFile: path.join(dir, 'settings.json'),
    cookieFile: path.join(dir, '.erlang.cookie'),
  };
}

/** `extra`: lines a caller adds (a cluster's peer discovery). */
export function renderConfig(ports: SandboxPorts, tls?: SandboxTls, extra: string[] = []): string {
  const tlsLines =
    tls && ports.amqps && ports.managementTls
      ? [
          `listeners.ssl.1 = 127.0.0.1:${ports.amqps}`,
          `ssl_options.cacertfile = ${tls.caFile}`,
          `ssl_options.certfile = ${tls.certFile}`,
          `ssl_options.keyfile = ${tls.keyFile}`,
          `ssl_options.verify = ${tls.requireClientCert ? 'verify_peer' : 'verify_none'}`,
          `ssl_options.fail_if_no_peer_cert = ${tls.requireClientCert}`,
          `management.ssl.ip = 127.0.0.1`,
          `management.ssl.port = ${ports.managementTls}`,
          `management.ssl.cacertfile = ${tls.caFile}`,
          `management.ssl.certfile = ${tls.certFile}`,
          `management.ssl.keyfile = ${tls.keyFile}`,
        ]
      : [];
  return [
    '# Written by Warren for its sandbox node; rewritten at each start.',
    '# Loopback only: the sandbox is for this machine.',
    `listeners.tcp.1 = 127.0.0.1:${ports.amqp}`,
    `management.tcp.ip = 127.0.0.1`,
    `management.tcp.port = ${ports.management}`,
    '# Warren charts every second; the broker default is 5 s. The management plugin samples at',
    '# the smallest step of its retention policies (5 s by default), so those go to 1 s too.',
    'collect_statistics_interval = 1000',
    'management.sample_retention_policies.global.minute = 1',
    'management.sample_retention_policies.global.hour = 60',
    'management.sample_retention_policies.global.day = 1200',
    'management.sample_retention_policies.basic.minute = 1',
    'management.sample_retention_policies.basic.hour = 60',
    'management.sample_retention_policies.detailed.10 = 1',
    'log.console = false',
    'log.file.level = info',
    ...tlsLines,
    ...extra,
    '',
  ].join('\n');
}

export function writeNodeFiles(layout: SandboxLayout, ports: SandboxPorts, tls?: SandboxTls, extraConfig: string[] = []): void {
  for (const d of [layout.dir, layout.logDir, layout.mnesiaDir]) mkdirSync(d, { recursive: true });
  writeFileSync(layout.configFile, renderConfig(ports, tls, extraConfig));
  writeFileSync(layout.pluginsFile, '[rabbitmq_management].\n');
  // An empty env file, so a system-wide rabbitmq-env.conf cannot change our node.
  writeFileSync(layout.envFile, '');
  writeFileSync(layout.portsFile, JSON.stringify(ports));
}

/**
 * Nodes of one cluster must share an Erlang cookie: it is written into each node's HOME (owner
 * read-only, as Erlang demands) before the node starts. Without one, Erlang makes its own.
 */
export function writeCookie(layout: SandboxLayout, cookie: string): void {
  mkdirSync(layout.dir, { recursive: true });
  if (existsSync(layout.cookieFile)) chmodSync(layout.cookieFile, 0o600);
  writeFileSync(layout.cookieFile, cookie, { mode: 0o400 });
  chmodSync(layout.cookieFile, 0o400);
}

export function readPorts(layout: SandboxLayout): SandboxPorts | undefined {
  try {
    const value = JSON.parse(readFileSync(layout.portsFile, 'utf8')) as Partial<SandboxPorts>;
    if (typeof value.amqp === 'number' && typeof value.management === 'number' && typeof value.dist === 'number') {
      return value as SandboxPorts;
    }
  } catch {
    // First start, or an unreadable file: choose ports afresh.
  }
  return undefined;
}

export function readPid(layout: SandboxLayout): number | undefined {
  if (!existsSync(layout.pidFile)) return undefined;
  const pid = Number(readFileSync(layout.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export const LOOPBACK_DISTRIBUTION = '-kernel inet_dist_use_interface {127,0,0,1}';

export function nodeEnvironment(layout: SandboxLayout, ports: SandboxPorts): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // The Erlang cookie is created under HOME: keep it in the data folder, not the user's home.
    HOME: layout.dir,
    RABBITMQ_NODENAME: layout.nodeName,
    RABBITMQ_USE_LONGNAME: 'false',
    RABBITMQ_BASE: layout.dir,
    RABBITMQ_MNESIA_BASE: layout.mnesiaDir,
    RABBITMQ_LOG_BASE: layout.logDir,
    RABBITMQ_CONFIG_FILE: layout.configFile,
    RABBITMQ_ENABLED_PLUGINS_FILE: layout.pluginsFile,
    RABBITMQ_CONF_ENV_FILE: layout.envFile,
    RABBITMQ_PID_FILE: layout.pidFile,
    RABBITMQ_DIST_PORT: String(ports.dist),
    // Erlang distribution (the port other nodes and rabbitmqctl use) on loopback only: the
    // sandbox is for this machine, and that port speaks with the power of the Erlang cookie.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: LOOPBACK_DISTRIBUTION,
    RABBITMQ_CTL_ERL_ARGS: LOOPBACK_DISTRIBUTION,
    // An epmd this node starts listens on loopback only as well (a running one is left alone).
    ERL_EPMD_ADDRESS: '127.0.0.1',
  };
}

export function tailOfFile(file: string, lines = 20): string[] {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  } catch {
    return [];
  }
}
