"""The open-data API answers bad input with a 4xx and a message, never with a 500."""

import pytest

from tests import factories

API = "/api/v2/pages/"

# Input the full-text engine or the database cannot take: each gets a German message.
REFUSED_WITH_GERMAN_MESSAGE = [
    pytest.param({"search": '"'}, "Suchbegriff", id="search-quote"),
    pytest.param({"search": "\x00"}, "Suchbegriff", id="search-nul"),
    pytest.param({"search": 'a AND OR NOT ("'}, "Suchbegriff", id="search-syntax"),
    pytest.param({"search": "x" * 201}, "Suchbegriff", id="search-too-long"),
    pytest.param({"search": "open", "search_operator": "xyz"}, "search_operator", id="operator"),
    pytest.param({"offset": "100000000000000000000"}, "offset", id="offset-huge"),
    pytest.param({"offset": "-5"}, "offset", id="offset-negative"),
    pytest.param({"offset": "abc"}, "offset", id="offset-not-a-number"),
    pytest.param({"limit": "-1"}, "limit", id="limit-negative"),
    pytest.param({"limit": "abc"}, "limit", id="limit-not-a-number"),
    pytest.param({"limit": "100000000000000000000"}, "limit", id="limit-huge"),
    pytest.param({"first_published_at": "abc"}, "first_published_at", id="date-filter"),
]

# Wagtail refuses these itself (with its own English message); they must stay 4xx.
REFUSED = [
    {"order": "xyz"},
    {"order": "\x00"},
    {"fields": "nonexistent"},
    {"fields": "\x00"},
    {"type": "nope.Nope"},
    {"type": "\x00"},
    {"child_of": "abc"},
    {"child_of": "100000000000000000000"},
    {"descendant_of": "100000000000000000000"},
    {"ancestor_of": "100000000000000000000"},
    {"id": "abc"},
    {"title": "\x00"},
    {"slug": "\x00"},
    {"locale": "\x00"},
    {"show_in_menus": "abc"},
    {"last_published_at": "\x00"},
    {"rich_text_format": "xyz"},
    {"unknown": "1"},
]


@pytest.fixture
def page(mission_index):
    return factories.mission_page(mission_index, title="Offene Software")


@pytest.mark.django_db
@pytest.mark.parametrize(("params", "named"), REFUSED_WITH_GERMAN_MESSAGE)
def test_bad_input_gets_400_with_a_german_message(client, page, params, named):
    response = client.get(API, params)
    assert response.status_code == 400
    message = response.json()["message"]
    assert named in message
    assert any(word in message for word in ("darf", "muss", "kennt", "Ungültig"))


@pytest.mark.django_db
@pytest.mark.parametrize("params", REFUSED, ids=lambda params: repr(params))
def test_other_bad_input_is_refused_not_a_server_error(client, page, params):
    response = client.get(API, params)
    assert 400 <= response.status_code < 500
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["100000000000000000000", "-100000000000000000000"])
def test_an_id_beyond_any_database_integer_finds_nothing(client, page, value):
    response = client.get(API, {"id": value})
    assert response.status_code in (200, 400)
    assert response.json().get("items", []) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        f"{API}100000000000000000000/",
        f"{API}find/?id=1e99",
        f"{API}find/?id=100000000000000000000",
        f"{API}find/?html_path=%00",
        f"{API}find/?html_path=leitbild/%00/",
    ],
)
def test_detail_and_find_answer_404_for_what_names_no_page(client, page, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("operator", ["and", "or"])
def test_plain_words_still_search_with_either_operator(client, page, operator):
    response = client.get(API, {"search": "Offene Software", "search_operator": operator})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Offene Software"]


@pytest.mark.django_db
def test_offset_and_limit_within_bounds_still_page(client, page):
    response = client.get(API, {"offset": "1", "limit": "1", "type": "strands.MissionPage"})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 1
    assert response.json()["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("terms", ["Offene-Software", "Software (offen)", "a AND OR NOT", "e.V."])
def test_ordinary_punctuation_and_operator_words_are_searched_not_refused(client, page, terms):
    response = client.get(API, {"search": terms})
    assert response.status_code == 200
