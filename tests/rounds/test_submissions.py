"""Taking in comments: a rate limit per member, one comment per sent form (also when it
is sent twice at once), and a busy database answered with the text kept."""

import re
import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connections
from django.test import Client
from django.utils import timezone

from rounds.models import Comment
from tests.database_lock import write_lock_held
from tests.rounds.conftest import make_user, paragraph

TOO_MANY = "Sie haben in kurzer Zeit sehr viele Beiträge gesendet."
BUSY = "Der Dienst ist gerade stark beschäftigt – bitte gleich noch einmal senden."


def form_data(client, comment_round, number="1.2", text="Bitte präzisieren.") -> dict:
    """What a browser sends from the form of paragraph ``number``, token included."""
    block_id = paragraph(comment_round, number).id
    html = client.get(comment_round.get_url()).content.decode()
    form = re.search(
        rf'<input[^>]*name="block_id"[^>]*value="{block_id}".*?</form>', html, re.DOTALL
    ).group(0)
    token = re.search(r'name="submission_token" value="([^"]+)"', form).group(1)
    return {"block_id": block_id, "submission_token": token, "text": text}


@pytest.mark.django_db
def test_every_comment_form_carries_its_own_token(client, open_round, member):
    client.force_login(member)
    html = client.get(open_round.get_url()).content.decode()
    tokens = re.findall(r'name="submission_token" value="([^"]+)"', html)
    # One general form and one per paragraph (2 sections of 3 paragraphs in the fixture).
    assert len(tokens) > 1
    assert len(set(tokens)) == len(tokens)


@pytest.mark.django_db
def test_a_form_sent_twice_stores_one_comment_and_answers_alike(client, open_round, member):
    client.force_login(member)
    data = form_data(client, open_round, text="Ein Doppelklick.")
    first = client.post(open_round.get_url(), data)
    second = client.post(open_round.get_url(), data)
    comment = Comment.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"{open_round.get_url()}#k-{comment.pk}"
    assert comment.text == "Ein Doppelklick."


@pytest.mark.django_db
def test_two_forms_with_the_same_text_are_two_comments(client, open_round, member):
    client.force_login(member)
    for _ in range(2):
        client.post(open_round.get_url(), form_data(client, open_round, text="Noch einmal."))
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_the_same_token_from_another_member_is_their_own_comment(
    client, open_round, member, colleague
):
    client.force_login(member)
    data = form_data(client, open_round)
    client.post(open_round.get_url(), data)
    client.force_login(colleague)
    client.post(open_round.get_url(), data)
    assert Comment.objects.filter(author=member).count() == 1
    assert Comment.objects.filter(author=colleague).count() == 1


@pytest.mark.django_db
def test_too_many_comments_in_a_minute_get_429_with_the_text_kept(
    client, open_round, member, colleague
):
    client.force_login(member)
    block_id = paragraph(open_round, "1.1").id
    for n in range(10):
        response = client.post(open_round.get_url(), {"block_id": block_id, "text": f"Nr. {n}"})
        assert response.status_code == 302

    response = client.post(
        open_round.get_url(), {"block_id": block_id, "text": "Der elfte Kommentar."}
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert TOO_MANY in html and "Ihr Text ist unten erhalten." in html
    assert "Der elfte Kommentar." in html
    assert 0 < int(response["Retry-After"]) <= 60
    assert Comment.objects.count() == 10

    # Others are not held back, and the member may go on a minute later.
    client.force_login(colleague)
    assert client.post(open_round.get_url(), {"text": "Von nebenan."}).status_code == 302
    client.force_login(member)
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert client.post(open_round.get_url(), {"text": "Später."}).status_code == 302


@pytest.mark.django_db
def test_resending_a_stored_form_does_not_count_against_the_limit(client, open_round, member):
    client.force_login(member)
    data = form_data(client, open_round)
    for _ in range(15):
        assert client.post(open_round.get_url(), data).status_code == 302
    assert client.post(open_round.get_url(), {"text": "Ein neuer."}).status_code == 302
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_invalid_forms_do_not_count_against_the_limit(client, open_round, member):
    client.force_login(member)
    for _ in range(12):
        assert client.post(open_round.get_url(), {"text": "   "}).status_code == 400
    assert client.post(open_round.get_url(), {"text": "Jetzt richtig."}).status_code == 302


FORMS = 10


@pytest.mark.django_db(transaction=True)
def test_each_form_sent_twice_at_once_stores_one_comment(
    django_user_model, musterhausen, make_round
):
    comment_round = make_round()
    members = [
        make_user(django_user_model, f"doppel{n}@musterhausen.example", organisation=musterhausen)
        for n in range(FORMS)
    ]
    clients, forms = [], []
    for n, person in enumerate(members):
        client = Client()
        client.force_login(person)
        clients.append(client)
        forms.append(form_data(client, comment_round, "2.1", text=f"Doppelt {n}"))
    connections.close_all()
    start = threading.Barrier(2 * FORMS)
    answers = [None] * (2 * FORMS)

    def send(index: int) -> None:
        try:
            client = clients[index // 2]
            start.wait()
            response = client.post(comment_round.get_url(), forms[index // 2])
            answers[index] = (response.status_code, response.get("Location"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(2 * FORMS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    texts = sorted(Comment.objects.filter(round=comment_round).values_list("text", flat=True))
    assert texts == sorted(f"Doppelt {n}" for n in range(FORMS))
    for n in range(FORMS):
        first, second = answers[2 * n], answers[2 * n + 1]
        assert first == second
        assert first[0] == 302


@pytest.mark.django_db(transaction=True)
def test_a_locked_database_answers_503_and_keeps_the_text(client, open_round, member):
    client.force_login(member)
    data = form_data(client, open_round, text="Mein sorgfältig formulierter Einwand.")
    with write_lock_held(Comment._meta.db_table):
        response = client.post(open_round.get_url(), data)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert BUSY in html and "Ihr Text ist unten erhalten." in html
    assert "Mein sorgfältig formulierter Einwand." in html
    assert data["submission_token"] in html  # sent again, it is still stored once
    assert not Comment.objects.exists()

    assert client.post(open_round.get_url(), data).status_code == 302
    assert Comment.objects.get().text == "Mein sorgfältig formulierter Einwand."


@pytest.mark.django_db(transaction=True)
def test_a_locked_database_answers_503_to_an_edit_and_keeps_the_text(client, open_round, member):
    client.force_login(member)
    client.post(open_round.get_url(), {"text": "Erste Fassung."})
    comment = Comment.objects.get()
    edit_url = f"{open_round.get_url()}kommentar/{comment.pk}/bearbeiten/"
    assert client.get(edit_url).status_code == 200
    with write_lock_held(Comment._meta.db_table):
        response = client.post(edit_url, {"text": "Zweite, bessere Fassung."})
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert BUSY in html and "Zweite, bessere Fassung." in html
    comment.refresh_from_db()
    assert comment.text == "Erste Fassung."
