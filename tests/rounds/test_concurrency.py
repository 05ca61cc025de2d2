"""Twenty members commenting at the same moment lose no comment."""

import threading

import pytest
from django.db import connections
from django.test import Client

from rounds.models import Comment
from tests.rounds.conftest import make_user, paragraph

PARALLEL = 20


@pytest.mark.django_db(transaction=True)
def test_parallel_comments_are_all_saved_exactly_once(django_user_model, musterhausen, make_round):
    comment_round = make_round()
    block_id = paragraph(comment_round, "1.1").id
    members = [
        make_user(django_user_model, f"person{n}@musterhausen.example", organisation=musterhausen)
        for n in range(PARALLEL)
    ]
    start = threading.Barrier(PARALLEL)
    statuses = [None] * PARALLEL

    def comment(index: int) -> None:
        try:
            client = Client()
            client.force_login(members[index])
            start.wait()
            response = client.post(
                comment_round.get_url(), {"block_id": block_id, "text": f"Kommentar {index}"}
            )
            statuses[index] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=comment, args=(n,)) for n in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [302] * PARALLEL
    texts = sorted(Comment.objects.filter(round=comment_round).values_list("text", flat=True))
    assert texts == sorted(f"Kommentar {n}" for n in range(PARALLEL))
