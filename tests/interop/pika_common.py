"""Shared by the pika interop scripts: connect from argv, and type-tag values as Warren does."""
import base64
import datetime
import decimal
import sys

import pika


def connect():
    host, port, vhost = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    params = pika.ConnectionParameters(host=host, port=port, virtual_host=vhost,
                                       credentials=pika.PlainCredentials('guest', 'guest'))
    return pika.BlockingConnection(params)


def tag(value):
    """A pika-decoded field value as Warren's typed FieldValue."""
    if value is None:
        return {'t': 'null'}
    if isinstance(value, bool):
        return {'t': 'bool', 'v': value}
    if isinstance(value, int):
        return {'t': 'int', 'v': value}
    if isinstance(value, float):
        return {'t': 'float', 'v': value}
    if isinstance(value, str):
        return {'t': 'string', 'v': value}
    if isinstance(value, bytes):
        return {'t': 'bytes', 'v': base64.b64encode(value).decode('ascii')}
    if isinstance(value, datetime.datetime):
        return {'t': 'timestamp', 'v': int(value.replace(tzinfo=datetime.timezone.utc).timestamp())}
    if isinstance(value, decimal.Decimal):
        sign, digits, exponent = value.as_tuple()
        return {'t': 'decimal', 'places': -exponent, 'digits': int(''.join(map(str, digits)))}
    if isinstance(value, list):
        return {'t': 'array', 'v': [tag(v) for v in value]}
    if isinstance(value, dict):
        return {'t': 'table', 'v': [{'key': k, 'value': tag(v)} for k, v in value.items()]}
    raise TypeError('unexpected %r' % (value,))
