from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_forms import CommentRoundAdminForm, pages_editable_by
from .models import CommentRound
from .permissions import can_evaluate


class RoundIndexView(generic.IndexView):
    def get_base_queryset(self):
        """Editors see the rounds of their own strand's texts."""
        pages = [page.pk for page in pages_editable_by(self.request.user)]
        return (
            super()
            .get_base_queryset()
            .filter(page_id__in=pages)
            .annotate(comment_count=Count("comments"))
        )


class RoundEditView(generic.EditView):
    def get_object(self, queryset=None):
        comment_round = super().get_object(queryset)
        if not can_evaluate(self.request.user, comment_round):
            raise PermissionDenied
        return comment_round


class CommentRoundViewSet(ModelViewSet):
    model = CommentRound
    icon = "comment"
    menu_label = _("Kommentierungsrunden")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "kommentierung"
    index_view_class = RoundIndexView
    edit_view_class = RoundEditView
    inspect_view_enabled = False
    form_fields = CommentRoundAdminForm.Meta.fields
    list_display = [
        TitleColumn("title", label=_("Text"), get_url=lambda obj: evaluation_url(obj)),
        DateColumn("opens_at", label=_("beginnt am")),
        DateColumn("closes_at", label=_("endet am")),
        Column("comment_count", label=_("Kommentare")),
        DateColumn("released_at", label=_("Abwägung veröffentlicht")),
    ]
    search_fields = ["title"]

    def get_form_class(self, for_update=False):
        return CommentRoundAdminForm


def evaluation_url(comment_round) -> str:
    return reverse("rounds_evaluate", args=[comment_round.pk])
