"""Only what the public may read (and the discussions, without hidden posts) is exported."""

import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.models import Comment as EditorComment

from discussions.models import DiscussionIndexPage
from discussions.services import hide_post
from rounds.models import Comment, CommentRound
from strands.models import MissionPage
from tests import factories

from .conftest import all_text, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home, mission_index, organisation, member):
    public = factories.mission_page(mission_index, title="Öffentlicher Grundsatz")
    EditorComment.objects.create(
        page=public, user=member, text="Interne Notiz der Redaktion", contentpath="title"
    )
    factories.draft_child(
        mission_index, MissionPage(title="Nie veröffentlichter Entwurf", body=factories.body())
    )
    withdrawn = factories.mission_page(mission_index, title="Zurückgezogener Grundsatz")
    withdrawn.unpublish()
    restricted = factories.mission_page(mission_index, title="Geschützter Grundsatz")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    now = timezone.now()
    rounds = {}
    for name, page, released in [
        ("released", public, True),
        ("unreleased", public, False),
        ("on_restricted", restricted, True),
    ]:
        comment_round = CommentRound.freeze(
            page,
            opens_at=now - timedelta(days=20),
            closes_at=now - timedelta(days=1),
            released_at=now if released else None,
        )
        comment_round.save()
        Comment.objects.create(
            round=comment_round,
            text=f"Kommentar in der Runde {name}",
            author=member,
            organisation=organisation,
            show_author_name=True,
            decision="accepted",
            answer="Übernommen.",
        )
        rounds[name] = comment_round
    # A published page with a newer draft: only the published text goes out. (A released
    # round on a draft would publish that draft's text in its disposition table.)
    public.body = factories.body(1, 1, prefix="Geheimer Entwurfstext")
    public.save_revision()
    Comment.objects.create(
        round=rounds["released"],
        text="Zurückgezogener Kommentar",
        author=member,
        organisation=organisation,
        withdrawn_at=now,
    )

    room = factories.room(DiscussionIndexPage.objects.get(), title="Raum der Mitglieder")
    thread = factories.thread(room, member, text="Sichtbarer Beitrag", replies=1)
    hide_post(thread.posts.order_by("-pk").first(), by=None)

    secret = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=secret, restriction_type="login")
    get_document_model().objects.create(
        title="Interne Notiz", file=ContentFile(b"intern", name="intern.txt"), collection=secret
    )
    get_document_model().objects.create(
        title="Öffentlicher Leitfaden",
        file=ContentFile(b"offen", name="offen.txt"),
        collection=Collection.get_first_root_node(),
    )
    return {"public": public, "member": member, "rounds": rounds}


def test_export_holds_only_published_public_content(site, tmp_path):
    folder = tmp_path / "export"
    run("export_site", str(folder))
    text = all_text(folder)

    assert "Öffentlicher Grundsatz" in text
    assert "Absatz 1.1 über offene Standards" in text
    for absent in [
        "Geheimer Entwurfstext",
        "Nie veröffentlichter Entwurf",
        "Zurückgezogener Grundsatz",
        "Geschützter Grundsatz",
        "Kommentar in der Runde unreleased",
        "Kommentar in der Runde on_restricted",
        "Zurückgezogener Kommentar",
        "Antwort Nummer 1.",  # the hidden reply
        "Interne Notiz",  # the document in the restricted collection
        "Interne Notiz der Redaktion",  # an editors' comment in the admin
    ]:
        assert absent not in text, absent
    assert "Kommentar in der Runde released" in text
    assert "Sichtbarer Beitrag" in text
    assert "Öffentlicher Leitfaden" in text
    assert [p.name for p in (folder / "medien" / "dokumente").iterdir()] == [
        "0001-offentlicher-leitfaden.txt"
    ]

    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["format_version"] == 1
    assert manifest["counts"]["rounds"] == 1
    assert manifest["counts"]["versions"] == 1  # the public page's 1.0 only


def test_export_names_organisations_never_addresses(site, tmp_path):
    folder = tmp_path / "export"
    run("export_site", str(folder))
    text = all_text(folder)
    member = site["member"]
    assert "@" not in text
    assert member.email not in text
    (table_file,) = (folder / "kommentierungen").glob("*.json")
    table = table_file.read_text()
    # In the disposition table only the organisation, even where the author agreed to be named.
    assert member.get_full_name() not in table
    assert json.loads(table)["comments"][0]["organisation"] == "Stadt Musterhausen"
    # In the discussion the display name, as members see it there.
    (room_file,) = (folder / "diskussionen").glob("*.md")
    assert member.get_full_name() in room_file.read_text()


def test_export_refuses_a_folder_with_files(site, tmp_path):
    (tmp_path / "alt.txt").write_text("alt")
    with pytest.raises(Exception, match="nicht leer"):
        call_command("export_site", str(tmp_path))
