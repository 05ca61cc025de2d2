"""``manage.py load_demo``: complete, idempotent, renderable, and never in production."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Page, Revision

from demo.accounts import DEMO_ACCOUNTS
from home.models import HomePage
from home.site_tree import TO_BE_WRITTEN
from legal.models import AccessibilityPage, LegalPage
from members.roles import Role
from strands.models import GuidancePage, MissionPage, PracticeExamplePage


def load_demo(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "addresses": EmailAddress.objects.count(),
    }


def logs_in(email: str, password: str) -> bool:
    client = Client(HTTP_HOST="localhost")
    client.post(reverse("account_login"), {"login": email, "password": password})
    return "_auth_user_id" in client.session


@pytest.fixture
def demo(db):
    return load_demo()


@pytest.mark.django_db
def test_second_run_creates_and_changes_nothing(demo):
    before = counts()

    output = load_demo()

    assert counts() == before
    assert "Demo-Text eingesetzt" not in output
    assert "neu angelegt." in output and "davon 0 neu angelegt." in output
    assert "vorhanden, unverändert" in output


@pytest.mark.django_db
def test_fills_the_site_with_all_three_kinds_of_text(demo):
    assert MissionPage.objects.live().count() >= 6
    assert GuidancePage.objects.live().count() >= 4
    assert 4 <= PracticeExamplePage.objects.live().count() <= 6
    assert all("(fiktiv)" in page.municipality for page in PracticeExamplePage.objects.all())


@pytest.mark.django_db
def test_replaces_the_placeholders_of_the_site_tree(demo):
    home = HomePage.objects.get()
    assert home.intro != TO_BE_WRITTEN
    assert "digitale Souveränität" in home.easy_language
    for page in [*LegalPage.objects.all(), AccessibilityPage.objects.get()]:
        assert page.body != TO_BE_WRITTEN
        assert "Demo-Text" in page.body or "Beispiel-Text" in page.body  # Leichte Sprache
    statement = AccessibilityPage.objects.get()
    assert statement.to_address and statement.from_address and statement.subject
    assert "BITV 2.0" in statement.body


@pytest.mark.django_db
def test_leaves_pages_an_editor_has_written_alone(demo):
    imprint = LegalPage.objects.get(slug="impressum")
    imprint.body = "<p>Das echte Impressum.</p>"
    imprint.save_revision().publish()

    load_demo()

    assert LegalPage.objects.get(slug="impressum").body == "<p>Das echte Impressum.</p>"


@pytest.mark.django_db
def test_one_leitbild_chapter_is_long_enough_to_show_numbering(demo):
    chapter = MissionPage.objects.get(slug="grundsaetze")
    paragraphs = [block for block in chapter.body if block.block_type == "paragraph"]
    assert len(paragraphs) >= 20
    assert len(chapter.table_of_contents) >= 3
    assert {block.block_type for block in chapter.body} >= {"list", "quote", "info_box"}


@pytest.mark.django_db
def test_every_live_page_renders(demo):
    client = Client(HTTP_HOST="localhost")
    pages = Page.objects.live().public().filter(depth__gt=1)
    assert pages.count() > 20
    failures = {page.url: client.get(page.url).status_code for page in pages}
    assert {url: status for url, status in failures.items() if status != 200} == {}


@pytest.mark.django_db
def test_guidance_names_its_principles_and_principles_list_their_guidance(demo):
    client = Client(HTTP_HOST="localhost")
    guidance = GuidancePage.objects.get(slug="vergabe-open-source")
    principle = MissionPage.objects.get(slug="open-source-zuerst")

    assert principle in guidance.implemented_principles()
    assert guidance in principle.serving_guidance()
    assert set(guidance.tags.names()) == {"Beschaffung", "Open Source"}
    assert principle.title in client.get(guidance.url).content.decode()
    assert guidance.title in client.get(principle.url).content.decode()


@pytest.mark.django_db
def test_every_role_has_a_demo_account_with_its_groups(demo):
    users = get_user_model().objects.prefetch_related("groups")
    groups_in_use = set()
    for account in DEMO_ACCOUNTS:
        user = users.get(email=account.email)
        assert {group.name for group in user.groups.all()} == set(account.groups)
        assert user.is_superuser == account.superuser
        assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
        groups_in_use |= set(account.groups)
    assert groups_in_use == set(Role)
    assert any(account.superuser for account in DEMO_ACCOUNTS)
    assert any(not account.groups and not account.superuser for account in DEMO_ACCOUNTS)


@pytest.mark.django_db
def test_every_demo_account_can_log_in_with_the_printed_password(demo):
    for account in DEMO_ACCOUNTS:
        assert account.email in demo and account.password in demo
        assert logs_in(account.email, account.password), account.email


@pytest.mark.django_db
def test_passwords_are_reset_only_on_request(demo):
    member = DEMO_ACCOUNTS[-2]
    user = get_user_model().objects.get(email=member.email)
    user.set_password("Ein-eigenes-Passwort-42")
    user.save()

    load_demo()
    assert not logs_in(member.email, member.password)

    assert "Passwort zurückgesetzt" in load_demo("--reset-passwords")
    assert logs_in(member.email, member.password)


@pytest.mark.django_db
@override_settings(SETTINGS_MODULE="portal.settings.production")
def test_refuses_to_run_with_production_settings():
    with pytest.raises(CommandError, match="Produktions-Einstellungen"):
        load_demo()
    assert not get_user_model().objects.exists()
    assert not HomePage.objects.exists()
