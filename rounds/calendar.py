"""Comment rounds as calendar entries (iCalendar, RFC 5545): one round, or a member's feed.

Each entry ends at the round's deadline (``closes_at``, Europe/Berlin) with a reminder
a day before. The feed of a member has a private address: a signature over the user
id and the account's creation time, so it needs no stored secret, cannot be guessed,
and dies with the account; the view also refuses it once the membership has ended.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event
from wagtail.models import Page, PageViewRestriction

from .models import CommentRound

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT = "-//Kommunal souverän//Kommentierungsrunden//DE"
FEED_SALT = "rounds.calendar.feed"
# The entry is the last hour of the round: calendars show a deadline, not weeks of busy time.
ENTRY_LENGTH = timedelta(hours=1)
REMINDER_BEFORE = timedelta(days=1)
DATE_FORMAT = "%d.%m.%Y, %H:%M Uhr"


# The private address of a member's feed


def _signed_value(user) -> str:
    return f"{user.pk}:{user.date_joined.isoformat()}"


def feed_token(user) -> str:
    signature = signing.Signer(salt=FEED_SALT).signature(_signed_value(user))
    return f"{user.pk}-{signature}"


def user_for_token(token: str):
    """The user a feed token was made for, or None for wrong, forged or stale tokens."""
    user_id, _dash, signature = (token or "").partition("-")
    if not (user_id.isascii() and user_id.isdigit() and signature):
        return None
    user = get_user_model().objects.filter(pk=int(user_id), is_active=True).first()
    if user is None or not constant_time_compare(signature, feed_token(user).partition("-")[2]):
        return None
    return user


# Which rounds a member's feed lists


def _pages_hidden_from(user) -> Q:
    """Pages whose view restriction a feed cannot pass for ``user``, like Wagtail's check
    at the page: passwords (a feed has no session) and groups ``user`` is not in."""
    hidden = Q(pk__in=[])
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    group_ids = set(user.groups.values_list("pk", flat=True))
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            continue
        if restriction.restriction_type == PageViewRestriction.GROUPS and (
            user.is_superuser or group_ids & {group.pk for group in restriction.groups.all()}
        ):
            continue
        hidden |= Q(path__startswith=restriction.page.path)
    return hidden


def feed_rounds(user, now=None) -> list[CommentRound]:
    """Open rounds addressed to ``user`` on live pages the user may open, soonest deadline first."""
    pages = Page.objects.live().exclude(_pages_hidden_from(user))
    return list(
        CommentRound.objects.open(now)
        .addressed_to(user)
        .filter(page__in=pages)
        .select_related("page")
        .order_by("closes_at", "pk")
    )


# Writing the calendar


def round_event(comment_round: CommentRound, url: str, host: str) -> Event:
    closes = timezone.localtime(comment_round.closes_at)
    opens = timezone.localtime(comment_round.opens_at)
    event = Event()
    event.add("uid", f"kommentierung-{comment_round.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", closes - ENTRY_LENGTH)
    event.add("dtend", closes)
    event.add("summary", _("Frist: Kommentierung „%(title)s“") % {"title": comment_round.title})
    event.add(
        "description",
        _(
            "Die Kommentierungsrunde zu „%(title)s“ läuft vom %(opens)s bis %(closes)s. "
            "Kommentieren Sie hier: %(url)s"
        )
        % {
            "title": comment_round.title,
            "opens": opens.strftime(DATE_FORMAT),
            "closes": closes.strftime(DATE_FORMAT),
            "url": url,
        },
    )
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", _("Die Kommentierungsrunde endet morgen."))
    reminder.add("trigger", -REMINDER_BEFORE, parameters={"RELATED": "END"})
    event.add_component(reminder)
    return event


def calendar(entries: Iterable[tuple[CommentRound, str]], name: str, host: str) -> bytes:
    """A calendar of ``(round, absolute URL)`` entries."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for comment_round, url in entries:
        cal.add_component(round_event(comment_round, url, host))
    cal.add_missing_timezones()
    return cal.to_ical()
