"""Security headers: the strict public policy, the admin policy, and the production
cookies (HSTS is tested with the production profile, too)."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from strands.models import MissionPage
from tests import factories
from tests.portal.test_operations import run_manage

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "kommunal-souveraen.example",
}
COOKIE_SETTINGS = [
    f"{cookie}_COOKIE_{attribute}"
    for cookie in ("SESSION", "CSRF")
    for attribute in ("NAME", "SECURE", "DOMAIN", "PATH")
]
PRINT_COOKIE_SETTINGS = (
    "import json; from django.conf import settings; "
    f"print(json.dumps({{name: getattr(settings, name) for name in {COOKIE_SETTINGS!r}}}))"
)


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def assert_strict_public_policy(response):
    policy = directives(response)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


def assert_admin_policy(response, frame_ancestors="'none'"):
    policy = directives(response)
    # Wagtail's widgets need inline scripts (tests/browser/test_admin_csp.py), nothing more.
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-src"] == "'self'"
    assert policy["frame-ancestors"] == frame_ancestors
    assert policy["object-src"] == "'none'"
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/leitbild/", "/suche/?q=open", "/barrierefreiheit/", "/accounts/login/"]
)
def test_public_pages_send_a_strict_policy(client, home, path):
    first = client.get(path)
    cached = client.get(path)  # a cached copy carries the same headers
    for response in (first, cached):
        assert_strict_public_policy(response)
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_editors_get_the_strict_policy_with_the_userbar(as_user, superuser, mission_index):
    chapter = factories.mission_page(mission_index)
    response = as_user(superuser).get(chapter.url)
    assert "wagtail-userbar" in response.content.decode()
    assert_strict_public_policy(response)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/leitbild/", "/barrierefreiheit/", "/accounts/login/"])
def test_templates_contain_no_inline_script_or_style(client, home, path):
    html = client.get(path).content.decode()
    assert "<script>" not in html and "onclick=" not in html
    assert "<style" not in html and "style=" not in html


@pytest.mark.django_db
def test_admin_login_sends_the_admin_policy(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert_admin_policy(response)


@pytest.mark.django_db
def test_admin_sends_the_admin_policy(as_user, superuser):
    response = as_user(superuser).get("/admin/")
    assert response.status_code == 200
    assert_admin_policy(response)


@pytest.mark.django_db
def test_revision_preview_sends_the_admin_policy_not_the_public_one(
    as_user, superuser, mission_index
):
    # Wagtail renders the preview through the middleware again, with a dummy request
    # for the page's public URL; the admin request must still decide the policy.
    chapter = factories.mission_page(mission_index)
    revision = chapter.latest_revision
    response = as_user(superuser).get(f"/admin/pages/{chapter.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200
    assert_admin_policy(response)


@pytest.mark.django_db
def test_previews_for_the_side_panel_may_be_framed_by_the_admin(as_user, superuser):
    paragraph = MissionPage._meta.get_field("body").stream_block.child_blocks["paragraph"]
    response = as_user(superuser).get(f"/admin/block-preview/?id={paragraph.definition_prefix}")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert_admin_policy(response, frame_ancestors="'self'")


def test_production_sends_hsts(settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = False
    response = Client().get("/healthz", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.fixture(scope="module")
def production_cookie_settings():
    """The cookie settings of the production profile, loaded as a server loads them."""
    result = run_manage("shell", "--no-imports", "-c", PRINT_COOKIE_SETTINGS, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_carry_the_host_prefix(production_cookie_settings):
    # "__Host-" makes browsers refuse the cookie unless it is Secure, for Path=/ and
    # without Domain: no subdomain and no plain-HTTP page can set or overwrite it.
    assert production_cookie_settings == {
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_DOMAIN": None,
        "SESSION_COOKIE_PATH": "/",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_DOMAIN": None,
        "CSRF_COOKIE_PATH": "/",
    }


@pytest.mark.django_db
def test_login_with_production_cookies_sets_valid_host_cookies(
    settings, production_cookie_settings, home
):
    for name, value in production_cookie_settings.items():
        setattr(settings, name, value)
    person = factories.user("redaktion@staedtetag.example")
    client = Client(enforce_csrf_checks=True)

    form = client.get("/accounts/login/", secure=True)
    csrf_cookie = form.cookies["__Host-csrftoken"]
    response = client.post(
        "/accounts/login/",
        {"login": person.email, "password": factories.PASSWORD},
        secure=True,
        headers={"X-CSRFToken": csrf_cookie.value, "Referer": "https://testserver/"},
    )

    assert response.status_code == 302
    session_cookie = response.cookies["__Host-sessionid"]
    for cookie in (csrf_cookie, session_cookie):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
    assert client.get(reverse("members:account"), secure=True).status_code == 200
