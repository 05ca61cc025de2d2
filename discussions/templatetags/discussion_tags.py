"""Links into the discussion area, shown only to people who may enter it."""

from django import template

from members.identity import person_name

from .. import permissions
from ..models import DiscussionIndexPage, DiscussionRoomPage
from ..rendering import render_post

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion_area_link(context) -> dict | None:
    """For the header: the area's address, if the current person may enter it."""
    request = context.get("request")
    if request is None or not permissions.can_view(request.user):
        return None
    area = DiscussionIndexPage.objects.live().only("url_path", "path", "title").first()
    if area is None:
        return None
    url = area.get_url(request)
    return {"url": url, "title": area.title, "current": request.path.startswith(url or "-")}


@register.inclusion_tag("discussions/_text_discussion_links.html", takes_context=True)
def discussion_links(context, page) -> dict:
    """ "Diskussion zu diesem Text" on Leitbild and Handlungshilfen pages, for members."""
    request = context.get("request")
    rooms = []
    if request is not None and permissions.can_view(request.user):
        rooms = list(DiscussionRoomPage.objects.live().filter(related_page=page).order_by("path"))
    return {"rooms": rooms, "request": request}


@register.filter
def post_html(text: str):
    return render_post(text)


@register.filter
def author_name(user) -> str:
    return person_name(user)


@register.simple_tag
def can_read_post(user, post) -> bool:
    return permissions.can_read_post_text(user, post)


@register.simple_tag
def can_report_post(user, post) -> bool:
    return permissions.can_report(user, post)


@register.simple_tag
def can_quote_post(user, post) -> bool:
    return permissions.can_quote(user, post)
