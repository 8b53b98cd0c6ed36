/**
 * Get messages, as the management UI offers it: how each ack mode leaves the queue, said in the
 * user's words before it runs (the page shows it beside the choice), and the management API's
 * name for it.
 */
export const GET_ACK_MODES = ['requeue', 'ack', 'reject'] as const;
export type GetAckMode = (typeof GET_ACK_MODES)[number];

export const GET_ENCODINGS = ['auto', 'base64'] as const;
export type GetEncoding = (typeof GET_ENCODINGS)[number];

export const GET_MODE: Record<GetAckMode, { label: string; management: string; settled: 'requeued' | 'acked' | 'rejected'; removes: boolean }> = {
  requeue: { label: 'Nack, requeue (leave them in the queue)', management: 'ack_requeue_true', settled: 'requeued', removes: false },
  ack: { label: 'Ack (remove them from the queue)', management: 'ack_requeue_false', settled: 'acked', removes: true },
  reject: { label: 'Reject, no requeue (dead-letter or drop them)', management: 'reject_requeue_false', settled: 'rejected', removes: true },
};

/** What getting `count` messages from `queue` in this mode does, before it runs. */
export function getConsequence(mode: GetAckMode, count: number, queue: string): string {
  const what = `up to ${count} message${count === 1 ? '' : 's'}`;
  const from = queue ? ` from ${queue}` : '';
  switch (mode) {
    case 'requeue':
      return `Takes ${what}${from} and puts them back: they stay in the queue, marked redelivered, possibly in another order.`;
    case 'ack':
      return `Takes ${what}${from} and acknowledges them: they are removed from the queue for good.`;
    case 'reject':
      return `Takes ${what}${from} and rejects them without requeue: they leave the queue, to its dead-letter exchange if it has one, otherwise they are dropped.`;
  }
}
