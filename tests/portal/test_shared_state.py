"""State that all processes of one installation share: the page cache and the rate limits.

Two gunicorn workers and management commands run as real processes against one
SQLite database, once with the embedded default (no REDIS_URL) and once with Redis.
A change made in one process must reach every other at once.
"""

import http.cookiejar
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from tests.processes import Server, installation_env, manage, shell

pytestmark = pytest.mark.processes
REQUESTS = 20


def redis_answers() -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.fixture(scope="module", params=["embedded", "redis"])
def installation(request, installation_folder):
    extra = {"CACHE_DIR": str(installation_folder / f"cache-{request.param}")}
    if request.param == "redis":
        if not redis_answers():
            if os.environ.get("CI"):
                pytest.fail("Redis auf 127.0.0.1:6379 fehlt, in CI ist es Pflicht.")
            pytest.skip("Redis auf 127.0.0.1:6379 antwortet nicht.")
        extra["REDIS_URL"] = f"redis://127.0.0.1:6379/{os.getpid() % 15 + 1}"
    env = installation_env(installation_folder, **extra)
    if request.param == "redis":
        shell(env, "from django.core.cache import caches; caches['default'].clear()")
    server = Server(env).start()
    yield server
    server.stop()


def new_principle(server: Server) -> tuple[str, str]:
    """A published Leitbild page with a unique phrase in its text; its URL and the phrase."""
    phrase = f"Grundsatz-{uuid.uuid4().hex[:10]}"
    output = shell(
        server.env,
        "from strands.models import MissionIndexPage\n"
        "from tests import factories\n"
        f"page = factories.mission_page(MissionIndexPage.objects.get(), title='{phrase}',"
        f" body=factories.body(prefix='{phrase}'))\n"
        "print('URL', page.url)\n",
    )
    return re.search(r"URL (\S+)", output).group(1), phrase


def warm(server: Server, path: str, phrase: str) -> None:
    """Enough reads that both workers hold the page in whatever cache they use."""
    bodies = [server.get(path)[2] for _ in range(REQUESTS)]
    assert all(phrase in body for body in bodies)


def responses_with(server: Server, path: str, phrase: str) -> int:
    return sum(phrase in server.get(path)[2] for _ in range(REQUESTS))


def test_a_page_unpublished_by_a_command_leaves_every_workers_cache(installation):
    path, phrase = new_principle(installation)
    warm(installation, path, phrase)
    assert installation.get(path)[1].get("X-Cache") == "HIT"

    shell(
        installation.env,
        f"from wagtail.models import Page; Page.objects.get(url_path__endswith='{path}')"
        ".specific.unpublish()",
    )
    assert responses_with(installation, path, phrase) == 0
    assert responses_with(installation, "/leitbild/", phrase) == 0


def test_a_page_restricted_to_members_leaves_every_workers_cache(installation):
    path, phrase = new_principle(installation)
    warm(installation, path, phrase)

    shell(
        installation.env,
        "from wagtail.models import Page, PageViewRestriction\n"
        f"page = Page.objects.get(url_path__endswith='{path}')\n"
        "PageViewRestriction.objects.create(page=page, restriction_type='login')\n",
    )
    assert responses_with(installation, path, phrase) == 0


def test_an_expired_page_leaves_every_workers_cache(installation):
    path, phrase = new_principle(installation)
    warm(installation, path, phrase)

    shell(
        installation.env,
        "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        "from wagtail.models import Page\n"
        f"Page.objects.filter(url_path__endswith='{path}')"
        ".update(expire_at=timezone.now() - timedelta(minutes=1))\n",
    )
    manage(installation.env, "publish_scheduled")
    assert responses_with(installation, path, phrase) == 0


class Browser:
    """A visitor with cookies, posting forms with their CSRF token."""

    def __init__(self, server: Server):
        self.server = server
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def post_form(self, path: str, data: dict) -> str:
        url = self.server.base + path
        page = self.opener.open(url, timeout=20).read().decode()  # noqa: S310
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310
        try:
            return self.opener.open(request, timeout=20).read().decode()  # noqa: S310
        except urllib.error.HTTPError as error:
            return error.read().decode()


def test_failed_logins_are_counted_across_workers(installation):
    email = f"ziel-{uuid.uuid4().hex[:8]}@musterhausen.example"
    shell(
        installation.env,
        "from django.contrib.auth import get_user_model\n"
        f"get_user_model().objects.create_user('{email}', '{email}', 'richtig-und-lang-42')\n",
    )
    answers = [
        Browser(installation).post_form("/accounts/login/", {"login": email, "password": "falsch"})
        for _ in range(10)
    ]
    blocked = sum("Zu viele fehlgeschlagene Anmeldeversuche" in answer for answer in answers)
    # allauth allows five failures per account in five minutes, whichever worker answers.
    assert blocked == 5
