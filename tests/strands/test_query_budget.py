"""Public pages cost a bounded number of queries, whatever the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

# Home, index, text page: page lookup, site, view restrictions, navigation, footer,
# the page's own relations. Generous enough for template changes, far below N+1.
PAGE_QUERY_BUDGET = 16  # 15 before the text page named its comment rounds (one query)


@pytest.fixture(autouse=True)
def render_every_time(settings):
    """Measure rendering, not the page cache (which would answer with no query)."""
    settings.PAGE_CACHE_ENABLED = False


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def principle_with_links(mission_index, guidance_index, links: int):
    principle = factories.mission_page(
        mission_index, title=f"Grundsatz mit {links} Links", body=factories.body(5, 10)
    )
    for number in range(links):
        factories.guidance_page(
            guidance_index,
            title=f"Handlungshilfe {links}-{number}",
            principles=[principle],
            tags=["Open Source", f"Thema {number}"],
        )
    return principle


@pytest.mark.django_db
def test_position_page_query_count_does_not_grow_with_links(
    client, mission_index, guidance_index, django_assert_max_num_queries
):
    few = principle_with_links(mission_index, guidance_index, links=5)
    many = principle_with_links(mission_index, guidance_index, links=30)
    assert len(many.body) == 55  # 5 headings, 50 paragraphs

    client.get(few.url)  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        many_html = client.get(many.url).content.decode()
    assert many_html.count('class="card card--handlungshilfen"') == 30
    assert queries_for(client, few.url) == queries_for(client, many.url)


@pytest.mark.django_db
def test_guidance_page_and_lists_stay_within_budget(
    client, mission_index, guidance_index, examples_index, django_assert_max_num_queries
):
    principles = [factories.mission_page(mission_index, title=f"Grundsatz {n}") for n in range(10)]
    guidance = factories.guidance_page(
        guidance_index, principles=principles, tags=[f"Thema {n}" for n in range(10)]
    )
    for number in range(20):
        factories.practice_example(examples_index, title=f"Beispiel {number}", tags=["Cloud"])
        factories.guidance_page(guidance_index, title=f"Weitere {number}", tags=["Cloud"])

    client.get("/")
    for url in [
        "/",
        "/leitbild/",
        "/handlungshilfen/",
        examples_index.url,
        guidance.url,
        "/handlungshilfen/themen/",
        "/handlungshilfen/themen/cloud/",
        "/suche/?q=Absatz",
    ]:
        with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
            assert client.get(url).status_code == 200
