# Part of the place_order function after successful payment
import pika
import json

def publish_order_created_event(order_data):
    """Publishes an event to RabbitMQ after an order is created."""
    connection = pika.BlockingConnection(pika.ConnectionParameters('localhost'))
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
