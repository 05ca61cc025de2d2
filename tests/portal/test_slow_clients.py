"""Slow clients cannot stall the server when gunicorn is exposed without a proxy.

Real sockets send their headers (or their body) a few bytes at a time, as a
"slowloris" attack does; meanwhile ordinary readers must still be served quickly.
"""

import contextlib
import socket
import threading
import time

import pytest

from tests.processes import Server, installation_env

pytestmark = pytest.mark.processes
SLOW_CLIENTS = 60


@pytest.fixture(scope="module")
def server(installation_folder):
    running = Server(installation_env(installation_folder)).start()
    yield running
    running.stop()


def open_slow_clients(server: Server, start: bytes, drip: bytes, stop: threading.Event) -> None:
    sockets = []
    for _ in range(SLOW_CLIENTS):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        sock.sendall(start)
        sockets.append(sock)

    def keep_dripping():
        while not stop.wait(0.5):
            for sock in sockets:
                with contextlib.suppress(OSError):  # the server may drop a slow client
                    sock.sendall(drip)
        for sock in sockets:
            sock.close()

    threading.Thread(target=keep_dripping, daemon=True).start()


def reader_waits(server: Server) -> float:
    started = time.monotonic()
    status, _headers, _body = server.get("/leitbild/")
    assert status == 200
    return time.monotonic() - started


@pytest.mark.parametrize(
    ("start", "drip"),
    [
        (b"GET /leitbild/ HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Langsam: ja\r\n"),
        (
            b"POST /suche/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n\r\n",
            b"q=a&",
        ),
    ],
    ids=["slow-headers", "slow-body"],
)
def test_readers_are_served_while_slow_clients_hold_connections(server, start, drip):
    stop = threading.Event()
    try:
        open_slow_clients(server, start, drip, stop)
        time.sleep(2)  # long enough for every slow client to have reached a worker
        waits = [reader_waits(server) for _ in range(5)]
    finally:
        stop.set()
    # Each reader is answered in well under the time slow clients could hold a worker.
    assert max(waits) < 5, waits


def test_a_body_declared_too_large_is_refused_before_it_is_sent(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(
            b"POST /suche/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 200000000\r\n\r\n"
        )
        answer = b""
        while b"</html>" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    assert answer.split(b"\r\n", 1)[0].startswith(b"HTTP/1.1 413")
    assert "Zu viele Daten" in answer.decode()
