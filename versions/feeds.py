"""Atom feeds of new versions: ``/feeds/fassungen/`` and one per strand."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from strands.registry import StrandEntry, entry_for

from .models import Version

FEED_LENGTH = 50


class VersionFeed(Feed):
    feed_type = Atom1Feed
    author_name = "Kommunal souverän"

    def get_object(self, request, strand: str | None = None) -> StrandEntry | None:
        self.request = request
        if strand is None:
            return None
        entry = entry_for(strand)
        if entry is None:
            raise Http404(gettext("Diesen Strang gibt es nicht."))
        return entry

    def title(self, entry):
        if entry is None:
            return gettext("Kommunal souverän: neue Fassungen")
        return gettext("Kommunal souverän: neue Fassungen – %(strand)s") % {
            "strand": entry.strand.label
        }

    def subtitle(self, entry):
        return gettext(
            "Neu veröffentlichte Fassungen von Leitbild und Handlungshilfen, mit Änderungshinweis."
        )

    def link(self, entry):
        return "/"

    def feed_url(self, entry):
        return self.request.path

    def feed_guid(self, entry):
        return self.request.build_absolute_uri(self.request.path)

    def items(self, entry):
        versions = Version.objects.public().listing().select_related("page")
        if entry is not None:
            content_types = ContentType.objects.get_for_models(*entry.text_models).values()
            versions = versions.filter(page__content_type__in=list(content_types))
        return versions.order_by("-published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, version: Version) -> str:
        return str(version)

    def item_description(self, version: Version) -> str:
        note = version.change_note or gettext("Erste veröffentlichte Fassung.")
        return f"{note}\n\n{version.summary}".strip()

    def item_link(self, version: Version) -> str:
        return version.get_url(self.request)

    def item_guid(self, version: Version) -> str:
        # Stable even when the page moves and its URLs change (RFC 4151 tag URI).
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},2020:fassung:{version.pk}"

    def item_pubdate(self, version: Version):
        return version.published_at

    def item_updateddate(self, version: Version):
        return version.published_at

    def item_author_name(self, version: Version) -> str:
        return self.author_name
