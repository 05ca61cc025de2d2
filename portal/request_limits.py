"""Request bodies larger than ``REQUEST_MAX_BODY_SIZE`` are refused before they are read.

Without a proxy in front (nginx's ``client_max_body_size``), Django would read a
200 MB upload to the end – into memory or a temporary file – before Wagtail's
upload limit rejects it. The middleware answers by the declared ``Content-Length``
alone, so the body is never touched; gunicorn's sync workers then close the
connection instead of draining it.

A chunked body without ``Content-Length`` cannot bypass the limit: Django reads a
request body only up to its declared length, which for such a request is 0, so no
view ever sees a byte of it.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat

from .error_pages import error_page


def declared_length(request: HttpRequest) -> int:
    """The body length the client announced; 0 when it announced none or nonsense."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.REQUEST_MAX_BODY_SIZE
        if declared_length(request) > limit:
            return error_page(413, limit=filesizeformat(limit))
        return self.get_response(request)
