/** An error in the user's terms: what happened, and what to do about it. */
import type { ReactNode } from 'react';

export interface NoticeError {
  message: string;
  hint?: string;
}

interface Props {
  error: NoticeError;
  /** Bold lead-in before the message, e.g. "Could not connect". */
  title?: string;
  /** 'error' (red) or 'warning' (amber). */
  tone?: 'error' | 'warning';
  onDismiss?: () => void;
  children?: ReactNode;
  className?: string;
}

export function ErrorNotice({ error, title, tone = 'error', onDismiss, children, className }: Props) {
  return (
    <div role="alert" className={`notice notice-${tone}${className ? ` ${className}` : ''}`}>
      <div className="notice-body">
        <p className="notice-message">
          {title ? <strong>{title}: </strong> : null}
          {error.message}
        </p>
        {error.hint ? <p className="notice-hint">{error.hint}</p> : null}
        {children}
      </div>
      {onDismiss ? (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </div>
  );
}
