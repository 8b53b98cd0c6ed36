#!/usr/bin/env python
import pika

# Step 1: Establish a connection with RabbitMQ server.
connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))
channel = connection.channel()

# Step 2: Create a queue to which the message will be delivered.
# `durable=True` makes sure the queue will survive a broker restart.
channel.queue_declare(queue='hello', durable=True)

# Step 3: Publish the message.
# The `exchange` is an empty string, which means we are using the default exchange.
# The `routing_key` must be the same as the queue name for the default exchange.
message_body = 'Hello World!'
channel.basic_publish(
    exchange='',
    routing_key='hello',
    body=message_body,
    properties=pika.BasicProperties(
        delivery_mode=2,  # make message persistent
    )
)

print(f" [x] Sent '{message_body}'")

# Step 4: Close the connection. This will make sure network buffers were flushed.
connection.close()
