/**
 * One type's changes as a table: a tick per change, what happens to which object, its fields
 * before → after, and the broker's refusal named. A refused change cannot be ticked.
 */
import type { DefinitionChange, DefinitionType } from '../../../shared/definitions/types';
import { Badge } from '../../ui/Badge';

export const TYPE_LABELS: Record<DefinitionType, string> = {
  vhosts: 'Virtual hosts',
  users: 'Users',
  permissions: 'Permissions',
  topic_permissions: 'Topic permissions',
  global_parameters: 'Global parameters',
  parameters: 'Parameters',
  policies: 'Policies',
  exchanges: 'Exchanges',
  queues: 'Queues',
  bindings: 'Bindings',
};

const KIND = { added: { text: 'Added', tone: 'ok' }, changed: { text: 'Changed', tone: 'warn' }, removed: { text: 'Removed', tone: 'error' } } as const;

const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));

interface Props {
  type: DefinitionType;
  changes: DefinitionChange[];
  selected: ReadonlySet<string>;
  disabled: boolean;
  onToggle: (id: string, on: boolean) => void;
}

export function DiffTable({ type, changes, selected, disabled, onToggle }: Props) {
  return (
    <div className="table-scroll">
      <table className="table defs-table" aria-label={`${TYPE_LABELS[type]} changes`}>
        <thead>
          <tr>
            <th scope="col">Apply</th>
            <th scope="col">Change</th>
            <th scope="col">Object</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id} className={c.refusal ? 'defs-refused' : undefined}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Apply: ${KIND[c.kind].text.toLowerCase()} ${c.label}`}
                  checked={selected.has(c.id)}
                  disabled={disabled || c.refusal !== undefined}
                  onChange={(e) => onToggle(c.id, e.target.checked)}
                />
              </td>
              <td>
                <Badge tone={KIND[c.kind].tone}>{KIND[c.kind].text}</Badge>
              </td>
              <td className="defs-label">{c.label}</td>
              <td>
                {c.fields.length > 0 ? (
                  <ul className="defs-fields">
                    {c.fields.map((f) => (
                      <li key={f.field}>
                        <code>{f.field}</code>: {'before' in f || 'after' in f ? `${show(f.before)} → ${show(f.after)}` : 'changed (not shown)'}
                      </li>
                    ))}
                  </ul>
                ) : c.kind === 'removed' ? (
                  <span className="muted">On the broker, not in the source</span>
                ) : null}
                {c.refusal ? (
                  <p className="defs-refusal">
                    <strong>Will be refused</strong> ({c.refusal.code}): {c.refusal.message}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
