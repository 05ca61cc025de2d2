"""Signing up costs the same for a known and a new address, so timing tells nothing.

No timed test: the cost is counted where it arises, in password hashing and mail.
"""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.urls import reverse
from django_tasks.signals import task_enqueued

from members.tasks import send_email
from tests import factories


class CountingHasher(MD5PasswordHasher):
    """The test settings' hasher, counting how often a password is hashed."""

    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


def sign_up(email: str, mailbox) -> dict:
    """Sign up through allauth's view; return what it hashed and which tasks it queued."""
    enqueued = []

    def record(sender, task_result, **kwargs):
        enqueued.append(task_result)

    CountingHasher.calls = 0
    task_enqueued.connect(record)
    try:
        with mailbox.collect():
            response = Client().post(
                reverse("account_signup"),
                {
                    "email": email,
                    "password1": factories.PASSWORD,
                    "password2": factories.PASSWORD,
                    "first_name": "Maria",
                    "last_name": "Schulz",
                },
            )
    finally:
        task_enqueued.disconnect(record)
    assert response.status_code == 302
    return {
        "hashes": CountingHasher.calls,
        "tasks": [result.task.module_path for result in enqueued],
        "recipients": [result.args[0][0]["to"] for result in enqueued],
    }


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]


@pytest.mark.django_db
def test_a_known_and_a_new_address_hash_the_password_once_each(counting_hasher, mailbox, member):
    known = sign_up(member.email, mailbox)
    new = sign_up("neu@musterhausen.example", mailbox)
    assert (known["hashes"], new["hashes"]) == (1, 1)


@pytest.mark.django_db
def test_a_known_and_a_new_address_queue_one_mail_through_the_same_task(
    counting_hasher, mailbox, member
):
    known = sign_up(member.email, mailbox)
    new = sign_up("neu@musterhausen.example", mailbox)
    assert known["tasks"] == new["tasks"] == [send_email.module_path]
    assert known["recipients"] == [[member.email]]
    assert new["recipients"] == [["neu@musterhausen.example"]]
    assert len(mailbox.outbox) == 2


@pytest.mark.django_db
def test_an_invalid_sign_up_hashes_nothing_for_either_address(counting_hasher, member):
    for email in (member.email, "neu@musterhausen.example"):
        CountingHasher.calls = 0
        response = Client().post(
            reverse("account_signup"),
            {"email": email, "password1": factories.PASSWORD, "password2": "anders"},
        )
        assert response.status_code == 200
        assert CountingHasher.calls == 0, email
