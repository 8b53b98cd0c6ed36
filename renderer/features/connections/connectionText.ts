/** What the status bar says about a connection state, and in which tone. */
import type { ConnectionState, SandboxState } from '../../../shared/connections/types';

export type Tone = 'ok' | 'busy' | 'warn' | 'error' | 'idle';

export interface ConnectionDescription {
  tone: Tone;
  text: string;
  /** Longer explanation (the hint of an error, the profile being reached). */
  detail?: string;
}

/**
 * @param sandbox lets "Not connected" say that the sandbox broker is starting (Warren connects
 *   to it when it is ready, at launch or after Connect).
 */
export function describeConnection(state: ConnectionState, sandbox?: SandboxState): ConnectionDescription {
  switch (state.status) {
    case 'connected': {
      const server = state.server ? ` — ${state.server.product} ${state.server.version}` : '';
      // A profile with several hosts: which node Warren is on now (it moves when one dies).
      const where = state.endpoint ? ` on ${state.server?.node ?? state.endpoint}` : '';
      return {
        tone: 'ok',
        text: `Connected to ${state.profileName ?? 'broker'}${where}${server}`,
        detail: state.vhost ? `Virtual host ${state.vhost}` : undefined,
      };
    }
    case 'connecting':
      return { tone: 'busy', text: 'Connecting…', detail: state.profileName ? `Connecting to ${state.profileName}` : undefined };
    case 'reconnecting': {
      const seconds = Math.ceil((state.retryInMs ?? 0) / 1000);
      const attempt = state.attempt ? ` (attempt ${state.attempt})` : '';
      const when = seconds > 0 ? `in ${seconds} s` : 'now';
      const reason = state.error ? `${state.error.message}. ${state.error.hint}` : undefined;
      return { tone: 'warn', text: `Reconnecting ${when}${attempt}`, detail: reason };
    }
    case 'failed':
      return {
        tone: 'error',
        text: `Failed: ${state.error?.message ?? 'the connection failed'}`,
        detail: state.error?.hint,
      };
    case 'idle':
      if (sandbox?.status === 'starting') {
        return { tone: 'busy', text: 'Starting the sandbox broker…', detail: 'A private RabbitMQ node answers a few seconds after it starts.' };
      }
      return { tone: 'idle', text: 'Not connected', detail: 'Choose a profile in Connections.' };
  }
}

/** True while a connection to this profile is open or being (re)opened. */
export function isActiveFor(state: ConnectionState, profileId: string): boolean {
  return state.profileId === profileId && (state.status === 'connected' || state.status === 'connecting' || state.status === 'reconnecting');
}
