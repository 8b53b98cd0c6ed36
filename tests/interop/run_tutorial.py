"""python3 run_tutorial.py SCRIPT [ARGS...] — runs one of the tutorial's scripts exactly as written.

The copies in tutorial/ are the tutorial's text byte for byte: they connect with
pika.ConnectionParameters('localhost'), i.e. localhost:5672, vhost '/'. A test needs them on its
own vhost of the run's broker (5672 may belong to someone else, and '/' is shared), so this
wrapper makes 'localhost' and pika's defaults mean RABBITMQ_HOST, RABBITMQ_PORT and
RABBITMQ_VHOST, then runs the script as __main__ with its own arguments. Nothing in the script
changes; a script that names another host or passes its own port or vhost is left alone.
"""
import os
import runpy
import sys

import pika

_Original = pika.ConnectionParameters
_DEFAULT = _Original._DEFAULT


class ConnectionParameters(_Original):
    def __init__(self, host=_DEFAULT, port=_DEFAULT, virtual_host=_DEFAULT, *args, **kwargs):
        if host is _DEFAULT or host == 'localhost':
            host = os.environ.get('RABBITMQ_HOST', 'localhost')
            if port is _DEFAULT:
                port = int(os.environ.get('RABBITMQ_PORT', '5672'))
            if virtual_host is _DEFAULT:
                virtual_host = os.environ.get('RABBITMQ_VHOST', '/')
        super().__init__(host, port, virtual_host, *args, **kwargs)


pika.ConnectionParameters = ConnectionParameters

script = sys.argv[1]
sys.argv = sys.argv[1:]
# Like `python script.py`: the script's folder first on the path, its own argv, run as __main__.
sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
runpy.run_path(script, run_name='__main__')
