/** The always-visible connection status: a coloured dot and one line, with the hint on demand. */
import { useId, useState } from 'react';
import type { ConnectionState, SandboxState } from '../../shared/connections/types';
import { describeConnection } from '../features/connections/connectionText';
import { StatusDot } from '../ui/StatusDot';

interface Props {
  state: ConnectionState;
  sandbox?: SandboxState;
  /** False while the browser host's link is down: the last known state may be stale. */
  transportUp?: boolean;
}

const NO_LINK = {
  tone: 'error',
  text: 'No link to Warren’s main process',
  detail: 'The broker state is unknown until the link comes back. Restart `npm start` if it does not.',
} as const;

export function ConnectionIndicator({ state, sandbox, transportUp = true }: Props) {
  const { tone, text, detail } = transportUp ? describeConnection(state, sandbox) : NO_LINK;
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const explain = tone === 'error' || tone === 'warn';
  return (
    <div className={`connection-indicator tone-${tone}`}>
      <div role="status" aria-label="Connection status" className="connection-status" title={detail}>
        <StatusDot tone={tone} />
        <span className="connection-text">{text}</span>
      </div>
      {explain && detail ? (
        <>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? 'Hide hint' : 'What to do?'}
          </button>
          {open ? (
            <p id={detailId} className="connection-detail">
              {detail}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
