/**
 * "New profile" / "Edit profile": every setting of a connection profile, with Save, Test and
 * Cancel. Errors from the main process are shown next to their field; the input is kept.
 */
import { useId, useState, type FormEvent } from 'react';
import { deriveManagementUrl } from '../../../shared/connections/amqp-url';
import type { AppInfo, ProfileSummary } from '../../../shared/connections/types';
import { useStores } from '../../app/stores';
import { useAction } from '../../ui/useAction';
import {
  canRemember,
  emptyValues,
  errorsFrom,
  toDraft,
  toTestDraft,
  valuesFromParsed,
  valuesFromProfile,
  withTls,
  type FieldErrors,
  type ProfileFormValues,
} from './profileForm';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckboxField, Field } from '../../ui/Field';
import { ImportUrl } from './ImportUrl';
import { TlsFields } from './TlsFields';

interface Props {
  /** The profile being edited; undefined for a new one. */
  editing?: ProfileSummary;
  appInfo?: AppInfo;
  onSaved: (profile: ProfileSummary) => void;
  onCancel: () => void;
}

function rememberDescription(): string {
  return 'Otherwise this browser host keeps the password in memory only, and forgets it when Warren quits. Ticked, it is stored encrypted in Warren’s config folder.';
}

export function ProfileForm({ editing, appInfo, onSaved, onCancel }: Props) {
  const headingId = useId();
  const [values, setValues] = useState<ProfileFormValues>(() => (editing ? valuesFromProfile(editing) : emptyValues()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const { connections } = useStores();
  const save = useAction(connections.saveProfile);
  const test = useAction(connections.testProfile);

  const change = (patch: Partial<ProfileFormValues>) => {
    setValues((previous) => ({ ...previous, ...patch }));
    test.reset();
  };
  const draftOrErrors = () => {
    setErrors({});
    const result = toDraft(values, appInfo);
    if (!result.ok) setErrors(errorsFrom(...result.errors));
    return result.ok ? result.value : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    const draft = draftOrErrors();
    if (!draft) return;
    const result = await save.run(draft);
    if (result.ok) onSaved(result.value);
    else setErrors(errorsFrom(result.error));
  };
  const runTest = async () => {
    const draft = draftOrErrors();
    if (!draft) return;
    const result = await test.run(toTestDraft(draft));
    if (!result.ok) setErrors(errorsFrom(result.error));
  };

  const title = editing ? `Edit profile` : 'New profile';
  const passwordPlaceholder = editing
    ? editing.hasPassword
      ? 'Leave empty to keep the stored password'
      : 'No password stored in this session — enter it'
    : '';
  const text = (key: 'name' | 'host' | 'port' | 'vhost' | 'username' | 'managementUrl' | 'heartbeat') => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => change({ [key]: event.target.value }),
  });

  return (
    <section className="card profile-form-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {title}
        {editing ? <span className="section-note"> {editing.name}</span> : null}
      </h2>
      <ImportUrl
        name={values.name}
        onParsed={(parsed) => {
          setValues((previous) => valuesFromParsed(parsed, previous));
          setErrors({});
          test.reset();
        }}
      />
      <form className="profile-form" aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <Field label="Name" error={errors.name} className="span-2">
            {(control) => <input {...control} type="text" autoComplete="off" placeholder="Staging broker" {...text('name')} />}
          </Field>
          <Field label="Host" error={errors.host}>
            {(control) => (
              <input {...control} type="text" className="mono" spellCheck={false} placeholder="localhost" {...text('host')} />
            )}
          </Field>
          <Field label="Port" error={errors.port}>
            {(control) => <input {...control} type="number" min={1} max={65535} inputMode="numeric" className="mono" {...text('port')} />}
          </Field>
          <Field label="Virtual host" error={errors.vhost}>
            {(control) => <input {...control} type="text" className="mono" spellCheck={false} {...text('vhost')} />}
          </Field>
          <Field label="Username" error={errors.username}>
            {(control) => <input {...control} type="text" className="mono" autoComplete="off" spellCheck={false} {...text('username')} />}
          </Field>
          <Field
            label="Password"
            error={errors.password}
            className="span-2"
            description={appInfo?.passwordStorage === 'os-keychain' ? 'Saved encrypted with your system keychain.' : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                placeholder={passwordPlaceholder}
                value={values.password}
                onChange={(event) => change({ password: event.target.value })}
              />
            )}
          </Field>
          {canRemember(appInfo) ? (
            <div className="span-2">
              <CheckboxField
                label="Remember password"
                checked={values.rememberPassword}
                error={errors.rememberPassword}
                onChange={(rememberPassword) => change({ rememberPassword, rememberTouched: true })}
                description={rememberDescription()}
              />
            </div>
          ) : null}
        </div>

        <TlsFields values={values} errors={errors} onTls={(enabled) => change(withTls(values, enabled))} onChange={change} />

        <div className="form-grid">
          <Field
            label="Management URL"
            error={errors.managementUrl}
            className="span-2"
            description="Empty means derived from the host. Used for the overview, totals and rates."
          >
            {(control) => (
              <input
                {...control}
                type="text"
                className="mono"
                spellCheck={false}
                placeholder={deriveManagementUrl(values.host.trim() || 'localhost', values.tlsEnabled)}
                {...text('managementUrl')}
              />
            )}
          </Field>
          <Field label="Heartbeat seconds" error={errors.heartbeat} description="0 turns heartbeats off.">
            {(control) => <input {...control} type="number" min={0} max={3600} inputMode="numeric" className="mono" {...text('heartbeat')} />}
          </Field>
        </div>

        {errors.form ? <ErrorNotice error={errors.form} /> : null}
        {test.value ? (
          <p className="test-ok" aria-live="polite">
            {test.value.message}
          </p>
        ) : null}

        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={save.loading}>
            {save.loading ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" disabled={test.loading} onClick={() => void runTest()}>
            {test.loading ? 'Testing…' : 'Test'}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
