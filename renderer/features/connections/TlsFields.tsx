/** The TLS part of the profile form: on/off, CA file, client certificate and key, verify peer. */
import type { FieldErrors, ProfileFormValues } from './profileForm';
import { CheckboxField, Field, FieldMessage } from '../../ui/Field';

interface Props {
  values: ProfileFormValues;
  errors: FieldErrors;
  onTls: (enabled: boolean) => void;
  onChange: (patch: Partial<ProfileFormValues>) => void;
}

const PATH_FIELDS = [
  { key: 'caFile', label: 'CA file', placeholder: '/etc/ssl/certs/ca.pem' },
  { key: 'certFile', label: 'Client certificate', placeholder: 'client_certificate.pem (optional)' },
  { key: 'keyFile', label: 'Client key', placeholder: 'client_key.pem (optional)' },
] as const;

export function TlsFields({ values, errors, onTls, onChange }: Props) {
  return (
    <fieldset className="fieldset">
      <legend>TLS</legend>
      <CheckboxField
        label="Use TLS"
        checked={values.tlsEnabled}
        onChange={onTls}
        description="amqps://, usually on port 5671."
      />
      {errors.tls ? <FieldMessage error={errors.tls} /> : null}
      {values.tlsEnabled ? (
        <div className="form-grid">
          {PATH_FIELDS.map(({ key, label, placeholder }) => (
            <Field key={key} label={label} error={errors[key]} className="span-2">
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="mono"
                  spellCheck={false}
                  placeholder={placeholder}
                  value={values[key]}
                  onChange={(event) => onChange({ [key]: event.target.value })}
                />
              )}
            </Field>
          ))}
          <div className="span-2">
            <CheckboxField
              label="Verify peer"
              checked={values.verifyPeer}
              onChange={(verifyPeer) => onChange({ verifyPeer })}
              description="Check the broker’s certificate against the CA. Turn off only for a test broker."
            />
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
