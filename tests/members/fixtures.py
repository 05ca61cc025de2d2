"""People in every role, for the members, discussions and browser tests (a pytest plugin,
loaded by ``tests/conftest.py``)."""

import pytest

from members.roles import Role
from tests import factories


@pytest.fixture
def organisation(home):
    return factories.organisation()


@pytest.fixture
def other_organisation(home):
    return factories.organisation(
        "Landkreis Beispielkreis", domains=("beispielkreis.example",), kind="kreis"
    )


@pytest.fixture
def registered(home):
    """Signed up and verified, but not a member."""
    return factories.user("lena.fischer@post.example", "Lena", "Fischer")


@pytest.fixture
def member(organisation):
    return factories.member(
        organisation, "s.neumann@musterhausen.example", first_name="Stefan", last_name="Neumann"
    )


@pytest.fixture
def other_member(other_organisation):
    return factories.member(
        other_organisation, "j.ott@beispielkreis.example", first_name="Jana", last_name="Ott"
    )


@pytest.fixture
def moderator(home):
    return factories.user(
        "moderation@kgst.example", "Aylin", "Demir", groups=(Role.MODERATOR, Role.MEMBER)
    )


@pytest.fixture
def staff(home):
    """An administrator account without any role group."""
    return factories.user("verwaltung@kgst.example", "Tim", "Stab", is_staff=True)


@pytest.fixture
def superuser(home):
    return factories.user(
        "admin@kommunal-souveraen.example", "Petra", "Hoffmann", is_staff=True, is_superuser=True
    )


@pytest.fixture
def as_user(client):
    """``as_user(user)`` logs the test client in as ``user`` (None: stays anonymous)."""

    def login(person):
        client.logout()
        if person is not None:
            client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


@pytest.fixture
def mailbox(mailoutbox, django_capture_on_commit_callbacks):
    """Mail sent after commit (the task runs then), as it would be outside a test transaction."""

    class Mailbox:
        outbox = mailoutbox

        def collect(self):
            return django_capture_on_commit_callbacks(execute=True)

    return Mailbox()
