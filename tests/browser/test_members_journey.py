"""A municipal employee signs up, becomes a member by their work address and discusses;
a registered non-member and an anonymous visitor are turned away. Every page is checked
with axe-core (WCAG 2.1 AA) and works without JavaScript."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.helpers import demo_account, log_in

PASSWORD = "Ein-sicheres-Passwort-2020"


@pytest.fixture
def no_javascript(browser, live_server, demo_site):
    """A tab with JavaScript switched off: everything must still work."""
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_an_employee_signs_up_becomes_a_member_and_discusses(page, assert_accessible):
    mail.outbox.clear()
    page.goto("/")
    page.get_by_role("navigation", name="Benutzerkonto").get_by_role(
        "link", name="Registrieren"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrieren")
    assert_accessible(page)

    page.get_by_label("E-Mail").fill("maria.schulz@musterhausen.example")
    page.get_by_label("Vorname").fill("Maria")
    page.get_by_label("Nachname").fill("Schulz")
    page.get_by_label(re.compile(r"^Passwort \*")).fill(PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(PASSWORD)
    page.get_by_role("button", name="Registrieren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bitte bestätigen Sie Ihre E-Mail-Adresse"
    )
    assert_accessible(page)

    [message] = mail.outbox
    assert message.to == ["maria.schulz@musterhausen.example"]
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+/)", message.body).group(1)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("E-Mail-Adresse bestätigen")
    assert_accessible(page)
    page.get_by_role("button", name="E-Mail-Adresse bestätigen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Konto")
    expect(page.get_by_text("Sie sind Mitglied für Stadt Musterhausen")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Benutzerkonto").get_by_role(
        "link", name="Diskussion"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Diskussion")
    assert_accessible(page)

    page.get_by_role("link", name="Open Source in der Praxis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open Source in der Praxis")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Umstieg auf freie Bürosoftware")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Umstieg auf freie Bürosoftware")
    expect(page.get_by_text("Landkreis Beispielkreis").first).to_be_visible()
    assert_accessible(page)

    # Empty: a clear message, nothing posted.
    page.get_by_role("button", name="Antwort veröffentlichen").click()
    expect(page.get_by_text("Bitte schreiben Sie einen Text.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Ihre Antwort").fill(
        "Wir in Musterhausen binden die Fachverfahren über ODF-Vorlagen an.\n\n"
        "Mehr dazu: https://www.musterhausen.example/digital"
    )
    page.get_by_role("button", name="Antwort veröffentlichen").click()
    expect(page.get_by_text("Ihre Antwort ist veröffentlicht.")).to_be_visible()
    reply = page.locator(".post").last
    expect(reply).to_contain_text("Maria Schulz")
    expect(reply).to_contain_text("Stadt Musterhausen")
    expect(
        reply.get_by_role("link", name="https://www.musterhausen.example/digital")
    ).to_be_visible()
    assert_accessible(page)

    # The author and followers of the thread were told by e-mail.
    recipients = sorted(address for sent in mail.outbox[1:] for address in sent.to)
    assert "s.neumann@musterhausen.example" in recipients
    assert "maria.schulz@musterhausen.example" not in recipients


def test_a_member_opens_a_thread_without_javascript(no_javascript, assert_accessible):
    page = no_javascript
    member = demo_account("Mitglied")
    log_in(page, member.email, member.password)
    page.goto("/diskussion/personal/")
    page.get_by_role("link", name="Neues Thema eröffnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neues Thema eröffnen")
    page.get_by_label("Titel des Themas").fill("Mentoring für neue Kolleginnen")
    page.get_by_label("Ihr Beitrag").fill("Wer hat ein Mentoring-Programm für die IT?")
    page.get_by_role("button", name="Thema eröffnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mentoring für neue Kolleginnen")
    expect(page.get_by_text("Stefan Neumann", exact=True)).to_be_visible()

    page.get_by_role("link", name="Zitieren (Beitrag von Stefan Neumann)").click()
    expect(page.get_by_label("Ihre Antwort")).to_have_value(
        re.compile(r"^Stefan Neumann \(Stadt Musterhausen\) schrieb:\n> Wer hat")
    )


def test_a_registered_non_member_is_turned_away(page, assert_accessible):
    registered = demo_account("Registriert, kein Mitglied")
    log_in(page, registered.email, registered.password)
    menu = page.get_by_role("navigation", name="Benutzerkonto")
    expect(menu.get_by_role("link", name="Mein Konto")).to_be_visible()
    expect(menu.get_by_role("link", name="Diskussion")).to_have_count(0)

    page.goto("/diskussion/open-source-praxis/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nur für Mitglieder")
    expect(page.get_by_role("heading", name="So werden Sie Mitglied")).to_be_visible()
    expect(page.get_by_text("Umstieg auf freie Bürosoftware")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Mein Konto").first.click()
    expect(page.get_by_role("heading", name="Mitgliedschaft beantragen")).to_be_visible()
    assert_accessible(page)


def test_anonymous_visitors_are_sent_to_the_login(page, assert_accessible):
    page.goto("/diskussion/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/diskussion/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmelden")
    assert_accessible(page)

    member = demo_account("Mitglied")
    page.get_by_label("E-Mail").fill(member.email)
    page.get_by_label(re.compile(r"^Passwort \*")).fill(member.password)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/diskussion/$"))


def test_a_moderator_hides_a_reported_post(page, assert_accessible):
    moderator = demo_account("Moderation")
    log_in(page, moderator.email, moderator.password)
    page.goto("/diskussion/beschaffung/")
    page.get_by_role("link", name=re.compile("Produktneutrale Ausschreibung")).click()
    advert = page.locator(".post", has_text="Beratungsbüro")
    advert.get_by_role("button", name="Ausblenden").click()
    expect(page.get_by_text("Der Beitrag ist ausgeblendet.")).to_be_visible()
    advert = page.locator(".post--hidden", has_text="Beratungsbüro")
    expect(advert).to_contain_text("Dieser Beitrag wurde vom Moderationsteam ausgeblendet.")
    expect(advert.get_by_role("button", name="Wieder einblenden")).to_be_visible()
    assert_accessible(page)
