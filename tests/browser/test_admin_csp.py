"""An editor works in the Wagtail admin under its Content-Security-Policy, and reads a
public page with the userbar under the strict public one: the browser reports no
violation anywhere, so the policies are as strict as they can be and still work."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from playwright.sync_api import expect
from taggit.models import Tag
from wagtail.images.models import Image

from members.models import Organisation
from strands.models import GuidancePage, MissionPage
from tests.browser.helpers import demo_account

# Runs in every document and frame before the page's own scripts (not subject to CSP).
REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
    window.reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
        `in ${event.documentURI} (${event.sourceFile}:${event.lineNumber}) ` +
        `${event.sample}`
    );
});
"""
CSP_CONSOLE_MESSAGE = re.compile(r"Content[ -]Security[ -]Policy", re.IGNORECASE)
SLUG = "offene-standards"


class PolicyWatch:
    """Everything the browser says about CSP, and the policy of every document it loads."""

    def __init__(self, tab):
        self.violations: list[str] = []
        self.documents: dict[str, str | None] = {}
        tab.expose_function("reportCspViolation", self.record)
        tab.context.add_init_script(REPORT_VIOLATIONS)
        tab.on("console", self.on_console)
        tab.on("response", self.on_response)

    def record(self, violation: str) -> None:
        self.violations.append(violation)

    def on_console(self, message):
        if CSP_CONSOLE_MESSAGE.search(message.text):
            self.violations.append(f"console: {message.text}")

    def on_response(self, response):
        if response.request.resource_type == "document":
            self.documents[response.url] = response.headers.get("content-security-policy")

    def assert_clean(self):
        assert not self.violations, "\n".join(self.violations)

    def assert_admin_documents_carry_a_policy(self):
        admin = {url: csp for url, csp in self.documents.items() if "/admin/" in url}
        assert admin and all(admin.values()), admin


def png(colour: str) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a temporary folder (the live server runs in this process)."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def image(media_root):
    """One image, so the image listing shows a preview."""
    content = ImageFile(io.BytesIO(png("#2a6f97")), name="rathaus.png")
    return Image.objects.create(title="Rathaus", file=content)


@pytest.fixture
def watched(page):
    return page, PolicyWatch(page)


def sign_in(tab, role: str) -> None:
    account = demo_account(role)
    tab.goto("/accounts/login/?next=/admin/")
    tab.locator("input[name=login]").fill(account.email)
    tab.locator("input[name=password]").fill(account.password)
    tab.locator("form[action^='/accounts/login/'] [type=submit]").click()
    expect(tab).to_have_url(re.compile("/admin/$"))
    settle(tab)


def settle(tab) -> None:
    """Wait until the page's scripts and their requests have run."""
    tab.wait_for_load_state("networkidle")


def visit(tab, url: str) -> None:
    tab.goto(url)
    settle(tab)


def upload_an_image(tab) -> None:
    """The upload form previews the chosen file before it sends it."""
    visit(tab, "/admin/images/multiple/add/")
    tab.locator("#fileupload").set_input_files(
        {"name": "marktplatz.png", "mimeType": "image/png", "buffer": png("#8a5a00")}
    )
    expect(tab.locator("#upload-list .upload-success")).to_have_count(1)
    settle(tab)


def edit_body_and_choose_a_document(tab) -> None:
    """Draftail takes typing, and its document link opens the chooser modal."""
    editor = tab.locator(".DraftEditor-root [contenteditable=true]").first
    editor.click()
    tab.keyboard.type(" Ergänzung")
    tab.keyboard.press("Shift+Home")
    tab.locator(".Draftail-ToolbarButton[name=DOCUMENT]").first.click()
    modal = tab.locator(".modal-dialog")
    expect(modal.get_by_role("heading", level=1)).to_be_visible()
    settle(tab)
    modal.locator("button.close").click()


