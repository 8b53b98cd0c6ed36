/** "Copy as code": the composed message as Python (pika) and TypeScript (amqplib). Pure. */
import type { FieldEntry, FieldValue, MessageProperties } from '../../../shared/messaging/types';

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

/** A header value as pika encodes it to the same AMQP type Warren sends (float → double, bytes → byte array, …). */
function pyField(v: FieldValue): string {
  switch (v.t) {
    case 'string':
      return JSON.stringify(v.v);
    case 'int':
      return String(v.v);
    case 'float':
      // pika encodes no double: the nearest it sends is a decimal (the snippet says so above).
      return `decimal.Decimal(${JSON.stringify(String(v.v))})`;
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'null':
      return 'None';
    case 'bytes':
      return `base64.b64decode(${JSON.stringify(v.v)})`;
    case 'timestamp':
      return `datetime.datetime.fromtimestamp(${v.v}, datetime.timezone.utc)`;
    case 'decimal':
      return `decimal.Decimal(${JSON.stringify(decimalText(v.digits, v.places))})`;
    case 'array':
      return `[${v.v.map(pyField).join(', ')}]`;
    case 'table':
      return `{${v.v.map((e) => `${JSON.stringify(e.key)}: ${pyField(e.value)}`).join(', ')}}`;
  }
}

/** A header value as amqplib encodes it to the same AMQP type Warren sends (its `{ '!': type }` form where needed). */
function tsField(v: FieldValue, indent: string): string {
  switch (v.t) {
    case 'string':
    case 'int':
    case 'bool':
      return JSON.stringify(v.v);
    case 'null':
      return 'null';
    case 'float':
      return `{ '!': 'double', value: ${v.v} }`;
    case 'bytes':
      return `Buffer.from(${JSON.stringify(v.v)}, 'base64')`;
    case 'timestamp':
      return `{ '!': 'timestamp', value: ${v.v} }`;
    case 'decimal':
      return `{ '!': 'decimal', value: { places: ${v.places}, digits: ${v.digits} } }`;
    case 'array':
      return `[${v.v.map((item) => tsField(item, indent)).join(', ')}]`;
    case 'table':
      return tsTable(v.v, `${indent}  `);
  }
}

function tsTable(entries: FieldEntry[], indent: string): string {
  const inner = `${indent}  `;
  return `{\n${entries.map((e) => `${inner}${JSON.stringify(e.key)}: ${tsField(e.value, inner)},`).join('\n')}\n${indent}}`;
}

function decimalText(digits: number, places: number): string {
  const sign = digits < 0 ? '-' : '';
  const text = String(Math.abs(digits)).padStart(places + 1, '0');
  return places === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -places)}.${text.slice(-places)}`;
}

/** Python modules the headers' values need. */
function pyImports(entries: FieldEntry[] | undefined, binaryBody: boolean): string[] {
  const types = new Set<string>();
  const visit = (v: FieldValue) => {
    types.add(v.t);
    if (v.t === 'array') v.v.forEach(visit);
    if (v.t === 'table') v.v.forEach((e) => visit(e.value));
  };
  (entries ?? []).forEach((e) => visit(e.value));
  return [
    ...(binaryBody || types.has('bytes') ? ['import base64'] : []),
    ...(types.has('timestamp') ? ['import datetime'] : []),
    ...(types.has('decimal') || types.has('float') ? ['import decimal'] : []),
  ];
}

function hasFloat(entries: FieldEntry[] | undefined): boolean {
  const visit = (v: FieldValue): boolean => v.t === 'float' || (v.t === 'array' && v.v.some(visit)) || (v.t === 'table' && v.v.some((e) => visit(e.value)));
  return (entries ?? []).some((e) => visit(e.value));
}

export function pythonSnippet(m: SnippetInput): string {
  const props = Object.entries(m.properties)
    .filter(([k, v]) => k !== 'headers' && v !== undefined && PY_NAMES[k])
    .map(([k, v]) => `    ${PY_NAMES[k]}=${py(v)},`);
  const headers = m.properties.headers;
  if (headers?.length) props.push(`    headers=${pyField({ t: 'table', v: headers })},`);
  const body = m.body.text !== undefined ? `${JSON.stringify(m.body.text)}.encode("utf-8")` : `base64.b64decode(${JSON.stringify(m.body.base64 ?? '')})`;
  const imports = pyImports(headers, m.body.text === undefined);
  return [
    ...(imports.length ? [...imports, ''] : []),
    'import pika',
    '',
    'connection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))',
    'channel = connection.channel()',
    'channel.confirm_delivery()',
    ...(hasFloat(headers) ? ['# pika cannot send a double: float headers go as decimals here (Warren and amqplib send doubles).'] : []),
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
  const options = [`  "mandatory": ${m.mandatory},`];
  for (const [k, v] of Object.entries(m.properties)) if (k !== 'headers' && v !== undefined) options.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  if (m.properties.headers?.length) options.push(`  "headers": ${tsTable(m.properties.headers, '  ')},`);
  const body = m.body.text !== undefined ? `Buffer.from(${JSON.stringify(m.body.text)}, 'utf8')` : `Buffer.from(${JSON.stringify(m.body.base64 ?? '')}, 'base64')`;
  return [
    "import amqp from 'amqplib';",
    '',
    "const connection = await amqp.connect('amqp://localhost');",
    'const channel = await connection.createConfirmChannel();',
    `channel.publish(${JSON.stringify(m.exchange)}, ${JSON.stringify(m.routingKey)}, ${body}, {\n${options.join('\n')}\n});`,
    'await channel.waitForConfirms();',
    'await connection.close();',
    '',
  ].join('\n');
}
