/** The tutorial's pika scripts, per demo, with the connection filled in. */
import type { DemoName } from '../types';
import { quote, type CodeConnection, type CodeFile } from './parts';

function connect(c: CodeConnection): string {
  return [
    'import os',
    'import pika',
    '',
    '# Connection details of the broker Warren is connected to (password from the environment).',
    'credentials = pika.PlainCredentials(' + quote(c.username) + ", os.environ.get('RABBITMQ_PASSWORD', 'guest'))",
    `params = pika.ConnectionParameters(host=${quote(c.host)}, port=${c.port}, virtual_host=${quote(c.vhost)}, credentials=credentials${c.tls ? ', ssl_options=pika.SSLOptions(__import__("ssl").create_default_context())' : ''})`,
    'connection = pika.BlockingConnection(params)',
    'channel = connection.channel()',
  ].join('\n');
}

export function pythonFiles(name: DemoName, c: CodeConnection): CodeFile[] {
  const n = (x: string) => quote(`${c.prefix}${x}`);
  const file = (f: string, code: string): CodeFile => ({ file: f, language: 'python', code: `#!/usr/bin/env python\n${code}\n` });
  switch (name) {
    case 'hello':
      return [
        file('send.py', `${connect(c)}

# durable=True makes sure the queue will survive a broker restart.
channel.queue_declare(queue=${n('hello')}, durable=True)

message_body = 'Hello World!'
channel.basic_publish(
    exchange='',
    routing_key=${n('hello')},
    body=message_body,
    properties=pika.BasicProperties(delivery_mode=2),  # make message persistent
)
print(f" [x] Sent '{message_body}'")
connection.close()`),
        file('receive.py', `import time
${connect(c)}

channel.queue_declare(queue=${n('hello')}, durable=True)
print(' [*] Waiting for messages. To exit press CTRL+C')

def callback(ch, method, properties, body):
    print(f" [x] Received {body.decode()}")
    time.sleep(body.count(b'.'))
    print(" [x] Done")
    ch.basic_ack(delivery_tag=method.delivery_tag)

channel.basic_consume(queue=${n('hello')}, on_message_callback=callback)
channel.start_consuming()`),
      ];
    case 'work-queues':
      return [
        file('new_task.py', `import sys
${connect(c)}

channel.queue_declare(queue=${n('task_queue')}, durable=True)
message = ' '.join(sys.argv[1:]) or "A task with some dots..."
channel.basic_publish(
    exchange='',
    routing_key=${n('task_queue')},
    body=message,
    properties=pika.BasicProperties(delivery_mode=2),  # make message persistent
)
print(f" [x] Sent '{message}'")
connection.close()`),
        file('worker.py', `import time
${connect(c)}

channel.queue_declare(queue=${n('task_queue')}, durable=True)
print(' [*] Waiting for messages. To exit press CTRL+C')

def callback(ch, method, properties, body):
    message = body.decode()
    print(f" [x] Received task: {message}")
    time.sleep(message.count('.'))
    print(" [x] Task finished.")
    ch.basic_ack(delivery_tag=method.delivery_tag)

# Never more than one unacknowledged task per worker: fair dispatch.
channel.basic_qos(prefetch_count=1)
channel.basic_consume(queue=${n('task_queue')}, on_message_callback=callback)
channel.start_consuming()`),
      ];
    case 'topics':
      return [
        file('emit_log_topic.py', `import sys
${connect(c)}

channel.exchange_declare(exchange=${n('topic_logs')}, exchange_type='topic')
routing_key = sys.argv[1] if len(sys.argv) > 2 else 'anonymous.info'
message = ' '.join(sys.argv[2:]) or 'Hello World!'
channel.basic_publish(exchange=${n('topic_logs')}, routing_key=routing_key, body=message)
print(f" [x] Sent {routing_key}:{message}")
connection.close()`),
        file('receive_logs_topic.py', `import sys
${connect(c)}

channel.exchange_declare(exchange=${n('topic_logs')}, exchange_type='topic')
result = channel.queue_declare(queue='', exclusive=True)
queue_name = result.method.queue

binding_keys = sys.argv[1:]
if not binding_keys:
    sys.stderr.write(f"Usage: {sys.argv[0]} [binding_key]...\\n")
    sys.exit(1)
for binding_key in binding_keys:
    channel.queue_bind(exchange=${n('topic_logs')}, queue=queue_name, routing_key=binding_key)

print(' [*] Waiting for logs. To exit press CTRL+C')

def callback(ch, method, properties, body):
    print(f" [x] {method.routing_key}:{body.decode()}")

channel.basic_consume(queue=queue_name, on_message_callback=callback, auto_ack=True)
channel.start_consuming()`),
      ];
    // The cluster demo runs EcomNow's services (on quorum queues, on a cluster of its own): the same scripts.
    case 'ecomnow-cluster':
    case 'ecomnow':
      return [
        file('order_producer.py', `import json
${connect(c)}

# Declared as the tutorial declares it (non-durable), so this runs beside the tutorial's own scripts.
# durable=True would keep it and its bindings through a broker restart, but then every program
# must declare it durable=True: the others are refused with 406 PRECONDITION_FAILED.
channel.exchange_declare(exchange=${n('order_events')}, exchange_type='fanout')

def publish_order_created_event(order_data):
    message = json.dumps(order_data)
    channel.basic_publish(exchange=${n('order_events')}, routing_key='', body=message,
                          properties=pika.BasicProperties(delivery_mode=2))
    print(f" [x] Sent order created event: {message}")

publish_order_created_event({"order_id": 456, "customer_email": "jane.doe@email.com", "items": ["book", "pen"]})
connection.close()`),
        file('email_consumer.py', `import json
import time
${connect(c)}

channel.exchange_declare(exchange=${n('order_events')}, exchange_type='fanout')
# A named, durable queue: orders placed while this service is down wait for it.
# (The tutorial's queue='', exclusive=True would be deleted with the connection: those orders are lost.)
channel.queue_declare(queue=${n('email_queue')}, durable=True)
channel.queue_bind(exchange=${n('order_events')}, queue=${n('email_queue')})
print(' [*] Email Service waiting for orders. To exit press CTRL+C')

def send_email_callback(ch, method, properties, body):
    order_data = json.loads(body)
    print(f" [x] Received order {order_data['order_id']}. Sending confirmation to {order_data['customer_email']}")
    time.sleep(1)
    print(f" [x] Email sent for order {order_data['order_id']}")
    ch.basic_ack(delivery_tag=method.delivery_tag)

channel.basic_consume(queue=${n('email_queue')}, on_message_callback=send_email_callback)
channel.start_consuming()`),
      ];
    case 'best-practices':
      return [
        file('reliable_worker.py', `import time
${connect(c)}  # one long-lived connection for the whole process

channel.queue_declare(queue=${n('manual_ack_queue')}, durable=True)
channel.basic_qos(prefetch_count=1)

def callback(ch, method, properties, body):
    time.sleep(1)  # the work
    # Ack at the end: a crash before this line puts the message back in the queue.
    ch.basic_ack(delivery_tag=method.delivery_tag)

# auto_ack=False (the default): never auto_ack=True for tasks that matter.
channel.basic_consume(queue=${n('manual_ack_queue')}, on_message_callback=callback)
channel.start_consuming()`),
      ];
  }
}
