/** Every basic property of the composer; "persistent" is a plain toggle for delivery_mode 2. */
import { CheckboxField, Field } from '../../ui/Field';
import { withProperty, type ComposerDraft } from './draft';

const FIELDS: { key: keyof ComposerDraft['props']; label: string; placeholder?: string }[] = [
  { key: 'contentType', label: 'Content type', placeholder: 'application/json' },
  { key: 'contentEncoding', label: 'Content encoding', placeholder: 'utf-8' },
  { key: 'priority', label: 'Priority', placeholder: '0–255' },
  { key: 'correlationId', label: 'Correlation id' },
  { key: 'replyTo', label: 'Reply to' },
  { key: 'expiration', label: 'Expiration (ms)', placeholder: '60000' },
  { key: 'messageId', label: 'Message id', placeholder: '{{uuid}} works in repeat' },
  { key: 'timestamp', label: 'Timestamp', placeholder: 'seconds or ISO date' },
  { key: 'type', label: 'Type' },
  { key: 'userId', label: 'User id', placeholder: 'must be the connection’s user' },
  { key: 'appId', label: 'App id' },
];

export function PropertiesFields({ draft, onChange, errors }: { draft: ComposerDraft; onChange: (d: ComposerDraft) => void; errors: Record<string, string> }) {
  return (
    <fieldset className="fieldset">
      <legend>Properties</legend>
      <div className="msg-props">
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} error={errors[f.key] ? { message: errors[f.key]! } : undefined}>
            {(control) => (
              <input
                {...control}
                placeholder={f.placeholder}
                value={draft.props[f.key] ?? ''}
                onChange={(e) => onChange(withProperty(draft, f.key, e.target.value))}
              />
            )}
          </Field>
        ))}
      </div>
      <CheckboxField label="Persistent (delivery mode 2)" checked={draft.persistent} onChange={(persistent) => onChange({ ...draft, persistent })} />
    </fieldset>
  );
}
