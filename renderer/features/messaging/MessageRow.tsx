/**
 * One row of a consumer's live list. Memoised: while messages stream in, only new rows and rows
 * whose state changed are drawn, so the list keeps up with thousands of messages a second.
 */
import { memo } from 'react';
import type { ReceivedMessage } from '../../../shared/messaging/types';

import type { SettleAction } from './store';

export interface RowActions {
  focus: (m: ReceivedMessage) => void;
  select: (id: number, on: boolean) => void;
  settle: (action: SettleAction, id: number) => void;
  republish: (m: ReceivedMessage) => void;
}

// One formatter for every row: toLocaleTimeString builds a new one per call.
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const MessageRow = memo(function MessageRow({
  m,
  focused,
  selected,
  manual,
  actions,
}: {
  m: ReceivedMessage;
  focused: boolean;
  selected: boolean;
  manual: boolean;
  actions: RowActions;
}) {
  return (
    <tr data-row className={focused ? 'selected' : ''} onClick={() => actions.focus(m)}>
      <td onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={`Select message ${m.id}`} checked={selected} onChange={(e) => actions.select(m.id, e.target.checked)} />
      </td>
      <td className="msg-time">{time.format(m.receivedAt)}</td>
      <td>{m.settled}</td>
      <td>{m.exchange || '(default)'}</td>
      <td>{m.routingKey}</td>
      <td>{m.redelivered ? 'yes' : ''}</td>
      <td>{m.deliveryTag}</td>
      <td>{m.size}</td>
      <td className="mono msg-preview">{m.body.encoding === 'utf8' ? m.body.data.slice(0, 80) : `(binary) ${m.body.data.slice(0, 24)}…`}</td>
      <td onClick={(e) => e.stopPropagation()}>
        {manual && m.settled === 'unacked' ? (
          <>
            <button type="button" className="button button-quiet" aria-label={`Ack message ${m.id}`} onClick={() => actions.settle('ack', m.id)}>Ack</button>
            <button type="button" className="button button-quiet" aria-label={`Nack message ${m.id}`} onClick={() => actions.settle('nack', m.id)}>Nack</button>
            <button type="button" className="button button-quiet" aria-label={`Reject message ${m.id}`} onClick={() => actions.settle('reject', m.id)}>Reject</button>
          </>
        ) : null}
        <button type="button" className="button button-quiet" aria-label={`Re-publish message ${m.id}`} onClick={() => actions.republish(m)}>Re-publish</button>
      </td>
    </tr>
  );
});
