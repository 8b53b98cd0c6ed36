#!/usr/bin/env python
# Copied from the tutorial (seeds/000); only host/port/vhost are configurable (RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_VHOST).
import os
import pika
import sys

connection = pika.BlockingConnection(pika.ConnectionParameters(host=os.environ.get('RABBITMQ_HOST', 'localhost'), port=int(os.environ.get('RABBITMQ_PORT', '5672')), virtual_host=os.environ.get('RABBITMQ_VHOST', '/')))
channel = connection.channel()

# Declare a topic exchange
channel.exchange_declare(exchange='topic_logs', exchange_type='topic')

# Routing key and message from command line arguments
routing_key = sys.argv[1] if len(sys.argv) > 2 else 'anonymous.info'
message = ' '.join(sys.argv[2:]) or 'Hello World!'

channel.basic_publish(
    exchange='topic_logs', routing_key=routing_key, body=message)

print(f" [x] Sent {routing_key}:{message}")
connection.close()
