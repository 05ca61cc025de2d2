"""Wagtail dashboard panel: reported posts waiting for the moderators."""

from wagtail.admin.ui.components import Component

from .models import Report
from .permissions import can_moderate

SHOWN = 5


class OpenReportsPanel(Component):
    name = "open_reports"
    template_name = "discussions/admin/open_reports_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        reports = Report.objects.open().select_related("post__thread")
        return {"reports": list(reports.order_by("created_at")[:SHOWN]), "total": reports.count()}


def add_open_reports_panel(request, panels) -> None:
    if can_moderate(request.user) and request.user.has_perm("discussions.change_report"):
        panels.append(OpenReportsPanel())
