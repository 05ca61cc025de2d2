"""An editor revises a Leitbild chapter, the approval publishes version 1.1, the public
reads it, opens version 1.0 by its permalink and compares the two."""

import re

from playwright.sync_api import expect

from demo.accounts import DEMO_ACCOUNTS
from strands.models import MissionPage
from versions.models import Version

ACCOUNTS = {account.role: account for account in DEMO_ACCOUNTS}
SLUG = "offene-standards"  # a demo chapter that has version 1.0 only
CHANGE_NOTE = "Abschnitt 1 um die Pflicht zu offenen Formaten in Ausschreibungen ergänzt."
NEW_SUMMARY = (
    "Offene Standards sichern, dass Daten und Verfahren nicht an einen Hersteller gebunden "
    "sind. Ausschreibungen verlangen deshalb offene Formate."
)


def sign_in(tab, role: str) -> None:
    """Log in with the demo account of ``role`` through the site's login, into the admin."""
    account = ACCOUNTS[role]
    tab.goto("/accounts/login/?next=/admin/")
    tab.locator("input[name=login]").fill(account.email)
    tab.locator("input[name=password]").fill(account.password)
    tab.locator("form[action^='/accounts/login/'] [type=submit]").click()
    expect(tab).to_have_url(re.compile("/admin/$"))


def footer_action(tab, name: str):
    """A button in the page editor's action menu, opening the menu first."""
    tab.get_by_role("button", name="Mehr Aktionen").click()
    return tab.get_by_role("button", name=name)


def test_editor_submits_approver_approves_public_compares(
    browser, live_server, demo_site, assert_accessible
):
    chapter = MissionPage.objects.get(slug=SLUG)
    edit_url = f"/admin/pages/{chapter.pk}/edit/"
    public_url = chapter.url
    assert [v.label for v in Version.objects.of_page(chapter)] == ["1.0"]

    def new_tab():
        context = browser.new_context(base_url=live_server.url, locale="de-DE")
        context.set_default_timeout(15_000)
        return context.new_page()

    # The editor drafts the change, says what changed and submits it.
    editor = new_tab()
    sign_in(editor, "Redaktion Leitbild")
    editor.goto(edit_url)
    expect(editor.get_by_role("button", name="Veröffentlichen")).to_have_count(0)
    editor.locator("#id_summary").fill(NEW_SUMMARY)
    editor.locator("#id_change_note").fill(CHANGE_NOTE)
    footer_action(editor, re.compile("einreichen")).click()
    expect(editor.locator(".messages")).to_contain_text("eingereicht")

    # The strand's editors review it (here the same editor), then approval is due.
    editor.goto(edit_url)
    footer_action(editor, "Freigeben").click()
    expect(editor.locator(".messages")).to_contain_text("wurde aktualisiert")
    editor.context.close()
    assert MissionPage.objects.get(pk=chapter.pk).current_workflow_task.name == "Freigabe"
    assert [v.label for v in Version.objects.of_page(chapter)] == ["1.0"]

    approver = new_tab()
    sign_in(approver, "Freigabe")
    approver.goto(edit_url)
    footer_action(approver, "Freigeben").click()
    expect(approver.locator(".messages")).to_contain_text("wurde aktualisiert")
    approver.context.close()
    assert [v.label for v in Version.objects.of_page(chapter).newest_first()] == ["1.1", "1.0"]

    # The public sees version 1.1 …
    public = new_tab()
    public.goto(public_url)
    expect(public.locator(".lead")).to_have_text(NEW_SUMMARY)
    expect(public.locator(".version-meta")).to_contain_text("Fassung 1.1 vom")
    public.get_by_role("link", name="Alle Fassungen und Änderungen").click()
    expect(public.get_by_role("heading", level=1)).to_have_text(
        "Fassungen: Offene Standards als Grundlage"
    )
    expect(public.locator(".version-table")).to_contain_text(CHANGE_NOTE)
    assert_accessible(public)

    # … opens 1.0 by its permalink …
    public.goto(f"{public_url}fassungen/1.0/")
    expect(public.locator(".version-notice")).to_contain_text("Historische Fassung")
    expect(public.locator(".lead")).not_to_have_text(NEW_SUMMARY)
    expect(public.locator(".citation")).to_contain_text("SHA-256")
    assert_accessible(public)

    # … and compares the two.
    public.get_by_role("link", name="Änderungen bis zur aktuellen Fassung anzeigen").click()
    expect(public).to_have_url(re.compile("/fassungen/1.0/vergleich/1.1/$"))
    expect(public.get_by_role("heading", level=1)).to_have_text(
        "Vergleich: Fassung 1.0 und Fassung 1.1"
    )
    changed = public.locator(".diff-fields")
    expect(changed.locator("ins").last).to_contain_text("offene Formate")
    expect(public.locator(".diff-summary")).to_contain_text(CHANGE_NOTE)
    assert_accessible(public)

    # The comparison form works without JavaScript, too.
    public.goto(f"{public_url}fassungen/")
    public.get_by_label("Von Fassung").select_option("1.0")
    public.get_by_label("Bis Fassung").select_option("1.1")
    public.get_by_role("button", name="Vergleichen").click()
    expect(public).to_have_url(re.compile("/fassungen/1.0/vergleich/1.1/$"))
    public.context.close()
