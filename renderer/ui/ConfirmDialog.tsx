/** A modal question with a confirm and a cancel button (instead of window.confirm). */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { WarrenError } from '../../shared/errors';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs (default "Deleting…"). */
  busyLabel?: string;
  /** More to ask before confirming (a reason …), under the message. */
  children?: ReactNode;
  busy?: boolean;
  error?: WarrenError;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, busyLabel, children, busy, error, onConfirm, onCancel }: Props) {
  const titleId = useId();
  const messageId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={messageId} className="dialog">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <p id={messageId}>{message}</p>
        {children}
        {error ? <ErrorNotice error={error} /> : null}
        <div className="button-row">
          <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
            {busy ? (busyLabel ?? 'Deleting…') : confirmLabel}
          </button>
          <button type="button" className="button" ref={cancelRef} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
