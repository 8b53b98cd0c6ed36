/**
 * "Import from URL": turns an amqp:// or amqps:// URL into form values (profiles.parseUrl).
 * The field is labelled "AMQP URL" (not "Import …", whose "port" would match getByLabel('Port')).
 */
import { useState, type FormEvent } from 'react';
import type { ParsedProfileDraft } from '../../../shared/schemas';
import { useStores } from '../../app/stores';
import { useAction } from '../../ui/useAction';
import { errorsFrom } from './profileForm';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';

interface Props {
  /** The name already typed in the form, if any (kept instead of the derived one). */
  name: string;
  onParsed: (parsed: ParsedProfileDraft) => void;
}

export function ImportUrl({ name, onParsed }: Props) {
  const [url, setUrl] = useState('');
  const parse = useAction(useStores().connections.parseUrl);
  const errors = parse.error ? errorsFrom(parse.error) : {};
  const fieldError = errors.url ?? errors.form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await parse.run(name.trim() ? { url, name: name.trim() } : { url });
    if (result.ok) {
      onParsed(result.value);
      setUrl('');
    }
  };

  return (
    <form className="import-url" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="AMQP URL"
        className="import-field"
        error={fieldError && parse.error?.code === 'BAD_INPUT' ? fieldError : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="mono"
            spellCheck={false}
            autoComplete="off"
            placeholder="amqp://guest:guest@localhost:5672/%2F"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={parse.loading}>
        {parse.loading ? 'Importing…' : 'Import from URL'}
      </button>
      <p className="field-description import-help">
        Paste amqp://user:password@host:5672/vhost (amqps:// for TLS) to fill the form below.
      </p>
      {parse.error && parse.error.code !== 'BAD_INPUT' ? <ErrorNotice error={parse.error} /> : null}
      {parse.value && !parse.error ? (
        <p className="test-ok import-done" aria-live="polite">
          Filled the form from the URL. Review it, then Save.
        </p>
      ) : null}
    </form>
  );
}
