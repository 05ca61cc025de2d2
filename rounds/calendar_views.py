"""Calendar downloads: one round's deadline, and the private feed of a member's rounds."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from members.permissions import is_member

from . import calendar
from .choices import RoundState
from .models import CommentRound
from .permissions import can_view_text


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Personal: for the audience only, never kept by a proxy or the page cache.
    add_never_cache_headers(response)
    return response


def round_calendar_view(request, page, round_id):
    """``<page>/kommentierung/<id>/termin.ics``: for those who may see the round, until it ends."""
    round = CommentRound.objects.select_related("page").filter(pk=round_id, page=page).first()
    if round is None or not can_view_text(request.user, round):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    if round.state() == RoundState.CLOSED:
        raise Http404(_("Die Kommentierungsrunde ist beendet."))
    url = request.build_absolute_uri(round.get_url())
    content = calendar.calendar([(round, url)], round.title, request.get_host())
    return _calendar_response(content, f"kommentierung-{round.pk}.ics")


def calendar_feed_view(request, token: str):
    """The open rounds a member is addressed by, at the member's private address."""
    user = calendar.user_for_token(token)
    if user is None or not is_member(user):
        raise Http404
    entries = [
        (round, request.build_absolute_uri(round.get_url())) for round in calendar.feed_rounds(user)
    ]
    name = _("Kommentierungsrunden – Kommunal souverän")
    return _calendar_response(
        calendar.calendar(entries, name, request.get_host()), "kommentierungsrunden.ics"
    )
