import pika
import json
import time

connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))
channel = connection.channel()

channel.exchange_declare(exchange='order_events', exchange_type='fanout')

# Let RabbitMQ create a random, exclusive queue name for us
result = channel.queue_declare(queue='', exclusive=True)
queue_name = result.method.queue

# Bind the queue to the exchange
channel.queue_bind(exchange='order_events', queue=queue_name)

print(' [*] Email Service waiting for orders. To exit press CTRL+C')

def send_email_callback(ch, method, properties, body):
    order_data = json.loads(body)
    print(f" [x] Received order {order_data['order_id']}. Sending confirmation to {order_data['customer_email']}")
    # Simulate sending email
    time.sleep(1)
    print(f" [x] Email sent for order {order_data['order_id']}")
    ch.basic_ack(delivery_tag=method.delivery_tag)

channel.basic_consume(queue=queue_name, on_message_callback=send_email_callback)
channel.start_consuming()
