/** A received message as a composer draft (re-publish, e.g. from a dead-letter queue). */
import { entriesToRows } from '../../../shared/messaging/codec';
import type { ReceivedMessage } from '../../../shared/messaging/types';
import type { ComposerDraft } from './draft';

export function republishDraft(m: ReceivedMessage): ComposerDraft {
  const p = m.properties;
  const props: ComposerDraft['props'] = {};
  for (const key of ['contentType', 'contentEncoding', 'correlationId', 'replyTo', 'expiration', 'messageId', 'type', 'userId', 'appId'] as const) {
    if (p[key] !== undefined) props[key] = String(p[key]);
  }
  if (p.priority !== undefined) props.priority = String(p.priority);
  if (p.timestamp !== undefined) props.timestamp = String(p.timestamp);
  const json = m.body.encoding === 'utf8' && /json/.test(p.contentType ?? '');
  return {
    exchange: m.exchange,
    routingKey: m.routingKey,
    bodyMode: m.body.encoding === 'base64' ? 'base64' : json ? 'json' : 'text',
    body: m.body.data,
    persistent: p.deliveryMode === 2,
    mandatory: true,
    props,
    headers: entriesToRows(p.headers),
    // What the message was sent with stays, whatever the body kind shown.
    contentTypeTyped: true,
  };
}
