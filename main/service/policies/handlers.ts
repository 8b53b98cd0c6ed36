/**
 * The policies operations. The page matches patterns itself (shared/policies/match.ts) against
 * the queues and exchanges `policies.view` lists, so typing a pattern asks the broker nothing.
 */
import type { HandlersFor } from '../../../shared/contract';
import { compilePattern } from '../../../shared/policies/match';
import type { policiesOperations } from '../../../shared/policies/contract';
import type { ApplyTo, Policy, PolicyTarget } from '../../../shared/policies/types';
import { vhostPath } from '../broker/management';
import type { FeatureContext } from '../engines';
import { WarrenFailure } from '../errors';

interface PolicyRow {
  vhost: string;
  name: string;
  pattern: string;
  'apply-to': ApplyTo;
  priority: number;
  definition: Record<string, unknown>;
}

const base = (operator: boolean) => (operator ? '/operator-policies' : '/policies');

function toPolicy(row: PolicyRow, operator: boolean): Policy {
  return { vhost: row.vhost, name: row.name, pattern: row.pattern, applyTo: row['apply-to'], priority: row.priority, definition: row.definition, operator };
}

export function policiesHandlers(ctx: FeatureContext): HandlersFor<typeof policiesOperations> {
  const { connection } = ctx;
  return {
    'policies.view': async ({ vhost }) => {
      const api = connection.requireManagement();
      const v = vhostPath(vhost);
      const [policies, operators, queues, exchanges] = await Promise.all([
        api.get<PolicyRow[]>(`/policies/${v}`),
        api.get<PolicyRow[]>(`/operator-policies/${v}`),
        api.list<{ name: string; type?: string }>(`/queues/${v}`, ['name', 'type']),
        api.list<{ name: string }>(`/exchanges/${v}`, ['name']),
      ]);
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      return {
        vhost,
        policies: [...policies.map((p) => toPolicy(p, false)), ...operators.map((p) => toPolicy(p, true))].sort(byName),
        queues: queues.map((q): PolicyTarget => ({ kind: 'queue', name: q.name, queueType: q.type ?? 'classic' })).sort(byName),
        // The default exchange takes no policy.
        exchanges: exchanges.filter((e) => e.name !== '').map((e): PolicyTarget => ({ kind: 'exchange', name: e.name })).sort(byName),
      };
    },
    'policies.save': async ({ vhost, name, pattern, applyTo, priority, definition, operator }) => {
      const compiled = compilePattern(pattern);
      if (!compiled.ok) throw new WarrenFailure(compiled.error);
      await connection.requireManagement().put(`${base(operator)}/${vhostPath(vhost)}/${encodeURIComponent(name)}`, { pattern, 'apply-to': applyTo, priority, definition });
      return { saved: name };
    },
    'policies.delete': async ({ vhost, name, operator }) => {
      await connection.requireManagement().delete(`${base(operator)}/${vhostPath(vhost)}/${encodeURIComponent(name)}`);
      return { deleted: name };
    },
  };
}
