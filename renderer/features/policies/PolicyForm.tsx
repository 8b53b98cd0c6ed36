/**
 * A policy's form, with what it would match shown live: while the pattern is typed, the queues
 * and exchanges it matches, which policy applies to each now and with this one saved, and the
 * keys it would set there. Matching runs here (shared/policies/match.ts), not on the broker.
 */
import { useMemo, useState } from 'react';
import { APPLY_TO, type ApplyTo, type Policy, type PoliciesView } from '../../../shared/policies/types';
import { previewPolicy, type PreviewRow } from '../../../shared/policies/match';
import type { PolicyDraft } from '../../../shared/policies/contract';
import { CheckboxField, Field } from '../../ui/Field';

export interface FormValues {
  name: string;
  pattern: string;
  applyTo: ApplyTo;
  priority: string;
  definition: string;
  operator: boolean;
}

export function formOf(p?: Policy): FormValues {
  return p
    ? { name: p.name, pattern: p.pattern, applyTo: p.applyTo, priority: String(p.priority), definition: JSON.stringify(p.definition, null, 2), operator: p.operator }
    : { name: '', pattern: '', applyTo: 'all', priority: '0', definition: '{\n  "max-length": 1000\n}', operator: false };
}

function readDefinition(text: string): { value?: Record<string, unknown>; error?: string } {
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return { error: 'The definition is a JSON object of keys, like {"max-length": 1000}' };
    return { value: v as Record<string, unknown> };
  } catch (err) {
    return { error: `The definition is not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

interface Props {
  view: PoliciesView;
  initial: FormValues;
  editing: boolean;
  busy: boolean;
  onSave: (draft: PolicyDraft) => void;
  onCancel: () => void;
}

export function PolicyForm({ view, initial, editing, busy, onSave, onCancel }: Props) {
  const [f, setF] = useState(initial);
  const definition = readDefinition(f.definition);
  const priority = Number(f.priority);
  const draft: Policy = { vhost: view.vhost, name: f.name, pattern: f.pattern, applyTo: f.applyTo, priority: Number.isInteger(priority) ? priority : 0, definition: definition.value ?? {}, operator: f.operator };
  const preview = useMemo(
    () => (f.pattern === '' ? undefined : previewPolicy(draft, [...view.queues, ...view.exchanges], view.policies)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the draft is rebuilt from f each render
    [f, view],
  );
  const patternError = preview && !preview.ok ? preview.error : undefined;
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setF((old) => ({ ...old, [key]: value }));
  const canSave = !busy && f.name.trim() !== '' && f.pattern !== '' && !patternError && definition.value !== undefined && Number.isInteger(priority);

  return (
    <form
      className="card policy-form"
      aria-label={editing ? `Edit policy ${initial.name}` : 'New policy'}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) onSave({ vhost: view.vhost, name: f.name.trim(), pattern: f.pattern, applyTo: f.applyTo, priority, definition: definition.value!, operator: f.operator });
      }}
    >
      <h2 className="section-title">{editing ? `Edit ${initial.operator ? 'operator policy' : 'policy'} ${initial.name}` : 'New policy'}</h2>
      <div className="form-grid">
        <Field label="Name">{(c) => <input {...c} value={f.name} disabled={editing} onChange={(e) => set('name', e.target.value)} />}</Field>
        <Field label="Pattern" error={patternError} description="A regular expression on the name: ^orders\. matches names that start with “orders.”">
          {(c) => <input {...c} value={f.pattern} onChange={(e) => set('pattern', e.target.value)} spellCheck={false} />}
        </Field>
        <Field label="Apply to">
          {(c) => (
            <select {...c} value={f.applyTo} onChange={(e) => set('applyTo', e.target.value as ApplyTo)}>
              {APPLY_TO.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Priority" error={Number.isInteger(priority) ? undefined : { message: 'A whole number; the highest priority wins' }}>
          {(c) => <input {...c} type="number" value={f.priority} onChange={(e) => set('priority', e.target.value)} />}
        </Field>
        <Field label="Definition (JSON)" error={definition.error ? { message: definition.error } : undefined}>
          {(c) => <textarea {...c} rows={4} value={f.definition} spellCheck={false} onChange={(e) => set('definition', e.target.value)} />}
        </Field>
        <CheckboxField label="Operator policy" checked={f.operator} disabled={editing} onChange={(v) => set('operator', v)} description="Set by the operator; for a key both set, the smaller number wins." />
      </div>
      {preview?.ok ? <MatchTable rows={preview.value} name={f.name} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!canSave}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Create policy'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function MatchTable({ rows, name }: { rows: PreviewRow[]; name: string }) {
  const draftName = name || '(this policy)';
  const queues = rows.filter((r) => r.target.kind === 'queue').length;
  return (
    <div className="policy-matches">
      <p role="status">
        Matches {queues} queue{queues === 1 ? '' : 's'} and {rows.length - queues} exchange{rows.length - queues === 1 ? '' : 's'}
        {rows.length > 0 ? `; it would apply to ${rows.filter((r) => r.wins).length} of them` : ''}.
      </p>
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="table" aria-label="What the pattern matches">
            <thead>
              <tr>
                <th scope="col">Object</th>
                <th scope="col">Policy now</th>
                <th scope="col">With this policy</th>
                <th scope="col">Keys it sets there</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const winner = r.after.policy ?? '(none)';
                const mine = r.after.keys.filter((k) => k.from === name);
                return (
                  <tr key={`${r.target.kind} ${r.target.name}`}>
                    <td>
                      {r.target.kind} {r.target.name}
                    </td>
                    <td>
                      {r.before.policy ?? '(none)'}
                      {r.before.operatorPolicy ? ` + operator ${r.before.operatorPolicy}` : ''}
                    </td>
                    <td>
                      {r.wins ? <strong>{draftName} wins</strong> : `${winner} wins (priority)`}
                      {r.after.tiedWith.length > 0 ? ` — tied with ${r.after.tiedWith.join(', ')}: the broker picks one` : ''}
                    </td>
                    <td>{r.wins ? mine.map((k) => `${k.key}=${JSON.stringify(k.value)}`).join(', ') || '(capped by the operator policy)' : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
