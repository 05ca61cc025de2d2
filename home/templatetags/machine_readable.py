"""What machines read from our pages: ``<time datetime>`` and the page description."""

import datetime
import html

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.fields import RichTextField
from wagtail.models import Page

register = template.Library()

# Page fields that describe a page when the editors wrote no search description.
DESCRIBING_FIELDS = ("summary", "intro")
DESCRIPTION_LENGTH = 300


@register.filter
def isodatetime(value: datetime.datetime | datetime.date | None) -> str:
    """ISO 8601 to the second, in the current time zone: Django's ``date:"c"`` adds
    microseconds, which HTML's ``datetime`` attribute does not accept."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


@register.filter
def meta_description(page: Page | None) -> str:
    """The editors' search description, else the page's summary or intro as plain text."""
    if page is None or page == "":
        return ""
    if page.search_description:
        return page.search_description
    for name in DESCRIBING_FIELDS:
        text = plain_text(page, name)
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def plain_text(page: Page, name: str) -> str:
    value = getattr(page, name, "")
    if not isinstance(value, str) or not value:
        return ""
    try:
        rich = isinstance(page._meta.get_field(name), RichTextField)
    except FieldDoesNotExist:
        return ""
    if rich:
        value = html.unescape(strip_tags(value))
    return " ".join(value.split())
