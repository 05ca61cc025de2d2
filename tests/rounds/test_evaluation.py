"""Editors evaluate a round in the admin, export and release the disposition table."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from odf import opendocument, table, teletype
from openpyxl import load_workbook

from rounds.choices import Decision
from rounds.models import Comment, CommentRound
from tests import factories
from tests.rounds.conftest import paragraph

TRICKY = '=HYPERLINK("http://böse.example","Klick") "Anführung"\nzweite Zeile äöüß'


@pytest.fixture
def closed_round(make_round, member, other_member):
    comment_round = make_round(opens_in_days=-10, closes_in_days=-1)
    for user, number, text in [
        (member, "1.1", TRICKY),
        (member, "2.1", "Zu 2.1 aus Musterhausen"),
        (other_member, "2.1", "Zu 2.1 aus dem Kreis"),
    ]:
        Comment.objects.create(
            round=comment_round,
            block_id=paragraph(comment_round, number).id,
            text=text,
            author=user,
            organisation=user.membership.organisation,
        )
    return comment_round


def evaluate_url(comment_round):
    return reverse("rounds_evaluate", args=[comment_round.pk])


@pytest.mark.django_db
def test_only_the_strands_editors_evaluate(
    client, closed_round, guidance_editor, member, mission_editor
):
    for user in (guidance_editor, member):
        client.force_login(user)
        assert client.get(evaluate_url(closed_round)).status_code in (302, 403)
    client.force_login(mission_editor)
    html = client.get(evaluate_url(closed_round)).content.decode()
    assert "Absatz 2.1" in html and "Zu 2.1 aus dem Kreis" in html


@pytest.mark.django_db
def test_filters_by_organisation_and_paragraph(client, closed_round, mission_editor, beispielkreis):
    client.force_login(mission_editor)
    html = client.get(
        evaluate_url(closed_round), {"organisation": beispielkreis.pk}
    ).content.decode()
    assert "Zu 2.1 aus dem Kreis" in html and "Zu 2.1 aus Musterhausen" not in html
    block = paragraph(closed_round, "1.1").id
    html = client.get(evaluate_url(closed_round), {"absatz": block}).content.decode()
    assert "HYPERLINK" in html and "Zu 2.1" not in html


@pytest.mark.django_db
def test_answer_one_comment_and_several_in_bulk(client, closed_round, mission_editor):
    client.force_login(mission_editor)
    first, second, third = Comment.objects.order_by("pk")
    client.post(
        evaluate_url(closed_round),
        {f"entscheidung-{first.pk}": Decision.REJECTED, f"antwort-{first.pk}": "Nicht nötig."},
    )
    first.refresh_from_db()
    assert (first.decision, first.answer, first.answered_by) == (
        Decision.REJECTED,
        "Nicht nötig.",
        mission_editor,
    )
    client.post(
        evaluate_url(closed_round),
        {
            "bulk": "1",
            "ausgewaehlt": [second.pk, third.pk],
            "decision": Decision.ACCEPTED,
            "answer": "Wir ergänzen Absatz 2.1.",
        },
    )
    for comment in (second, third):
        comment.refresh_from_db()
        assert (
            comment.decision == Decision.ACCEPTED and comment.answer == "Wir ergänzen Absatz 2.1."
        )
    first.refresh_from_db()
    assert first.decision == Decision.REJECTED


@pytest.mark.django_db
def test_exports_read_back_with_umlauts_and_no_formulas(client, closed_round, mission_editor):
    client.force_login(mission_editor)

    def download(fmt):
        response = client.get(reverse("rounds_export", args=[closed_round.pk, fmt]))
        assert response.status_code == 200
        if fmt != "html":
            disposition = response["Content-Disposition"]
            assert f"abwaegungstabelle-{closed_round.pk}.{fmt}" in disposition
        return response.content

    rows = list(csv.reader(io.StringIO(download("csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Absatz", "Zitierte Stelle", "Kommentar"]
    assert rows[1][0] == "1.1" and rows[1][2] == "'" + TRICKY
    assert rows[1][3] == "Stadt Musterhausen"

    sheet = load_workbook(io.BytesIO(download("xlsx"))).active
    cell = sheet.cell(row=2, column=3)
    assert cell.value == TRICKY and cell.data_type == "s"

    document = opendocument.load(io.BytesIO(download("ods")))
    cells = document.spreadsheet.getElementsByType(table.TableRow)[1].getElementsByType(
        table.TableCell
    )
    assert cells[2].getAttribute("valuetype") == "string"
    assert teletype.extractText(cells[2]).replace("\n", "") == TRICKY.replace("\n", "")
    assert not cells[2].getAttribute("formula")

    printable = download("html").decode()
    assert "Abwägungstabelle" in printable and "&quot;Anführung&quot;" in printable


@pytest.mark.django_db
def test_release_makes_the_table_public_with_organisations_not_people(
    client, closed_round, mission_editor, member
):
    comment = Comment.objects.get(text="Zu 2.1 aus Musterhausen")
    comment.decision, comment.answer = Decision.PARTLY_ACCEPTED, "Teilweise übernommen."
    comment.save()
    assert client.get(closed_round.get_url()).status_code == 302  # not yet public

    client.force_login(mission_editor)
    client.post(reverse("rounds_release", args=[closed_round.pk]))
    client.logout()

    html = client.get(closed_round.get_url()).content.decode()
    assert "Abwägungstabelle" in html
    assert "Stadt Musterhausen" in html and "teilweise angenommen" in html
    assert "Teilweise übernommen." in html
    assert "Neumann" not in html

    Comment.objects.filter(author=member).update(show_author_name=True)
    closed_round.released_at = timezone.now()
    from portal import content_cache

    content_cache.bump()
    assert (
        "Sabine Neumann (Stadt Musterhausen)" in client.get(closed_round.get_url()).content.decode()
    )


@pytest.mark.django_db
def test_a_running_round_cannot_be_released(client, open_round, mission_editor):
    client.force_login(mission_editor)
    client.post(reverse("rounds_release", args=[open_round.pk]))
    open_round.refresh_from_db()
    assert open_round.released_at is None


def open_round_in_admin(client, page, **fields):
    """Post the admin form that opens a two-week round on ``page``."""
    now = timezone.localtime()
    return client.post(
        reverse("comment_rounds:add"),
        {
            "page_choice": page.pk,
            "opens_at": now.strftime("%Y-%m-%d %H:%M"),
            "closes_at": (now + timedelta(days=14)).strftime("%Y-%m-%d %H:%M"),
            "visibility": "geschlossen",
            "audience_all_members": "on",
            **fields,
        },
    )


@pytest.mark.django_db
def test_editor_opens_a_round_in_the_admin_and_it_freezes_the_current_draft(
    client, principle, mission_editor
):
    principle.summary = "Entwurf für die Runde"
    principle.save_revision()
    client.force_login(mission_editor)
    response = open_round_in_admin(client, principle, instructions="Bitte bis Monatsende.")
    assert response.status_code == 302, response.content.decode()[:3000]
    comment_round = CommentRound.objects.get()
    assert comment_round.summary == "Entwurf für die Runde"
    assert comment_round.revision == principle.get_latest_revision()
    assert comment_round.created_by == mission_editor


@pytest.mark.django_db
def test_editor_cannot_open_a_round_on_the_other_strand(client, guidance_index, mission_editor):
    guidance = factories.guidance_page(guidance_index)
    client.force_login(mission_editor)
    response = open_round_in_admin(client, guidance)
    assert response.status_code == 200
    assert not CommentRound.objects.exists()


def bulk_round(make_round, mission_index, member, other_member, paragraphs=100, comments=1000):
    page = factories.mission_page(
        mission_index, title="Langer Text", body=factories.body(10, paragraphs // 10)
    )
    comment_round = make_round(page=page)
    blocks = [item.block.id for item in comment_round.numbered_body if not item.is_heading]
    Comment.objects.bulk_create(
        Comment(
            round=comment_round,
            block_id=blocks[n % len(blocks)],
            text=f"Kommentar {n}",
            author=(member, other_member)[n % 2],
            organisation=(member, other_member)[n % 2].membership.organisation,
        )
        for n in range(comments)
    )
    return comment_round


@pytest.mark.django_db
def test_round_page_and_evaluation_queries_do_not_grow_with_comments(
    client, make_round, mission_index, member, other_member, mission_editor
):
    def count(url, user):
        client.force_login(user)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    small = bulk_round(make_round, mission_index, member, other_member, 20, 10)
    large = bulk_round(make_round, mission_index, member, other_member, 100, 1000)
    count(small.get_url(), member)  # warm per-process caches (content types, site)
    count(evaluate_url(small), mission_editor)
    assert count(large.get_url(), member) == count(small.get_url(), member)
    assert count(large.get_url(), member) <= 30
    assert count(evaluate_url(large), mission_editor) == count(evaluate_url(small), mission_editor)

    large.closes_at = large.opens_at + timedelta(seconds=1)
    large.released_at = timezone.now()
    large.save()
    client.logout()
    with CaptureQueriesContext(connection) as context:
        assert client.get(large.get_url()).status_code == 200
    assert len(context) <= 20


@pytest.mark.django_db
def test_round_list_counts_comments_and_shows_only_the_editors_strand(
    client, closed_round, mission_editor, guidance_editor
):
    client.force_login(mission_editor)
    html = client.get(reverse("comment_rounds:index")).content.decode()
    assert closed_round.title in html and ">3<" in html.replace(" ", "").replace("\n", "")
    client.force_login(guidance_editor)
    assert closed_round.title not in client.get(reverse("comment_rounds:index")).content.decode()
