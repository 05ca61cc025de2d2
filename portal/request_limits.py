"""Request bodies larger than ``REQUEST_MAX_BODY_SIZE`` are refused before they are read.

Without a proxy in front (nginx's ``client_max_body_size``), Django would read a
200 MB upload to the end – into memory or a temporary file – before Wagtail's
upload limit rejects it.

Under WSGI, Django reads a body only when a view asks for it, and only up to its
declared ``Content-Length``: :class:`RequestBodyLimitMiddleware` answers by that
length alone, before anyone reads. A chunked body without ``Content-Length`` cannot
slip past it, since for Django such a body has length 0 and is never read.

Under ASGI, Django reads the whole body before any middleware runs, chunked or not.
:class:`LimitedBodyApplication` wraps the ASGI application (``portal/asgi.py``:
``application = LimitedBodyApplication(get_asgi_application())``) so that Django receives
nothing of a body declared too large and at most the limit of a chunked one; it
marks the scope, and the middleware then answers with the same 413 page.
"""

import asyncio

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat

from .error_pages import error_page

# Set in the ASGI scope when the body was held back; ASGIRequest keeps its scope.
BODY_HELD_BACK = "portal.body_held_back"
END_OF_BODY = {"type": "http.request", "body": b"", "more_body": False}


def declared_length(value: str | bytes | None) -> int:
    """A ``Content-Length`` value as a number; 0 when there is none or it is nonsense."""
    try:
        return int(value or 0)
    except ValueError:
        return 0


def body_too_large(request: HttpRequest) -> bool:
    if getattr(request, "scope", {}).get(BODY_HELD_BACK):
        return True
    return declared_length(request.META.get("CONTENT_LENGTH")) > settings.REQUEST_MAX_BODY_SIZE


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if body_too_large(request):
            return error_page(413, limit=filesizeformat(settings.REQUEST_MAX_BODY_SIZE))
        return self.get_response(request)


class LimitedBodyApplication:
    """ASGI wrapper: Django receives at most ``REQUEST_MAX_BODY_SIZE`` bytes of a body."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            scope = dict(scope)  # marked below; the server's own scope stays untouched
            receive = LimitedReceive(scope, receive, settings.REQUEST_MAX_BODY_SIZE)
        await self.application(scope, receive, send)


def header(scope, name: bytes) -> bytes | None:
    return next((value for key, value in scope["headers"] if key.lower() == name), None)


class LimitedReceive:
    """The ``receive`` of one request, ending the body once it exceeds ``limit``."""

    def __init__(self, scope, receive, limit: int):
        self.scope, self.receive, self.limit = scope, receive, limit
        self.received = 0
        self.held_back = declared_length(header(scope, b"content-length")) > limit
        self.ended = False
        if self.held_back:
            scope[BODY_HELD_BACK] = True

    async def __call__(self):
        if self.held_back:
            return await self.nothing_more()
        message = await self.receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit:
                self.scope[BODY_HELD_BACK] = self.held_back = True
                return await self.nothing_more()
        return message

    async def nothing_more(self):
        """An empty end of the body once; then wait until Django has answered and stops
        listening – asking the server would only read the body held back."""
        if not self.ended:
            self.ended = True
            return END_OF_BODY
        return await asyncio.get_running_loop().create_future()
