"""python3 pika_publish.py HOST PORT VHOST QUEUE — publishes one message with every property and
header type pika knows to the default exchange, routing key QUEUE."""
import datetime
import decimal
import sys

import pika

from pika_common import connect

connection = connect()
channel = connection.channel()
channel.confirm_delivery()
headers = {
    'str': 'héllo ✓',
    'int': 42,
    'big': 2 ** 40,
    'neg': -70000,
    'yes': True,
    'nothing': None,
    'raw': b'\x00\x01\xfe\xff',
    'when': datetime.datetime(2023, 11, 14, 22, 13, 20),
    'dec': decimal.Decimal('123.45'),
    'list': [1, 'two', [False]],
    'nested': {'inner': {'deep': 'x'}},
}
props = pika.BasicProperties(content_type='application/json', content_encoding='utf-8', delivery_mode=2, priority=3,
                             correlation_id='c-9', reply_to='answers', expiration='60000', message_id='py-1',
                             timestamp=1700000000, type='py.test', user_id='guest', app_id='pika', headers=headers)
channel.basic_publish('', sys.argv[4], bytes(range(256)), props)
connection.close()
