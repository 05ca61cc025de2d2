"""Every error a visitor can meet is a German page in the portal's layout, rendered
without database queries (it must work while the database fails, and cost nothing
when scanners request thousands of missing pages)."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal.error_urls")]


@pytest.fixture(autouse=True)
def production(settings):
    # Under DEBUG Django shows its technical pages instead; visitors meet these.
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


def csrf_refused(client):
    return Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "a@b.example"})


# Wagtail's RedirectMiddleware looks up the site and a redirect for every 404: editors
# keep moved pages reachable that way. The error page itself adds no query.
REDIRECT_LOOKUP = 2


def case(status, heading, request_page, queries=0, name=""):
    return pytest.param(status, heading, request_page, queries, id=name or str(status))


ERRORS = [
    case(400, "Ungültige Anfrage", lambda c: c.get("/", HTTP_HOST="fremd.example")),
    case(403, "Zugriff verweigert", lambda c: c.get("/test/verboten/")),
    case(403, "Formular abgelaufen", csrf_refused, name="403-csrf"),
    case(404, "Seite nicht gefunden", lambda c: c.get("/test/fehlt/"), REDIRECT_LOOKUP),
    case(405, "Aktion nicht möglich", lambda c: c.post("/healthz")),
    case(413, "Zu viele Daten", lambda c: c.post("/suche/", CONTENT_LENGTH="1000000000")),
    case(429, "Zu viele Anfragen", lambda c: c.get("/test/zu-oft/")),
    case(500, "Technischer Fehler", lambda c: c.get("/test/kaputt/")),
    case(503, "Vorübergehend nicht erreichbar", lambda c: c.get("/test/wartung/")),
]


def assert_portal_error_page(response, status: int, heading: str) -> str:
    assert response.status_code == status
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert '<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>' in html
    assert '<a class="site-brand" href="/">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f"Fehlercode {status}" in html
    return html


@pytest.mark.parametrize(("status", "heading", "request_page", "queries"), ERRORS)
def test_each_error_is_a_german_portal_page_without_queries(
    anonymous, django_assert_num_queries, status, heading, request_page, queries
):
    with django_assert_num_queries(queries):
        response = request_page(anonymous)
    assert_portal_error_page(response, status, heading)


def test_a_missing_page_of_the_page_tree_gets_the_same_page(anonymous, home):
    assert_portal_error_page(anonymous.get("/gibt-es-nicht/"), 404, "Seite nicht gefunden")


def test_the_server_error_page_names_the_request_id_for_support(anonymous):
    response = anonymous.get("/test/kaputt/", HTTP_X_REQUEST_ID="anfrage-12345678")
    html = assert_portal_error_page(response, 500, "Technischer Fehler")
    assert "anfrage-12345678" in html


def test_a_405_keeps_its_allow_header(anonymous):
    response = anonymous.post("/healthz")
    assert response["Allow"] == "GET"
    assert int(response["Content-Length"]) == len(response.content)


def test_an_error_response_with_a_body_of_its_own_is_left_alone(anonymous):
    response = anonymous.post("/api/v2/pages/")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "Kommunal souverän" not in response.content.decode()


def test_the_error_page_shows_no_account_menu_to_a_signed_in_member(as_user, member):
    client = as_user(member)
    client.raise_request_exception = False
    html = assert_portal_error_page(client.get("/test/kaputt/"), 500, "Technischer Fehler")
    assert "Abmelden" not in html
