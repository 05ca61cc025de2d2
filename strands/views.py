"""Admin pages of the strands: the editors' guide that Wagtail's help menu links to."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The German editor guide, in place of Wagtail's English one on guide.wagtail.org."""

    page_title = _("Redaktionshandbuch")
    header_icon = "help"
    template_name = "strands/admin/editor_guide.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
