from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from . import admin_views
from .viewsets import CommentRoundViewSet


@hooks.register("register_admin_viewset")
def register_round_viewset():
    return CommentRoundViewSet("comment_rounds")


@hooks.register("register_admin_urls")
def register_round_urls():
    return [
        path("kommentierung/<int:pk>/auswertung/", admin_views.evaluate, name="rounds_evaluate"),
        path("kommentierung/<int:pk>/export/<str:fmt>/", admin_views.export, name="rounds_export"),
        path("kommentierung/<int:pk>/freigeben/", admin_views.release, name="rounds_release"),
        path(
            "kommentierung/<int:pk>/abschliessen/",
            admin_views.mark_evaluated,
            name="rounds_mark_evaluated",
        ),
    ]


@hooks.register("register_log_actions")
def register_round_log_actions(actions):
    @actions.register_action("rounds.answer")
    class Answered(LogFormatter):
        label = _("Kommentare beantwortet")

        def format_message(self, log_entry):
            count = len(log_entry.data.get("comments", []))
            return _("%(count)d Kommentar(e) beantwortet") % {"count": count}

    actions.register_action(
        "rounds.release", _("Abwägung veröffentlicht"), _("Abwägungstabelle veröffentlicht")
    )
    actions.register_action(
        "rounds.evaluate", _("Runde ausgewertet"), _("Auswertung abgeschlossen")
    )


@hooks.register("versions_diff_notes")
def decided_comments_in_diff(request, page, older, newer):
    """Beside each changed paragraph: the released comments on it and their decisions."""
    from django.template.loader import render_to_string

    from .traceability import decided_comments

    return {
        block_id: [render_to_string("rounds/decided_comments.html", {"comments": comments})]
        for block_id, comments in decided_comments(page, older, newer).items()
    }
