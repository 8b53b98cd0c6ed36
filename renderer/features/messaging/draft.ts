/** The composer's draft (what the form holds) and its conversion to a publish input. */
import type { InputOf } from '../../../shared/contract';
import { rowsToEntries, type HeaderRow } from '../../../shared/messaging/codec';
import type { MessageProperties } from '../../../shared/messaging/types';
import { invalid, type DraftResult } from '../../ui/invalid';

export type BodyMode = 'text' | 'json' | 'base64' | 'hex';

export interface ComposerDraft {
  exchange: string;
  routingKey: string;
  bodyMode: BodyMode;
  body: string;
  persistent: boolean;
  mandatory: boolean;
  /** Property fields as typed (strings), keyed by MessageProperties names. */
  props: Partial<Record<'contentType' | 'contentEncoding' | 'priority' | 'correlationId' | 'replyTo' | 'expiration' | 'messageId' | 'timestamp' | 'type' | 'userId' | 'appId', string>>;
  headers: HeaderRow[];
  /** The user typed the content type (or it came with a received message): it no longer follows the body kind. */
  contentTypeTyped?: boolean;
}

/** The content type a body of each kind is sent with, unless the user typed one. */
export const CONTENT_TYPE_OF: Record<BodyMode, string> = {
  json: 'application/json',
  text: 'text/plain',
  base64: 'application/octet-stream',
  hex: 'application/octet-stream',
};

/** Another body kind: the content type follows it, unless the user typed one. */
export function withBodyMode(d: ComposerDraft, bodyMode: BodyMode, body = d.body): ComposerDraft {
  const props = d.contentTypeTyped ? d.props : { ...d.props, contentType: CONTENT_TYPE_OF[bodyMode] };
  return { ...d, bodyMode, body, props };
}

/** A property typed by the user; typing the content type (even clearing it) stops it following the body kind. */
export function withProperty(d: ComposerDraft, key: keyof ComposerDraft['props'], value: string): ComposerDraft {
  return { ...d, props: { ...d.props, [key]: value }, ...(key === 'contentType' ? { contentTypeTyped: true } : {}) };
}

export const EMPTY_DRAFT: ComposerDraft = {
  exchange: '',
  routingKey: '',
  bodyMode: 'json',
  body: '{\n  "hello": "world"\n}',
  persistent: false,
  mandatory: true,
  props: { contentType: CONTENT_TYPE_OF.json },
  headers: [],
};

export type PublishInput = InputOf<'messaging.publish'>;

export function draftToInput(d: ComposerDraft): DraftResult<PublishInput> {
  const props: MessageProperties = {};
  for (const [key, raw] of Object.entries(d.props)) {
    if (raw === undefined || raw === '') continue;
    if (key === 'priority') {
      if (!/^\d+$/.test(raw.trim()) || Number(raw) > 255) return { ok: false, errors: [invalid('Priority is a whole number from 0 to 255', { field: 'priority' })] };
      props.priority = Number(raw);
    } else if (key === 'timestamp') {
      const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Math.floor(Date.parse(raw) / 1000);
      if (!Number.isFinite(n) || n < 0) return { ok: false, errors: [invalid('Timestamp is seconds since 1970 or an ISO date', { field: 'timestamp' })] };
      props.timestamp = n;
    } else {
      (props as Record<string, unknown>)[key] = raw;
    }
  }
  if (d.persistent) props.deliveryMode = 2;
  const headers = rowsToEntries(d.headers);
  if (!headers.ok) return { ok: false, errors: [invalid(headers.message, { field: 'headers' })] };
  if (headers.value.length > 0) props.headers = headers.value;
  return { ok: true, value: { exchange: d.exchange, routingKey: d.routingKey, properties: props, body: { mode: d.bodyMode, data: d.body }, mandatory: d.mandatory } };
}
