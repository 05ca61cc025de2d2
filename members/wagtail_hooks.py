from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import MembershipEnding, MembershipRequest
from .panels import add_pending_requests_panel
from .viewsets import MembersGroup, NoAddPermissionPolicy, RestoreOnlyPermissionPolicy

register_permission_policy(MembershipRequest, NoAddPermissionPolicy(MembershipRequest))
register_permission_policy(MembershipEnding, RestoreOnlyPermissionPolicy(MembershipEnding))


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersGroup()


hooks.register("construct_homepage_panels", add_pending_requests_panel)


@hooks.register("register_log_actions")
def register_members_log_actions(actions):
    actions.register_action(
        "members.request.create", _("Mitgliedsantrag gestellt"), _("Mitgliedsantrag gestellt")
    )
    actions.register_action(
        "members.request.approve", _("Mitgliedsantrag angenommen"), _("Mitgliedsantrag angenommen")
    )
    actions.register_action(
        "members.request.reject", _("Mitgliedsantrag abgelehnt"), _("Mitgliedsantrag abgelehnt")
    )
    actions.register_action(
        "members.membership.end", _("Mitgliedschaft beendet"), _("Mitgliedschaft beendet")
    )
    actions.register_action(
        "members.membership.restore",
        _("Mitgliedschaft wiederhergestellt"),
        _("Mitgliedschaft wiederhergestellt"),
    )
    actions.register_action("members.account.delete", _("Konto gelöscht"), _("Konto gelöscht"))
