#!/usr/bin/env python
# Copied from the tutorial (seeds/000); only host/port/vhost are configurable (RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_VHOST).
import os
import pika
import sys

connection = pika.BlockingConnection(pika.ConnectionParameters(host=os.environ.get('RABBITMQ_HOST', 'localhost'), port=int(os.environ.get('RABBITMQ_PORT', '5672')), virtual_host=os.environ.get('RABBITMQ_VHOST', '/')))
channel = connection.channel()

channel.queue_declare(queue='task_queue', durable=True)

# Get the message from command line arguments, or use a default one.
message = ' '.join(sys.argv[1:]) or "A task with some dots..."

channel.basic_publish(
    exchange='',
    routing_key='task_queue',
    body=message,
    properties=pika.BasicProperties(
        delivery_mode=2,  # make message persistent
    )
)

print(f" [x] Sent '{message}'")
connection.close()
