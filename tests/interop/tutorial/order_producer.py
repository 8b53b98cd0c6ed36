# Copied from the tutorial (seeds/000); only host/port/vhost are configurable (RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_VHOST).
import os
# Part of the place_order function after successful payment
import pika
import json

def publish_order_created_event(order_data):
    """Publishes an event to RabbitMQ after an order is created."""
    connection = pika.BlockingConnection(pika.ConnectionParameters(host=os.environ.get('RABBITMQ_HOST', 'localhost'), port=int(os.environ.get('RABBITMQ_PORT', '5672')), virtual_host=os.environ.get('RABBITMQ_VHOST', '/')))
    channel = connection.channel()

    # Declare a fanout exchange, which broadcasts messages to all its queues
    channel.exchange_declare(exchange='order_events', exchange_type='fanout')

    message = json.dumps(order_data)

    channel.basic_publish(exchange='order_events', routing_key='', body=message)

    print(f" [x] Sent order created event: {message}")
    connection.close()

# Example usage
new_order = {"order_id": 456, "customer_email": "jane.doe@email.com", "items": ["book", "pen"]}
publish_order_created_event(new_order)
