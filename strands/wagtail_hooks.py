"""Admin help: Wagtail's help menu and dashboard point at our German editor guide.

Wagtail 8 has no setting for its editor guide address: the help menu items, the
dashboard's account box and the content-checks dialog link guide.wagtail.org (in
English) directly. The menu is changed here; the two templates are overridden under
templates/wagtailadmin/.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import EditorGuideView

# Wagtail's own help items that lead to guide.wagtail.org.
WAGTAIL_GUIDE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("redaktionshandbuch/", EditorGuideView.as_view(), name="editor_guide")]


@hooks.register("construct_help_menu")
def replace_wagtail_guide_with_ours(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_GUIDE_ITEMS)]
    menu_items.append(
        MenuItem(
            _("Redaktionshandbuch"),
            reverse("editor_guide"),
            name="redaktionshandbuch",
            icon_name="help",
            order=1100,
        )
    )
