/**
 * Another broker's definitions as a source to compare with or import: what its export writes, so
 * the diff reads it exactly as it would read that broker's exported file. The CLI's --from-url and
 * the page's "compare with another broker" both come here.
 */
import type { LocalSource } from '../../../shared/definitions/contract';
import type { ManagementClient } from '../broker/management';
import { fail } from '../errors';
import { exportDefinitions } from './export';

/**
 * @param vhost the other broker's vhost to read (undefined: the whole broker)
 * @param target the vhost it is compared with (undefined: the whole broker)
 */
export async function otherBrokerSource(other: ManagementClient, vhost: string | undefined, target: string | undefined): Promise<LocalSource> {
  if (target === undefined && vhost !== undefined) {
    fail('BAD_INPUT', 'A vhost is compared with another vhost, not with the whole broker', { field: 'vhost', hint: 'Choose the vhost to compare it with, or compare the whole brokers.' });
  }
  return { kind: 'file', text: (await exportDefinitions(other, vhost)).text };
}
