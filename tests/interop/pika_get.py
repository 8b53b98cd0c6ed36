"""python3 pika_get.py HOST PORT VHOST QUEUE — takes one message with pika and prints it as JSON
(body in base64, properties under Warren's names, headers type-tagged)."""
import base64
import json
import sys
import time

from pika_common import connect, tag

NAMES = {'content_type': 'contentType', 'content_encoding': 'contentEncoding', 'delivery_mode': 'deliveryMode',
         'priority': 'priority', 'correlation_id': 'correlationId', 'reply_to': 'replyTo', 'expiration': 'expiration',
         'message_id': 'messageId', 'timestamp': 'timestamp', 'type': 'type', 'user_id': 'userId', 'app_id': 'appId'}

connection = connect()
channel = connection.channel()
deadline = time.time() + 10
while True:
    method, props, body = channel.basic_get(sys.argv[4], auto_ack=True)
    if method is not None or time.time() > deadline:
        break
    time.sleep(0.1)
if method is None:
    sys.exit('no message')
out = {name: getattr(props, attr) for attr, name in NAMES.items() if getattr(props, attr) is not None}
if props.headers:
    out['headers'] = [{'key': k, 'value': tag(v)} for k, v in props.headers.items()]
print(json.dumps({'body': base64.b64encode(body).decode('ascii'), 'properties': out,
                  'exchange': method.exchange, 'routingKey': method.routing_key}))
connection.close()
