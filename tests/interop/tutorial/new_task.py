#!/usr/bin/env python
import pika
import sys

connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))
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
