/** A vhost's or a user's limits: each one set to a number, or removed for "no limit". */
import { isWarrenError } from '../../../shared/errors';
import { fail } from '../errors';
import type { ManagementClient } from '../broker/management';

export async function setLimits(api: ManagementClient, base: string, limits: Record<string, number | null>, owner: string): Promise<void> {
  const current = await api.get<Record<string, unknown>[]>(base).catch(() => []);
  const present = new Set(current.flatMap((row) => Object.keys((row.value as Record<string, number> | undefined) ?? {})));
  for (const [name, value] of Object.entries(limits)) {
    try {
      if (value !== null) await api.put(`${base}/${name}`, { value });
      // Removing a limit that is not there is an error on some brokers: only remove what exists.
      else if (present.has(name)) await api.delete(`${base}/${name}`);
    } catch (err) {
      const reason = isWarrenError(err) || err instanceof Error ? err.message : String(err);
      fail('BAD_INPUT', `The ${owner} was saved, but the broker refused its ${name} limit: ${reason}`, {
        hint: 'Edit it again with another limit, or leave the limit empty for none.',
      });
    }
  }
}
