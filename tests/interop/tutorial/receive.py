#!/usr/bin/env python
import pika
import time

# Step 1: Establish a connection with RabbitMQ server.
connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))
channel = connection.channel()

# Step 2: Declare the same queue as the sender.
# This is idempotent - it will only be created if it doesn't exist already.
channel.queue_declare(queue='hello', durable=True)
print(' [*] Waiting for messages. To exit press CTRL+C')

# Step 3: Define a callback function.
# This function will be called by pika library whenever we receive a message.
def callback(ch, method, properties, body):
    print(f" [x] Received {body.decode()}")
    # Simulate work
    time.sleep(body.count(b'.'))
    print(" [x] Done")
    # Acknowledge the message, telling RabbitMQ it can be safely discarded.
    ch.basic_ack(delivery_tag=method.delivery_tag)

# Step 4: Tell RabbitMQ that this callback function should receive messages from our 'hello' queue.
# `auto_ack=False` means we will send a manual acknowledgement.
channel.basic_consume(queue='hello', on_message_callback=callback)

# Step 5: Start a never-ending loop that waits for data and runs callbacks whenever necessary.
channel.start_consuming()
