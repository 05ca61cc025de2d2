"""The message after logging in names the person, never their internal username."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests import factories


def _log_in(client, person) -> list[str]:
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_login_message_names_the_person(client, home):
    person = factories.user("ulla@musterhausen.example", first_name="Ulla", last_name="Berg")
    person.username = "ulla"
    person.save(update_fields=["username"])
    assert _log_in(client, person) == ["Sie sind als Ulla Berg angemeldet."]


@pytest.mark.django_db
def test_login_message_without_a_name_gives_the_address(client, home):
    person = factories.user("ulla@musterhausen.example", first_name="", last_name="")
    person.username = "ulla"
    person.save(update_fields=["username"])
    assert _log_in(client, person) == ["Sie sind als ulla@musterhausen.example angemeldet."]


@pytest.mark.django_db
def test_login_message_shows_names_with_special_characters_once_escaped(client, home):
    person = factories.user("o.brien@example.org", first_name="Seán & Ö.", last_name="O'Brien")
    response = client.post(
        reverse("account_login"),
        {"login": person.email, "password": factories.PASSWORD},
        follow=True,
    )
    html = response.content.decode()
    assert "Sie sind als Seán &amp; Ö. O&#x27;Brien angemeldet." in html
    assert "&amp;amp;" not in html
