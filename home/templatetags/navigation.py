"""Site-wide navigation: the header menu and the footer's legal links."""

from django import template
from wagtail.models import Page

from legal.models import AccessibilityPage, LegalPage

register = template.Library()


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Top-level pages marked "in menus", plus search."""
    request = context.get("request")
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = list(Page.objects.live().public().in_menu().filter(depth=3).order_by("path"))
    for item in items:
        item.is_current = current_path.startswith(item.path)
    return {"request": request, "items": items}


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context):
    """Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache: on every page."""
    pages = (
        Page.objects.live()
        .public()
        .type(LegalPage, AccessibilityPage)
        .filter(depth=3)
        .order_by("path")
    )
    return {"request": context.get("request"), "pages": pages}
