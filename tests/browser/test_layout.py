"""Every public and account page fits a desktop and a phone screen.

Two checks that catch squeezed layouts a reader sees at once: no main heading
breaks inside a word, and no page is wider than the window (which would mean
scrolling sideways). Each page is also saved as a full-page screenshot under
``var/screenshots/<width>/<name>.png`` for a person to look at.
"""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .helpers import demo_account, log_in

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
WIDTHS = {1280: 900, 390: 844}

# name → path, as a logged-out visitor sees them.
PUBLIC_PAGES = {
    "home": "/",
    "leitbild": "/leitbild/",
    "leitbild-kapitel": "/leitbild/open-source-zuerst/",
    "handlungshilfen": "/handlungshilfen/",
    "handlungshilfe": "/handlungshilfen/vergabe-open-source/",
    "themen": "/handlungshilfen/themen/",
    "thema": "/handlungshilfen/themen/beschaffung/",
    "praxisbeispiele": "/handlungshilfen/beispiele/",
    "praxisbeispiel": "/handlungshilfen/beispiele/musterhausen-freie-buerosoftware/",
    "fassungen": "/leitbild/open-source-zuerst/fassungen/",
    "fassung": "/leitbild/open-source-zuerst/fassungen/1.0/",
    "fassungen-vergleich": "/leitbild/open-source-zuerst/fassungen/1.1/vergleich/2.0/",
    "suche": "/suche/?q=Vergabe",
    "kommentierungen": "/kommentierungen/",
    "abwaegungstabelle": None,  # the released round of the demo, found below
    "impressum": "/impressum/",
    "datenschutz": "/datenschutz/",
    "leichte-sprache": "/leichte-sprache/",
    "barrierefreiheit": "/barrierefreiheit/",
    "diskussion-abgemeldet": "/diskussion/",
    "anmelden": "/accounts/login/",
    "registrieren": "/accounts/signup/",
    "passwort-vergessen": "/accounts/password/reset/",
    "email-bestaetigen": "/accounts/confirm-email/",
}
MEMBER_PAGES = {
    "mein-konto": "/accounts/konto/",
}

# For every word of every h1, the distinct line tops its glyphs sit on: a word
# broken across lines has rectangles on two lines. Hyphenated compounds may break
# after their hyphen, so "Open-Source-" and "Strategie" count as two words.
HEADING_WORDS_BROKEN = """
() => {
  const broken = [];
  for (const heading of document.querySelectorAll("h1")) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-\\u2010\\u00ad]+[\\-\\u2010\\u00ad]?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set();
        for (const rect of range.getClientRects()) {
          if (rect.width > 0) tops.add(Math.round(rect.top));
        }
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}
"""
PAGE_WIDTH = "[document.documentElement.scrollWidth, window.innerWidth]"


def _released_disposition_path() -> str:
    from rounds.models import CommentRound

    released = CommentRound.objects.filter(released_at__isnull=False).first()
    if released is None:
        pytest.fail("Die Demo-Inhalte enthalten keine veröffentlichte Abwägungstabelle.")
    return f"{released.page.url}kommentierung/{released.pk}/"


def _check(tab, width: int, name: str, problems: list[str]) -> None:
    folder = SCREENSHOTS / str(width)
    folder.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    broken = tab.evaluate(HEADING_WORDS_BROKEN)
    if broken:
        problems.append(f"{width} px, {name} ({tab.url}): Überschrift bricht im Wort {broken}")
    scroll_width, inner_width = tab.evaluate(PAGE_WIDTH)
    if scroll_width > inner_width:
        problems.append(
            f"{width} px, {name} ({tab.url}): Seite ist {scroll_width} px breit, "
            f"das Fenster {inner_width} px"
        )


def test_no_page_is_wider_than_the_screen_and_no_main_heading_breaks_inside_a_word(
    browser, live_server, demo_site
):
    pages = {**PUBLIC_PAGES, "abwaegungstabelle": _released_disposition_path()}
    member = demo_account("Mitglied")
    problems: list[str] = []
    # One demo load and one browser context per width (not the per-test ``page``
    # fixture): all pages are visited in one test, and every problem is reported
    # at the end, after all screenshots are saved.
    for width, height in WIDTHS.items():
        context = browser.new_context(
            base_url=live_server.url, locale="de-DE", viewport={"width": width, "height": height}
        )
        context.set_default_timeout(10_000)
        tab = context.new_page()
        try:
            for name, path in pages.items():
                response = tab.goto(path)
                assert response is not None, path
                assert response.ok, f"{path}: {response.status}"
                _check(tab, width, name, problems)
            log_in(tab, member.email, member.password)
            expect(tab.get_by_role("heading", level=1)).to_be_visible()
            for name, path in MEMBER_PAGES.items():
                tab.goto(path)
                expect(tab.get_by_role("heading", level=1)).to_be_visible()
                _check(tab, width, name, problems)
        finally:
            context.close()
    assert not problems, "\n".join(problems)
