/** Operations of policies: the vhost's policies with its queues and exchanges (the page matches live), save, delete. */
import { z } from 'zod';
import { vhostName } from '../schemas';
import { op } from '../spec';
import { requiredAmqpName, tableKey } from '../validation/name-schemas';
import { APPLY_TO, type PoliciesView } from './types';

export const policyDraft = z.object({
  vhost: vhostName,
  name: requiredAmqpName('Policy name'),
  pattern: z.string().min(1, 'enter a pattern (.* matches every name)').max(1024),
  applyTo: z.enum(APPLY_TO).default('all'),
  priority: z.number({ error: 'enter a priority' }).int('a whole number').min(-1_000_000).max(1_000_000).default(0),
  definition: z.record(tableKey('A policy key'), z.unknown()).refine((d) => Object.keys(d).length > 0, 'a policy sets at least one key'),
  operator: z.boolean().default(false),
});
export type PolicyDraft = z.input<typeof policyDraft>;

export const policiesOperations = {
  'policies.view': op<PoliciesView>()(z.object({ vhost: vhostName }), 'The policies and operator policies of a vhost, with its queues and exchanges'),
  'policies.save': op<{ saved: string }>()(policyDraft, 'Create or replace a policy (or operator policy)'),
  'policies.delete': op<{ deleted: string }>()(z.object({ vhost: vhostName, name: requiredAmqpName('Policy name'), operator: z.boolean().default(false) }), 'Delete a policy (or operator policy)'),
} as const;
