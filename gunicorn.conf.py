"""How gunicorn serves the portal, the same for ``make run``, the image, compose and tests.

gunicorn reads this file from the working directory; commands add only ``--bind``.

The ASGI worker reads each request on the event loop and hands only complete
requests to Django: a client that sends its headers or body slowly costs a socket,
not a worker. With the sync worker four such clients stalled the whole server.
Django's views stay synchronous and run in the worker's thread.
"""

import os

wsgi_app = "portal.asgi:application"
worker_class = "asgi"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A request whose body has not arrived within this time is dropped.
timeout = 30
keepalive = 5
# Several servers may run side by side (tests, benchmarks); the control socket has one path.
control_socket_disable = True
