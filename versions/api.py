"""Version fields for the open-data API (Wagtail API v2, ``/api/v2/pages/``).

The API serves live, public pages only; these fields add the versions of such a page.
"""

from rest_framework import serializers

from .models import Version


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request else url


def version_data(version: Version, request, page_url: str) -> dict:
    url = f"{page_url}fassungen/{version.label}/"
    return {
        "label": version.label,
        "published_at": version.published_at.isoformat(),
        "change_kind": version.change_kind,
        "change_note": version.change_note,
        "content_hash_sha256": version.content_hash,
        "html_url": _absolute(request, url),
        "markdown_url": _absolute(request, f"{url}markdown/"),
    }


class _PageField(serializers.Field):
    """A read-only field computed from the whole page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class CurrentVersionField(_PageField):
    def to_representation(self, page):
        request = self.context.get("request")
        version = page.current_version
        return version_data(version, request, page.get_url(request)) if version else None


class VersionListField(_PageField):
    def to_representation(self, page):
        request = self.context.get("request")
        page_url = page.get_url(request)
        versions = Version.objects.of_page(page).listing().newest_first()
        return [version_data(version, request, page_url) for version in versions]