def insert_a_block(tab) -> None:
    """The StreamField's block chooser adds a quote block."""
    blocks = tab.locator("[data-contentpath=body] [data-streamfield-child]")
    count = blocks.count()
    tab.get_by_role("button", name="Einen Block einfügen").first.click()
    tab.get_by_role("option", name="Zitat").click()
    expect(blocks).to_have_count(count + 1)


def open_the_preview_panel(tab, title: str) -> None:
    tab.get_by_role("button", name="Vorschau umschalten").click()
    preview = tab.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(title)
    settle(tab)


def pick_a_publishing_date(tab) -> None:
    """The schedule dialog's date fields get their picker from Wagtail's inline script."""
    tab.get_by_role("button", name="Status umschalten").click()
    tab.get_by_role("button", name="Zeitplan festlegen").click()
    tab.locator("#id_go_live_at").click()
    expect(tab.locator(".xdsoft_datetimepicker").first).to_be_visible()
    tab.keyboard.press("Escape")


def test_editor_works_in_the_admin_without_policy_violations(watched, image):
    tab, watch = watched
    chapter = MissionPage.objects.get(slug=SLUG)
    sign_in(tab, "Redaktion Leitbild")

    visit(tab, "/admin/pages/")
    visit(tab, f"/admin/pages/{chapter.get_parent().pk}/")
    expect(tab.get_by_role("link", name=re.compile(chapter.title)).first).to_be_visible()

    visit(tab, f"/admin/pages/{chapter.pk}/edit/")
    edit_body_and_choose_a_document(tab)
    insert_a_block(tab)
    open_the_preview_panel(tab, chapter.title)
    pick_a_publishing_date(tab)

    visit(tab, "/admin/images/")
    expect(tab.get_by_text("Rathaus")).to_be_visible()
    visit(tab, f"/admin/images/{image.pk}/")
    upload_an_image(tab)
    visit(tab, "/admin/documents/")

    watch.assert_clean()
    watch.assert_admin_documents_carry_a_policy()


def suggest_a_tag(tab) -> None:
    """The tag field suggests existing tags in a jQuery UI menu."""
    tag = Tag.objects.filter(guidancepage__isnull=False).order_by("name").first()
    guidance = GuidancePage.objects.filter(tags=tag).first()
    visit(tab, f"/admin/pages/{guidance.pk}/edit/")
    tab.locator(".tagit-new input").first.fill(tag.name[:4])
    expect(tab.locator(".ui-menu-item", has_text=tag.name).first).to_be_visible()
    settle(tab)


def test_administrator_uses_dashboard_tags_and_inline_panels_without_violations(watched):
    tab, watch = watched
    organisation = Organisation.objects.order_by("name").first()
    sign_in(tab, "Administration")  # the dashboard would offer an upgrade check here
    suggest_a_tag(tab)

    visit(tab, f"/admin/organisationen/edit/{organisation.pk}/")
    total_forms = tab.locator("#id_domains-TOTAL_FORMS")
    count = int(total_forms.input_value())
    tab.get_by_role("button", name="Domain hinzufügen").click()  # Wagtail's inline script
    expect(total_forms).to_have_value(str(count + 1))
    expect(tab.locator(f"#id_domains-{count}-domain")).to_be_visible()

    visit(tab, "/admin/kommentierung/new/")

    watch.assert_clean()
    watch.assert_admin_documents_carry_a_policy()


def test_editor_reads_a_public_page_with_the_userbar_under_the_strict_policy(watched):
    tab, watch = watched
    chapter = MissionPage.objects.get(slug=SLUG)
    sign_in(tab, "Redaktion Leitbild")
    tab.goto(chapter.url)
    userbar = tab.locator("wagtail-userbar")
    userbar.locator("[data-wagtail-userbar-trigger]").click()
    expect(userbar.get_by_role("menuitem").first).to_be_visible()
    settle(tab)

    watch.assert_clean()
    assert "'unsafe-inline'" not in watch.documents[tab.url]
