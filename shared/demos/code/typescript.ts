/** The same programs in TypeScript with amqplib, per demo, with the connection filled in. */
import type { DemoName } from '../types';
import { quote, type CodeConnection, type CodeFile } from './parts';

function connect(c: CodeConnection): string {
  return [
    "import amqp from 'amqplib';",
    '',
    '// Connection details of the broker Warren is connected to (password from the environment).',
    'const connection = await amqp.connect({',
    `  protocol: '${c.tls ? 'amqps' : 'amqp'}',`,
    `  hostname: ${quote(c.host)},`,
    `  port: ${c.port},`,
    `  vhost: ${quote(c.vhost)},`,
    `  username: ${quote(c.username)},`,
    "  password: process.env.RABBITMQ_PASSWORD ?? 'guest',",
    '});',
    'const channel = await connection.createChannel();',
  ].join('\n');
}

export function typescriptFiles(name: DemoName, c: CodeConnection): CodeFile[] {
  const n = (x: string) => quote(`${c.prefix}${x}`);
  const file = (f: string, code: string): CodeFile => ({ file: f, language: 'typescript', code: `${code}\n` });
  const sleep = 'const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));';
  switch (name) {
    case 'hello':
      return [
        file('send.ts', `${connect(c)}

await channel.assertQueue(${n('hello')}, { durable: true });
const messageBody = 'Hello World!';
channel.sendToQueue(${n('hello')}, Buffer.from(messageBody), { persistent: true });
console.log(\` [x] Sent '\${messageBody}'\`);
await channel.close(); // flushes what was written
await connection.close();`),
        file('receive.ts', `${connect(c)}
${sleep}

await channel.assertQueue(${n('hello')}, { durable: true });
console.log(' [*] Waiting for messages. To exit press CTRL+C');
await channel.consume(${n('hello')}, async (msg) => {
  if (!msg) return;
  const body = msg.content.toString();
  console.log(\` [x] Received \${body}\`);
  await sleep((body.split('.').length - 1) * 1000);
  console.log(' [x] Done');
  channel.ack(msg);
});`),
      ];
    case 'work-queues':
      return [
        file('new_task.ts', `${connect(c)}

await channel.assertQueue(${n('task_queue')}, { durable: true });
const message = process.argv.slice(2).join(' ') || 'A task with some dots...';
channel.sendToQueue(${n('task_queue')}, Buffer.from(message), { persistent: true });
console.log(\` [x] Sent '\${message}'\`);
await channel.close();
await connection.close();`),
        file('worker.ts', `${connect(c)}
${sleep}

await channel.assertQueue(${n('task_queue')}, { durable: true });
await channel.prefetch(1); // fair dispatch: one unacknowledged task at a time
console.log(' [*] Waiting for messages. To exit press CTRL+C');
await channel.consume(${n('task_queue')}, async (msg) => {
  if (!msg) return;
  const message = msg.content.toString();
  console.log(\` [x] Received task: \${message}\`);
  await sleep((message.split('.').length - 1) * 1000);
  console.log(' [x] Task finished.');
  channel.ack(msg);
});`),
      ];
    case 'topics':
      return [
        file('emit_log_topic.ts', `${connect(c)}

await channel.assertExchange(${n('topic_logs')}, 'topic', { durable: false });
const args = process.argv.slice(2);
const routingKey = args.length > 1 ? args[0]! : 'anonymous.info';
const message = args.slice(1).join(' ') || 'Hello World!';
channel.publish(${n('topic_logs')}, routingKey, Buffer.from(message));
console.log(\` [x] Sent \${routingKey}:\${message}\`);
await channel.close();
await connection.close();`),
        file('receive_logs_topic.ts', `${connect(c)}

await channel.assertExchange(${n('topic_logs')}, 'topic', { durable: false });
const { queue } = await channel.assertQueue('', { exclusive: true });
const bindingKeys = process.argv.slice(2);
if (bindingKeys.length === 0) {
  console.error('Usage: receive_logs_topic.ts [binding_key]...');
  process.exit(1);
}
for (const key of bindingKeys) await channel.bindQueue(queue, ${n('topic_logs')}, key);
console.log(' [*] Waiting for logs. To exit press CTRL+C');
await channel.consume(queue, (msg) => {
  if (msg) console.log(\` [x] \${msg.fields.routingKey}:\${msg.content.toString()}\`);
}, { noAck: true });`),
      ];
    // The cluster demo runs EcomNow's services (on quorum queues, on a cluster of its own): the same scripts.
    case 'ecomnow-cluster':
    case 'ecomnow':
      return [
        file('order_producer.ts', `${connect(c)}

// Non-durable, as the tutorial's order_producer.py declares it: the same declaration everywhere, or a 406.
await channel.assertExchange(${n('order_events')}, 'fanout', { durable: false });
export function publishOrderCreatedEvent(order: { order_id: number; customer_email: string; items: string[] }) {
  const message = JSON.stringify(order);
  channel.publish(${n('order_events')}, '', Buffer.from(message), { persistent: true, contentType: 'application/json' });
  console.log(\` [x] Sent order created event: \${message}\`);
}
publishOrderCreatedEvent({ order_id: 456, customer_email: 'jane.doe@email.com', items: ['book', 'pen'] });`),
        file('email_consumer.ts', `${connect(c)}
${sleep}

await channel.assertExchange(${n('order_events')}, 'fanout', { durable: false });
// Named and durable: orders placed while this service is down wait in the queue.
await channel.assertQueue(${n('email_queue')}, { durable: true });
await channel.bindQueue(${n('email_queue')}, ${n('order_events')}, '');
console.log(' [*] Email Service waiting for orders. To exit press CTRL+C');
await channel.consume(${n('email_queue')}, async (msg) => {
  if (!msg) return;
  const order = JSON.parse(msg.content.toString()) as { order_id: number; customer_email: string };
  console.log(\` [x] Received order \${order.order_id}. Sending confirmation to \${order.customer_email}\`);
  await sleep(1000);
  console.log(\` [x] Email sent for order \${order.order_id}\`);
  channel.ack(msg);
});`),
      ];
    case 'best-practices':
      return [
        file('reliable_worker.ts', `${connect(c)} // one long-lived connection for the whole process
${sleep}

await channel.assertQueue(${n('manual_ack_queue')}, { durable: true });
await channel.prefetch(1);
// noAck: false (the default): a crash before ack puts the message back in the queue.
await channel.consume(${n('manual_ack_queue')}, async (msg) => {
  if (!msg) return;
  await sleep(1000); // the work
  channel.ack(msg);
}, { noAck: false });`),
      ];
  }
}
