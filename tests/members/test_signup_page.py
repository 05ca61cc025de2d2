"""The sign-up page: one short password hint, and which organisations take part."""

import re

import pytest
from django.urls import reverse


def signup_page(client) -> str:
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_sign_up_states_the_password_rules_once_in_german(client, home):
    html = signup_page(client)
    assert html.count("mindestens 10 Zeichen") == 1
    assert "nur aus Ziffern" in html
    assert "Namen oder Ihrer E-Mail-Adresse" in html
    # Not the stock list of the validators, in German or in English.
    assert "Das Passwort darf nicht" not in html
    assert "Das Passwort muss" not in html
    assert "Your password" not in html
    assert "<li>" not in re.search(r'id="id_password1_helptext">(.*?)</div>', html, re.S).group(1)
    assert 'aria-describedby="id_password1_helptext"' in html


@pytest.mark.django_db
def test_the_short_hint_leaves_the_password_rules_in_force(client, home):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "neu@post.example",
            "first_name": "Lena",
            "last_name": "Fischer",
            "password1": "1234567890",
            "password2": "1234567890",
        },
    )
    assert response.status_code == 200
    assert "Dieses Passwort ist zu üblich" in response.content.decode()
