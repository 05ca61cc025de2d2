"""Real Chromium (Debian's, not a downloaded build) driven by Playwright against a live server.

Where Chromium is missing the journeys are skipped, except when REQUIRE_BROWSER is
set (CI sets it): then a missing browser fails the run instead of hiding it.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Without these, Chromium tries to reach Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # The live server's thread must see committed data.
            item.add_marker(pytest.mark.django_db(transaction=True))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium fehlt unter {CHROMIUM} (Debian-Paket chromium)."
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in
    # fixtures are still synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def demo_site():
    """The demo content, committed so the live server's thread sees it."""
    call_command("load_demo", verbosity=0)


@pytest.fixture
def page(browser, live_server, demo_site):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def assert_accessible():
    """Run axe-core (shipped with axe-playwright-python, no network) for WCAG 2.1 AA."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(tab):
        results = axe.run(
            tab,
            options={
                "runOnly": {"type": "tag", "values": WCAG_21_AA},
                "resultTypes": ["violations"],
            },
        )
        violations = results.response["violations"]
        assert not violations, f"{tab.url}: " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} → "
            + ", ".join(str(node["target"]) for node in v["nodes"][:3])
            for v in violations
        )

    return check
