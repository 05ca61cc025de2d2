"""Error pages: German, in the portal's layout, and rendered without the database.

Django's error handlers (``portal/urls.py``), the CSRF failure view, allauth's rate
limit (``handler429``) and :class:`ErrorBodyMiddleware` for error responses without
a body all render ``templates/error.html`` with the texts below. Nothing here reads
the request, the session or the database: an error page must work while those fail,
and cost nothing when scanners ask for thousands of missing pages.
"""

import logging
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .observability import request_id

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErrorText:
    title: str | Promise
    text: str | Promise


ERRORS = {
    400: ErrorText(
        _("Ungültige Anfrage"),
        _(
            "Diese Anfrage kann das Portal nicht verarbeiten. Bitte prüfen Sie die Adresse "
            "oder laden Sie die Seite neu."
        ),
    ),
    403: ErrorText(
        _("Zugriff verweigert"),
        _(
            "Diese Seite ist nur für Berechtigte zugänglich. Wenn Sie Mitglied sind, melden "
            "Sie sich bitte an."
        ),
    ),
    404: ErrorText(
        _("Seite nicht gefunden"),
        _("Diese Adresse gibt es (nicht mehr). Vielleicht hilft die Suche oder die Startseite."),
    ),
    405: ErrorText(
        _("Aktion nicht möglich"),
        _(
            "Diese Adresse lässt sich so nicht aufrufen – zum Beispiel ein Formular, das nur "
            "abgeschickt, aber nicht direkt geöffnet werden kann. Bitte kehren Sie zur "
            "vorigen Seite zurück."
        ),
    ),
    413: ErrorText(
        _("Zu viele Daten"),
        _(
            "Das Portal nimmt höchstens %(limit)s auf einmal an. Bitte verkleinern Sie die "
            "Datei oder laden Sie mehrere Dateien einzeln hoch."
        ),
    ),
    429: ErrorText(
        _("Zu viele Anfragen"),
        _(
            "Sie haben in kurzer Zeit sehr viele Anfragen gesendet. Bitte warten Sie einige "
            "Minuten und versuchen Sie es dann noch einmal."
        ),
    ),
    500: ErrorText(
        _("Technischer Fehler"),
        _(
            "Leider ist ein Fehler aufgetreten. Bitte versuchen Sie es in einigen Minuten noch "
            "einmal."
        ),
    ),
    503: ErrorText(
        _("Vorübergehend nicht erreichbar"),
        _(
            "Das Portal ist gerade nicht erreichbar, etwa wegen Wartungsarbeiten. Bitte "
            "versuchen Sie es in einigen Minuten noch einmal."
        ),
    ),
}
CSRF_FAILURE = ErrorText(
    _("Formular abgelaufen"),
    _(
        "Das Formular konnte nicht sicher übermittelt werden: Die Sitzung ist abgelaufen "
        "oder Ihr Browser blockiert Cookies für dieses Portal. Bitte laden Sie die Seite "
        "neu, erlauben Sie Cookies für dieses Portal und senden Sie das Formular erneut."
    ),
)
# When error.html itself fails, the 500 answer must not fail in turn.
FALLBACK_500 = (
    '<!DOCTYPE html><html lang="de"><meta charset="utf-8"><title>Technischer Fehler – '
    "Kommunal souverän</title><h1>Technischer Fehler</h1><p>Bitte versuchen Sie es in "
    'einigen Minuten noch einmal oder kehren Sie zur <a href="/">Startseite</a> zurück.</p>'
)


def render_error_page(status: int, error: ErrorText | None = None, **details) -> str:
    """The HTML of the error page for ``status``; ``details`` fill the text's placeholders."""
    error = error or ERRORS[status]
    context = {"status": status, "title": error.title, "text": error.text}
    if details:
        context["text"] = error.text % details
    if status >= 500:
        # Support finds the logged traceback by this id (portal/observability.py).
        context["request_id"] = request_id.get()
    return render_to_string("error.html", context)


def error_page(status: int, error: ErrorText | None = None, **details) -> HttpResponse:
    return HttpResponse(render_error_page(status, error, **details), status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_page(404)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return error_page(429)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return error_page(500)
    except Exception:  # any failure here would replace the answer with a bare crash
        logger.exception("Die Fehlerseite 500 ließ sich nicht darstellen.")
        return HttpResponseServerError(FALLBACK_500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: Django's reason is for developers; its middleware logs it."""
    return error_page(403, CSRF_FAILURE)


def needs_error_page(response: HttpResponse) -> bool:
    return response.status_code in ERRORS and not response.streaming and not response.content


class ErrorBodyMiddleware:
    """Error responses without a body get the error page of their status: Django's
    ``require_POST`` and friends answer 405 with an empty page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if needs_error_page(response):
            # Filled in place: the response keeps its headers (Allow, Retry-After …).
            response.content = render_error_page(response.status_code)
            response["Content-Type"] = "text/html; charset=utf-8"
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
