"""Export → empty database → import → export again: nothing may be lost or changed."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page

from discussions.models import DiscussionIndexPage, Post, Thread
from discussions.services import hide_post
from members.models import Organisation
from rounds.models import Comment, CommentRound
from strands.models import GuidancePage, MissionPage
from tests import factories
from versions.models import Version

from .conftest import read_tree, run, wipe_content

pytestmark = pytest.mark.django_db


def enrich_demo() -> dict:
    """What the demo lacks: media, rich text references, a discussion with a hidden post."""
    collection = Collection.get_first_root_node().add_child(name="Veröffentlichungen")
    image = get_image_model().objects.create(
        title="Rathaus Musterhausen", file=get_test_image_file(), collection=collection
    )
    image.tags.add("Rathaus")
    document = get_document_model().objects.create(
        title="Leitfaden Beschaffung",
        file=ContentFile(b"%PDF-1.4 Leitfaden\n", name="leitfaden.pdf"),
        collection=collection,
    )
    target = MissionPage.objects.get(slug="offene-standards")
    page = GuidancePage.objects.get(slug="open-source-strategie")
    body = page.body.get_prep_value()
    body.append(
        {
            "type": "paragraph",
            "value": (
                f'<p>Siehe <a linktype="page" id="{target.pk}">Offene Standards</a> und den '
                f'<a linktype="document" id="{document.pk}">Leitfaden</a>.</p>'
            ),
            "id": "0d6f1c1e-0000-4000-8000-000000000001",
        }
    )
    page.body = body
    page.change_note = "Verweise auf den Grundsatz und den Leitfaden ergänzt."
    page.save_revision().publish()

    # A released round of its own, whether or not the demo has one.
    now = timezone.now()
    comment_round = CommentRound.freeze(
        target,
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=2),
        released_at=now - timedelta(days=1),
        instructions="Bitte zu Abschnitt 1 kommentieren.",
    )
    comment_round.save()
    org = Organisation.objects.get(name="Stadt Musterhausen")
    comment_round.audience_organisations.add(org)
    Comment.objects.create(
        round=comment_round,
        block_id=comment_round.body[1]["id"],
        quote="offene",
        text="Bitte Beispiele für offene Standards nennen.",
        organisation=org,
        decision="accepted",
        answer="Beispiele ergänzt.",
        answered_at=now,
    )
    author = factories.member(org, email="e.muster@musterhausen.example")
    other = factories.member(org, email="k.ohnename@musterhausen.example", first_name="")
    other.last_name = ""
    other.save()
    area = DiscussionIndexPage.objects.get()
    room = factories.room(area, description="Austausch über Umstellungen.", related_page=target)
    thread = factories.thread(room, author, replies=2, replier=other)
    hidden = Post.objects.filter(thread=thread).order_by("-pk").first()
    hide_post(hidden, by=None)
    return {"room": room, "thread": thread, "hidden_text": hidden.text}


def snapshot() -> dict:
    return {
        "public_pages": Page.objects.live().public().exclude(depth=1).count(),
        "versions": Version.objects.count(),
        "rounds": CommentRound.objects.released().count(),
        "comments": Comment.objects.filter(round__released_at__isnull=False).active().count(),
        "organisations": Organisation.objects.count(),
        "threads": Thread.objects.count(),
        "visible_posts": Post.objects.filter(hidden=False).count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def test_export_import_export_gives_the_same_files(tmp_path, client):
    run("load_demo")
    enriched = enrich_demo()
    first, second = tmp_path / "export-1", tmp_path / "export-2"
    run("export_site", str(first))
    before = snapshot()

    wipe_content()
    assert Page.objects.count() == 1  # only Wagtail's root is left
    run("import_site", str(first))
    run("export_site", str(second))

    exported, again = read_tree(first), read_tree(second)
    assert sorted(exported) == sorted(again)
    first_manifest = json.loads(exported.pop("manifest.json"))
    second_manifest = json.loads(again.pop("manifest.json"))
    first_manifest.pop("exported_at"), second_manifest.pop("exported_at")
    assert first_manifest == second_manifest
    differing = [name for name in exported if exported[name] != again[name]]
    assert differing == []

    # Everything there, in the numbers the export promises …
    counts = first_manifest["counts"]
    assert counts["pages"] == before["public_pages"] >= 26  # without the member-only area
    assert counts["versions"] == before["versions"] >= 16
    assert counts["rounds"] == before["rounds"] >= 1
    assert counts["comments"] == before["comments"] >= 1
    assert counts["posts"] == before["visible_posts"] >= 2  # hidden posts stay out
    assert counts["threads"] == before["threads"] >= 1
    assert (counts["images"], counts["documents"]) == (1, 1)
    after = snapshot()
    assert after == before
    room_file = first / "diskussionen" / f"{enriched['room'].slug}.json"
    assert enriched["thread"].title in room_file.read_text()
    assert enriched["hidden_text"] not in room_file.read_text()

    # … and the rebuilt site works: frozen versions, disposition table, links, media.
    assert client.get("/leitbild/grundsaetze/fassungen/1.1/").status_code == 200
    markdown = client.get("/leitbild/grundsaetze/fassungen/1.1/markdown/")
    version = Version.objects.get(page__slug="grundsaetze", major=1, minor=1)
    assert markdown.content.decode() == version.canonical_text
    for released in CommentRound.objects.released():
        assert client.get(released.get_url()).status_code == 200
    page = GuidancePage.objects.get(slug="open-source-strategie")
    html = client.get(page.url).content.decode()
    assert f'href="{MissionPage.objects.get(slug="offene-standards").url}"' in html
    assert get_document_model().objects.get().url in html
    assert page.live_revision_id == Version.objects.of_page(page).newest_first()[0].revision_id
    # The discussion area is member-only again after the import.
    assert not DiscussionIndexPage.objects.public().exists()


def test_discussion_authors_come_back_without_accounts_to_sign_in(tmp_path):
    run("load_demo")
    enrich_demo()
    run("export_site", str(tmp_path / "export"))
    authors = [post.author for post in Post.objects.filter(hidden=False)]
    authors += [thread.author for thread in Thread.objects.all()]
    shown = {person.get_full_name() for person in authors if person}
    wipe_content()
    users_before = set(get_user_model().objects.values_list("pk", flat=True))
    run("import_site", str(tmp_path / "export"))

    placeholders = get_user_model().objects.exclude(pk__in=users_before)
    assert {user.get_full_name() for user in placeholders} == shown
    assert {"Erika Muster", ""} <= shown
    for person in placeholders:
        assert not person.is_active
        assert not person.has_usable_password()
        assert person.email == ""
