"""Feeds, and the serve pattern that lets Wagtail route version labels such as ``1.0``.

Wagtail's catch-all serve URL only accepts ``[\\w-]`` in path segments; below a
page's ``fassungen/`` the labels contain dots, so the same serve view is mounted for
those paths too. Routing, privacy checks and 404s stay Wagtail's.
"""

from django.urls import path, re_path
from wagtail.views import serve

from .feeds import VersionFeed

app_name = "versions"

VERSION_ROUTE_PATH = r"^((?:[\w\-]+/)+fassungen/(?:[\w\-]+(?:\.[\w\-]+)*/)*)$"

urlpatterns = [
    path("feeds/fassungen/", VersionFeed(), name="feed"),
    path("feeds/fassungen/<slug:strand>/", VersionFeed(), name="strand_feed"),
    re_path(VERSION_ROUTE_PATH, serve, name="serve"),
]
