"""A member comments on a paragraph with a quoted passage; the editors answer and release;
the public reads the disposition table and sees the decision beside the changed paragraph
in the diff of the next version. axe-core checks every page on the way."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from rounds.models import Comment, CommentRound
from strands.models import MissionPage
from tests.browser.helpers import demo_account, log_in
from versions.models import Version

QUOTE = "Rolle in der digitalen Welt"


def test_comment_answer_release_and_trace_to_the_next_version(
    browser, live_server, page, assert_accessible
):
    comment_round = CommentRound.objects.open().get(page__slug="grundsaetze")
    member = demo_account("Mitglied")
    log_in(page, member.email, member.password)

    page.goto("/")
    page.get_by_role("region", name="Offene Kommentierungsrunden für Sie").get_by_role(
        "link"
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Digitale Souveränität")
    assert_accessible(page)

    # Selecting a passage offers it as the quote of that paragraph's form (JavaScript).
    paragraph = page.locator(".paragraph", has_text=QUOTE).first
    paragraph.evaluate(
        """(element, quote) => {
            const content = element.querySelector('.paragraph__content');
            const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode()) && !node.textContent.includes(quote)) {}
            const start = node.textContent.indexOf(quote);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + quote.length);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
            document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        QUOTE,
    )
    form = paragraph.locator("details.comment-form")
    expect(form.get_by_label("Zitierte Stelle (optional)")).to_have_value(QUOTE)
    form.get_by_label("Ihr Kommentar").fill("Bitte „Rolle“ genauer fassen: Welche Rolle?")
    form.get_by_role("button", name="Kommentar absenden").click()
    expect(page.get_by_text("Danke, Ihr Kommentar ist eingegangen.")).to_be_visible()
    expect(page.get_by_text("Bitte „Rolle“ genauer fassen: Welche Rolle?")).to_be_visible()
    assert_accessible(page)
    comment = Comment.objects.get(text__startswith="Bitte „Rolle“")
    assert comment.quote == QUOTE

    # The round ends; the Leitbild editors answer and release the disposition table.
    CommentRound.objects.filter(pk=comment_round.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    editors = browser.new_context(base_url=live_server.url, locale="de-DE")
    editor_tab = editors.new_page()
    editor = demo_account("Redaktion Leitbild")
    log_in(editor_tab, editor.email, editor.password)
    editor_tab.goto(f"/admin/kommentierung/{comment_round.pk}/auswertung/")
    editor_tab.locator(f"#e-{comment.pk}").select_option("angenommen")
    editor_tab.locator(f"#a-{comment.pk}").fill("Übernommen: Absatz präzisiert.")
    editor_tab.get_by_role("button", name="Antworten speichern").click()
    editor_tab.get_by_role("button", name="Abwägung veröffentlichen").click()
    editors.close()

    # The public reads the disposition table.
    public = browser.new_context(base_url=live_server.url, locale="de-DE")
    reader = public.new_page()
    reader.goto(comment_round.get_url())
    expect(reader.get_by_role("heading", level=1)).to_contain_text("Digitale Souveränität")
    table = reader.get_by_role("table")
    expect(table).to_contain_text("Bitte „Rolle“ genauer fassen")
    expect(table).to_contain_text("Stadt Musterhausen")
    expect(table).to_contain_text("Übernommen: Absatz präzisiert.")
    assert_accessible(reader)

    # The next version changes that paragraph; its diff shows the decision beside it.
    text_page = MissionPage.objects.get(slug="grundsaetze")
    body = text_page.body.get_prep_value()
    for block in body:
        if block["id"] == comment.block_id:
            block["value"] = block["value"].replace(
                QUOTE, "eigenständige Rolle in der digitalen Welt"
            )
    text_page.body = body
    text_page.change_note = "Absatz zur Rolle der Kommunen präzisiert (Kommentierungsrunde)."
    text_page.save_revision().publish()
    *_, older, newer = Version.objects.filter(page=text_page).order_by("published_at")
    reader.goto(f"{text_page.url}fassungen/{older.label}/vergleich/{newer.label}/")
    decided = reader.locator(".decided-comments")
    expect(decided).to_contain_text("Bitte „Rolle“ genauer fassen")
    expect(decided).to_contain_text("angenommen")
    assert_accessible(reader)
    public.close()
