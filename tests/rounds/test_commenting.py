"""Commenting on paragraphs: quotes, bad input, visibility, editing and withdrawing."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rounds.choices import Visibility
from rounds.models import COMMENT_MAX_LENGTH, Comment
from tests import factories
from tests.rounds.conftest import paragraph


def post_comment(client, comment_round, number="1.2", **data):
    block = paragraph(comment_round, number) if number else None
    payload = {"block_id": block.id if block else "", "text": "Bitte präzisieren."} | data
    return client.post(comment_round.get_url(), payload)


@pytest.mark.django_db
def test_member_comments_on_a_paragraph_with_a_quoted_passage(client, open_round, member):
    client.force_login(member)
    response = post_comment(
        client, open_round, "1.2", quote="über  offene Standards", text="Welche Standards?"
    )
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{open_round.get_url()}#k-{comment.pk}"
    assert comment.organisation.name == "Stadt Musterhausen"
    assert comment.paragraph_number == "1.2"
    assert comment.quote == "über offene Standards"

    html = client.get(open_round.get_url()).content.decode()
    assert "Welche Standards?" in html and "Stadt Musterhausen" in html
    assert f'id="p-{paragraph(open_round, "1.2").id}"' in html


@pytest.mark.django_db
def test_general_comment_on_the_whole_text(client, open_round, member):
    client.force_login(member)
    post_comment(client, open_round, None, text="Insgesamt gelungen.")
    assert Comment.objects.get().paragraph_label == "den ganzen Text"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "   "}, "Bitte schreiben Sie Ihren Kommentar."),
        ({"text": "x" * (COMMENT_MAX_LENGTH + 1)}, "Der Kommentar ist zu lang"),
        ({"quote": "steht nirgends", "text": "Text bleibt"}, "steht so nicht in Absatz 1.2"),
        (
            {"block_id": "erfunden", "text": "Text bleibt"},
            "gibt es in der kommentierten Fassung nicht",
        ),
    ],
)
def test_bad_input_is_explained_in_german_and_the_text_is_kept(
    client, open_round, member, data, message
):
    client.force_login(member)
    response = post_comment(client, open_round, "1.2", **data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert not Comment.objects.exists()
    if data.get("text", "").strip() and len(data["text"]) < 100:
        assert data["text"] in html


@pytest.mark.django_db
def test_comment_markup_is_rendered_inert(client, open_round, member):
    client.force_login(member)
    post_comment(client, open_round, "1.1", text='<script>alert("x")</script><b>fett</b>')
    html = client.get(open_round.get_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_csrf_is_enforced(open_round, member):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert post_comment(strict, open_round).status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_closed_consultation_shows_own_and_own_organisations_comments_only(
    client, open_round, member, colleague, other_member
):
    for user, text in [(colleague, "Kollegin schreibt"), (other_member, "Kreis schreibt")]:
        client.force_login(user)
        post_comment(client, open_round, text=text)
    client.force_login(member)
    html = client.get(open_round.get_url()).content.decode()
    assert "Kollegin schreibt" in html
    assert "Kreis schreibt" not in html


@pytest.mark.django_db
def test_open_consultation_shows_everyone_s_comments(client, make_round, member, other_member):
    comment_round = make_round(visibility=Visibility.OPEN)
    client.force_login(other_member)
    post_comment(client, comment_round, text="Kreis schreibt")
    client.force_login(member)
    assert "Kreis schreibt" in client.get(comment_round.get_url()).content.decode()


@pytest.mark.django_db
def test_author_edits_and_withdraws_until_the_round_closes(client, open_round, member, colleague):
    client.force_login(member)
    post_comment(client, open_round, text="Erste Fassung")
    comment = Comment.objects.get()
    edit_url = f"{open_round.get_url()}kommentar/{comment.pk}/bearbeiten/"

    response = client.post(edit_url, {"block_id": comment.block_id, "text": "Zweite Fassung"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Zweite Fassung"

    client.force_login(colleague)  # same organisation, but not the author
    assert client.get(edit_url).status_code == 404
    assert client.post(edit_url, {"text": "Übernommen"}).status_code == 404

    client.force_login(member)
    with time_machine.travel(open_round.closes_at + timedelta(minutes=1), tick=False):
        late = client.post(edit_url, {"block_id": comment.block_id, "text": "Zu spät"})
        assert late.status_code == 400
        assert "Zu spät" in late.content.decode()
        client.post(f"{open_round.get_url()}kommentar/{comment.pk}/zurueckziehen/")
    comment.refresh_from_db()
    assert comment.text == "Zweite Fassung" and comment.withdrawn_at is None

    client.post(f"{open_round.get_url()}kommentar/{comment.pk}/zurueckziehen/")
    comment.refresh_from_db()
    assert comment.withdrawn_at is not None
    assert "Zweite Fassung" not in client.get(open_round.get_url()).content.decode()


@pytest.mark.django_db
def test_closing_time_is_checked_on_the_server_in_berlin_time(client, make_round, member):
    comment_round = make_round()
    comment_round.closes_at = timezone.now() + timedelta(hours=1)
    comment_round.save()
    client.force_login(member)
    with time_machine.travel(comment_round.closes_at, tick=False):
        response = post_comment(client, comment_round, text="Genau um Mitternacht")
    html = response.content.decode()
    assert response.status_code == 400
    assert "nicht geöffnet" in html and "Uhr" in html
    assert "Genau um Mitternacht" in html


@pytest.mark.django_db
def test_frozen_text_stays_while_editors_change_the_live_draft(
    client, open_round, member, principle
):
    first = paragraph(open_round, "1.1")
    client.force_login(member)
    post_comment(client, open_round, "1.1", text="Zu 1.1")

    # Editors rewrite the text and delete paragraph 1.1, then publish.
    principle.body = [
        {"type": "heading", "value": "Neu gegliedert", "id": "neu-h"},
        {"type": "paragraph", "value": "<p>Ganz neuer Absatz.</p>", "id": "neu-p"},
    ]
    principle.change_note = "Neu gegliedert nach der Kommentierung."
    principle.save_revision().publish()

    html = client.get(open_round.get_url()).content.decode()
    assert "Absatz 1.1 über offene Standards." in html
    assert "Ganz neuer Absatz." not in html
    comment = Comment.objects.get()
    assert comment.block_id == first.id and comment.paragraph_number == "1.1"
    open_round.refresh_from_db()
    assert open_round.revision.content["title"] == "Offene Standards"


@pytest.mark.django_db
def test_round_survives_revision_purge(open_round):
    from django.core.management import call_command

    call_command("purge_revisions", days=0, verbosity=0)
    open_round.refresh_from_db()
    assert open_round.revision_id is not None


@pytest.mark.django_db
def test_unreleased_round_leaks_nowhere(client, make_round, mission_index, member):
    draft_word = "Geheimentwurfswort"
    page = factories.mission_page(mission_index, title="Datensouveränität")
    page.body = [{"type": "paragraph", "value": f"<p>{draft_word}</p>", "id": "g1"}]
    page.save_revision()  # a draft, not published
    comment_round = make_round(page=page)
    client.force_login(member)
    post_comment(client, comment_round, None, text="Geheimer Kommentar")
    client.logout()

    assert "0 Treffer" in client.get("/suche/", {"q": draft_word}).content.decode()
    for url in [
        "/",
        "/sitemap.xml",
        "/feeds/fassungen/",
        "/api/v2/pages/?limit=100",
        page.url,
        comment_round.get_url(),
    ]:
        body = client.get(url).content.decode()
        assert draft_word not in body, url
        assert "Geheimer Kommentar" not in body, url
