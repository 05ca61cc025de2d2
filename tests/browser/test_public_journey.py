"""A member of the public reads both strands, searches and browses by topic."""

import re

from playwright.sync_api import expect


def test_visitor_reads_leitbild_follows_guidance_searches_and_opens_a_topic(
    page, assert_accessible
):
    page.goto("/")
    expect(page).to_have_title(re.compile("Kommunal souverän"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    assert_accessible(page)

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Leitbild"
    ).click()
    expect(page).to_have_url(re.compile("/leitbild/$"))
    assert_accessible(page)

    page.get_by_role("link", name="Open Source zuerst").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open Source zuerst")
    expect(page.locator(".paragraph__number").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Schritt für Schritt zur Open-Source-Strategie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Schritt für Schritt zur Open-Source-Strategie"
    )
    expect(page.get_by_text("Setzt diese Grundsätze des Leitbilds um")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Suche").click()
    page.get_by_label("Suchbegriff").fill("Vergabe")
    page.get_by_role("button", name="Suchen").click()
    result = page.get_by_role("link", name="Open-Source-Software beschaffen: Hinweise zur Vergabe")
    expect(result).to_be_visible()
    assert_accessible(page)

    result.click()
    page.get_by_role("region", name="Themen").get_by_role("link", name="Beschaffung").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beschaffung")
    expect(page.get_by_role("heading", name="Gute Beispiele")).to_be_visible()
    assert_accessible(page)


def test_skip_link_leads_keyboard_users_to_the_main_content(page, assert_accessible):
    page.goto("/leitbild/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhalt")).to_be_focused()
    # The next Tab stop is inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_legal_pages_are_reachable_from_every_page_and_accessible(page, assert_accessible):
    page.goto("/handlungshilfen/")
    footer = page.get_by_role("navigation", name="Rechtliches und Barrierefreiheit")
    for name in ["Impressum", "Datenschutzerklärung", "Leichte Sprache"]:
        expect(footer.get_by_role("link", name=name)).to_be_visible()
    footer.get_by_role("link", name="Erklärung zur Barrierefreiheit").click()
    expect(page.get_by_role("heading", name="Barriere melden")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Rückmeldung senden").click()
    expect(page.get_by_role("alert").first).to_contain_text("Dieses Feld muss ausgefüllt werden.")
    assert_accessible(page)


def test_accessibility_check_catches_a_violation(page, assert_accessible):
    """The axe check is real: an image without alternative text fails it."""
    page.goto("/impressum/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')"
    )
    try:
        assert_accessible(page)
    except AssertionError as error:
        assert "image-alt" in str(error)
    else:
        raise AssertionError("axe did not report the missing alternative text")


def test_visitor_finds_the_running_rounds_and_a_released_table(page, assert_accessible):
    page.goto("/")
    page.get_by_role("link", name="Alle Kommentierungsrunden").click()
    expect(page).to_have_url(re.compile("/kommentierungen/$"))
    expect(page.get_by_role("heading", name="Laufende Runden")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Abwägungstabelle: ")).first.click()
    expect(page.get_by_text("Abwägungstabelle", exact=True).first).to_be_visible()
    assert_accessible(page)
