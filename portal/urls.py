from pathlib import Path

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from members.views import admin_login
from search.views import search

from .api import api_router
from .observability import metrics
from .page_passwords import authenticate_with_password
from .views import healthz, readyz, robots_txt

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics, name="metrics"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("admin/login/", admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("members.urls")),
    # Calendar files (.ics): a member's private feed, and each round's deadline.
    path("", include("rounds.urls")),
    path("accounts/", include("allauth.urls")),
    path("benachrichtigungen/", include("discussions.urls")),
    path("dokumente/", include(wagtaildocs_urls)),
    path("suche/", search, name="search"),
    path("api/v2/", api_router.urls),
    # Feeds, and version routes whose labels (1.0) Wagtail's serve URL would refuse.
    path("", include("versions.urls")),
]

# Image files are public in Wagtail (no collection privacy); documents are not and
# reach readers only through Wagtail's document view (/dokumente/), which checks it.
# Each folder is its own root, so "../" cannot climb from an image folder to the documents.
urlpatterns += [
    re_path(
        rf"^media/{folder}/(?P<path>.+)$",
        serve_media,
        {"document_root": Path(settings.MEDIA_ROOT) / folder},
    )
    for folder in ("images", "original_images")
]

urlpatterns += [
    # On Wagtail's own URL: the password form of protected pages, with a rate limit.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
]

# German error pages in the portal's layout, rendered without the database.
handler400 = "portal.error_pages.bad_request"
handler403 = "portal.error_pages.permission_denied"
handler404 = "portal.error_pages.page_not_found"
handler500 = "portal.error_pages.server_error"
# allauth answers its rate limits with this handler of the ROOT_URLCONF.
handler429 = "portal.error_pages.too_many_requests"
