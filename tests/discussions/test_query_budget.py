"""Discussion pages cost a fixed number of queries, however long the thread or the list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discussions.notifications import POSTS_PER_PAGE
from discussions.services import reply
from tests import factories

# Page routing, privacy, the person's roles and membership, thread, posts with
# authors, organisations and groups, read marker, subscription, header links.
THREAD_QUERY_BUDGET = 30
LIST_QUERY_BUDGET = 25


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def thread_with(room, authors, posts: int):
    thread = factories.thread(room, authors[0], title=f"Thema mit {posts} Beiträgen")
    for number in range(posts - 1):
        reply(thread, authors[number % len(authors)], f"Beitrag {number}", follow=False)
    return thread


@pytest.fixture
def authors(organisation, other_organisation, moderator):
    people = [factories.member(organisation) for _ in range(3)]
    people += [factories.member(other_organisation) for _ in range(3)]
    return [*people, moderator]


@pytest.mark.django_db
def test_a_thread_with_200_posts_renders_within_a_fixed_budget(
    as_user, member, room, authors, django_assert_max_num_queries
):
    small = thread_with(room, authors, posts=5)
    large = thread_with(room, authors, posts=200)
    client = as_user(member)
    client.get(small.get_absolute_url())  # warm per-process caches
    with django_assert_max_num_queries(THREAD_QUERY_BUDGET):
        html = client.get(large.get_absolute_url()).content.decode()
    assert html.count('class="post') >= POSTS_PER_PAGE
    assert queries_for(client, small.get_absolute_url()) == queries_for(
        client, large.get_absolute_url()
    )
    # The last page of the long thread costs the same.
    last = f"{large.get_absolute_url()}?seite=4"
    with django_assert_max_num_queries(THREAD_QUERY_BUDGET):
        assert "Beitrag 198" in client.get(last).content.decode()


@pytest.mark.django_db
def test_a_moderator_sees_a_long_thread_within_the_same_budget(
    as_user, moderator, room, authors, django_assert_max_num_queries
):
    large = thread_with(room, authors, posts=200)
    client = as_user(moderator)
    client.get(large.get_absolute_url())
    with django_assert_max_num_queries(THREAD_QUERY_BUDGET):
        client.get(large.get_absolute_url())


@pytest.mark.django_db
def test_room_and_area_lists_do_not_grow_with_threads(
    as_user, member, area, room, authors, django_assert_max_num_queries
):
    for number in range(3):
        factories.thread(room, authors[number], title=f"Wenige {number}")
    client = as_user(member)
    client.get(room.url), client.get(area.url)  # warm per-process caches
    few_room, few_area = queries_for(client, room.url), queries_for(client, area.url)
    for number in range(40):
        factories.thread(room, authors[number % len(authors)], title=f"Viele {number}")
    with django_assert_max_num_queries(LIST_QUERY_BUDGET):
        client.get(room.url)
    assert queries_for(client, room.url) == few_room
    assert queries_for(client, area.url) == few_area
