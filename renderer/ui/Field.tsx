/**
 * A labelled form control with its description and error: the control gets the id,
 * aria-invalid and aria-describedby from the render function.
 */
import { useId, type ReactNode } from 'react';

export interface FieldError {
  message: string;
  hint?: string;
}

export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  label: string;
  error?: FieldError;
  description?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, error, description, className, children }: Props) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : undefined, description ? descriptionId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      <FieldNotes error={error} errorId={errorId} description={description} descriptionId={descriptionId} />
    </div>
  );
}

/** The error and the description under a field, each with the id its input points to. */
function FieldNotes(props: { error?: FieldError; errorId: string; description?: ReactNode; descriptionId: string }) {
  return (
    <>
      {props.error ? <FieldMessage id={props.errorId} error={props.error} /> : null}
      {props.description ? (
        <p id={props.descriptionId} className="field-description">
          {props.description}
        </p>
      ) : null}
    </>
  );
}

export function FieldMessage({ id, error }: { id?: string; error: FieldError }) {
  return (
    <p id={id} className="field-error" role="alert">
      {error.message}
      {error.hint ? <span className="field-error-hint"> {error.hint}</span> : null}
    </p>
  );
}

/** A checkbox with its label on the right, and an optional error below. */
export function CheckboxField({
  label,
  checked,
  onChange,
  disabled,
  description,
  error,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  description?: ReactNode;
  error?: FieldError;
}) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : undefined, description ? descriptionId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`checkbox-field${error ? ' field-invalid' : ''}`}>
      <div className="checkbox-line">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldNotes error={error} errorId={errorId} description={description} descriptionId={descriptionId} />
    </div>
  );
}
