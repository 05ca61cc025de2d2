"""A member's round comments are part of their data download (Art. 15 and 20 GDPR)."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.choices import Decision
from rounds.models import Comment
from tests.rounds.conftest import paragraph


def download(client) -> dict:
    response = client.get(reverse("members:export"))
    assert response.status_code == 200
    return json.loads(response.content)


def comment(comment_round, user, number: str, text: str, **fields) -> Comment:
    return Comment.objects.create(
        round=comment_round,
        block_id=paragraph(comment_round, number).id,
        text=text,
        author=user,
        organisation=user.membership.organisation,
        **fields,
    )


@pytest.fixture
def released_round(make_round, member, other_member):
    comment_round = make_round(opens_in_days=-10, closes_in_days=-1)
    comment(
        comment_round,
        member,
        "2.1",
        "Bitte Schnittstellen nennen.",
        quote="offene Standards",
        decision=Decision.PARTLY_ACCEPTED,
        answer="Wir nennen zwei Beispiele.",
    )
    comment(comment_round, other_member, "2.1", "Kommentar aus dem Kreis.")
    comment_round.released_at = timezone.now()
    comment_round.save()
    return comment_round


@pytest.fixture
def running_round(make_round, member):
    comment_round = make_round()
    comment(
        comment_round,
        member,
        "1.2",
        "Noch in Arbeit bei der Redaktion.",
        decision=Decision.REJECTED,
        answer="Interner Entwurf der Antwort.",
    )
    return comment_round


def own_comments(client) -> list[dict]:
    return download(client)["kommentierung"]["kommentare"]


@pytest.mark.django_db
def test_the_download_contains_the_members_round_comments(
    client, member, released_round, running_round
):
    client.force_login(member)
    entries = {entry["text"]: entry for entry in own_comments(client)}
    assert set(entries) == {"Bitte Schnittstellen nennen.", "Noch in Arbeit bei der Redaktion."}

    released = entries["Bitte Schnittstellen nennen."]
    block_id = paragraph(released_round, "2.1").id
    assert released["runde"] == str(released_round)
    assert released["seite"] == "Offene Standards"
    assert released["adresse"].endswith(f"/kommentierung/{released_round.pk}/")
    assert released["absatz"] == "2.1"
    assert released["absatz_anker"] == f"p-{block_id}"
    assert released["zitierte_stelle"] == "offene Standards"
    assert released["organisation"] == "Stadt Musterhausen"
    assert released["eingereicht_am"] and released["geaendert_am"]
    assert released["zurueckgezogen_am"] is None
    assert released["entscheidung"] == "teilweise angenommen"
    assert released["antwort_der_redaktion"] == "Wir nennen zwei Beispiele."


@pytest.mark.django_db
def test_the_editors_answer_appears_only_once_released(client, member, running_round):
    client.force_login(member)
    [entry] = own_comments(client)
    assert entry["absatz"] == "1.2"
    assert entry["entscheidung"] is None and entry["antwort_der_redaktion"] is None
    assert "Interner Entwurf der Antwort." not in json.dumps(download(client), ensure_ascii=False)


@pytest.mark.django_db
def test_withdrawn_comments_are_in_the_download_as_withdrawn(client, member, running_round):
    Comment.objects.filter(author=member).update(withdrawn_at=timezone.now())
    client.force_login(member)
    [entry] = own_comments(client)
    assert entry["zurueckgezogen_am"]


@pytest.mark.django_db
def test_other_peoples_comments_are_not_in_the_download(
    client, member, other_member, released_round
):
    client.force_login(member)
    assert "Kommentar aus dem Kreis." not in json.dumps(download(client), ensure_ascii=False)
    client.force_login(other_member)
    assert [entry["text"] for entry in own_comments(client)] == ["Kommentar aus dem Kreis."]
    assert "Bitte Schnittstellen nennen." not in json.dumps(download(client), ensure_ascii=False)


@pytest.mark.django_db
def test_without_comments_the_section_is_empty(client, registered):
    client.force_login(registered)
    assert own_comments(client) == []
