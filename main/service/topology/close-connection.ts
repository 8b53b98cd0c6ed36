/**
 * Closing a client's connection, as the management UI's "Force Close" does: DELETE
 * /api/connections/NAME with the reason in X-Reason, which the broker hands to the client in
 * its connection.close (CONNECTION_FORCED, "… closed via management plugin: REASON").
 */
import type { ManagementClient } from '../broker/management';
import { toWarrenError, WarrenFailure } from '../errors';

export const DEFAULT_CLOSE_REASON = 'Closed from Warren';

export async function closeConnection(management: ManagementClient, name: string, reason: string): Promise<{ name: string; reason: string }> {
  const said = reason.trim() === '' ? DEFAULT_CLOSE_REASON : reason.trim();
  try {
    // Header values are Latin-1 on the wire: keep the reason readable rather than rejected.
    await management.delete(`/connections/${encodeURIComponent(name)}`, { 'X-Reason': said.replace(/[^\x20-\x7e]/g, '?') });
    return { name, reason: said };
  } catch (err) {
    const error = toWarrenError(err);
    if (error.code === 'NOT_FOUND') {
      throw new WarrenFailure({ ...error, message: `Connection ${name} is already closed`, hint: 'The client closed it or the broker did; refresh the table.' });
    }
    throw new WarrenFailure(error);
  }
}
