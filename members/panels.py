"""Wagtail dashboard panel: membership requests waiting for a decision."""

from wagtail.admin.ui.components import Component

from .models import MembershipRequest
from .permissions import can_decide_membership_requests

SHOWN = 5


class PendingRequestsPanel(Component):
    name = "pending_membership_requests"
    template_name = "members/admin/pending_requests_panel.html"
    order = 90  # above Wagtail's own panels: people are waiting

    def get_context_data(self, parent_context):
        pending = MembershipRequest.objects.pending().select_related("user", "organisation")
        return {
            "requests": list(pending.order_by("created_at")[:SHOWN]),
            "total": pending.count(),
        }


def add_pending_requests_panel(request, panels) -> None:
    if can_decide_membership_requests(request.user):
        panels.append(PendingRequestsPanel())
