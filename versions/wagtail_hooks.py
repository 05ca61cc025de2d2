"""Admin integration: the read-only version listing and guards around publishing."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext, ngettext
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from .mixins import VersionedPage
from .models import Version
from .permissions import ReadOnlyVersionPolicy
from .viewsets import VersionViewSet

# Before anything asks the registry, or Wagtail would create its default policy.
register_permission_policy(Version, ReadOnlyVersionPolicy(Version))


@hooks.register("register_admin_viewset")
def register_version_viewset():
    return VersionViewSet()


def _back(request, page):
    return redirect(AdminURLFinder(request.user).get_edit_url(page) or "wagtailadmin_home")


def pages_with_versions(pages) -> list:
    """Those of ``pages`` that have versions themselves or below them."""
    return [
        page for page in pages if Version.objects.filter(page__path__startswith=page.path).exists()
    ]


@hooks.register("before_delete_page")
def refuse_deleting_published_versions(request, page):
    if pages_with_versions([page]):
        messages.error(
            request,
            gettext(
                "„%(title)s“ kann nicht gelöscht werden: Diese Seite oder eine Seite darunter "
                "hat veröffentlichte Fassungen, und deren dauerhafte Adressen müssen erhalten "
                "bleiben. Ziehen Sie die Seite stattdessen zurück (Veröffentlichung aufheben)."
            )
            % {"title": page.get_admin_display_title()},
        )
        return _back(request, page)
    return None


@hooks.register("before_bulk_action")
def guard_bulk_actions(request, action_type, objects, action_class_instance):
    pages = [item for item in objects if isinstance(item, Page)]
    if not pages:
        return None
    back = redirect(action_class_instance.next_url)
    if action_type == "delete":
        refused = pages_with_versions(pages)
        if refused:
            messages.error(
                request,
                ngettext(
                    "Nichts gelöscht: „%(titles)s“ hat veröffentlichte Fassungen. Ziehen Sie "
                    "die Seite stattdessen zurück.",
                    "Nichts gelöscht: „%(titles)s“ haben veröffentlichte Fassungen. Ziehen Sie "
                    "die Seiten stattdessen zurück.",
                    len(refused),
                )
                % {"titles": "“, „".join(page.get_admin_display_title() for page in refused)},
            )
            return back
    if action_type == "publish":
        # Each version gets its own deliberate publication (change note, approver):
        # texts are published one by one, through the editor or the workflow.
        versioned = [page for page in pages if isinstance(page.specific, VersionedPage)]
        if versioned:
            messages.error(
                request,
                gettext(
                    "Nichts veröffentlicht: Leitbild-Kapitel und Handlungshilfen werden "
                    "einzeln veröffentlicht, damit jede Fassung ihren Änderungshinweis und "
                    "ihre Freigabe erhält (betrifft: „%(titles)s“)."
                )
                % {"titles": "“, „".join(page.get_admin_display_title() for page in versioned)},
            )
            return back
    return None
