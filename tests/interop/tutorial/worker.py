#!/usr/bin/env python
import pika
import time

connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))
channel = connection.channel()

channel.queue_declare(queue='task_queue', durable=True)
print(' [*] Waiting for messages. To exit press CTRL+C')

def callback(ch, method, properties, body):
    message = body.decode()
    print(f" [x] Received task: {message}")
    # Simulate a long-running task
    time.sleep(message.count('.'))
    print(" [x] Task finished.")
    # Send an acknowledgement to RabbitMQ.
    # If this worker crashes before sending the ack, the message will be redelivered to another worker.
    ch.basic_ack(delivery_tag=method.delivery_tag)

# This tells RabbitMQ not to give more than one message to a worker at a time.
# It will wait for the worker to acknowledge the current message before sending a new one.
channel.basic_qos(prefetch_count=1)

channel.basic_consume(queue='task_queue', on_message_callback=callback)

channel.start_consuming()
