"""A read-only listing of all versions in the admin: index and inspect, nothing else."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Version


class VersionViewSet(ModelViewSet):
    model = Version
    name = "fassungen"
    icon = "history"
    menu_label = _("Fassungen")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "title",  # links to the inspect view
        Column("label", label=_("Fassung")),
        DateColumn("published_at", label=_("veröffentlicht am")),
        Column("approver", label=_("freigegeben von")),
        Column("change_note", label=_("Änderungshinweis")),
    ]
    search_fields = ["title", "change_note"]
    inspect_view_fields = [
        "page",
        "title",
        "major",
        "minor",
        "change_kind",
        "change_note",
        "published_at",
        "approver",
        "revision",
        "summary",
        "easy_language_summary",
        "content_hash",
        "canonical_text",
    ]

    def get_queryset(self, request):
        return (
            Version.objects.listing()
            .select_related("page", "approver")
            .order_by("-published_at", "-pk")
        )

    def get_urlpatterns(self):
        # No add, edit, delete, copy, history or usage views: versions are immutable.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
