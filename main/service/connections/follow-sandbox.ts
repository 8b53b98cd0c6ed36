/**
 * Warren follows its sandbox: when the node is ready again on other ports than the connection
 * was using (its own ports were taken while it was down), Warren connects to where it is now
 * instead of retrying the old ports forever. On its own ports, the session's reconnect suffices.
 */
import type { ServiceContext } from '../context';
import { SANDBOX_PROFILE_ID } from './profiles/catalog';

export function followSandbox(ctx: Pick<ServiceContext, 'sandbox' | 'connection' | 'connectTo' | 'log'>): () => void {
  const { sandbox, connection, connectTo, log } = ctx;
  return sandbox.onChange((state) => {
    if (state.status !== 'ready' || !state.amqpPort) return;
    const target = connection.target;
    if (target?.profileId !== SANDBOX_PROFILE_ID || target.port === state.amqpPort) return;
    if (connection.state.status === 'connected' || connection.state.status === 'connecting') return;
    log(`The sandbox broker is back on port ${state.amqpPort} (was ${target.port}); connecting there.`);
    void connectTo(SANDBOX_PROFILE_ID).catch(() => undefined);
  });
}
