"""Search across live, public content: ``/suche/?q=…[&strang=…]``."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from strands.choices import Strand
from strands.models import GuidanceIndexPage, MissionIndexPage

from .query import MAX_QUERY_LENGTH, clean_query

RESULTS_PER_PAGE = 10


def strand_roots() -> dict[str, Page]:
    """The live strand index pages by strand, to filter results."""
    roots = {}
    for model in (MissionIndexPage, GuidanceIndexPage):
        index = model.objects.live().public().only("path", "title").first()
        if index:
            roots[model.strand] = index
    return roots


@require_GET
def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    roots = strand_roots()
    strand = request.GET.get("strang", "")
    if strand not in roots:
        strand = ""

    page_obj = None
    if query:
        pages = Page.objects.live().public().exclude(depth__lte=1)
        if strand:
            pages = pages.descendant_of(roots[strand], inclusive=True)
        results = pages.specific().search(query)
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("seite"))

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "raw_query": raw_query[:MAX_QUERY_LENGTH],
            "strand": strand,
            "strand_choices": [(key, Strand(key).label) for key in roots],
            "page_obj": page_obj,
        },
    )
