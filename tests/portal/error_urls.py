"""The portal's URLs, handlers included, plus views that fail as real ones can."""

from allauth.core.ratelimit import respond_429
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path

from portal.urls import *  # noqa: F403 – the error handlers are part of what is tested
from portal.urls import urlpatterns as portal_urlpatterns


def forbidden(request):
    raise PermissionDenied


def missing(request):
    raise Http404


def broken(request):
    raise RuntimeError("Absichtlicher Fehler für den Test")


def unavailable(request):
    return HttpResponse(status=503)


urlpatterns = [
    path("test/verboten/", forbidden),
    path("test/fehlt/", missing),
    path("test/kaputt/", broken),
    path("test/wartung/", unavailable),
    path("test/zu-oft/", respond_429),
    *portal_urlpatterns,
]
