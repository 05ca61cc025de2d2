from django.contrib.auth.views import redirect_to_login
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from members.permissions import is_member, is_moderator
from members.viewsets import NoAddPermissionPolicy

from . import permissions
from .models import MemberOnlyPage, Report
from .panels import add_open_reports_panel
from .viewsets import ReportViewSet

register_permission_policy(Report, NoAddPermissionPolicy(Report))

# What the moderation services (services.py) write to Wagtail's audit log.
LOG_ACTIONS = {
    "discussions.post.hide": _("Beitrag ausgeblendet"),
    "discussions.post.restore": _("Beitrag wieder eingeblendet"),
    "discussions.thread.lock": _("Thema gesperrt"),
    "discussions.thread.unlock": _("Thema entsperrt"),
    "discussions.report.create": _("Beitrag gemeldet"),
    "discussions.report.dismiss": _("Meldung zurückgewiesen"),
}


@hooks.register("before_serve_page")
def guard_discussion_pages(page, request, serve_args, serve_kwargs):
    """The one door to ``/diskussion/``, before Wagtail's own privacy check.

    Anonymous visitors go to the login; signed-in people without access get the
    "members only" page (not a login loop); staff without a role group pass too.
    """
    if not isinstance(page, MemberOnlyPage):
        return None
    user = request.user
    if not user.is_authenticated:
        response = redirect_to_login(request.get_full_path())
    elif not permissions.can_view(user):
        from .views import members_only

        response = members_only(request)
    elif not (user.is_superuser or is_member(user) or is_moderator(user)):
        # Staff outside the role groups: Wagtail's group check would send them to the
        # login, which sends signed-in people back here.
        response = page.serve(request, *serve_args, **serve_kwargs)
    else:
        return None  # Wagtail's own privacy check follows and lets them in
    add_never_cache_headers(response)
    return response


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet()


hooks.register("construct_homepage_panels", add_open_reports_panel)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action, label, label)
