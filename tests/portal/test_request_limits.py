"""Request bodies over REQUEST_MAX_BODY_SIZE are refused by their declared length,
before a byte of them is read."""

import asyncio
import socket

import pytest
from asgiref.sync import async_to_sync

UPLOAD = "/admin/documents/multiple/add/"
TWO_HUNDRED_MB = 200 * 1024 * 1024


class UnreadableBody:
    """A request body that fails the test as soon as anyone reads from it."""

    read_from = False

    def read(self, *args):
        self.read_from = True
        raise AssertionError("Der Rumpf der Anfrage wurde gelesen.")

    readline = read


@pytest.mark.django_db
def test_a_body_larger_than_the_limit_gets_413_without_being_read(client):
    body = UnreadableBody()
    response = client.post(UPLOAD, CONTENT_LENGTH=str(TWO_HUNDRED_MB), **{"wsgi.input": body})
    assert response.status_code == 413
    assert "höchstens 25,0\xa0MB" in response.content.decode()
    assert not body.read_from


@pytest.mark.django_db
def test_the_limit_comes_from_the_settings(client, settings):
    settings.REQUEST_MAX_BODY_SIZE = 100
    assert client.post("/suche/", "x" * 100, content_type="text/plain").status_code == 405
    assert client.post("/suche/", "x" * 101, content_type="text/plain").status_code == 413


def test_the_default_limit_fits_the_largest_upload_with_its_form(settings):
    largest = max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    assert largest < settings.REQUEST_MAX_BODY_SIZE <= largest + 10 * 1024 * 1024


@pytest.mark.django_db
def test_a_chunked_body_without_length_is_never_read(client):
    """Django reads a body only up to its declared length (none: 0 bytes), so a chunked
    upload cannot slip past the limit; the view sees an empty form."""
    body = UnreadableBody()
    response = client.generic(
        "POST",
        UPLOAD,
        CONTENT_TYPE="multipart/form-data; boundary=x",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": body},
    )
    assert not response.wsgi_request.META.get("CONTENT_LENGTH")
    assert response.status_code < 500
    assert not body.read_from


@pytest.mark.django_db(transaction=True)
def test_a_real_server_answers_413_before_the_body_arrives(live_server):
    """Over a real socket (Django's threaded test server, WSGI): only the headers are
    sent, and the answer must come without waiting for the 200 MB."""
    host, port = live_server.thread.host, live_server.thread.port
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(
            (
                f"POST {UPLOAD} HTTP/1.1\r\nHost: {host}\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {TWO_HUNDRED_MB}\r\n\r\n"
            ).encode()
        )
        status_line = connection.recv(1024).split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 413 Request Entity Too Large"


# --- ASGI (gunicorn's ASGI worker): Django reads the whole body before any middleware ---


def asgi_post(body_chunks, headers=(), path="/suche/"):
    """POST through the ASGI application; the status, and how many chunks were received."""
    from django.core.asgi import get_asgi_application

    from portal.request_limits import LimitedBodyApplication

    application = LimitedBodyApplication(get_asgi_application())
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }
    received = []
    sent = []

    ended = []

    async def receive():
        chunk = next(body_chunks, None)
        if chunk is None:
            if ended:  # as a server does: nothing until the client disconnects
                return await asyncio.get_running_loop().create_future()
            ended.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}
        received.append(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message):
        sent.append(message)

    async_to_sync(application)(scope, receive, send)
    return sent[0]["status"], len(received), b"".join(m.get("body", b"") for m in sent[1:])


def chunks_of_64_kb(count: int):
    return iter([b"x" * 65536] * count)


@pytest.mark.django_db
def test_asgi_receives_nothing_of_a_body_declared_too_large(settings):
    settings.REQUEST_MAX_BODY_SIZE = 1024 * 1024
    declared = str(64 * 65536).encode()
    status, chunks, page = asgi_post(chunks_of_64_kb(64), headers=[(b"content-length", declared)])
    assert (status, chunks) == (413, 0)
    assert "Zu viele Daten" in page.decode()


@pytest.mark.django_db
def test_asgi_stops_a_chunked_body_just_past_the_limit(settings):
    settings.REQUEST_MAX_BODY_SIZE = 1024 * 1024
    status, chunks, _page = asgi_post(chunks_of_64_kb(64))
    assert status == 413
    assert chunks == 17  # 16 chunks make the limit; the 17th exceeds it, no more follow


@pytest.mark.django_db
def test_asgi_passes_a_body_within_the_limit(settings):
    settings.REQUEST_MAX_BODY_SIZE = 1024 * 1024
    status, chunks, _page = asgi_post(iter([b"q=a"] * 3), headers=[(b"content-length", b"9")])
    assert chunks == 3
    assert status == 403  # CSRF refuses it: the body got past the limit into Django
