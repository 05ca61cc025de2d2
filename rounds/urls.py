"""The public overview of rounds (``/kommentierungen/``), and the calendar addresses ending
in ``.ics``: a member's private feed, and one round's entry.

Wagtail's serve URL accepts no dot in a path segment, so the same serve view is mounted
for ``<page>/kommentierung/<id>/termin.ics``; routing, privacy checks and 404s stay
Wagtail's, and the page's route (``CommentRoundRoutes``) answers.
"""

from django.urls import path, re_path
from wagtail.views import serve

from . import views
from .calendar_views import calendar_feed_view

app_name = "rounds"

ROUND_CALENDAR_PATH = r"^((?:[\w\-]+/)+kommentierung/\d+/termin\.ics)$"

urlpatterns = [
    path("kommentierungen/", views.overview, name="overview"),
    path("accounts/konto/kalender/<str:token>.ics", calendar_feed_view, name="calendar_feed"),
    re_path(ROUND_CALENDAR_PATH, serve, name="serve"),
]
