/** "Copy as code": the composed message as Python (pika) and TypeScript (amqplib). Pure. */
import { valueToPlain } from '../../../shared/messaging/codec';
import type { FieldEntry, MessageProperties } from '../../../shared/messaging/types';

export interface SnippetInput {
  exchange: string;
  routingKey: string;
  properties: MessageProperties;
  /** Text bodies are written as strings, binary ones as base64. */
  body: { text?: string; base64?: string };
  mandatory: boolean;
}

const PY_NAMES: Record<string, string> = {
  contentType: 'content_type',
  contentEncoding: 'content_encoding',
  deliveryMode: 'delivery_mode',
  priority: 'priority',
  correlationId: 'correlation_id',
  replyTo: 'reply_to',
  expiration: 'expiration',
  messageId: 'message_id',
  timestamp: 'timestamp',
  type: 'type',
  userId: 'user_id',
  appId: 'app_id',
};

function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`;
}

function plainHeaders(entries: FieldEntry[] | undefined): Record<string, unknown> | undefined {
  if (!entries || entries.length === 0) return undefined;
  return Object.fromEntries(entries.map((e) => [e.key, valueToPlain(e.value)]));
}

export function pythonSnippet(m: SnippetInput): string {
  const props = Object.entries(m.properties)
    .filter(([k, v]) => k !== 'headers' && v !== undefined && PY_NAMES[k])
    .map(([k, v]) => `    ${PY_NAMES[k]}=${py(v)},`);
  const headers = plainHeaders(m.properties.headers);
  if (headers) props.push(`    headers=${py(headers)},`);
  const body = m.body.text !== undefined ? `${JSON.stringify(m.body.text)}.encode("utf-8")` : `base64.b64decode(${JSON.stringify(m.body.base64 ?? '')})`;
  return [
    ...(m.body.text === undefined ? ['import base64', ''] : []),
    'import pika',
    '',
    'connection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))',
    'channel = connection.channel()',
    'channel.confirm_delivery()',
    'properties = pika.BasicProperties(',
    ...props,
    ')',
    `channel.basic_publish(exchange=${JSON.stringify(m.exchange)}, routing_key=${JSON.stringify(m.routingKey)},`,
    `                      body=${body}, properties=properties, mandatory=${m.mandatory ? 'True' : 'False'})`,
    'connection.close()',
    '',
  ].join('\n');
}

export function typescriptSnippet(m: SnippetInput): string {
  const options: Record<string, unknown> = { mandatory: m.mandatory };
  for (const [k, v] of Object.entries(m.properties)) if (k !== 'headers' && v !== undefined) options[k] = v;
  const headers = plainHeaders(m.properties.headers);
  if (headers) options.headers = headers;
  const body = m.body.text !== undefined ? `Buffer.from(${JSON.stringify(m.body.text)}, 'utf8')` : `Buffer.from(${JSON.stringify(m.body.base64 ?? '')}, 'base64')`;
  return [
    "import amqp from 'amqplib';",
    '',
    "const connection = await amqp.connect('amqp://localhost');",
    'const channel = await connection.createConfirmChannel();',
    `channel.publish(${JSON.stringify(m.exchange)}, ${JSON.stringify(m.routingKey)}, ${body}, ${JSON.stringify(options, null, 2).replace(/\n/g, '\n')});`,
    'await channel.waitForConfirms();',
    'await connection.close();',
    '',
  ].join('\n');
}
