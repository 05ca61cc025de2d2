"""Site-wide navigation: the header menu and the footer's legal links."""

from django import template

from home.navigation import site_navigation

register = template.Library()


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Top-level pages marked "in menus", plus search; the current section is marked."""
    current_path = getattr(context.get("page"), "path", "")

    def aria_current(link):
        if current_path == link.path:
            return "page"
        return "true" if current_path.startswith(link.path) else ""

    menu = site_navigation(context.get("request")).menu
    return {"items": [(link, aria_current(link)) for link in menu]}


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context):
    """Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache: on every page."""
    return {"links": site_navigation(context.get("request")).footer}
