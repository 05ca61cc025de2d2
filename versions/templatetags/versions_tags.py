from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def version_url(context, page, version, route: str = "version", absolute: bool = False) -> str:
    """URL of a version route of ``page`` (``version``, ``version_markdown``)."""
    request = context["request"]
    base_url = page.relative_url(Site.find_for_request(request), request)
    url = base_url + page.reverse_subpage(route, kwargs={"label": version.label}).lstrip("/")
    return request.build_absolute_uri(url) if absolute else url


@register.simple_tag(takes_context=True)
def compare_url(context, page, old, new) -> str:
    """URL of the comparison of two versions of ``page``."""
    request = context["request"]
    base_url = page.relative_url(Site.find_for_request(request), request)
    route = page.reverse_subpage("version_compare", kwargs={"old": old.label, "new": new.label})
    return base_url + route.lstrip("/")


@register.filter
def notes_for(notes: dict, row) -> list:
    """The notes other apps registered for the paragraph of a comparison row."""
    block = row.new or row.old
    return notes.get(block.id, []) if notes else []
